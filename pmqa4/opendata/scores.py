"""A published score as the public sees it: each step's points and each deduction's reason.

Only what the breakdown says about the unit's work is kept (points, whether done, the note,
deductions); the facts the score was computed from (the roster with names, phones, e-mails)
are never read for display. Step 1's "incomplete" reason names team members: they become
"สมาชิกลำดับที่ N" (privacy.anonymous_reason), and every text passes the privacy guard.
"""

import dataclasses
import datetime as dt
from decimal import Decimal

from pmqa4.cycles.models import StepNumber
from pmqa4.scoring.models import ScoreKind, ScoreRecord
from pmqa4.scoring.templatetags.scoring import RULE_LABELS

from .privacy import Guard, anonymous_reason
from .publication import KIND_CODES, STEPS_OF_KIND, max_score_of, score_of


@dataclasses.dataclass(frozen=True)
class PublicDeduction:
    rule: str
    rule_name: str
    amount: Decimal
    reason: str


@dataclasses.dataclass(frozen=True)
class PublicStep:
    step: int
    step_name: str
    done: bool
    points: Decimal
    note: str
    deductions: tuple[PublicDeduction, ...]

    @property
    def deduction_total(self) -> Decimal:
        return sum((d.amount for d in self.deductions), Decimal("0.00"))


@dataclasses.dataclass(frozen=True)
class PublicScore:
    """One unit's latest publication of one kind (round 1 or the year)."""

    record: ScoreRecord
    round: str
    round_name: str
    score: Decimal
    max_score: Decimal
    as_of: dt.datetime
    published_at: dt.datetime
    steps: tuple[PublicStep, ...]

    @property
    def unit(self):
        return self.record.unit


def _decimal(value) -> Decimal:
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return Decimal("0")


def public_score(record: ScoreRecord, guard: Guard) -> PublicScore:
    members = ((record.facts or {}).get("team") or {}).get("members") or []
    last_step = STEPS_OF_KIND[record.kind]
    steps = []
    for step in (record.breakdown or {}).get("steps", []):
        number = step.get("step")
        if not isinstance(number, int) or not 1 <= number <= last_step:
            continue
        deductions = []
        for d in step.get("deductions", []):
            reason = str(d.get("reason", ""))
            if number == 1:
                reason = anonymous_reason(reason, members)
            rule = str(d.get("rule", ""))
            deductions.append(
                PublicDeduction(
                    rule=rule,
                    rule_name=str(RULE_LABELS.get(rule, rule)),
                    amount=_decimal(d.get("amount", "0")),
                    reason=guard(reason),
                )
            )
        steps.append(
            PublicStep(
                step=number,
                step_name=str(StepNumber(number).label),
                done=bool(step.get("done")),
                points=_decimal(step.get("points", "0")),
                note=guard(step.get("note") or ""),
                deductions=tuple(deductions),
            )
        )
    return PublicScore(
        record=record,
        round=KIND_CODES[record.kind],
        round_name=str(ScoreKind(record.kind).label),
        score=score_of(record),
        max_score=max_score_of(record),
        as_of=record.as_of,
        published_at=record.published_at,
        steps=tuple(sorted(steps, key=lambda s: s.step)),
    )
