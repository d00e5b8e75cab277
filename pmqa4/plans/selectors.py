"""Reading step 3's forms for their pages, in a fixed number of queries whatever their size.

Each page's data is one dataclass; templates only walk what is prefetched here. The ``*_state``
functions turn a row into the text an editor sees, so a stale save can say what another person
changed (optimistic locking: the page carries that text as ``seen``).
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from pmqa4.core.thai import fiscal_month_labels, thai_digits
from pmqa4.framework.models import Dimension

from . import checklist
from .models import (
    SHEET_FIELDS_FOR_SCORING,
    SHEET_TEXT_FIELDS,
    ActionPlan,
    Activity,
    ActivityStep,
    Kpi,
    KpiSheet,
    KpiSheetStep,
    PlanItem,
    ThreeYearPlan,
)

MONTHS = fiscal_month_labels()
NONE = "—"


def dimension_heading(dimension: Dimension) -> str:
    """'๑. มิติเปิดกว้างและเชื่อมโยง (หมวด ๑, ๒, ๔, ๖)': the categories come from the configured map."""
    numbers = ", ".join(thai_digits(c.number) for c in dimension.categories.all())
    return f"{thai_digits(dimension.number)}. {dimension.name_th} (หมวด {numbers})"


@dataclass
class Group:
    """One dimension of Form 1 or Form 2 and its rows, numbered 1.1, 1.2 … within it."""

    dimension: Dimension
    heading: str
    rows: list = field(default_factory=list)


def _groups(rows) -> list[Group]:
    dims = Dimension.objects.prefetch_related("categories").order_by("number")
    groups = {d.pk: Group(d, dimension_heading(d)) for d in dims}
    for row in rows:
        groups[row.dimension_id].rows.append(row)
    return list(groups.values())


def _kpis(unit, cycle) -> list[Kpi]:
    return list(Kpi.objects.filter(unit=unit, cycle=cycle).order_by("code"))


def _sorted_kpis():
    return Prefetch("kpis", queryset=Kpi.objects.order_by("code"))


@dataclass
class Form1:
    plan: ThreeYearPlan | None
    years: tuple[int, int, int]
    groups: list[Group]
    kpis: list[Kpi]
    carry_source: ThreeYearPlan | None

    @property
    def version(self) -> int:
        """0 while the unit has no plan yet: the first save creates it."""
        return self.plan.version if self.plan else 0

    @property
    def item_count(self) -> int:
        return sum(len(g.rows) for g in self.groups)


def form1(unit, cycle) -> Form1:
    plan = ThreeYearPlan.objects.filter(unit=unit, cycle=cycle).first()
    items = []
    if plan is not None:
        items = list(
            plan.items.select_related("dimension")
            .prefetch_related(_sorted_kpis())
            .order_by("dimension__number", "number")
        )
    source = carry_source(unit, cycle) if not items else None
    years = plan.years if plan else cycle.plan_years
    return Form1(plan, years, _groups(items), _kpis(unit, cycle), source)


def carry_source(unit, cycle) -> ThreeYearPlan | None:
    """The unit's latest earlier 3-year plan with items (PROCESS.md: the plan carries over)."""
    earlier = {"unit": unit, "cycle__fiscal_year__lt": cycle.fiscal_year, "items__isnull": False}
    plans = ThreeYearPlan.objects.filter(**earlier).select_related("cycle")
    return plans.order_by("-cycle__fiscal_year").first()


@dataclass
class Form2:
    action_plan: ActionPlan | None
    groups: list[Group]
    kpis: list[Kpi]
    draftable: int  # Form 1 items of this fiscal year that have no activity yet

    @property
    def version(self) -> int:
        return self.action_plan.version if self.action_plan else 0

    @property
    def activity_count(self) -> int:
        return sum(len(g.rows) for g in self.groups)


def form1_items_for_this_year(unit, cycle):
    """Form 1 items ticked for the cycle's fiscal year that no activity of Form 2 comes from
    (the year's column depends on the plan's own first year)."""
    year = cycle.fiscal_year
    ticked = (
        Q(plan__first_year=year, in_year1=True)
        | Q(plan__first_year=year - 1, in_year2=True)
        | Q(plan__first_year=year - 2, in_year3=True)
    )
    items = PlanItem.objects.filter(plan__unit=unit, plan__cycle=cycle, activities__isnull=True)
    return items.filter(ticked)


