import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from pmqa4.core.fiscal import end_of_day
from pmqa4.core.testing.factories import SubmissionFactory, UnitFactory, bangkok, person
from pmqa4.org.models import Role
from pmqa4.submissions.models import TRANSITIONS, Finding, FindingKind, State, evidence_path
from pmqa4.submissions.status import StepStatus, step_status

DUE = end_of_day(dt.date(2025, 1, 31))
ONE_SECOND = dt.timedelta(seconds=1)


@pytest.mark.parametrize(
    ("state", "first", "now", "expected"),
    [
        (None, None, bangkok("2025-01-31 23:59:59"), StepStatus.NOT_STARTED),
        (None, None, bangkok("2025-02-01 00:00:00"), StepStatus.OVERDUE),
        (State.DRAFT, None, bangkok("2025-01-20 10:00"), StepStatus.DRAFT),
        (State.DRAFT, None, bangkok("2025-02-01 00:00:01"), StepStatus.OVERDUE),
        (State.AWAITING_SIGN_OFF, None, bangkok("2025-01-31 09:00"), StepStatus.AWAITING_SIGN_OFF),
        (
            State.SUBMITTED,
            bangkok("2025-01-31 23:59:59"),
            bangkok("2025-03-01 00:00"),
            StepStatus.ON_TIME,
        ),
        (
            State.SUBMITTED,
            bangkok("2025-02-01 00:00:00"),
            bangkok("2025-03-01 00:00"),
            StepStatus.LATE,
        ),
        (
            State.RESUBMITTED,
            bangkok("2025-01-30 10:00"),
            bangkok("2025-03-01 00:00"),
            StepStatus.ON_TIME,
        ),
        (
            State.RETURNED,
            bangkok("2025-01-30 10:00"),
            bangkok("2025-03-01 00:00"),
            StepStatus.RETURNED,
        ),
        (
            State.ACCEPTED,
            bangkok("2025-02-03 10:00"),
            bangkok("2025-03-01 00:00"),
            StepStatus.ACCEPTED,
        ),
    ],
)
def test_the_status_a_person_sees(state, first, now, expected):
    assert step_status(state=state, first_submitted_at=first, due_at=DUE, now=now) == expected


def test_a_submission_at_midnight_utc_is_seven_in_the_morning_in_bangkok_and_on_time():
    first = dt.datetime(2025, 1, 31, 16, 59, 59, tzinfo=dt.UTC)  # 23:59:59 in Bangkok
    status = step_status(
        state=State.SUBMITTED, first_submitted_at=first, due_at=DUE, now=first + ONE_SECOND
    )
    assert status == StepStatus.ON_TIME
    assert (
        step_status(
            state=State.SUBMITTED,
            first_submitted_at=first + ONE_SECOND,
            due_at=DUE,
            now=first + ONE_SECOND,
        )
        == StepStatus.LATE
    )


def test_every_state_has_a_way_forward_and_only_known_states():
    assert set(TRANSITIONS) == set(State.values)
    for targets in TRANSITIONS.values():
        assert targets <= set(State.values)


def test_a_returned_step_cannot_be_accepted_without_being_resubmitted():
    assert State.ACCEPTED not in TRANSITIONS[State.RETURNED]


def test_evidence_is_stored_under_a_random_name_keeping_only_the_extension():
    first = evidence_path(None, "../../etc/รายงาน ผลการดำเนินงาน.PDF")
    second = evidence_path(None, "../../etc/รายงาน ผลการดำเนินงาน.PDF")
    assert first != second
    assert first.startswith("evidence/") and first.endswith(".pdf")
    assert ".." not in first and "รายงาน" not in first


@pytest.mark.django_db
def test_a_submitted_state_needs_its_submission_time():
    with pytest.raises(IntegrityError):
        SubmissionFactory(state=State.SUBMITTED, first_submitted_at=None)


@pytest.mark.django_db
def test_only_one_standing_finding_of_each_kind_but_withdrawn_ones_stay():
    submission = SubmissionFactory()
    evaluator = person(Role.EVALUATOR, UnitFactory())
    now = timezone.now()
    first = Finding.objects.create(
        submission=submission,
        kind=FindingKind.NOT_UNIT_WIDE,
        note="ไม่เป็นภาพรวม",
        recorded_by=evaluator,
        recorded_at=now,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Finding.objects.create(
            submission=submission,
            kind=FindingKind.NOT_UNIT_WIDE,
            note="ซ้ำ",
            recorded_by=evaluator,
            recorded_at=now,
        )
    first.withdrawn_at = now
    first.withdrawn_by = evaluator
    first.save()
    Finding.objects.create(
        submission=submission,
        kind=FindingKind.NOT_UNIT_WIDE,
        note="บันทึกใหม่",
        recorded_by=evaluator,
        recorded_at=now,
    )
    assert Finding.objects.filter(submission=submission).count() == 2


@pytest.mark.django_db
def test_a_withdrawal_must_say_who_withdrew():
    submission = SubmissionFactory()
    evaluator = person(Role.EVALUATOR, UnitFactory())
    with pytest.raises(IntegrityError):
        Finding.objects.create(
            submission=submission,
            kind=FindingKind.NOT_AS_PRESCRIBED,
            note="ส่งทางกระดาษ",
            recorded_by=evaluator,
            recorded_at=timezone.now(),
            withdrawn_at=timezone.now(),
        )
