"""The shapes a demo unit's year is written in: plain data that the builder turns into rows."""

import datetime as dt
from dataclasses import dataclass, field

from pmqa4.core.fiscal import BANGKOK


def at(text: str) -> dt.datetime:
    """'2025-01-30 15:00' in Bangkok time."""
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=BANGKOK)


@dataclass(frozen=True)
class Member:
    name: str
    position: str
    phone: str
    email: str
    role: str = "member"


@dataclass(frozen=True)
class KpiSpec:
    code: str
    name: str
    unit_of_measure: str
    target: str
    actual: str | None
    dimension: int
    direction: str = "higher"
    sheet: str = "complete"  # complete | incomplete (fields missing) | missing (no Form 3)
    baseline: tuple[str | None, str | None, str | None] = (None, None, None)
    cause: str = ""
    remedy: str = ""


@dataclass(frozen=True)
class PlanItemSpec:
    """A Form 1 row."""

    dimension: int
    name: str
    years: tuple[bool, bool, bool]
    kpis: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActivitySpec:
    """A Form 2 row with its steps; `reported` says whether it has a Form 4 report."""

    dimension: int
    name: str
    months: tuple[int, ...]
    responsible: str
    kpis: tuple[str, ...] = ()
    steps: tuple[tuple[str, tuple[int, ...]], ...] = ()
    reported: bool = True


@dataclass(frozen=True)
class Return:
    returned_at: dt.datetime
    comment: str
    correction_due: dt.date | None = None
    resubmitted_at: dt.datetime | None = None


@dataclass(frozen=True)
class StepRun:
    """What happened to one step: submitted (or only drafted / awaiting sign-off), returns,
    acceptance and evaluator findings."""

    submitted_at: dt.datetime | None = None
    awaiting_sign_off: bool = False
    returns: tuple[Return, ...] = ()
    accepted_at: dt.datetime | None = None
    findings: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Scenario:
    code: str
    story: str
    members: tuple[Member, ...] = ()
    roster: StepRun | None = None
    attended: tuple[dt.date, ...] = ()
    form1: tuple[PlanItemSpec, ...] = ()
    form2: tuple[ActivitySpec, ...] = ()
    kpis: tuple[KpiSpec, ...] = ()
    plans: StepRun | None = None
    report: StepRun | None = None
    actuals_reported_at: dt.datetime | None = None
    notes: dict = field(default_factory=dict)
