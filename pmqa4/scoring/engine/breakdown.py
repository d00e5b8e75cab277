"""The score with its whole explanation, and its JSON form (SCORING-FACTS.md, "Breakdown").

Values stay unrounded Decimals here; ``to_json`` rounds half-up to two decimals only when it
renders, so round1 and year are sums of unrounded step points. Like the facts, these are slots
dataclasses, not frozen ones (cheaper to build), and read-only by convention.
"""

import dataclasses
import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from .wording import two_decimals

AS_IS = frozenset({str, int, bool, type(None)})  # JSON-ready detail values, shown unchanged


@dataclasses.dataclass(slots=True)
class Deduction:
    rule: str
    amount: Decimal
    reason: str

    def to_json(self) -> dict:
        return {"rule": self.rule, "amount": two_decimals(self.amount), "reason": self.reason}


@dataclasses.dataclass(slots=True)
class StepResult:
    """One step; ``details`` holds the extra explanatory keys (attendance_rate, late, …)."""

    step: int
    done: bool
    points: Decimal
    deductions: tuple[Deduction, ...] = ()
    details: Mapping[str, object] = dataclasses.field(default_factory=dict)

    def to_json(self) -> dict:
        rendered = {"step": self.step, "done": self.done, "points": two_decimals(self.points)}
        moment = shown = None  # one submission is both the first and the last: render it once
        for key, value in self.details.items():
            if value.__class__ in AS_IS:
                rendered[key] = value
            elif value is moment:
                rendered[key] = shown
            else:
                rendered[key] = _render(value)
                if value.__class__ is dt.datetime:
                    moment, shown = value, rendered[key]
        rendered["deductions"] = [
            {"rule": d.rule, "amount": two_decimals(d.amount), "reason": d.reason}
            for d in self.deductions
        ]
        return rendered


@dataclasses.dataclass(slots=True)
class KpiResult:
    id: str
    achievement: Decimal | None
    below_threshold: bool

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "achievement": None if self.achievement is None else two_decimals(self.achievement),
            "below_threshold": self.below_threshold,
        }


@dataclasses.dataclass(slots=True)
class Breakdown:
    unit: str
    fiscal_year: int | None
    as_of: dt.datetime
    steps: tuple[StepResult, ...]
    kpis: tuple[KpiResult, ...]

    @property
    def round1(self) -> Decimal:
        """Round 1 covers steps 1–3 (SCORING.md, "Steps and points")."""
        return sum((s.points for s in self.steps if s.step <= 3), Decimal(0))

    @property
    def year(self) -> Decimal:
        """The year score (round 2) covers steps 1–5."""
        return sum((s.points for s in self.steps), Decimal(0))

    def step(self, number: int) -> StepResult:
        return next(s for s in self.steps if s.step == number)

    def to_json(self) -> dict:
        return {
            "unit": self.unit,
            "fiscal_year": self.fiscal_year,
            "as_of": self.as_of.isoformat(),
            "steps": [s.to_json() for s in self.steps],
            "kpis": [k.to_json() for k in self.kpis],
            "round1": two_decimals(self.round1),
            "year": two_decimals(self.year),
        }


def _render(value):
    if isinstance(value, Decimal):
        return two_decimals(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_render(v) for v in value]
    return value
