"""What a unit submits, frozen as JSON: a version's snapshot never changes afterwards.

Each step's snapshot is read in a fixed number of queries, whatever the size of the plans.
"""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from pmqa4.plans.models import (
    SHEET_FIELDS_FOR_SCORING,
    Kpi,
    KpiActual,
    PlanItem,
)
from pmqa4.plans.selectors import form2_activities
from pmqa4.reports.models import REPORT_FIELDS, ResultsReport
from pmqa4.teams.models import TeamMember


def _text(value) -> str | None:
    """Stored decimals carry four places (80.0000); a person reads 80."""
    if isinstance(value, Decimal):
        value = format(value.normalize(), "f")
    return None if value is None else str(value)


def roster_snapshot(unit, cycle) -> dict:
    members = TeamMember.objects.filter(roster__unit=unit, roster__cycle=cycle).order_by(
        "order", "id"
    )
    return {"members": list(members.values("full_name", "position", "team_role", "phone", "email"))}


def plans_snapshot(unit, cycle) -> dict:
    items = (
        PlanItem.objects.filter(plan__unit=unit, plan__cycle=cycle)
        .select_related("dimension")
        .prefetch_related("kpis")
        .order_by("dimension__number", "number")
    )
    activities = form2_activities(unit, cycle)
    kpis = (
        Kpi.objects.filter(unit=unit, cycle=cycle)
        .select_related("sheet__dimension")
        .prefetch_related("sheet__baselines", "sheet__steps")
        .order_by("code")
    )
    return {
        "form1": [
            {
                "label": item.label,
                "name": item.name,
                "years": [item.in_year1, item.in_year2, item.in_year3],
                "kpis": [k.code for k in item.kpis.all()],
            }
            for item in items
        ],
        "form2": [
            {
                "label": activity.label,
                "name": activity.name,
                "months": activity.months,
                "responsible": activity.responsible,
                "kpis": [k.code for k in activity.kpis.all()],
                "steps": [{"name": s.name, "months": s.months} for s in activity.steps.all()],
            }
            for activity in activities
        ],
        "kpis": [_kpi_sheet(kpi) for kpi in kpis],
    }


def _kpi_sheet(kpi: Kpi) -> dict:
    sheet = getattr(kpi, "sheet", None)
    if sheet is None:
        return {"code": kpi.code, "name": kpi.name, "sheet": None}
    fields = {field: _text(getattr(sheet, field)) for field in SHEET_FIELDS_FOR_SCORING}
    fields["dimension_id"] = sheet.dimension.number if sheet.dimension else None
    return {
        "code": kpi.code,
        "name": kpi.name,
        "sheet": {
            **fields,
            "direction": sheet.direction,
            "collector": [sheet.collector_name, sheet.collector_phone, sheet.collector_email],
            "baselines": {b.fiscal_year: _text(b.value) for b in sheet.baselines.all()},
            "steps": [[s.number, s.detail, s.evidence] for s in sheet.steps.all()],
        },
    }


def report_snapshot(unit, cycle) -> dict:
    reports = ResultsReport.objects.filter(
        activity__action_plan__unit=unit, activity__action_plan__cycle=cycle
    ).select_related("activity__dimension")
    return {
        "reports": [
            {"activity": r.activity.label, **{f: getattr(r, f) for f in REPORT_FIELDS}}
            for r in sorted(reports, key=lambda r: (r.activity.dimension.number, r.activity.number))
        ]
    }


def actuals_snapshot(unit, cycle) -> dict:
    latest = {}
    for code, value, measured_on in (
        KpiActual.objects.filter(kpi__unit=unit, kpi__cycle=cycle)
        .order_by("kpi__code", "-reported_at")
        .values_list("kpi__code", "value", "measured_on")
    ):
        latest.setdefault(code, {"value": _text(value), "measured_on": measured_on.isoformat()})
    return {"actuals": latest}


SNAPSHOTS = {1: roster_snapshot, 3: plans_snapshot, 4: report_snapshot, 5: actuals_snapshot}


def snapshot_of(submission) -> dict:
    return SNAPSHOTS[submission.step.number](submission.unit, submission.step.cycle)


SECTION_LABELS = {
    "members": _("รายชื่อทีมงาน"),
    "form1": _("แบบฟอร์ม ๑ แผนระยะ ๓ ปี"),
    "form2": _("แบบฟอร์ม ๒ แผนปฏิบัติการ"),
    "kpis": _("แบบฟอร์ม ๓ รายละเอียดตัวชี้วัด"),
    "reports": _("แบบฟอร์ม ๔ รายงานผล"),
    "actuals": _("ผลการดำเนินงานตามตัวชี้วัด"),
}
