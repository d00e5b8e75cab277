"""Writes for steps 4 and 5, and the texts that Form 4 draws from the KPI actuals.

Both steps are edited only by the unit's coordinator while the step is a draft or returned
(the StepPanel says so); once it awaits sign-off or has been submitted, nothing changes here.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pmqa4.core.errors import WorkflowError
from pmqa4.core.fiscal import fiscal_year_bounds
from pmqa4.core.locking import claim_version
from pmqa4.core.thai import arabic_digits, format_be_date
from pmqa4.plans.models import Activity, KpiActual
from pmqa4.reports.models import ResultsReport
from pmqa4.submissions.models import State

from .achievement import Assessment, assess, plain, two_decimals
from .selectors import REPORT_FIELDS, KpiResult


def require_editable(panel) -> None:
    """Refuse an edit the step panel does not allow, saying why in Thai."""
    if panel.can_edit:
        return
    state = panel.submission.state if panel.submission else None
    if state == State.AWAITING_SIGN_OFF:
        raise WorkflowError(
            _("ขั้นตอนนี้อยู่ระหว่างรอผู้บริหารลงนาม จึงแก้ไขไม่ได้ หากต้องแก้ไข ขอให้ผู้บริหารส่งคืนก่อน")
        )
    if state in (State.SUBMITTED, State.RESUBMITTED, State.ACCEPTED):
        raise WorkflowError(_("ขั้นตอนนี้ส่งแล้ว จึงแก้ไขไม่ได้ จนกว่าส่วนกลางจะส่งกลับให้แก้ไข"))
    raise WorkflowError(_("เฉพาะผู้ประสานงานของหน่วยงานเท่านั้นที่แก้ไขขั้นตอนนี้ได้"))


# Form 4 ------------------------------------------------------------------------------------


def kpi_results_text(results: list[KpiResult]) -> str:
    """Field 3.2's first draft, one line per KPI, e.g. "K1 ชื่อ: ผล 85 ร้อยละ จากค่าเป้าหมาย 80
    (คิดเป็นร้อยละ 106.25 ของเป้าหมาย)". The coordinator edits it freely afterwards."""
    lines = []
    for result in results:
        head = f"{result.kpi.code} {result.kpi.name}"
        latest = result.latest
        if latest is None:
            lines.append(_("%(kpi)s: ยังไม่มีการรายงานผล") % {"kpi": head})
            continue
        measured = f"{plain(latest.value)} {result.unit_of_measure}".rstrip()
        if result.assessment is None:
            lines.append(
                _("%(kpi)s: ผล %(value)s (ยังไม่ได้กำหนดค่าเป้าหมาย)") % {"kpi": head, "value": measured}
            )
            continue
        lines.append(
            _("%(kpi)s: ผล %(value)s จากค่าเป้าหมาย %(target)s (คิดเป็นร้อยละ %(percent)s ของเป้าหมาย)")
            % {
                "kpi": head,
                "value": measured,
                "target": plain(result.target),
                "percent": result.assessment.shown,
            }
        )
    return "\n".join(lines)


@dataclass(frozen=True)
class Suggestions:
    """Causes and remedies recorded with below-threshold actuals, ready for fields 4 and 5.1."""

    problems: str
    remedies: str

    def __bool__(self) -> bool:
        return bool(self.problems or self.remedies)


def report_suggestions(results: list[KpiResult]) -> Suggestions:
    problems, remedies = [], []
    for result in results:
        latest = result.latest
        if result.status != "below" or latest is None:
            continue
        percent = two_decimals(result.assessment.percent)
        head = _("%(code)s %(name)s (ร้อยละ %(percent)s ของเป้าหมาย)") % {
            "code": result.kpi.code,
            "name": result.kpi.name,
            "percent": percent,
        }
        if latest.cause.strip():
            problems.append(f"{head}: {latest.cause.strip()}")
        if latest.remedy.strip():
            remedies.append(f"{head}: {latest.remedy.strip()}")
    return Suggestions(problems="\n".join(problems), remedies="\n".join(remedies))


def append_lines(existing: str, addition: str) -> str:
    """Add the suggested lines not already in the field, so pressing the button twice is safe."""
    present = {line.strip() for line in existing.splitlines()}
    new = [line for line in addition.splitlines() if line.strip() and line.strip() not in present]
    if not new:
        return existing
    return "\n".join([existing.rstrip(), *new]) if existing.strip() else "\n".join(new)


def report_initial(report: ResultsReport | None, results: list[KpiResult]) -> dict:
    """What the form starts from: the stored report, with 3.2 drafted from the actuals if blank."""
    values = {name: getattr(report, name) if report else "" for name in REPORT_FIELDS}
    if not values["result_kpis"].strip():
        values["result_kpis"] = kpi_results_text(results)
    values["version"] = report.version if report else 0
    return values


