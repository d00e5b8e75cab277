"""The facts of one unit's year (SCORING-FACTS.md, version 1), parsed into frozen dataclasses.

Parsing validates everything the scoring relies on, so ``score`` never meets a bad value; each
problem is a FactsError naming its field path. Any part (team, plans, report) may be absent or
null: that step was not done.
"""

import dataclasses
import datetime as dt
from decimal import Decimal

from . import read
from .errors import FactsError
from .rules import Rules

FINDINGS = ("not_unit_wide", "not_as_prescribed")
SHEETS = ("complete", "incomplete", "missing")
DIRECTIONS = ("higher", "lower")
FORMS = ("form1", "form2")
DIMENSIONS = (1, 2, 3)


@dataclasses.dataclass(frozen=True)
class Submission:
    at: dt.datetime
    returned_at: dt.datetime | None = None
    correction_due: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class Member:
    name: str
    position: str
    phone: str
    email: str


@dataclasses.dataclass(frozen=True)
class Team:
    due: dt.date | None
    submissions: tuple[Submission, ...]
    members: tuple[Member, ...]


@dataclasses.dataclass(frozen=True)
class Meeting:
    held_on: dt.date
    required: bool
    attended: bool


@dataclasses.dataclass(frozen=True)
class Kpi:
    id: str
    named_in: frozenset[str]
    sheet: str
    direction: str | None
    target: Decimal | None
    actual: Decimal | None


@dataclasses.dataclass(frozen=True)
class Plans:
    due: dt.date | None
    submissions: tuple[Submission, ...]
    signed_off: bool
    form1_dimensions: frozenset[int]
    form2_dimensions: frozenset[int]
    kpis: tuple[Kpi, ...]
    findings: frozenset[str]


@dataclasses.dataclass(frozen=True)
class Activity:
    id: str
    reported: bool


@dataclasses.dataclass(frozen=True)
class Report:
    due: dt.date | None
    submissions: tuple[Submission, ...]
    signed_off: bool
    activities: tuple[Activity, ...]
    findings: frozenset[str]


@dataclasses.dataclass(frozen=True)
class Facts:
    unit: str
    fiscal_year: int | None
    as_of: dt.datetime
    rules: Rules
    team: Team | None
    meetings: tuple[Meeting, ...]
    plans: Plans | None
    report: Report | None


def parse_facts(document) -> Facts:
    """Validate a facts dict (as loaded from JSON) and return it as Facts."""
    data = read.mapping(document, "")
    version = data.get("version")
    if isinstance(version, bool) or version != 1:
        raise FactsError("version", f"only version 1 is understood, got {version!r}")
    fiscal_year = data.get("fiscal_year")
    if fiscal_year is not None and (
        isinstance(fiscal_year, bool) or not isinstance(fiscal_year, int)
    ):
        raise FactsError("fiscal_year", f"expected a B.E. year, got {fiscal_year!r}")
    if data.get("as_of") is None:
        raise FactsError("as_of", "the assessment time is required")
    return Facts(
        unit=read.text(data.get("unit"), "unit"),
        fiscal_year=fiscal_year,
        as_of=read.timestamp(data["as_of"], "as_of"),
        rules=Rules.from_overrides(data.get("rules")),
        team=_part(data, "team", _team),
        meetings=tuple(
            _meeting(read.mapping(m, f"meetings[{i}]"), f"meetings[{i}]")
            for i, m in enumerate(read.items(data.get("meetings"), "meetings"))
        ),
        plans=_part(data, "plans", _plans),
        report=_part(data, "report", _report),
    )


def _part(data: dict, name: str, parse):
    value = data.get(name)
    return None if value is None else parse(read.mapping(value, name), name)


def _team(data: dict, field: str) -> Team:
    return Team(
        due=_due(data, field),
        submissions=_submissions(data, field),
        members=tuple(
            _member(read.mapping(m, f"{field}.members[{i}]"), f"{field}.members[{i}]")
            for i, m in enumerate(read.items(data.get("members"), f"{field}.members"))
        ),
    )


def _member(data: dict, field: str) -> Member:
    return Member(**{k: read.text(data.get(k), f"{field}.{k}") for k in Member.__annotations__})


def _meeting(data: dict, field: str) -> Meeting:
    return Meeting(
        held_on=read.date(data.get("held_on"), f"{field}.held_on"),
        required=read.boolean(data.get("required"), f"{field}.required", default=True),
        attended=read.boolean(data.get("attended"), f"{field}.attended", default=False),
    )


