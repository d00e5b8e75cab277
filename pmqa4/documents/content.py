"""What each official form says, read from the database once and laid out as FORMS.md orders it.

Each builder reads in a fixed number of queries, whatever the size of the plans, and returns the
plain data of form_types.py. Official documents are Thai whatever the page language.
"""

import datetime as dt
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone, translation

from pmqa4.core.thai import fiscal_month_labels
from pmqa4.cycles.models import Cycle, StepNumber
from pmqa4.org.models import Unit
from pmqa4.plans.models import Activity, Kpi, KpiActual, PlanItem
from pmqa4.plans.selectors import form2_activities
from pmqa4.reports.achievement import achievement
from pmqa4.reports.models import REPORT_FIELDS, ResultsReport
from pmqa4.submissions.models import SignOff
from pmqa4.teams.models import TeamMember, TeamRole

from .blank import blank, dimension_headings
from .form_types import (
    DIRECTION_LABELS,
    FORM1_EXPLANATION,
    FORM1_TITLE,
    FORM2_TITLE,
    FORM3_TITLE,
    FORM4_NOTES,
    FORM4_TITLE,
    ROSTER_TITLE,
    SCORE_TITLE,
    Contact,
    Deduction,
    Form1,
    Form1Row,
    Form2,
    Form2Activity,
    Form2Step,
    Form3,
    Form3Sheet,
    Form4,
    Form4Kpi,
    Form4Report,
    Heading,
    Roster,
    RosterRow,
    ScoreReport,
    ScoreStep,
    Signature,
)
from .printing import Printer

__all__ = ["BUILDERS", "blank", "dimension_headings"]


def _grouped(headings: dict[int, Heading], rows: list[tuple[int, object]]) -> list:
    """Rows under their dimension's heading, every dimension listed even when it has no row."""
    return [(h, [row for number, row in rows if number == h.number]) for h in headings.values()]


def signature_for(unit: Unit, cycle: Cycle, step: int, printer: Printer) -> Signature:
    """The latest sign-off of the unit's submission of a step (Forms 1–3: step 3; Form 4: 4)."""
    sign_off = (
        SignOff.objects.filter(
            submission__unit=unit, submission__step__cycle=cycle, submission__step__number=step
        )
        .order_by("-signed_at")
        .first()
    )
    if sign_off is None:
        return Signature()
    return Signature(
        name=sign_off.signer_name,
        position=sign_off.signer_position,
        date=printer.date(sign_off.signed_at),
    )


def _kpi_names(kpis) -> tuple[str, ...]:
    return tuple(k.name for k in sorted(kpis, key=lambda k: k.code))


def _kpi_codes(kpis) -> tuple[str, ...]:
    return tuple(sorted(k.code for k in kpis))


def form1(unit: Unit, cycle: Cycle, printer: Printer) -> Form1:
    years = cycle.plan_years
    items = (
        PlanItem.objects.filter(plan__unit=unit, plan__cycle=cycle)
        .select_related("dimension")
        .prefetch_related("kpis")
        .order_by("dimension__number", "number")
    )
    rows = [
        (
            item.dimension.number,
            Form1Row(
                label=printer.text(item.label),
                name=item.name,
                runs=(item.in_year1, item.in_year2, item.in_year3),
                kpis=_kpi_names(item.kpis.all()),
                kpi_codes=_kpi_codes(item.kpis.all()),
            ),
        )
        for item in items
    ]
    return Form1(
        unit_name=unit.name_th,
        title=printer.text(
            FORM1_TITLE.format(first=printer.text(years[0]), last=printer.text(years[2]))
        ),
        explanation=printer.text(FORM1_EXPLANATION),
        years=tuple(printer.text(y) for y in years),
        year_values=tuple(years),
        sections=_grouped(dimension_headings(printer), rows),
        signature=signature_for(unit, cycle, StepNumber.PLANS, printer),
    )


def form2(unit: Unit, cycle: Cycle, printer: Printer) -> Form2:
    activities = form2_activities(unit, cycle)
    rows = [
        (
            a.dimension.number,
            Form2Activity(
                label=printer.text(a.label),
                name=a.name,
                months=frozenset(a.months),
                kpis=_kpi_names(a.kpis.all()),
                responsible=a.responsible,
                steps=[
                    Form2Step(label=printer.text(s.number), name=s.name, months=frozenset(s.months))
                    for s in a.steps.all()
                ],
                kpi_codes=_kpi_codes(a.kpis.all()),
            ),
        )
        for a in activities
    ]
    year = printer.text(cycle.fiscal_year)
    return Form2(
        unit_name=unit.name_th,
        title=printer.text(FORM2_TITLE.format(year=year)),
        year=year,
        year_value=cycle.fiscal_year,
        month_labels=fiscal_month_labels(),
        sections=_grouped(dimension_headings(printer), rows),
        signature=signature_for(unit, cycle, StepNumber.PLANS, printer),
    )


