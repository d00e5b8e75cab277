"""The year-end summary the central group sends the ministry, from the published scores.

Scores, coverage, KPI achievement and attendance come from each unit's latest publication (its
frozen facts and breakdown), so the summary says what was published, not what was edited since;
the problems and proposals come from the units' Form 4 reports, grouped by dimension, with the
same sentence written by several units listed once.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from pmqa4.core.errors import WorkflowError
from pmqa4.cycles.models import Cycle
from pmqa4.framework.models import Dimension
from pmqa4.org.models import Unit
from pmqa4.reports.models import ResultsReport
from pmqa4.scoring.models import ScoreKind, ScoreRecord

from .printing import Printer

TITLE = "สรุปผลการดำเนินงานตัวชี้วัดการขับเคลื่อนหน่วยงานสู่ระบบราชการ ๔.๐ ประจำปีงบประมาณ พ.ศ. {year}"
SCORE_BINS = (Decimal("1"), Decimal("2"), Decimal("3"), Decimal("4"), Decimal("5"))


@dataclass(frozen=True)
class UnitRow:
    code: str
    name: str
    kind: str
    round1: Decimal | None
    year: Decimal | None
    attendance: Decimal | None
    dimensions: tuple[int, ...]


@dataclass(frozen=True)
class Voice:
    """One problem or proposal, with every unit that wrote it."""

    text: str
    units: tuple[str, ...]


@dataclass
class Summary:
    cycle: Cycle
    title: str
    printed_on: str
    rows: list[UnitRow]
    dimensions: list[tuple[int, str, str]]  # (number, name, categories)
    kpi_achievements: list[Decimal]
    kpi_threshold: Decimal
    attendance_threshold: Decimal
    problems: dict[int, list[Voice]] = field(default_factory=dict)
    proposals: dict[int, list[Voice]] = field(default_factory=dict)

    @property
    def scored(self) -> list[UnitRow]:
        return [r for r in self.rows if r.year is not None]

    def mean(self, attribute: str) -> Decimal | None:
        values = [getattr(r, attribute) for r in self.rows if getattr(r, attribute) is not None]
        if not values:
            return None
        return (sum(values) / len(values)).quantize(Decimal("0.01"))

    def dimension_coverage(self) -> dict[int, int]:
        """How many units plan at least one Form 2 activity in each dimension."""
        counts = Counter(d for r in self.rows for d in r.dimensions)
        return {number: counts[number] for number, _n, _c in self.dimensions}

    def category_coverage(self, category_map: dict[int, tuple[int, ...]]) -> dict[int, int]:
        """How many units touch each PMQA category through a dimension that maps to it."""
        counts: Counter = Counter()
        for row in self.rows:
            counts.update({c for d in row.dimensions for c in category_map.get(d, ())})
        return dict(sorted(counts.items()))

    def kpis_reaching(self) -> int:
        return sum(1 for a in self.kpi_achievements if a >= self.kpi_threshold)

    def attendance_reaching(self) -> int:
        return sum(
            1
            for r in self.rows
            if r.attendance is not None and r.attendance >= self.attendance_threshold
        )

    def score_bands(self) -> list[tuple[str, int, int]]:
        """(band, units in round 1, units in the year): 0–1, 1–2 … 4–5, the upper bound included
        in the top band only."""
        bands = []
        lower = Decimal("0")
        for upper in SCORE_BINS:
            top = upper == SCORE_BINS[-1]

            def within(value, lower=lower, upper=upper, top=top):
                return value is not None and lower <= value and (value < upper or top)

            bands.append(
                (
                    f"{lower:.0f}–{upper:.0f}",
                    sum(within(r.round1) for r in self.rows),
                    sum(within(r.year) for r in self.rows),
                )
            )
            lower = upper
        return bands


def _voices(reports, attribute: str) -> dict[int, list[Voice]]:
    grouped: dict[int, dict[str, list[str]]] = defaultdict(dict)
    for report in reports:
        text = " ".join(getattr(report, attribute).split())
        if not text:
            continue
        unit = report.activity.action_plan.unit
        names = grouped[report.activity.dimension.number].setdefault(text, [])
        if unit.name_th not in names:
            names.append(unit.name_th)
    return {
        dimension: sorted(
            (Voice(text, tuple(units)) for text, units in texts.items()),
            key=lambda v: (-len(v.units), v.text),
        )
        for dimension, texts in sorted(grouped.items())
    }


def ministry_summary(cycle: Cycle, printer: Printer) -> Summary:
    """The summary of a cycle whose year score has been published; refused before that."""
    latest: dict[tuple[int, int], ScoreRecord] = {}
    for record in ScoreRecord.objects.filter(cycle=cycle).order_by("published_at"):
        latest[record.unit_id, record.kind] = record
    if not any(kind == ScoreKind.YEAR for _unit, kind in latest):
        raise WorkflowError(_("ยังไม่ได้เผยแพร่คะแนนทั้งปีของปีงบประมาณนี้ จึงยังจัดทำสรุปเสนอกระทรวงไม่ได้"))
    unit_ids = {unit_id for unit_id, _kind in latest}
    units = Unit.objects.filter(pk__in=unit_ids).order_by("kind", "code")
    kinds = dict(Unit._meta.get_field("kind").choices)
    rows, achievements = [], []
    for unit in units:
        year = latest.get((unit.pk, ScoreKind.YEAR))
        round1 = latest.get((unit.pk, ScoreKind.ROUND1))
        source = year or round1
        step2 = next((s for s in source.breakdown["steps"] if s["step"] == 2), {})
        rate = step2.get("attendance_rate")
        rows.append(
            UnitRow(
                code=unit.code,
                name=unit.name_th,
                kind=str(kinds.get(unit.kind, unit.kind)),
                round1=(round1 or year).round1,
                year=year.year if year else None,
                attendance=Decimal(rate) if rate is not None else None,
                dimensions=tuple((source.facts.get("plans") or {}).get("form2_dimensions", ())),
            )
        )
        if year:
            achievements += [
                Decimal(k["achievement"])
                for k in year.breakdown.get("kpis", [])
                if k.get("achievement") is not None
            ]
    dimensions = [
        (d.number, d.name_th, ",".join(str(c.number) for c in d.categories.all()))
        for d in Dimension.objects.prefetch_related("categories").order_by("number")
    ]
    reports = ResultsReport.objects.filter(
        activity__action_plan__cycle=cycle, activity__action_plan__unit__in=unit_ids
    ).select_related("activity__dimension", "activity__action_plan__unit")
    reports = sorted(reports, key=lambda r: (r.activity.action_plan.unit.code, r.activity.number))
    return Summary(
        cycle=cycle,
        title=printer.text(TITLE.format(year=cycle.fiscal_year)),
        printed_on=printer.date(timezone.localdate()),
        rows=rows,
        dimensions=dimensions,
        kpi_achievements=achievements,
        kpi_threshold=cycle.kpi_threshold,
        attendance_threshold=cycle.attendance_threshold,
        problems=_voices(reports, "problems"),
        proposals=_voices(reports, "proposals"),
    )
