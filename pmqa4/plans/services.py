"""Writing step 3's forms: Form 1 items, Form 2 activities and their steps, Form 3 sheets.

Every service runs in one transaction that first checks the person is the unit's coordinator and
that step 3 is still a draft or returned (locking the step's submission row, so no edit lands
after the coordinator froze a version for the executive to sign), then claims the version of the
form's document (ThreeYearPlan, ActionPlan or KpiSheet: optimistic locking) and writes. A stale
version raises StaleEdit, listing what the other save changed in the row this editor saw.
"""

from contextlib import contextmanager

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from pmqa4.core.errors import WorkflowError
from pmqa4.core.locking import StaleEdit, claim_version
from pmqa4.core.thai import thai_digits
from pmqa4.cycles.models import StepNumber
from pmqa4.org.models import Role, RoleGrant
from pmqa4.submissions.models import State, Submission

from . import selectors
from .models import (
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

EDITABLE = (State.DRAFT, State.RETURNED)


@contextmanager
def step3_editing(*, unit, cycle, actor):
    """The gate of every change to Forms 1–3 (here and the Excel import): the unit's coordinator
    only, while step 3 is a draft or returned, with the step's submission row locked."""
    with transaction.atomic():
        if not RoleGrant.objects.filter(user=actor, unit=unit, role=Role.COORDINATOR).exists():
            raise WorkflowError(_("เฉพาะผู้ประสานงานของหน่วยงานจึงแก้ไขแบบฟอร์มได้"))
        state = (
            Submission.objects.select_for_update()
            .filter(unit=unit, step__cycle=cycle, step__number=StepNumber.PLANS)
            .values_list("state", flat=True)
            .first()
        )
        if state is not None and state not in EDITABLE:
            raise WorkflowError(
                _("ขั้นตอนที่ ๓ เสนอผู้บริหารลงนามหรือส่งแล้ว จึงแก้ไขไม่ได้ จนกว่าจะถูกส่งคืนให้แก้ไข")
            )
        yield


def _document(model, version: int, changes=list, defaults=None, **lookup):
    """The form's document moved on to its next version. Version 0 means the editor saw none
    yet: the first save creates it, unless somebody else just did (then it is stale)."""
    if version == 0:
        document, created = model.objects.get_or_create(**lookup, defaults=defaults or {})
        if not created:
            raise StaleEdit(document, changes())
        return document
    document = model.objects.filter(**lookup).first()
    if document is None:
        raise WorkflowError(_("ไม่พบแบบฟอร์มนี้ กรุณาโหลดหน้าใหม่"))
    try:
        claim_version(document, version)
    except StaleEdit as stale:
        raise StaleEdit(stale.current, changes()) from None
    return document


def _row_changes(labels, state, query, pk, seen, row):
    """What another save changed in the row the editor saw (``seen``), read only if refused."""

    def changes():
        current = query.filter(pk=pk).first()
        now = state(current) if current is not None else None
        return selectors.changes_between(labels, seen, now, row=row)

    return changes


def _one_line(name: str) -> str:
    """A row's name prints on one line of the official form, whatever was typed or pasted."""
    return " ".join(name.split())


def _next_number(rows) -> int:
    return (rows.aggregate(top=Max("number"))["top"] or 0) + 1


def _close_gap(rows, number: int) -> None:
    """Renumber the rows after a deleted one; ascending, so (…, number) stays unique throughout."""
    for row in rows.filter(number__gt=number).order_by("number"):
        row.number -= 1
        row.save(update_fields=["number", "updated_at"])


def _kpis(*, unit, cycle, codes, new_kpi=("", "")) -> list[Kpi]:
    """The chosen KPIs of the unit's cycle, and a new one created by code and name."""
    kpis = list(Kpi.objects.filter(unit=unit, cycle=cycle, code__in=codes))
    if len(kpis) != len(set(codes)):
        raise WorkflowError(_("ไม่พบตัวชี้วัดที่เลือก กรุณาโหลดหน้าใหม่"))
    code, name = (part.strip() for part in new_kpi)
    if code:
        if Kpi.objects.filter(unit=unit, cycle=cycle, code=code).exists():
            message = _("มีตัวชี้วัดรหัส %(code)s อยู่แล้ว กรุณาเลือกจากรายการตัวชี้วัด")
            raise WorkflowError(message % {"code": code})
        kpi = Kpi(unit=unit, cycle=cycle, code=code, name=name)
        kpi.full_clean()
        kpi.save()
        kpis.append(kpi)
    return kpis


# Form 1 -----------------------------------------------------------------------------------

_ITEMS = PlanItem.objects.select_related("plan", "dimension").prefetch_related("kpis")


def _plan(unit, cycle, version, changes=list):
    defaults = {"first_year": cycle.plan_first_year}
    return _document(ThreeYearPlan, version, changes, defaults, unit=unit, cycle=cycle)


def _item_changes(item, seen):
    row = _("รายการ %(label)s") % {"label": thai_digits(item.label)}
    return _row_changes(selectors.ITEM_LABELS, selectors.item_state, _ITEMS, item.pk, seen, row)


def _fill_item(item, *, unit, cycle, name, years, kpi_codes, new_kpi):
    item.name = _one_line(name)
    item.in_year1, item.in_year2, item.in_year3 = years
    item.full_clean()
    item.save()
    item.kpis.set(_kpis(unit=unit, cycle=cycle, codes=kpi_codes, new_kpi=new_kpi))
    return item


def plan_item_add(*, unit, cycle, actor, version, dimension, **fields) -> PlanItem:
    """A new row of Form 1 (fields: name, years, kpi_codes, new_kpi), numbered after the last
    of its dimension."""
    with step3_editing(unit=unit, cycle=cycle, actor=actor):
        plan = _plan(unit, cycle, version)
        number = _next_number(plan.items.filter(dimension=dimension))
        item = PlanItem(plan=plan, dimension=dimension, number=number)
        return _fill_item(item, unit=unit, cycle=cycle, **fields)


def plan_item_update(*, unit, cycle, actor, version, seen, item, **fields) -> PlanItem:
    with step3_editing(unit=unit, cycle=cycle, actor=actor):
        _plan(unit, cycle, version, _item_changes(item, seen))
        return _fill_item(item, unit=unit, cycle=cycle, **fields)


def plan_item_delete(*, unit, cycle, actor, version, seen, item) -> None:
    """Delete a row; the rows after it in its dimension move up (1.3 becomes 1.2)."""
    with step3_editing(unit=unit, cycle=cycle, actor=actor):
        plan = _plan(unit, cycle, version, _item_changes(item, seen))
        item.delete()
        _close_gap(plan.items.filter(dimension_id=item.dimension_id), item.number)


def _carried_years(old: PlanItem, old_first: int, new_first: int) -> dict:
    """The same B.E. years ticked: 2570 in a 2568–2570 plan is year 1 of a 2570–2572 plan."""
    flags = (old.in_year1, old.in_year2, old.in_year3)
    ran = {old_first + i for i, on in enumerate(flags) if on}
    return {f"in_year{i + 1}": new_first + i in ran for i in range(3)}


def three_year_plan_carry_over(*, unit, cycle, actor, version) -> ThreeYearPlan:
    """Copy last plan's items into this empty one (PROCESS.md: the 3-year plan carries over).
    Its KPIs become this cycle's KPIs with the same code and name; their sheets are not copied,
    because each year's Form 3 sheets are written afresh."""
    with step3_editing(unit=unit, cycle=cycle, actor=actor):
        plan = _plan(unit, cycle, version)
        source = None if plan.items.exists() else selectors.carry_source(unit, cycle)
        if source is None:
            raise WorkflowError(_("คัดลอกได้เฉพาะเมื่อแผนของปีนี้ยังว่างและมีแผนระยะ ๓ ปีของปีก่อน"))
        kpis: dict[str, Kpi] = {}
        for old in source.items.prefetch_related("kpis", "characteristics").order_by("id"):
            new = PlanItem.objects.create(
                plan=plan,
                dimension_id=old.dimension_id,
                number=old.number,
                name=old.name,
                **_carried_years(old, source.first_year, plan.first_year),
            )
            for kpi in old.kpis.all():
                if kpi.code not in kpis:
                    kpis[kpi.code], _created = Kpi.objects.get_or_create(
                        unit=unit, cycle=cycle, code=kpi.code, defaults={"name": kpi.name}
                    )
            new.kpis.set([kpis[k.code] for k in old.kpis.all()])
            new.characteristics.set(old.characteristics.all())
        plan.carried_from = source
        plan.save(update_fields=["carried_from", "updated_at"])
        return plan


# Form 2 -----------------------------------------------------------------------------------

_ACTIVITIES = Activity.objects.select_related("dimension").prefetch_related("kpis")
_STEPS = ActivityStep.objects.select_related("activity__dimension")


def _action_plan(unit, cycle, version, changes=list):
    return _document(ActionPlan, version, changes, unit=unit, cycle=cycle)


def _activity_changes(activity, seen):
    row = _("กิจกรรม %(label)s") % {"label": thai_digits(activity.label)}
    labels, state = selectors.ACTIVITY_LABELS, selectors.activity_state
    return _row_changes(labels, state, _ACTIVITIES, activity.pk, seen, row)


def _fill_activity(activity, *, unit, cycle, name, months, responsible, kpi_codes, new_kpi):
    activity.name = _one_line(name)
    activity.months = sorted(months)
    activity.responsible = responsible.strip()
    activity.full_clean()
    activity.save()
    activity.kpis.set(_kpis(unit=unit, cycle=cycle, codes=kpi_codes, new_kpi=new_kpi))
    return activity


def activity_add(*, unit, cycle, actor, version, dimension, **fields) -> Activity:
    """A new activity of Form 2 (fields: name, months, responsible, kpi_codes, new_kpi)."""
    with step3_editing(unit=unit, cycle=cycle, actor=actor):
        action_plan = _action_plan(unit, cycle, version)
        number = _next_number(action_plan.activities.filter(dimension=dimension))
        activity = Activity(action_plan=action_plan, dimension=dimension, number=number)
        return _fill_activity(activity, unit=unit, cycle=cycle, **fields)


def activity_update(*, unit, cycle, actor, version, seen, activity, **fields) -> Activity:
    with step3_editing(unit=unit, cycle=cycle, actor=actor):
        _action_plan(unit, cycle, version, _activity_changes(activity, seen))
        return _fill_activity(activity, unit=unit, cycle=cycle, **fields)


def activity_delete(*, unit, cycle, actor, version, seen, activity) -> None:
    """Delete an activity and its steps; the activities after it move up. One with a Form 4
    report is kept: deleting it would silently delete the report too."""
    with step3_editing(unit=unit, cycle=cycle, actor=actor):
        action_plan = _action_plan(unit, cycle, version, _activity_changes(activity, seen))
        if Activity.objects.filter(pk=activity.pk, report__isnull=False).exists():
            raise WorkflowError(_("กิจกรรมนี้มีรายงานผลการดำเนินงาน (แบบฟอร์ม ๔) แล้ว จึงลบไม่ได้"))
        activity.delete()
        _close_gap(
            action_plan.activities.filter(dimension_id=activity.dimension_id), activity.number
        )


def _step_changes(step, seen):
    label = thai_digits(f"{step.activity.label}.{step.number}")
    row = _("ขั้นตอน %(label)s") % {"label": label}
    labels, state = selectors.STEP_LABELS, selectors.step_state
    return _row_changes(labels, state, _STEPS, step.pk, seen, row)


def activity_step_add(*, unit, cycle, actor, version, activity, name, months) -> ActivityStep:
    with step3_editing(unit=unit, cycle=cycle, actor=actor):
        _action_plan(unit, cycle, version)
        step = ActivityStep(activity=activity, number=_next_number(activity.steps.all()))
        step.name, step.months = _one_line(name), sorted(months)
        step.full_clean()
        step.save()
        return step


def activity_step_update(*, unit, cycle, actor, version, seen, step, name, months):
    with step3_editing(unit=unit, cycle=cycle, actor=actor):
        _action_plan(unit, cycle, version, _step_changes(step, seen))
        step.name, step.months = _one_line(name), sorted(months)
        step.full_clean()
        step.save()
        return step


def activity_step_delete(*, unit, cycle, actor, version, seen, step) -> None:
    with step3_editing(unit=unit, cycle=cycle, actor=actor):
        _action_plan(unit, cycle, version, _step_changes(step, seen))
        step.delete()
        _close_gap(ActivityStep.objects.filter(activity_id=step.activity_id), step.number)


def action_plan_draft_from_form1(*, unit, cycle, actor, version) -> list[Activity]:
    """PROCESS.md: the new action plan starts from the 3-year plan. Each Form 1 item ticked for
    this fiscal year that no activity comes from yet becomes one, with its name and KPIs."""
    with step3_editing(unit=unit, cycle=cycle, actor=actor):
        action_plan = _action_plan(unit, cycle, version)
        items = selectors.form1_items_for_this_year(unit, cycle)
        items = list(
            items.prefetch_related("kpis", "characteristics").order_by(
                "dimension__number", "number"
            )
        )
        if not items:
            raise WorkflowError(_("ไม่มีรายการในแผนระยะ ๓ ปีของปีนี้ที่ยังไม่อยู่ในแผนปฏิบัติการ"))
        tops = action_plan.activities.values("dimension_id").annotate(top=Max("number"))
        numbers = {row["dimension_id"]: row["top"] for row in tops}
        created = []
        for item in items:
            numbers[item.dimension_id] = numbers.get(item.dimension_id, 0) + 1
            activity = Activity.objects.create(
                action_plan=action_plan,
                dimension_id=item.dimension_id,
                number=numbers[item.dimension_id],
                name=item.name,
                plan_item=item,
            )
            activity.kpis.set(item.kpis.all())
            activity.characteristics.set(item.characteristics.all())
            created.append(activity)
        return created


# Form 3 -----------------------------------------------------------------------------------


def _sheet(unit, cycle, kpi, version, changes=list) -> KpiSheet:
    return _document(KpiSheet, version, changes, kpi=kpi)


def _sheet_changes(unit, cycle, kpi, seen):
    def changes():
        page = selectors.kpi_sheet(unit, cycle, kpi.code)
        labels = selectors.sheet_labels(page.baseline_years)
        return selectors.changes_between(labels, seen, selectors.sheet_state(page))

    return changes


def kpi_sheet_save(*, unit, cycle, actor, version, seen, kpi, name, values, baselines):
    """Form 3's fields, the KPI's name (field 2) and its baseline (field 6: fiscal year → value).
    A higher-is-better target of 0 is refused with KpiSheet.clean's message (SCORING.md)."""
    with step3_editing(unit=unit, cycle=cycle, actor=actor):
        sheet = _sheet(unit, cycle, kpi, version, _sheet_changes(unit, cycle, kpi, seen))
        for field, value in values.items():
            setattr(sheet, field, value)
        sheet.full_clean()
        sheet.save()
        if name.strip() != kpi.name:
            kpi.name = name.strip()
            kpi.full_clean()
            kpi.save(update_fields=["name", "updated_at"])
        for year, value in baselines.items():
            if value is None:
                KpiBaseline.objects.filter(sheet=sheet, fiscal_year=year).delete()
            else:
                KpiBaseline.objects.update_or_create(
                    sheet=sheet, fiscal_year=year, defaults={"value": value}
                )
        return sheet


def _sheet_step_changes(step, seen):
    row = _("ขั้นตอนที่ %(number)s") % {"number": thai_digits(step.number)}
    labels, state = selectors.SHEET_STEP_LABELS, selectors.sheet_step_state
    return _row_changes(labels, state, KpiSheetStep.objects, step.pk, seen, row)


def _fill_sheet_step(step, *, detail, evidence) -> KpiSheetStep:
    step.detail, step.evidence = detail.strip(), evidence.strip()
    step.full_clean()
    step.save()
    return step


def kpi_sheet_step_add(*, unit, cycle, actor, version, kpi, **fields) -> KpiSheetStep:
    """Field 7: a new implementation step, numbered after the last (fields: detail, evidence)."""
    with step3_editing(unit=unit, cycle=cycle, actor=actor):
        sheet = _sheet(unit, cycle, kpi, version)
        step = KpiSheetStep(sheet=sheet, number=_next_number(sheet.steps.all()))
        return _fill_sheet_step(step, **fields)


def kpi_sheet_step_update(*, unit, cycle, actor, version, seen, kpi, step, **fields):
    with step3_editing(unit=unit, cycle=cycle, actor=actor):
        _sheet(unit, cycle, kpi, version, _sheet_step_changes(step, seen))
        return _fill_sheet_step(step, **fields)


def kpi_sheet_step_delete(*, unit, cycle, actor, version, seen, kpi, step) -> None:
    with step3_editing(unit=unit, cycle=cycle, actor=actor):
        sheet = _sheet(unit, cycle, kpi, version, _sheet_step_changes(step, seen))
        step.delete()
        _close_gap(sheet.steps.all(), step.number)
