"""Scores computed from what is stored now, and published as frozen snapshots."""

import datetime as dt
import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.translation import gettext as _

from pmqa4.core.errors import WorkflowError
from pmqa4.core.fiscal import end_of_day
from pmqa4.cycles.models import Cycle
from pmqa4.org.models import Unit, User

from .adapter import cycle_facts, taking_part
from .engine import score_documents
from .models import ScoreKind, ScoreRecord


@dataclass(frozen=True)
class UnitScore:
    unit: Unit
    facts: dict
    breakdown: dict

    @property
    def steps(self) -> list[dict]:
        return self.breakdown["steps"]


def assessment_time(cycle: Cycle, now: dt.datetime) -> dt.datetime:
    """Live scores are as of now, but never past the last moment of the fiscal year."""
    return min(now, end_of_day(cycle.ends_on))


def cycle_scores(cycle: Cycle, *, as_of: dt.datetime, units=None) -> list[UnitScore]:
    units = list(units if units is not None else taking_part(cycle).select_related("province"))
    facts = cycle_facts(cycle, as_of=as_of, units=units)
    breakdowns = score_documents(facts[unit.pk] for unit in units)
    return [UnitScore(u, facts[u.pk], b) for u, b in zip(units, breakdowns, strict=True)]


def unit_score(cycle: Cycle, unit: Unit, *, as_of: dt.datetime) -> UnitScore:
    return cycle_scores(cycle, as_of=as_of, units=[unit])[0]


REPUBLISH_GUARD = dt.timedelta(minutes=1)


def _comparable(breakdown: dict) -> str:
    """A breakdown as stored (JSON; PostgreSQL's jsonb reorders keys), without the assessment
    moment, which moves with the clock."""
    kept = {k: v for k, v in breakdown.items() if k != "as_of"}
    return json.dumps(kept, cls=DjangoJSONEncoder, sort_keys=True)


def _just_published(cycle: Cycle, kind: int, scores: list[UnitScore], now: dt.datetime) -> bool:
    """The same scores published for the same round within a minute: a double click or a second
    tab, not a new publication. A republication after a correction changes a score, so it is
    never held back, however soon it comes."""
    recent = ScoreRecord.objects.filter(
        cycle=cycle,
        kind=kind,
        published_at__range=(now - REPUBLISH_GUARD, now + REPUBLISH_GUARD),
    )
    latest = recent.order_by("-published_at").values_list("published_at", flat=True).first()
    if latest is None:
        return False
    stored = recent.filter(published_at=latest).values_list("unit_id", "breakdown")
    return {unit: _comparable(b) for unit, b in stored} == {
        score.unit.pk: _comparable(json.loads(json.dumps(score.breakdown, cls=DjangoJSONEncoder)))
        for score in scores
    }


def scores_publish(*, cycle: Cycle, kind: int, actor: User, now: dt.datetime) -> list[ScoreRecord]:
    """Freeze every taking-part unit's score for round 1 or the year.

    Round 1 is assessed as of the end of its assessment date (or now, if that is still to
    come); the year as of the end of the fiscal year (or now). Earlier publications stay.
    """
    if kind == ScoreKind.ROUND1:
        round1 = cycle.rounds.filter(number=1).first()
        as_of = min(now, end_of_day(round1.assessed_on)) if round1 else now
    elif kind == ScoreKind.YEAR:
        as_of = assessment_time(cycle, now)
    else:
        raise WorkflowError(_("ไม่รู้จักรอบที่จะเผยแพร่"))
    with transaction.atomic():
        # One publication of a cycle at a time: a second click or tab waits here, then finds
        # the first one's records (PostgreSQL row lock; SQLite runs one writer anyway).
        list(Cycle.objects.select_for_update().filter(pk=cycle.pk).values_list("pk"))
        scores = cycle_scores(cycle, as_of=as_of)
        if not scores:
            raise WorkflowError(_("ไม่มีหน่วยงานที่รับการประเมินในรอบปีนี้"))
        if _just_published(cycle, kind, scores, now):
            raise WorkflowError(_("เพิ่งเผยแพร่คะแนนนี้ไปเมื่อครู่ และคะแนนยังไม่เปลี่ยน จึงไม่เผยแพร่ซ้ำ"))
        return [
            ScoreRecord.objects.create(
                unit=score.unit,
                cycle=cycle,
                kind=kind,
                as_of=as_of,
                round1=score.breakdown["round1"],
                year=score.breakdown["year"],
                facts=score.facts,
                breakdown=score.breakdown,
                published_at=now,
                published_by=actor,
            )
            for score in scores
        ]