def form2_activities(unit, cycle, *prefetches):
    """A unit's Form 2 activities in the printed order, with their dimension, item, KPIs (or
    ``prefetches`` in their place) and steps: the page, the documents, the snapshot, the API."""
    return (
        Activity.objects.filter(action_plan__unit=unit, action_plan__cycle=cycle)
        .select_related("dimension", "plan_item__dimension")
        .prefetch_related(
            *(prefetches or ("kpis",)),
            Prefetch("steps", queryset=ActivityStep.objects.order_by("number")),
        )
        .order_by("dimension__number", "number")
    )


def form2(unit, cycle) -> Form2:
    action_plan = ActionPlan.objects.filter(unit=unit, cycle=cycle).first()
    activities = []
    if action_plan is not None:
        activities = list(form2_activities(unit, cycle, _sorted_kpis()))
    for row in [*activities, *(s for a in activities for s in a.steps.all())]:
        row.month_cells = [(label, m in row.months) for m, label in enumerate(MONTHS, 1)]
        row.months_label = months_text(row.months)
    draftable = form1_items_for_this_year(unit, cycle).count()
    return Form2(action_plan, _groups(activities), _kpis(unit, cycle), draftable)


def _named(model_through, **scope):
    return Exists(model_through.objects.filter(kpi_id=OuterRef("pk"), **scope))


def plan_years(unit, cycle) -> tuple[int, int, int]:
    plan = ThreeYearPlan.objects.filter(unit=unit, cycle=cycle).first()
    return plan.years if plan else cycle.plan_years


def unit_kpis(unit, cycle) -> list[Kpi]:
    return _kpis(unit, cycle)


def item_of(unit, cycle, pk) -> PlanItem:
    items = PlanItem.objects.select_related("plan", "dimension")
    return get_object_or_404(items, pk=pk, plan__unit=unit, plan__cycle=cycle)


def activity_of(unit, cycle, pk) -> Activity:
    activities = Activity.objects.select_related("dimension")
    return get_object_or_404(activities, pk=pk, action_plan__unit=unit, action_plan__cycle=cycle)


def step_of(unit, cycle, pk) -> ActivityStep:
    steps = ActivityStep.objects.select_related("activity__dimension")
    scope = {"activity__action_plan__unit": unit, "activity__action_plan__cycle": cycle}
    return get_object_or_404(steps, pk=pk, **scope)


def kpi_of(unit, cycle, code) -> Kpi:
    return get_object_or_404(Kpi, unit=unit, cycle=cycle, code=code)


def sheet_step_of(kpi, pk) -> KpiSheetStep:
    return get_object_or_404(KpiSheetStep, pk=pk, sheet__kpi=kpi)


def version_of(model, **lookup) -> int:
    """The stored version of a form's document, 0 while there is none."""
    return model.objects.filter(**lookup).values_list("version", flat=True).first() or 0


@dataclass
class SheetPage:
    kpi: Kpi
    sheet: KpiSheet | None
    baseline_years: tuple[int, int, int]
    baselines: dict  # fiscal year → value
    steps: list[KpiSheetStep]

    @property
    def version(self) -> int:
        return self.sheet.version if self.sheet else 0


def kpi_sheet(unit, cycle, code: str) -> SheetPage:
    kpi = (
        Kpi.objects.filter(unit=unit, cycle=cycle, code=code)
        .select_related("sheet__dimension")
        .first()
    )
    if kpi is None:
        raise Http404
    sheet = getattr(kpi, "sheet", None)
    years = (cycle.fiscal_year - 3, cycle.fiscal_year - 2, cycle.fiscal_year - 1)
    baselines, steps = {}, []
    if sheet is not None:
        baselines = dict(sheet.baselines.values_list("fiscal_year", "value"))
        steps = list(sheet.steps.order_by("number"))
    return SheetPage(kpi, sheet, years, baselines, steps)