def form3(unit: Unit, cycle: Cycle, printer: Printer) -> Form3:
    """One sheet per KPI of the unit that has a Form 3 record, in code order."""
    baseline_years = tuple(cycle.fiscal_year - n for n in (3, 2, 1))
    kpis = (
        Kpi.objects.filter(unit=unit, cycle=cycle, sheet__isnull=False)
        .select_related("sheet__dimension")
        .prefetch_related("sheet__baselines", "sheet__steps")
        .order_by("code")
    )
    sheets = []
    for kpi in kpis:
        sheet = kpi.sheet
        by_year = {b.fiscal_year: b.value for b in sheet.baselines.all()}
        values = tuple(by_year.get(y) for y in baseline_years)
        sheets.append(
            Form3Sheet(
                code=kpi.code,
                name=kpi.name,
                dimension=sheet.dimension.name_th if sheet.dimension else "",
                dimension_number=sheet.dimension.number if sheet.dimension else None,
                unit_of_measure=sheet.unit_of_measure,
                calculation=sheet.calculation,
                definition=sheet.definition,
                target=printer.number(sheet.target),
                target_value=sheet.target,
                direction=DIRECTION_LABELS[sheet.direction],
                direction_value=sheet.direction,
                baseline_years=tuple(printer.text(y) for y in baseline_years),
                baselines=tuple(printer.number(v) for v in values),
                baseline_values=values,
                steps=[(printer.text(s.number), s.detail, s.evidence) for s in sheet.steps.all()],
                collection_method=sheet.collection_method,
                collection_frequency=sheet.collection_frequency,
                data_source=sheet.data_source,
                supervisor=Contact(
                    sheet.supervisor_name, sheet.supervisor_phone, sheet.supervisor_email
                ),
                collector=Contact(
                    sheet.collector_name, sheet.collector_phone, sheet.collector_email
                ),
            )
        )
    year = printer.text(cycle.fiscal_year)
    return Form3(
        unit_name=unit.name_th,
        title=printer.text(FORM3_TITLE),
        year=year,
        year_value=cycle.fiscal_year,
        baseline_year_values=baseline_years,
        sheets=sheets,
    )


def _latest_actuals(unit: Unit, cycle: Cycle) -> dict[int, Decimal]:
    latest: dict[int, Decimal] = {}
    for kpi_id, value in (
        KpiActual.objects.filter(kpi__unit=unit, kpi__cycle=cycle)
        .order_by("kpi_id", "-reported_at")
        .values_list("kpi_id", "value")
    ):
        latest.setdefault(kpi_id, value)
    return latest


def form4(unit: Unit, cycle: Cycle, printer: Printer) -> Form4:
    """One report per activity of Form 2, written or not (an unwritten one prints dotted lines)."""
    activities = (
        Activity.objects.filter(action_plan__unit=unit, action_plan__cycle=cycle)
        .select_related("dimension")
        .prefetch_related(
            Prefetch("kpis", queryset=Kpi.objects.select_related("sheet").order_by("code")),
            Prefetch("report", queryset=ResultsReport.objects.all()),
        )
        .order_by("dimension__number", "number")
    )
    actuals = _latest_actuals(unit, cycle)
    reports = []
    for activity in activities:
        report = getattr(activity, "report", None)
        rows = []
        for kpi in activity.kpis.all():
            sheet = getattr(kpi, "sheet", None)
            target = sheet.target if sheet else None
            actual = actuals.get(kpi.pk)
            percent = (
                achievement(actual=actual, target=target, direction=sheet.direction)
                if sheet is not None and actual is not None
                else None
            )
            rows.append(
                Form4Kpi(
                    name=kpi.name,
                    target=printer.number(target),
                    actual=printer.number(actual),
                    achievement=printer.percent(percent),
                )
            )
        written = {f: getattr(report, f) if report else "" for f in REPORT_FIELDS}
        reports.append(
            Form4Report(
                label=printer.text(activity.label), name=activity.name, kpis=rows, **written
            )
        )
    year = printer.text(cycle.fiscal_year)
    return Form4(
        unit_name=unit.name_th,
        title=printer.text(FORM4_TITLE.format(year=year)),
        year=year,
        reports=reports,
        signature=signature_for(unit, cycle, StepNumber.REPORT, printer),
        notes=tuple(printer.text(note) for note in FORM4_NOTES),
    )


def roster(unit: Unit, cycle: Cycle, printer: Printer) -> Roster:
    members = TeamMember.objects.filter(roster__unit=unit, roster__cycle=cycle).order_by(
        "order", "id"
    )
    roles = dict(TeamRole.choices)
    year = printer.text(cycle.fiscal_year)
    with translation.override("th"):
        rows = [
            RosterRow(
                order=printer.text(n),
                full_name=m.full_name,
                position=m.position,
                role=str(roles.get(m.team_role, m.team_role)),
                phone=m.phone,
                email=m.email,
            )
            for n, m in enumerate(members, start=1)
        ]
    return Roster(unit.name_th, printer.text(ROSTER_TITLE.format(year=year)), year, rows)


def score_report(unit: Unit, cycle: Cycle, printer: Printer, *, now: dt.datetime | None = None):
    """The unit's live score with every deduction and its reason, as the score page shows it."""
    from pmqa4.scoring.services import assessment_time, unit_score
    from pmqa4.scoring.templatetags.scoring import rule_label

    as_of = assessment_time(cycle, now or timezone.now())
    breakdown = unit_score(cycle, unit, as_of=as_of).breakdown
    with translation.override("th"):
        steps = [
            ScoreStep(
                label=str(StepNumber(step["step"]).label),
                points=printer.text(step["points"]),
                deductions=[
                    Deduction(printer.text(d["amount"]), str(rule_label(d["rule"])), d["reason"])
                    for d in step["deductions"]
                ],
                note=step.get("note") or "",
            )
            for step in breakdown["steps"]
        ]
    year = printer.text(cycle.fiscal_year)
    return ScoreReport(
        unit_name=unit.name_th,
        title=printer.text(SCORE_TITLE.format(year=year)),
        year=year,
        as_of=printer.date(as_of),
        round1=printer.text(breakdown["round1"]),
        year_score=printer.text(breakdown["year"]),
        steps=steps,
    )


BUILDERS = {
    "1": form1,
    "2": form2,
    "3": form3,
    "4": form4,
    "roster": roster,
    "score": score_report,
}
