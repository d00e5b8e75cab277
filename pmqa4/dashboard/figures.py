"""The numbers behind the charts, for every fiscal year at once, in a fixed number of queries.

Each kind of row is read once for all cycles and all the filtered units (submissions,
extensions, meetings held, attendances, Form 1 and Form 2 dimensions, KPIs, their latest
actuals, published scores), so the page costs the same for 90 units or 900. Only a year
with no published score has its live scores computed (scoring.services.cycle_scores, itself
a fixed number of queries, as of now or the end of that fiscal year).

The units are today's filtered taking-part units for every year: a unit that closed since is
not counted in earlier years either (the multi-year figures compare the same units).
"""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count
from django.utils import timezone

from pmqa4.core.fiscal import end_of_day
from pmqa4.cycles.models import StepExtension
from pmqa4.framework.models import Dimension, PmqaCategory
from pmqa4.plans.models import Activity, Kpi, KpiActual, PlanItem
from pmqa4.scoring.engine.facts import Kpi as FactsKpi
from pmqa4.scoring.engine.kpis import achievement
from pmqa4.scoring.models import ScoreKind, ScoreRecord
from pmqa4.scoring.services import assessment_time, cycle_scores
from pmqa4.submissions.models import Submission
from pmqa4.teams.models import Attendance, Meeting
from pmqa4.teams.selectors import AttendanceRate

from .filters import SUBMITTED_STEPS

PUBLISHED, LIVE, NONE = "published", "live", "none"


@dataclass
class Scores:
    """Round 1 and year scores per unit id, and where they come from."""

    source: str = NONE
    round1: dict[int, Decimal] = field(default_factory=dict)
    year: dict[int, Decimal] = field(default_factory=dict)
    published_at: dt.datetime | None = None

    @staticmethod
    def mean(values) -> Decimal | None:
        values = list(values)
        if not values:
            return None
        return (sum(values) / len(values)).quantize(Decimal("0.01"))


@dataclass
class YearFigures:
    """One fiscal year's figures over the filtered units."""

    cycle: object
    unit_ids: list[int]
    due: dict[int, dt.date] = field(default_factory=dict)  # step number → cycle due date
    first_submitted: dict[int, list[dt.date]] = field(default_factory=lambda: defaultdict(list))
    # step number → {"on_time", "late", "missing", "not_due"} → (unit, step) pairs; "missing"
    # is past its own due date and not submitted, "not_due" not submitted and not due yet
    by_step: dict[int, Counter] = field(default_factory=lambda: defaultdict(Counter))
    meetings_held: int = 0
    attended: dict[int, int] = field(default_factory=dict)  # unit id → meetings attended
    form1: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    form2: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    achievements: list[Decimal] = field(default_factory=list)
    kpis_without_result: int = 0
    scores: Scores = field(default_factory=Scores)

    @property
    def fiscal_year(self) -> int:
        return self.cycle.fiscal_year

    def rate(self, unit_id: int) -> AttendanceRate:
        return AttendanceRate(
            self.attended.get(unit_id, 0), self.meetings_held, self.cycle.attendance_threshold
        )

    def percent(self, part: int, whole: int) -> Decimal | None:
        if not whole:
            return None
        return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"))

    def _total(self, outcome: str) -> int:
        return sum(counts[outcome] for counts in self.by_step.values())

    @property
    def pairs_due(self) -> int:
        """(unit, step) pairs already decided: submitted (on time or late), or past due."""
        return self._total("on_time") + self._total("late") + self._total("missing")

    @property
    def on_time_percent(self) -> Decimal | None:
        return self.percent(self._total("on_time"), self.pairs_due)

    @property
    def attendance_reaching(self) -> int:
        return sum(1 for u in self.unit_ids if self.rate(u).reached)

    @property
    def attendance_percent(self) -> Decimal | None:
        assessable = len(self.unit_ids) if self.meetings_held else 0
        return self.percent(self.attendance_reaching, assessable)

    @property
    def kpis_reaching(self) -> int:
        threshold = self.cycle.kpi_threshold
        return sum(1 for a in self.achievements if a >= threshold)

    @property
    def kpi_percent(self) -> Decimal | None:
        return self.percent(self.kpis_reaching, len(self.achievements) + self.kpis_without_result)

    def covering_all(self, dimensions) -> int:
        wanted = set(dimensions)
        return sum(1 for u in self.unit_ids if wanted and wanted <= self.form2.get(u, set()))

    def coverage_percent(self, dimensions) -> Decimal | None:
        return self.percent(self.covering_all(dimensions), len(self.unit_ids))


@dataclass
class Figures:
    years: list[YearFigures]  # oldest first
    selected: YearFigures
    units: list  # the filtered units, for every year
    dimensions: list[Dimension]  # with their categories prefetched
    categories: list[PmqaCategory]

    @property
    def several_years(self) -> bool:
        return len(self.years) > 1


def load(cycles, selected, units, *, now: dt.datetime, live_scores: bool = True) -> Figures:
    """The figures of every cycle for ``units``; ``cycles`` with their steps prefetched."""
    today = timezone.localdate(now)
    units = list(units)
    unit_ids = [u.pk for u in units]
    cycles = sorted(cycles, key=lambda c: c.fiscal_year)
    years = {c.pk: YearFigures(cycle=c, unit_ids=unit_ids) for c in cycles}
    cycle_ids = list(years)
    for figures in years.values():
        figures.due = {s.number: s.due_on for s in figures.cycle.steps.all()}
    _submissions(years, cycle_ids, unit_ids, today)
    _attendance(years, cycle_ids, unit_ids, today)
    _plans(years, cycle_ids, unit_ids)
    _kpis(years, cycle_ids, unit_ids)
    _published(years, cycle_ids, unit_ids)
    chosen = years[selected.pk]
    if live_scores and units:
        for figures in years.values():
            if figures.scores.source == NONE:
                _live(figures, units, now)
    dimensions = list(Dimension.objects.prefetch_related("categories").order_by("number"))
    return Figures(
        years=list(years.values()),
        selected=chosen,
        units=list(units),
        dimensions=dimensions,
        categories=list(PmqaCategory.objects.order_by("number")),
    )


