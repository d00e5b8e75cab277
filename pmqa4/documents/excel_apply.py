"""Writing a confirmed Excel import: the unit's Form 1, 2 or 3 replaced by the file's rows.

One transaction, under the same gate as every plans service (plans/services.py ``step3_editing``:
only the unit's coordinator, only while step 3 is a draft or returned, the step's submission
row locked). The form's document moves on from the version the preview was read at (optimistic
locking, core/locking.py): if anyone saved the form in between, nothing is written and the
coordinator uploads again. Rows are matched by their number (๑.๒ stays the same record, so a
Form 2 activity keeps its Form 4 report and its link to Form 1) and written one by one through
the models, so django-auditlog records each change; unchanged rows are not written at all.
"""

from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pmqa4.core.errors import WorkflowError
from pmqa4.core.locking import StaleEdit, claim_version
from pmqa4.core.thai import thai_digits
from pmqa4.framework.models import Dimension
from pmqa4.plans.models import (
    SHEET_TEXT_FIELDS,
    ActionPlan,
    Activity,
    ActivityStep,
    Kpi,
    KpiBaseline,
    KpiSheet,
    KpiSheetStep,
    PlanItem,
    ThreeYearPlan,
)
from pmqa4.plans.services import step3_editing

from .excel_import import Preview

# Field validation without the queries: the rows were checked on upload, the foreign keys
# come from the database, and the numbers are unique by construction.
NO_QUERIES = {"validate_unique": False, "validate_constraints": False}


def _stale() -> WorkflowError:
    return WorkflowError(_("มีผู้บันทึกแบบฟอร์มนี้หลังจากท่านตรวจไฟล์ ข้อมูลยังไม่ถูกนำเข้า กรุณาอัปโหลดไฟล์อีกครั้ง"))


def _document(model, version: int, defaults=None, **lookup):
    """The form's document moved on from ``version`` (0: there was none when the file was
    checked, so it must still be missing)."""
    if version == 0:
        document, created = model.objects.get_or_create(**lookup, defaults=defaults or {})
        if not created:
            raise _stale()
        return document
    document = model.objects.filter(**lookup).first()
    if document is None:
        raise _stale()
    try:
        claim_version(document, version)
    except StaleEdit:
        raise _stale() from None
    return document


def _kpis(unit, cycle, named) -> dict[str, Kpi]:
    """The unit's KPIs by code; a code the file names for the first time becomes a new KPI."""
    kpis = {k.code: k for k in Kpi.objects.filter(unit=unit, cycle=cycle)}
    for code, name in named:
        if code not in kpis:
            kpi = Kpi(unit=unit, cycle=cycle, code=code, name=name)
            kpi.full_clean(exclude=["unit", "cycle"], **NO_QUERIES)
            kpi.save()
            kpis[code] = kpi
    return kpis


def _set_kpis(row, codes: list[str], kpis: dict[str, Kpi], *, new: bool) -> None:
    wanted = sorted(set(codes))
    if new or sorted(k.code for k in row.kpis.all()) != wanted:
        row.kpis.set([kpis[code] for code in wanted])


def _save(obj, fields: dict, exclude: list[str]) -> bool:
    """Write ``fields`` on ``obj`` if anything differs (or it is new); True when written."""
    if obj.pk is not None and all(getattr(obj, k) == v for k, v in fields.items()):
        return False
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.full_clean(exclude=exclude, **NO_QUERIES)
    obj.save()
    return True


class Tally:
    def __init__(self):
        self.added = self.changed = self.removed = 0

    def count(self, new: bool, written: bool) -> None:
        if new:
            self.added += 1
        elif written:
            self.changed += 1

    def text(self, total: int, what: str) -> str:
        return ngettext(
            "นำเข้าแล้ว %(total)s %(what)s (เพิ่ม %(added)s แก้ไข %(changed)s ลบ %(removed)s)",
            "นำเข้าแล้ว %(total)s %(what)s (เพิ่ม %(added)s แก้ไข %(changed)s ลบ %(removed)s)",
            total,
        ) % {
            "total": thai_digits(total),
            "what": what,
            "added": thai_digits(self.added),
            "changed": thai_digits(self.changed),
            "removed": thai_digits(self.removed),
        }


def _form1(preview: Preview, unit, cycle) -> str:
    plan = _document(
        ThreeYearPlan,
        preview.version,
        {"first_year": cycle.plan_first_year},
        unit=unit,
        cycle=cycle,
    )
    if plan.years != cycle.plan_years:
        raise WorkflowError(_("แผนระยะ ๓ ปีที่บันทึกไว้เป็นคนละช่วงปีกับแบบฟอร์มในไฟล์ จึงนำเข้าไม่ได้"))
    dimensions = {d.number: d for d in Dimension.objects.all()}
    kpis = _kpis(unit, cycle, [k for e in preview.rows for k in e["kpis"]])
    stored = {
        (i.dimension.number, i.number): i
        for i in plan.items.select_related("dimension").prefetch_related("kpis")
    }
    wanted = {(e["dimension"], e["number"]): e for e in preview.rows}
    tally = Tally()
    for key, item in stored.items():
        if key not in wanted:
            item.delete()
            tally.removed += 1
    for (dimension, number), entry in wanted.items():
        item = stored.get((dimension, number))
        new = item is None
        if new:
            item = PlanItem(plan=plan, dimension=dimensions[dimension], number=number)
        in_years = dict(zip(("in_year1", "in_year2", "in_year3"), entry["years"], strict=True))
        written = _save(item, {"name": entry["name"], **in_years}, ["plan", "dimension"])
        _set_kpis(item, [code for code, _n in entry["kpis"]], kpis, new=new)
        tally.count(new, written)
    return tally.text(len(wanted), _("รายการ"))


