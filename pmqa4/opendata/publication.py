"""What has been published, and so may be public: ScoreRecords and the plans they assessed.

Only the central group's publications (pmqa4/scoring: ``scores_publish``) make anything public.
A unit's latest record of each kind is its public score. Its public plans (Forms 1–2) are the
frozen snapshot of its step-3 version that the central group **accepted** at or before the
unit's latest publication: accepted, not merely signed and submitted, because a submitted
version may still be returned for correction, and an accepted one is what the score stood on.
Plans accepted after the latest publication wait for the next one.
"""

import dataclasses
import datetime as dt
from decimal import Decimal

from django.db.models import Count, Max
from django.shortcuts import get_object_or_404

from pmqa4.cycles.models import Cycle
from pmqa4.plans.models import ThreeYearPlan
from pmqa4.scoring.models import ScoreKind, ScoreRecord
from pmqa4.submissions.models import EventKind, SubmissionEvent, SubmissionVersion

KIND_CODES = {ScoreKind.ROUND1: "round1", ScoreKind.YEAR: "year"}
STEPS_OF_KIND = {ScoreKind.ROUND1: 3, ScoreKind.YEAR: 5}  # round 1 = steps 1–3


def published_cycles():
    """Fiscal years with at least one publication, newest first, with how many units and when
    they were last published: one query."""
    return (
        Cycle.objects.annotate(
            published_units=Count("score_records__unit", distinct=True),
            last_published=Max("score_records__published_at"),
        )
        .filter(published_units__gt=0)
        .order_by("-fiscal_year")
    )


def cycle_or_404(fiscal_year: int) -> Cycle:
    return get_object_or_404(Cycle, fiscal_year=fiscal_year)


def last_published(cycle: Cycle) -> dt.datetime | None:
    return ScoreRecord.objects.filter(cycle=cycle).aggregate(last=Max("published_at"))["last"]


def latest_records(cycle: Cycle, *, unit=None) -> list[ScoreRecord]:
    """The latest record of each unit (or one unit) and kind, with its unit and province:
    two queries (which records, then those records), whatever the number of republications."""
    found = ScoreRecord.objects.filter(cycle=cycle)
    if unit is not None:
        found = found.filter(unit=unit)
    latest = {}
    for pk, unit_id, kind in found.order_by("published_at", "pk").values_list(
        "pk", "unit_id", "kind"
    ):
        latest[unit_id, kind] = pk
    if not latest:
        return []
    return list(
        ScoreRecord.objects.filter(pk__in=latest.values())
        .select_related("unit__province", "cycle")
        .order_by("unit__code", "kind")
    )


def score_of(record: ScoreRecord) -> Decimal:
    return record.round1 if record.kind == ScoreKind.ROUND1 else record.year


def max_score_of(record: ScoreRecord) -> Decimal:
    """Step points (from the rules the record was scored with) × the steps of its round."""
    rules = (record.facts or {}).get("rules") or {}
    try:
        step_points = Decimal(str(rules.get("step_points", "1")))
    except ArithmeticError:
        step_points = Decimal("1")
    return (step_points * STEPS_OF_KIND[record.kind]).quantize(Decimal("0.01"))


@dataclasses.dataclass(frozen=True)
class PublicPlan:
    """A unit's accepted step-3 version: its number, when it was accepted, its snapshot."""

    unit_id: int
    version: int
    accepted_at: dt.datetime
    snapshot: dict
    plan_first_year: int


def public_plans(cycle: Cycle, *, unit_ids=None) -> dict[int, PublicPlan]:
    """unit id → its public plans, for units with a publication in the cycle: four queries."""
    published = ScoreRecord.objects.filter(cycle=cycle)
    if unit_ids is not None:
        published = published.filter(unit_id__in=unit_ids)
    deadline = dict(
        published.values("unit_id")
        .annotate(last=Max("published_at"))
        .values_list("unit_id", "last")
    )
    if not deadline:
        return {}
    chosen: dict[int, tuple[int, dt.datetime]] = {}
    for unit_id, at, version_id in (
        SubmissionEvent.objects.filter(
            kind=EventKind.ACCEPTED,
            submission__step__cycle=cycle,
            submission__step__number=3,
            submission__unit_id__in=deadline,
            version__isnull=False,
        )
        .order_by("at", "pk")
        .values_list("submission__unit_id", "at", "version_id")
    ):
        if at <= deadline[unit_id]:
            chosen[unit_id] = (version_id, at)
    if not chosen:
        return {}
    versions = {
        pk: (number, snapshot)
        for pk, number, snapshot in SubmissionVersion.objects.filter(
            pk__in=[v for v, _ in chosen.values()]
        ).values_list("pk", "number", "snapshot")
    }
    first_years = dict(
        ThreeYearPlan.objects.filter(cycle=cycle, unit_id__in=chosen).values_list(
            "unit_id", "first_year"
        )
    )
    return {
        unit_id: PublicPlan(
            unit_id=unit_id,
            version=versions[version_id][0],
            accepted_at=at,
            snapshot=versions[version_id][1] or {},
            plan_first_year=first_years.get(unit_id, cycle.plan_first_year),
        )
        for unit_id, (version_id, at) in chosen.items()
    }
