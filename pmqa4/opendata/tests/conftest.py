"""Fixtures of the opendata tests (the world itself is built in world.py)."""

import datetime as dt
from types import SimpleNamespace

import pytest

from pmqa4.core.testing.factories import bangkok, person
from pmqa4.framework.models import Characteristic, Dimension, MaturityLevel, PmqaCategory
from pmqa4.framework.reference import load_reference_data
from pmqa4.org.models import Role
from pmqa4.scoring.models import ScoreKind, ScoreRecord
from pmqa4.submissions.workflow import submission_accept

from .world import ACCEPTED_AT, PUBLISHED_AT, plans, publish, roster, sign_step3


@pytest.fixture
def dimensions(db):
    load_reference_data(  # a transactional test may have emptied the reference tables
        category=PmqaCategory,
        dimension=Dimension,
        characteristic=Characteristic,
        maturity=MaturityLevel,
    )
    return {d.number: d for d in Dimension.objects.all()}


@pytest.fixture
def world(cast, cycle, dimensions):
    """Nothing published yet: unit A accepted, unit B only signed and submitted."""
    executive_b = person(Role.EXECUTIVE, cast.unit_b, username="exec.b")
    roster(cast.unit_a, cycle, cast.coordinator_a)
    a = plans(cast.unit_a, cycle, dimensions, "เอ")
    b = plans(cast.unit_b, cycle, dimensions, "บี")
    step3_a = sign_step3(
        cast.unit_a, cycle, cast.coordinator_a, cast.executive_a, at=bangkok("2025-01-20 09:00")
    )
    submission_accept(submission=step3_a, actor=cast.central, now=ACCEPTED_AT)
    sign_step3(cast.unit_b, cycle, cast.coordinator_b, executive_b, at=bangkok("2025-01-21 09:00"))
    return SimpleNamespace(cast=cast, cycle=cycle, a=a, b=b, step3_a=step3_a)


@pytest.fixture
def published(world):
    """The world after the central group published round 1 and the year (the records as
    stored, so their scores are Decimals)."""
    central, later = world.cast.central, PUBLISHED_AT + dt.timedelta(hours=1)
    round1 = publish(world.cycle, central)
    year = publish(world.cycle, central, kind=ScoreKind.YEAR, now=later)
    stored = ScoreRecord.objects.select_related("unit").in_bulk([r.pk for r in round1 + year])
    world.round1 = {r.unit.code: stored[r.pk] for r in round1}
    world.year = {r.unit.code: stored[r.pk] for r in year}
    return world