def _steps(activity: Activity, entries: list[dict], *, new: bool) -> None:
    stored = {} if new else {s.number: s for s in activity.steps.all()}
    wanted = {e["number"]: e for e in entries}
    for number, step in stored.items():
        if number not in wanted:
            step.delete()
    for number, entry in wanted.items():
        step = stored.get(number) or ActivityStep(activity=activity, number=number)
        _save(step, {"name": entry["name"], "months": sorted(entry["months"])}, ["activity"])


def _form2(preview: Preview, unit, cycle) -> str:
    action_plan = _document(ActionPlan, preview.version, unit=unit, cycle=cycle)
    dimensions = {d.number: d for d in Dimension.objects.all()}
    kpis = _kpis(unit, cycle, [k for e in preview.rows for k in e["kpis"]])
    activities = action_plan.activities.select_related("dimension").prefetch_related(
        "kpis", Prefetch("steps", queryset=ActivityStep.objects.order_by("number"))
    )
    stored = {(a.dimension.number, a.number): a for a in activities}
    wanted = {(e["dimension"], e["number"]): e for e in preview.rows}
    gone = [a.pk for key, a in stored.items() if key not in wanted]
    if Activity.objects.filter(pk__in=gone, report__isnull=False).exists():
        raise WorkflowError(
            _("กิจกรรมที่ไม่อยู่ในไฟล์มีรายงานผลการดำเนินงาน (แบบฟอร์ม ๔) แล้ว จึงลบไม่ได้ ข้อมูลยังไม่ถูกนำเข้า")
        )
    tally = Tally()
    for key, activity in stored.items():
        if key not in wanted:
            activity.delete()
            tally.removed += 1
    for (dimension, number), entry in wanted.items():
        activity = stored.get((dimension, number))
        new = activity is None
        if new:
            activity = Activity(
                action_plan=action_plan, dimension=dimensions[dimension], number=number
            )
        fields = {
            "name": entry["name"],
            "months": sorted(entry["months"]),
            "responsible": entry["responsible"],
        }
        written = _save(activity, fields, ["action_plan", "dimension", "plan_item"])
        _set_kpis(activity, [code for code, _n in entry["kpis"]], kpis, new=new)
        _steps(activity, entry["steps"], new=new)
        tally.count(new, written)
    return tally.text(len(wanted), _("กิจกรรม"))


def _sheet_children(sheet: KpiSheet, entry: dict, *, new: bool) -> None:
    baselines = {} if new else {b.fiscal_year: b for b in sheet.baselines.all()}
    for year, value in entry["baselines"]:
        baseline = baselines.get(year)
        if value is None:
            if baseline is not None:
                baseline.delete()
            continue
        baseline = baseline or KpiBaseline(sheet=sheet, fiscal_year=year)
        _save(baseline, {"value": Decimal(value)}, ["sheet"])
    steps = {} if new else {s.number: s for s in sheet.steps.all()}
    wanted = {s["number"]: s for s in entry["steps"]}
    for number, step in steps.items():
        if number not in wanted:
            step.delete()
    for number, values in wanted.items():
        step = steps.get(number) or KpiSheetStep(sheet=sheet, number=number)
        _save(step, {"detail": values["detail"], "evidence": values["evidence"]}, ["sheet"])


def _form3(preview: Preview, unit, cycle) -> str:
    versions: dict[str, int] = preview.version
    sheets = KpiSheet.objects.filter(kpi__unit=unit, kpi__cycle=cycle).select_related(
        "kpi", "dimension"
    )
    stored = {s.kpi.code: s for s in sheets.prefetch_related("baselines", "steps")}
    if set(stored) != set(versions):
        raise _stale()
    for code, sheet in stored.items():
        try:
            claim_version(sheet, versions[code])
        except StaleEdit:
            raise _stale() from None
    dimensions = {d.number: d for d in Dimension.objects.all()}
    kpis = _kpis(unit, cycle, [(e["code"], e["name"]) for e in preview.rows])
    wanted = {e["code"]: e for e in preview.rows}
    tally = Tally()
    for code, sheet in stored.items():
        if code not in wanted:
            sheet.delete()
            tally.removed += 1
    for code, entry in wanted.items():
        kpi = kpis[code]
        _save(kpi, {"name": entry["name"]}, ["unit", "cycle"])
        sheet = stored.get(code)
        new = sheet is None
        if new:
            sheet = KpiSheet(kpi=kpi)
        values = entry["values"]
        number = values["dimension"]
        fields = {name: values[name] for name in SHEET_TEXT_FIELDS}
        fields.update(
            dimension=dimensions[number] if number else None,
            target=Decimal(values["target"]) if values["target"] is not None else None,
            direction=values["direction"],
        )
        written = _save(sheet, fields, ["kpi", "dimension"])
        _sheet_children(sheet, entry, new=new)
        tally.count(new, written)
    return tally.text(len(wanted), _("ตัวชี้วัด"))


WRITERS = {"1": _form1, "2": _form2, "3": _form3}


def apply(preview: Preview, *, unit, cycle, actor) -> str:
    """Replace the unit's form with the previewed rows; a Thai summary of what changed."""
    if not preview.ok:
        raise WorkflowError(_("ไฟล์ยังมีข้อผิดพลาด กรุณาแก้ไขแล้วอัปโหลดใหม่"))
    with step3_editing(unit=unit, cycle=cycle, actor=actor):
        return WRITERS[preview.kind](preview, unit, cycle)