def checklist_facts(unit, cycle) -> checklist.Facts:
    """Everything the checklist looks at, in four queries (dimensions, Form 1, Form 2, KPIs)."""
    dimensions = tuple(Dimension.objects.order_by("number").values_list("number", "name_th"))
    form1_dims = list(
        PlanItem.objects.filter(plan__unit=unit, plan__cycle=cycle).values_list(
            "dimension__number", flat=True
        )
    )
    activities = tuple(
        checklist.ActivityFact(pk, dim, number, name, bool(months), bool(responsible.strip()))
        for pk, dim, number, name, months, responsible in Activity.objects.filter(
            action_plan__unit=unit, action_plan__cycle=cycle
        )
        .order_by("dimension__number", "number")
        .values_list("pk", "dimension__number", "number", "name", "months", "responsible")
    )
    sheet = [f"sheet__{f}" for f in SHEET_FIELDS_FOR_SCORING]
    rows = (
        Kpi.objects.filter(unit=unit, cycle=cycle)
        .annotate(in_form1=_named(PlanItem.kpis.through), in_form2=_named(Activity.kpis.through))
        .order_by("code")
        .values("code", "name", "in_form1", "in_form2", "sheet__id", "sheet__direction", *sheet)
    )
    kpis = tuple(checklist.kpi_fact(row) for row in rows)
    return checklist.Facts(dimensions, tuple(form1_dims), activities, kpis)


# What an editor saw of a row, as text (optimistic locking: the message says what changed) -----


def _codes(row) -> str:
    return ", ".join(k.code for k in row.kpis.all()) or NONE


def months_text(months) -> str:
    return " ".join(MONTHS[m - 1] for m in sorted(months)) or NONE


ITEM_LABELS = {
    "name": _("ชื่อแผนงาน/โครงการ/กิจกรรม"),
    "years": _("ปีงบประมาณที่ดำเนินการ"),
    "kpis": _("ตัวชี้วัด"),
}
ACTIVITY_LABELS = {
    "name": _("ชื่อแผนงาน/โครงการ/กิจกรรม"),
    "months": _("เดือนที่ดำเนินการ"),
    "kpis": _("ตัวชี้วัด"),
    "responsible": _("กลุ่มงาน/ผู้รับผิดชอบ"),
}
STEP_LABELS = {"name": _("ขั้นตอน"), "months": _("เดือนที่ดำเนินการ")}
SHEET_STEP_LABELS = {
    "detail": _("รายละเอียดการดำเนินงาน"),
    "evidence": _("เอกสารประกอบการประเมิน/การรายงานผล"),
}


def item_state(item: PlanItem) -> dict[str, str]:
    flags = (item.in_year1, item.in_year2, item.in_year3)
    years = [str(y) for y, on in zip(item.plan.years, flags, strict=True) if on]
    return {"name": item.name, "years": ", ".join(years) or NONE, "kpis": _codes(item)}


def activity_state(activity: Activity) -> dict[str, str]:
    return {
        "name": activity.name,
        "months": months_text(activity.months),
        "kpis": _codes(activity),
        "responsible": activity.responsible or NONE,
    }


def step_state(step: ActivityStep) -> dict[str, str]:
    return {"name": step.name, "months": months_text(step.months)}


def sheet_step_state(step: KpiSheetStep) -> dict[str, str]:
    return {"detail": step.detail, "evidence": step.evidence or NONE}


def sheet_labels(years) -> dict[str, str]:
    labels = {"name": str(_("๒. ชื่อตัวชี้วัด"))}
    for name in SHEET_FIELDS:
        labels[name] = str(KpiSheet._meta.get_field(name).verbose_name)
    for year in years:
        labels[f"baseline_{year}"] = str(_("๖. ผลการดำเนินงานปี %(year)s") % {"year": year})
    return labels


SHEET_FIELDS = ("dimension", *SHEET_TEXT_FIELDS, "target", "direction")


def sheet_state(page: SheetPage) -> dict[str, str]:
    sheet = page.sheet or KpiSheet(kpi=page.kpi)
    state = {"name": page.kpi.name}
    for name in SHEET_FIELDS:
        if name == "dimension":
            value = sheet.dimension if sheet.dimension_id else None
        elif name == "direction":
            value = sheet.get_direction_display()
        else:
            value = getattr(sheet, name)
        state[name] = NONE if value in (None, "") else str(value)
    for year in page.baseline_years:
        value = page.baselines.get(year)
        state[f"baseline_{year}"] = NONE if value is None else str(value)
    return state


def changes_between(labels, seen: dict | None, now: dict | None, *, row: str = ""):
    """(label, what the editor saw, what is stored now) for each difference; a deleted row is
    one line. Without ``seen`` (a new row) there is nothing to compare."""
    if not isinstance(seen, dict):
        return []
    prefix = f"{row} · " if row else ""
    if now is None:
        return [(row or str(_("รายการ")), seen.get("name", NONE), str(_("ถูกลบแล้ว")))]
    return [
        (f"{prefix}{label}", seen.get(key, NONE), now.get(key, NONE))
        for key, label in labels.items()
        if key in seen and seen.get(key) != now.get(key)
    ]