def report_save(
    *,
    activity: Activity,
    panel,
    actor,
    version: int,
    data: dict,
    seen: dict,
) -> ResultsReport:
    """Save fields 2–6 of an activity's Form 4 report, creating it on the first save.

    ``version`` is what the editor loaded (0: there was no report yet); someone else's save in
    between raises StaleEdit and writes nothing (core.locking).
    """
    require_editable(panel)
    values = {name: data.get(name, "") for name in REPORT_FIELDS}
    with transaction.atomic():
        report, created = ResultsReport.objects.get_or_create(
            activity=activity, defaults={**values, "updated_by": actor}
        )
        if created and version == 0:
            return report
        claim_version(report, version, seen={k: v for k, v in seen.items() if k in REPORT_FIELDS})
        for name, value in values.items():
            setattr(report, name, value)
        report.updated_by = actor
        report.save()
    return report


# Step 5 ------------------------------------------------------------------------------------


def require_reportable(*, result: KpiResult, panel) -> None:
    """An actual needs an editable step 5 and a Form 3 target to be read against."""
    require_editable(panel)
    if not result.has_target:
        raise WorkflowError(_("ตัวชี้วัดนี้ยังไม่มีค่าเป้าหมาย กรุณากำหนดค่าเป้าหมายในแบบฟอร์ม ๓ ก่อนรายงานผล"))


LARGEST_ACTUAL = Decimal(10) ** 10


def achievement_preview(*, result: KpiResult, typed: str) -> tuple[Assessment | None, str]:
    """(assessment, problem) for a value still being typed: Thai digits and thousands
    separators are read; nothing typed yet is neither an assessment nor a problem."""
    text = arabic_digits(typed).replace(",", "").strip()
    if not text:
        return None, ""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None, _("กรอกผลการดำเนินงานเป็นตัวเลข")
    if not value.is_finite():
        return None, _("กรอกผลการดำเนินงานเป็นตัวเลข")
    if value < 0:
        return None, _("ผลการดำเนินงานต้องไม่ติดลบ")
    if value >= LARGEST_ACTUAL:  # the form's limit (14 digits, 4 decimals): no Decimal overflow
        return None, _("ตัวเลขยาวเกินไป")
    assessment = assess(
        actual=value, target=result.target, direction=result.direction, threshold=result.threshold
    )
    return assessment, ""


def kpi_actual_errors(
    *,
    result: KpiResult,
    value: Decimal,
    measured_on: dt.date,
    cause: str,
    remedy: str,
    fiscal_year: int,
    today: dt.date,
) -> dict[str, str]:
    """Field → Thai message for every rule a new actual breaks (empty when it may be saved)."""
    errors = {}
    if value < 0:
        errors["value"] = _("ผลการดำเนินงานต้องไม่ติดลบ")
    first_day, _last = fiscal_year_bounds(fiscal_year)
    if measured_on > today:
        errors["measured_on"] = _("วันที่วัดผลต้องไม่เป็นวันในอนาคต")
    elif measured_on < first_day:
        errors["measured_on"] = _("วันที่วัดผลต้องไม่ก่อนวันเริ่มปีงบประมาณ (%(day)s)") % {
            "day": format_be_date(first_day, "short")
        }
    if "value" not in errors:
        assessment = assess(
            actual=value,
            target=result.target,
            direction=result.direction,
            threshold=result.threshold,
        )
        if assessment is not None and not assessment.reaches:
            if not cause.strip():
                errors["cause"] = _("ผลต่ำกว่าเกณฑ์ร้อยละ %(threshold)s กรุณาระบุสาเหตุที่ไม่บรรลุเป้าหมาย") % {
                    "threshold": plain(result.threshold)
                }
            if not remedy.strip():
                errors["remedy"] = _("ผลต่ำกว่าเกณฑ์ร้อยละ %(threshold)s กรุณาระบุแนวทางแก้ไข") % {
                    "threshold": plain(result.threshold)
                }
    return errors


def kpi_actual_report(
    *,
    result: KpiResult,
    cycle,
    panel,
    actor,
    value: Decimal,
    measured_on: dt.date,
    note: str = "",
    cause: str = "",
    remedy: str = "",
    now: dt.datetime,
) -> KpiActual:
    """Record a new actual; earlier ones stay as history and the latest counts (SCORING.md).

    A KPI without a Form 3 target cannot be assessed, so its actual is refused until step 3's
    sheet has one. Rule breaches raise ValidationError keyed by field.
    """
    require_editable(panel)
    if not result.has_target:
        raise WorkflowError(_("ตัวชี้วัดนี้ยังไม่มีค่าเป้าหมาย กรุณากำหนดค่าเป้าหมายในแบบฟอร์ม ๓ ก่อนรายงานผล"))
    errors = kpi_actual_errors(
        result=result,
        value=value,
        measured_on=measured_on,
        cause=cause,
        remedy=remedy,
        fiscal_year=cycle.fiscal_year,
        today=timezone.localdate(now),
    )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return KpiActual.objects.create(
            kpi=result.kpi,
            value=value,
            measured_on=measured_on,
            note=note.strip(),
            cause=cause.strip(),
            remedy=remedy.strip(),
            reported_by=actor,
            reported_at=now,
        )