def _submissions(years, cycle_ids, unit_ids, today):
    extended = {
        (cycle_id, unit_id, number): due_on
        for unit_id, cycle_id, number, due_on in StepExtension.objects.filter(
            step__cycle_id__in=cycle_ids, unit_id__in=unit_ids
        ).values_list("unit_id", "step__cycle_id", "step__number", "due_on")
    }
    first = {}
    for unit_id, cycle_id, number, at in Submission.objects.filter(
        step__cycle_id__in=cycle_ids,
        unit_id__in=unit_ids,
        step__number__in=SUBMITTED_STEPS,
        first_submitted_at__isnull=False,
    ).values_list("unit_id", "step__cycle_id", "step__number", "first_submitted_at"):
        first[cycle_id, unit_id, number] = at
        years[cycle_id].first_submitted[number].append(timezone.localdate(at))
    for cycle_id, figures in years.items():
        for number in SUBMITTED_STEPS:
            if number not in figures.due:
                continue
            figures.first_submitted[number].sort()
            counts = figures.by_step[number]
            for unit_id in unit_ids:
                due_on = extended.get((cycle_id, unit_id, number), figures.due[number])
                at = first.get((cycle_id, unit_id, number))
                if at is not None:
                    counts["on_time" if at <= end_of_day(due_on) else "late"] += 1
                elif due_on < today:
                    counts["missing"] += 1
                else:
                    counts["not_due"] += 1


def _attendance(years, cycle_ids, unit_ids, today):
    held = Meeting.objects.filter(cycle_id__in=cycle_ids, required=True, held_on__lte=today)
    for row in held.values("cycle_id").annotate(n=Count("id")):
        years[row["cycle_id"]].meetings_held = row["n"]
    present = (
        Attendance.objects.filter(
            meeting__cycle_id__in=cycle_ids,
            meeting__required=True,
            meeting__held_on__lte=today,
            member__roster__unit_id__in=unit_ids,
        )
        .values("meeting__cycle_id", "member__roster__unit_id")
        .annotate(meetings=Count("meeting", distinct=True))
    )
    for row in present:
        years[row["meeting__cycle_id"]].attended[row["member__roster__unit_id"]] = row["meetings"]


def _plans(years, cycle_ids, unit_ids):
    for cycle_id, unit_id, number in (
        PlanItem.objects.filter(plan__cycle_id__in=cycle_ids, plan__unit_id__in=unit_ids)
        .values_list("plan__cycle_id", "plan__unit_id", "dimension__number")
        .distinct()
    ):
        years[cycle_id].form1[unit_id].add(number)
    for cycle_id, unit_id, number in (
        Activity.objects.filter(
            action_plan__cycle_id__in=cycle_ids, action_plan__unit_id__in=unit_ids
        )
        .values_list("action_plan__cycle_id", "action_plan__unit_id", "dimension__number")
        .distinct()
    ):
        years[cycle_id].form2[unit_id].add(number)


def _kpis(years, cycle_ids, unit_ids):
    """Each KPI with a target: its achievement from its latest reported actual (the engine's
    formula), or counted as without a result."""
    latest: dict[int, Decimal] = {}
    for kpi_id, value in (
        KpiActual.objects.filter(kpi__cycle_id__in=cycle_ids, kpi__unit_id__in=unit_ids)
        .order_by("kpi_id", "-reported_at", "-id")
        .values_list("kpi_id", "value")
    ):
        latest.setdefault(kpi_id, value)
    for kpi_id, cycle_id, code, target, direction in Kpi.objects.filter(
        cycle_id__in=cycle_ids, unit_id__in=unit_ids, sheet__target__isnull=False
    ).values_list("id", "cycle_id", "code", "sheet__target", "sheet__direction"):
        value = achievement(
            FactsKpi(
                id=code,
                named_in=frozenset(),
                sheet="complete",
                direction=direction,
                target=target,
                actual=latest.get(kpi_id),
            )
        )
        if value is None:
            years[cycle_id].kpis_without_result += 1
        else:
            years[cycle_id].achievements.append(value)


def _published(years, cycle_ids, unit_ids):
    """The latest publication of each unit and kind, per cycle (not the facts: only the sums)."""
    latest = {}
    for record in (
        ScoreRecord.objects.filter(cycle_id__in=cycle_ids, unit_id__in=unit_ids)
        .order_by("published_at", "id")
        .only("cycle_id", "unit_id", "kind", "round1", "year", "published_at")
    ):
        latest[record.cycle_id, record.unit_id, record.kind] = record
    for (cycle_id, unit_id, kind), record in latest.items():
        scores = years[cycle_id].scores
        scores.source = PUBLISHED
        if scores.published_at is None or record.published_at > scores.published_at:
            scores.published_at = record.published_at
        if kind == ScoreKind.YEAR:
            scores.year[unit_id] = record.year
            scores.round1.setdefault(unit_id, record.round1)
        else:
            scores.round1[unit_id] = record.round1


def _live(figures: YearFigures, units, now):
    as_of = assessment_time(figures.cycle, now)
    figures.scores.source = LIVE
    for score in cycle_scores(figures.cycle, as_of=as_of, units=units):
        figures.scores.round1[score.unit.pk] = Decimal(score.breakdown["round1"])
        figures.scores.year[score.unit.pk] = Decimal(score.breakdown["year"])
