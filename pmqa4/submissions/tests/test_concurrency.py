"""Two clicks at the same moment (a double click, two tabs, two people) act once: submit,
sign-off, send-back and publishing each lock a row first, so the second finds the work done
(PostgreSQL: SQLite has no row locks, and one writer at a time anyway)."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

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
from pmqa4.scoring.models import ScoreKind, ScoreRecord
from pmqa4.scoring.services import scores_publish
from pmqa4.submissions.models import EventKind, SignOff, State, SubmissionEvent
from pmqa4.submissions.workflow import (
    submission_for,
    submission_request_sign_off,
    submission_send_back,
    submission_sign_off,
    submission_submit,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


NEEDS_POSTGRES = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL row locks (DATABASE_URL=postgres://…); SQLite has no SELECT FOR UPDATE",
)


def race(*actions) -> list[str]:
    """Run the actions in threads released together, each on its own database connection;
    "done" or "refused" (WorkflowError) for each, in the order they finished."""
    barrier = threading.Barrier(len(actions))
    outcomes = []

    def run(action):
        barrier.wait()
        try:
            action()
            outcomes.append("done")
        except WorkflowError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=[action]) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@NEEDS_POSTGRES
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


def _awaiting_signature():
    cycle = CycleFactory()
    unit = UnitFactory()
    coordinator = person(Role.COORDINATOR, unit)
    executive = person(Role.EXECUTIVE, unit, position="ผู้อำนวยการกอง")
    submission = submission_for(unit=unit, step=cycle.steps.get(number=3))
    submission_request_sign_off(
        submission=submission, actor=coordinator, now=bangkok("2025-01-20 10:00")
    )
    return submission, executive


@NEEDS_POSTGRES
def test_two_simultaneous_sign_offs_sign_once():
    submission, executive = _awaiting_signature()

    def sign():
        submission_sign_off(submission=submission, actor=executive, now=timezone.now())

    assert sorted(race(sign, sign)) == ["done", "refused"]
    assert SignOff.objects.filter(submission=submission).count() == 1
    assert SubmissionEvent.objects.filter(kind=EventKind.SIGNED_OFF).count() == 1
    assert SubmissionEvent.objects.filter(kind=EventKind.SUBMITTED).count() == 1
    submission.refresh_from_db()
    assert submission.state == State.SUBMITTED


@NEEDS_POSTGRES
def test_two_simultaneous_send_backs_send_back_once():
    submission, executive = _awaiting_signature()

    def send_back():
        submission_send_back(
            submission=submission, actor=executive, comment="แก้ไขข้อ ๓", now=timezone.now()
        )

    assert sorted(race(send_back, send_back)) == ["done", "refused"]
    assert SubmissionEvent.objects.filter(kind=EventKind.SENT_BACK).count() == 1
    submission.refresh_from_db()
    assert submission.state == State.DRAFT


@NEEDS_POSTGRES
def test_signing_and_sending_back_at_once_do_exactly_one():
    submission, executive = _awaiting_signature()

    def sign():
        submission_sign_off(submission=submission, actor=executive, now=timezone.now())

    def send_back():
        submission_send_back(
            submission=submission, actor=executive, comment="ยังไม่ครบ", now=timezone.now()
        )

    assert sorted(race(sign, send_back)) == ["done", "refused"]
    submission.refresh_from_db()
    signed = SignOff.objects.filter(submission=submission).exists()
    sent_back = SubmissionEvent.objects.filter(kind=EventKind.SENT_BACK).exists()
    assert signed != sent_back  # one or the other, never both
    assert submission.state == (State.SUBMITTED if signed else State.DRAFT)


@NEEDS_POSTGRES
def test_two_simultaneous_publications_publish_once():
    cycle = CycleFactory()
    units = [UnitFactory(), UnitFactory()]
    central = person(Role.CENTRAL_ADMIN, UnitFactory(takes_part=False))

    def publish():
        scores_publish(cycle=cycle, kind=ScoreKind.YEAR, actor=central, now=timezone.now())

    assert sorted(race(publish, publish)) == ["done", "refused"]
    records = ScoreRecord.objects.filter(cycle=cycle, kind=ScoreKind.YEAR)
    assert sorted(r.unit_id for r in records) == sorted(u.pk for u in units)
    assert len({r.published_at for r in records}) == 1