def _plans(data: dict, field: str) -> Plans:
    return Plans(
        due=_due(data, field),
        submissions=_submissions(data, field),
        signed_off=read.boolean(data.get("signed_off"), f"{field}.signed_off", default=False),
        form1_dimensions=_dimensions(data.get("form1_dimensions"), f"{field}.form1_dimensions"),
        form2_dimensions=_dimensions(data.get("form2_dimensions"), f"{field}.form2_dimensions"),
        kpis=tuple(
            _kpi(read.mapping(k, f"{field}.kpis[{i}]"), f"{field}.kpis[{i}]")
            for i, k in enumerate(read.items(data.get("kpis"), f"{field}.kpis"))
        ),
        findings=_findings(data, field),
    )


def _report(data: dict, field: str) -> Report:
    activities = []
    for i, a in enumerate(read.items(data.get("activities"), f"{field}.activities")):
        where = f"{field}.activities[{i}]"
        a = read.mapping(a, where)
        activities.append(
            Activity(
                id=read.identifier(a.get("id"), f"{where}.id"),
                reported=read.boolean(a.get("reported"), f"{where}.reported", default=False),
            )
        )
    return Report(
        due=_due(data, field),
        submissions=_submissions(data, field),
        signed_off=read.boolean(data.get("signed_off"), f"{field}.signed_off", default=False),
        activities=tuple(activities),
        findings=_findings(data, field),
    )


def _due(data: dict, field: str) -> dt.date | None:
    """A step with submissions needs its due date: lateness is judged against it."""
    due = read.optional_date(data.get("due"), f"{field}.due")
    if due is None and read.items(data.get("submissions"), f"{field}.submissions"):
        raise FactsError(f"{field}.due", "required when there are submissions")
    return due


def _submissions(data: dict, field: str) -> tuple[Submission, ...]:
    """Submissions in time order; out of order is refused, the contract promises the order."""
    result = []
    for i, s in enumerate(read.items(data.get("submissions"), f"{field}.submissions")):
        where = f"{field}.submissions[{i}]"
        s = read.mapping(s, where)
        if s.get("at") is None:
            raise FactsError(f"{where}.at", "the submission time is required")
        submission = Submission(
            at=read.timestamp(s["at"], f"{where}.at"),
            returned_at=read.optional_timestamp(s.get("returned_at"), f"{where}.returned_at"),
            correction_due=read.optional_date(s.get("correction_due"), f"{where}.correction_due"),
        )
        if result and submission.at < result[-1].at:
            raise FactsError(f"{where}.at", "submissions must be in time order")
        result.append(submission)
    return tuple(result)


def _dimensions(value, field: str) -> frozenset[int]:
    found = set()
    for i, d in enumerate(read.items(value, field)):
        if isinstance(d, bool) or d not in DIMENSIONS:
            raise FactsError(f"{field}[{i}]", f"a dimension is 1, 2 or 3, got {d!r}")
        found.add(d)
    return frozenset(found)


def _findings(data: dict, field: str) -> frozenset[str]:
    return frozenset(
        read.choice(f, f"{field}.findings[{i}]", FINDINGS)
        for i, f in enumerate(read.items(data.get("findings"), f"{field}.findings"))
    )


def _kpi(data: dict, field: str) -> Kpi:
    """A KPI with no Form 3 sheet may lack target and direction; with a target it needs both."""
    kpi_id = read.identifier(data.get("id"), f"{field}.id")
    named_in = read.items(data.get("named_in"), f"{field}.named_in")
    target = read.optional_decimal(data.get("target"), f"{field}.target")
    direction = data.get("direction")
    if direction is not None or target is not None:
        direction = read.choice(direction, f"{field}.direction", DIRECTIONS)
    if direction == "higher" and target == 0:
        raise FactsError(f"{field}.target", "a target of 0 is invalid when higher is better")
    if direction == "lower" and target is not None and target < 0:
        # target ÷ actual (SCORING.md, "KPI achievement") has no meaning below zero.
        raise FactsError(f"{field}.target", "a negative target is invalid when lower is better")
    return Kpi(
        id=kpi_id,
        named_in=frozenset(
            read.choice(f, f"{field}.named_in[{i}]", FORMS) for i, f in enumerate(named_in)
        ),
        sheet=read.choice(data.get("sheet"), f"{field}.sheet", SHEETS),
        direction=direction,
        target=target,
        actual=read.optional_decimal(data.get("actual"), f"{field}.actual"),
    )
