"""The facts of one unit's year (SCORING-FACTS.md, version 1), parsed into dataclasses.

Parsing validates everything the scoring relies on, so ``score`` never meets a bad value; each
problem is a FactsError naming its field path. Any part (team, plans, report) may be absent or
null: that step was not done.

Speed: the readers name fields relative to their object, and the path of a bad value is put
together (FactsError.within) only on the way out of an error, never for good values. The
dataclasses use slots and are not frozen (a frozen dataclass sets every field through
object.__setattr__, which made parsing a third slower); treat them as read-only all the same.
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


@dataclasses.dataclass(slots=True)
class Submission:
    at: dt.datetime
    returned_at: dt.datetime | None = None
    correction_due: dt.date | None = None


@dataclasses.dataclass(slots=True)
class Member:
    name: str
    position: str
    phone: str
    email: str


@dataclasses.dataclass(slots=True)
class Team:
    due: dt.date | None
    submissions: tuple[Submission, ...]
    members: tuple[Member, ...]


@dataclasses.dataclass(slots=True)
class Meeting:
    held_on: dt.date
    required: bool
    attended: bool


@dataclasses.dataclass(slots=True)
class Kpi:
    id: str
    named_in: frozenset[str]
    sheet: str
    direction: str | None
    target: Decimal | None
    actual: Decimal | None


@dataclasses.dataclass(slots=True)
class Plans:
    due: dt.date | None
    submissions: tuple[Submission, ...]
    signed_off: bool
    form1_dimensions: frozenset[int]
    form2_dimensions: frozenset[int]
    kpis: tuple[Kpi, ...]
    findings: frozenset[str]


@dataclasses.dataclass(slots=True)
class Activity:
    id: str
    reported: bool


@dataclasses.dataclass(slots=True)
class Report:
    due: dt.date | None
    submissions: tuple[Submission, ...]
    signed_off: bool
    activities: tuple[Activity, ...]
    findings: frozenset[str]


@dataclasses.dataclass(slots=True)
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
        unit=read.text(data, "unit"),
        fiscal_year=fiscal_year,
        as_of=read.timestamp(data, "as_of"),
        rules=Rules.from_overrides(data.get("rules")),
        team=_part(data, "team", _team),
        meetings=read.each(data, "meetings", _meeting),
        plans=_part(data, "plans", _plans),
        report=_part(data, "report", _report),
    )


def _part(data: dict, key: str, parse):
    value = data.get(key)
    if value is None:
        return None
    try:
        return parse(read.mapping(value, ""))
    except FactsError as error:
        raise error.within(key) from None


def _team(data: dict) -> Team:
    return Team(
        due=_due(data),
        submissions=_submissions(data),
        members=read.each(data, "members", _member),
    )


def _member(data) -> Member:
    text = read.text
    data = read.mapping(data, "")
    return Member(
        text(data, "name"), text(data, "position"), text(data, "phone"), text(data, "email")
    )


def _meeting(data) -> Meeting:
    data = read.mapping(data, "")
    return Meeting(
        read.date(data, "held_on"),
        read.boolean(data, "required", True),
        read.boolean(data, "attended", False),
    )


def _plans(data: dict) -> Plans:
    return Plans(
        due=_due(data),
        submissions=_submissions(data),
        signed_off=read.boolean(data, "signed_off", False),
        form1_dimensions=_dimensions(data, "form1_dimensions"),
        form2_dimensions=_dimensions(data, "form2_dimensions"),
        kpis=read.each(data, "kpis", _kpi),
        findings=read.choices(data, "findings", FINDINGS),
    )


def _report(data: dict) -> Report:
    return Report(
        activities=read.each(data, "activities", _activity),
        due=_due(data),
        submissions=_submissions(data),
        signed_off=read.boolean(data, "signed_off", False),
        findings=read.choices(data, "findings", FINDINGS),
    )


def _activity(data) -> Activity:
    data = read.mapping(data, "")
    return Activity(read.identifier(data, "id"), read.boolean(data, "reported", False))


def _due(data: dict) -> dt.date | None:
    """A step with submissions needs its due date: lateness is judged against it."""
    due = read.optional_date(data, "due")
    if due is None and read.items(data, "submissions"):
        raise FactsError("due", "required when there are submissions")
    return due


def _submissions(data: dict) -> tuple[Submission, ...]:
    """Submissions in time order; out of order is refused, the contract promises the order."""
    result = []
    for s in read.items(data, "submissions"):
        try:
            submission = _submission(s)
        except FactsError as error:
            raise error.within(f"submissions[{len(result)}]") from None
        if result and submission.at < result[-1].at:
            raise FactsError(f"submissions[{len(result)}].at", "submissions must be in time order")
        result.append(submission)
    return tuple(result)


def _submission(data) -> Submission:
    data = read.mapping(data, "")
    if data.get("at") is None:
        raise FactsError("at", "the submission time is required")
    return Submission(
        read.timestamp(data, "at"),
        read.optional_timestamp(data, "returned_at"),
        read.optional_date(data, "correction_due"),
    )


def _dimensions(data: dict, key: str) -> frozenset[int]:
    values = read.items(data, key)
    for i, d in enumerate(values):
        if isinstance(d, bool) or d not in DIMENSIONS:
            raise FactsError(f"{key}[{i}]", f"a dimension is 1, 2 or 3, got {d!r}")
    return frozenset(values)


def _kpi(data) -> Kpi:
    """A KPI with no Form 3 sheet may lack target and direction; with a target it needs both."""
    data = read.mapping(data, "")
    kpi_id = read.identifier(data, "id")
    read.items(data, "named_in")  # its type is checked before the target, its words after
    target = read.optional_decimal(data, "target")
    direction = data.get("direction")
    if direction is not None or target is not None:
        direction = read.choice(data, "direction", DIRECTIONS)
    if direction == "higher" and target == 0:
        raise FactsError("target", "a target of 0 is invalid when higher is better")
    if direction == "lower" and target is not None and target < 0:
        # target ÷ actual (SCORING.md, "KPI achievement") has no meaning below zero.
        raise FactsError("target", "a negative target is invalid when lower is better")
    return Kpi(
        kpi_id,
        read.choices(data, "named_in", FORMS),
        read.choice(data, "sheet", SHEETS),
        direction,
        target,
        read.optional_decimal(data, "actual"),
    )
