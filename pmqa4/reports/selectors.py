"""Reads for steps 4 and 5: the Form 4 checklist, one activity's KPIs, the KPI actuals page.

Each function decides its own select_related/prefetch_related so that a page costs the same
number of queries for 3 activities or 30, 3 KPIs or 40 (the query-count tests pin this).
"""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch
from django.http import Http404

from pmqa4.core.thai import fiscal_month_labels
from pmqa4.plans.models import Activity, Direction, Kpi, KpiActual, KpiSheet
from pmqa4.reports.models import REPORT_FIELDS, ResultsReport

from .achievement import Assessment, assess

# How the printed form numbers each field, for "still blank: ๓.๓, ๖".
FIELD_NUMBERS = dict(
    zip(REPORT_FIELDS, ("๒", "๓.๑", "๓.๒", "๓.๓", "๔", "๕.๑", "๕.๒", "๖"), strict=True)
)


def report_missing_fields(report: ResultsReport | None) -> list[str]:
    """Numbers of the Form 4 fields still blank (all of them when there is no report yet)."""
    return [
        FIELD_NUMBERS[name]
        for name in REPORT_FIELDS
        if report is None or not getattr(report, name).strip()
    ]


def activity_months(activity: Activity) -> list[str]:
    """The months Form 2 marks for the activity, as ต.ค. … ก.ย. in fiscal order."""
    labels = fiscal_month_labels(short=True)
    return [labels[month - 1] for month in sorted(activity.months or [])]


@dataclass(frozen=True)
class ReportRow:
    """One top-level activity of Form 2 and the state of its Form 4 report."""

    activity: Activity
    report: ResultsReport | None
    missing: list[str]

    @property
    def state(self) -> str:
        if self.report is None:
            return "missing"
        return "incomplete" if self.missing else "filled"


def _plan_activities(*, unit, cycle):
    return Activity.objects.filter(action_plan__unit=unit, action_plan__cycle=cycle)


def report_rows(*, unit, cycle) -> list[ReportRow]:
    """Every activity of this cycle's action plan with its report: one query (the activities
    joined to their dimension and report)."""
    activities = (
        _plan_activities(unit=unit, cycle=cycle)
        .select_related("dimension", "report")
        .order_by("dimension__number", "number")
    )
    rows = []
    for activity in activities:
        report = getattr(activity, "report", None)
        rows.append(
            ReportRow(activity=activity, report=report, missing=report_missing_fields(report))
        )
    return rows


def activity_of(*, unit, cycle, pk: int) -> Activity:
    """An activity of this unit's action plan for this cycle; any other is a 404."""
    activity = (
        _plan_activities(unit=unit, cycle=cycle)
        .select_related("dimension", "report", "report__updated_by")
        .filter(pk=pk)
        .first()
    )
    if activity is None:
        raise Http404
    return activity


@dataclass(frozen=True)
class KpiResult:
    """A KPI with its Form 3 target and its reported actuals, the latest first (it counts)."""

    kpi: Kpi
    sheet: KpiSheet | None
    actuals: list[KpiActual]
    assessment: Assessment | None
    threshold: object = field(repr=False)

    @property
    def target(self):
        target = self.sheet.target if self.sheet else None
        return target.normalize() if target is not None else None

    @property
    def has_target(self) -> bool:
        return self.target is not None

    @property
    def direction(self) -> str:
        return self.sheet.direction if self.sheet else Direction.HIGHER

    @property
    def direction_label(self):
        return Direction(self.direction).label

    @property
    def unit_of_measure(self) -> str:
        return self.sheet.unit_of_measure if self.sheet else ""

    @property
    def latest(self) -> KpiActual | None:
        return self.actuals[0] if self.actuals else None

    @property
    def earlier(self) -> list[KpiActual]:
        return self.actuals[1:]

    @property
    def status(self) -> str:
        """no_target, no_actual, reached or below: what the KPI's card and badge say."""
        if not self.has_target:
            return "no_target"
        if self.assessment is None:
            return "no_actual"
        return "reached" if self.assessment.reaches else "below"


def _actuals_prefetch() -> Prefetch:
    """Newest report first, as the scoring adapter reads them; each with its evidence count."""
    return Prefetch(
        "actuals",
        queryset=KpiActual.objects.select_related("reported_by")
        .annotate(evidence_count=Count("evidence_files"))
        .order_by("-reported_at", "-id"),
    )


def _results(kpis, *, threshold) -> list[KpiResult]:
    results = []
    for kpi in kpis:
        sheet = getattr(kpi, "sheet", None)
        actuals = list(kpi.actuals.all())
        for actual in actuals:
            actual.value = actual.value.normalize()  # shown as people write it: 85, not 85.0000
        assessment = None
        if actuals and sheet is not None:
            assessment = assess(
                actual=actuals[0].value,
                target=sheet.target,
                direction=sheet.direction,
                threshold=threshold,
            )
        results.append(
            KpiResult(
                kpi=kpi, sheet=sheet, actuals=actuals, assessment=assessment, threshold=threshold
            )
        )
    return results


def plan_kpis(*, unit, cycle):
    """The KPIs of the year's action plan: those named by a Form 2 activity (SCORING.md)."""
    return (
        Kpi.objects.filter(
            unit=unit,
            cycle=cycle,
            activities__action_plan__unit=unit,
            activities__action_plan__cycle=cycle,
        )
        .distinct()
        .select_related("sheet")
        .order_by("code")
    )


def plan_kpi_results(*, unit, cycle) -> list[KpiResult]:
    """Step 5's page in two queries: the KPIs with their sheets, then all their actuals."""
    kpis = plan_kpis(unit=unit, cycle=cycle).prefetch_related(_actuals_prefetch())
    return _results(kpis, threshold=cycle.kpi_threshold)


def kpi_result(*, unit, cycle, pk: int) -> KpiResult:
    """One KPI of this unit's action plan (404 otherwise), for its card and its new actual."""
    kpis = list(
        plan_kpis(unit=unit, cycle=cycle).filter(pk=pk).prefetch_related(_actuals_prefetch())
    )
    if not kpis:
        raise Http404
    return _results(kpis, threshold=cycle.kpi_threshold)[0]


def activity_kpi_results(*, activity: Activity, cycle) -> list[KpiResult]:
    """The KPIs Form 2 names for one activity, for field 3.2 of its Form 4 report."""
    kpis = (
        activity.kpis.filter(cycle=cycle)
        .select_related("sheet")
        .order_by("code")
        .prefetch_related(_actuals_prefetch())
    )
    return _results(kpis, threshold=cycle.kpi_threshold)
