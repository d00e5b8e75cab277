"""Two submits at the same moment make one submission (PostgreSQL: SQLite has no row locks)."""

import threading

import pytest
from django.db import connection

from pmqa4.core.errors import WorkflowError
from pmqa4.core.testing.factories import (
    CycleFactory,
    RosterFactory,
    TeamMemberFactory,
    UnitFactory,
    bangkok,
    person,
)
from pmqa4.org.models import Role
from pmqa4.submissions.models import EventKind, SubmissionEvent
from pmqa4.submissions.workflow import submission_for, submission_submit

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
def test_two_simultaneous_submits_make_one_submission():
    cycle = CycleFactory()
    unit = UnitFactory()
    coordinator = person(Role.COORDINATOR, unit)
    TeamMemberFactory(roster=RosterFactory(unit=unit, cycle=cycle))
    submission = submission_for(unit=unit, step=cycle.steps.get(number=1))
    barrier = threading.Barrier(2)
    outcomes = []

    def submit():
        barrier.wait()
        try:
            submission_submit(
                submission=submission, actor=coordinator, now=bangkok("2024-11-28 10:00")
            )
            outcomes.append("submitted")
        except WorkflowError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "submitted"]
    assert SubmissionEvent.objects.filter(kind=EventKind.SUBMITTED).count() == 1
    assert submission.versions.count() == 1
