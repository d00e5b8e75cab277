import datetime as dt

import pytest
from auditlog.models import LogEntry

from pmqa4.core.errors import WorkflowError
from pmqa4.core.testing.factories import RosterFactory, TeamMemberFactory, bangkok
from pmqa4.submissions.models import EventKind, SignOff, State
from pmqa4.submissions.workflow import (
    submission_accept,
    submission_for,
    submission_request_sign_off,
    submission_return,
    submission_send_back,
    submission_sign_off,
    submission_submit,
)

pytestmark = pytest.mark.django_db
NOW = bangkok("2025-01-30 15:00")


def events(submission):
    return list(submission.events.order_by("at", "id").values_list("kind", flat=True))


@pytest.fixture
def roster_step(cast, cycle):
    member = TeamMemberFactory(roster=RosterFactory(unit=cast.unit_a, cycle=cycle))
    return submission_for(unit=cast.unit_a, step=cycle.steps.get(number=1)), member


@pytest.fixture
def plans_step(cast, cycle):
    return submission_for(unit=cast.unit_a, step=cycle.steps.get(number=3))


def test_a_roster_is_submitted_by_the_coordinator_with_a_frozen_version(cast, roster_step):
    submission, member = roster_step
    submission_submit(submission=submission, actor=cast.coordinator_a, now=NOW)
    submission.refresh_from_db()
    assert (submission.state, submission.first_submitted_at) == (State.SUBMITTED, NOW)
    assert events(submission) == [EventKind.SUBMITTED]
    snapshot = submission.versions.get().snapshot
    assert snapshot["members"][0]["full_name"] == member.full_name
    member.full_name = "เปลี่ยนชื่อภายหลัง"
    member.save()
    assert submission.versions.get().snapshot["members"][0]["full_name"] != member.full_name


def test_an_empty_roster_cannot_be_submitted(cast, cycle):
    submission = submission_for(unit=cast.unit_a, step=cycle.steps.get(number=1))
    with pytest.raises(WorkflowError, match="อย่างน้อย ๑ คน"):
        submission_submit(submission=submission, actor=cast.coordinator_a, now=NOW)
    assert submission.versions.count() == 0


def test_submitting_twice_changes_nothing_the_second_time(cast, roster_step):
    submission, _ = roster_step
    submission_submit(submission=submission, actor=cast.coordinator_a, now=NOW)
    with pytest.raises(WorkflowError, match="ไม่ต้องส่งซ้ำ"):
        submission_submit(submission=submission, actor=cast.coordinator_a, now=NOW)
    assert events(submission) == [EventKind.SUBMITTED]


def test_plans_need_the_executives_signature_and_the_signature_is_the_submission_time(
    cast, plans_step
):
    with pytest.raises(WorkflowError, match="ลงนาม"):
        submission_submit(submission=plans_step, actor=cast.coordinator_a, now=NOW)
    submission_request_sign_off(submission=plans_step, actor=cast.coordinator_a, now=NOW)
    plans_step.refresh_from_db()
    assert plans_step.state == State.AWAITING_SIGN_OFF and plans_step.first_submitted_at is None
    signed = NOW + dt.timedelta(days=1)
    submission_sign_off(submission=plans_step, actor=cast.executive_a, now=signed)
    plans_step.refresh_from_db()
    assert (plans_step.state, plans_step.first_submitted_at) == (State.SUBMITTED, signed)
    sign_off = SignOff.objects.get(submission=plans_step)
    assert (sign_off.signer_name, sign_off.version.number) == (cast.executive_a.display_name, 1)
    assert events(plans_step) == [
        EventKind.SENT_FOR_SIGN_OFF,
        EventKind.SIGNED_OFF,
        EventKind.SUBMITTED,
    ]


def test_the_executive_can_send_the_forms_back_with_a_comment(cast, plans_step):
    submission_request_sign_off(submission=plans_step, actor=cast.coordinator_a, now=NOW)
    with pytest.raises(WorkflowError):
        submission_send_back(submission=plans_step, actor=cast.executive_a, comment=" ", now=NOW)
    submission_send_back(
        submission=plans_step, actor=cast.executive_a, comment="เพิ่มตัวชี้วัดมิติที่ ๒", now=NOW
    )
    plans_step.refresh_from_db()
    assert plans_step.state == State.DRAFT
    assert plans_step.events.get(kind=EventKind.SENT_BACK).comment == "เพิ่มตัวชี้วัดมิติที่ ๒"
    with pytest.raises(WorkflowError, match="ไม่มีฉบับที่รอลงนาม"):
        submission_sign_off(submission=plans_step, actor=cast.executive_a, now=NOW)


def test_return_resubmit_accept_keeps_the_first_submission_time_and_every_version(cast, plans_step):
    submission_request_sign_off(submission=plans_step, actor=cast.coordinator_a, now=NOW)
    submission_sign_off(submission=plans_step, actor=cast.executive_a, now=NOW)
    returned_at = NOW + dt.timedelta(days=5)
    submission_return(
        submission=plans_step,
        actor=cast.central,
        comment="แบบฟอร์ม ๓ ไม่ครบ",
        correction_due=dt.date(2025, 2, 14),
        now=returned_at,
    )
    plans_step.refresh_from_db()
    assert plans_step.state == State.RETURNED
    with pytest.raises(WorkflowError):
        submission_accept(submission=plans_step, actor=cast.central, now=returned_at)
    again = NOW + dt.timedelta(days=8)
    submission_request_sign_off(submission=plans_step, actor=cast.coordinator_a, now=again)
    submission_sign_off(submission=plans_step, actor=cast.executive_a, now=again)
    plans_step.refresh_from_db()
    assert (plans_step.state, plans_step.first_submitted_at, plans_step.last_submitted_at) == (
        State.RESUBMITTED,
        NOW,
        again,
    )
    submission_accept(submission=plans_step, actor=cast.central, now=again)
    plans_step.refresh_from_db()
    assert plans_step.state == State.ACCEPTED
    assert plans_step.versions.count() == 2
    assert events(plans_step)[-2:] == [EventKind.RESUBMITTED, EventKind.ACCEPTED]


def test_a_return_needs_a_comment_and_a_correction_date_not_in_the_past(cast, roster_step):
    submission, _ = roster_step
    submission_submit(submission=submission, actor=cast.coordinator_a, now=NOW)
    with pytest.raises(WorkflowError, match="สิ่งที่หน่วยงานต้องแก้ไข"):
        submission_return(
            submission=submission, actor=cast.central, comment="", correction_due=None, now=NOW
        )
    with pytest.raises(WorkflowError, match="ไม่ก่อนวันนี้"):
        submission_return(
            submission=submission,
            actor=cast.central,
            comment="แก้ไขเบอร์โทร",
            correction_due=dt.date(2025, 1, 29),
            now=NOW,
        )


def test_a_draft_cannot_be_returned_or_accepted(cast, plans_step):
    with pytest.raises(WorkflowError):
        submission_return(
            submission=plans_step, actor=cast.central, comment="x", correction_due=None, now=NOW
        )
    with pytest.raises(WorkflowError):
        submission_accept(submission=plans_step, actor=cast.central, now=NOW)


def test_every_workflow_change_is_in_the_audit_trail(cast, roster_step):
    submission, _ = roster_step
    submission_submit(submission=submission, actor=cast.coordinator_a, now=NOW)
    changes = LogEntry.objects.get_for_object(submission).filter(action=LogEntry.Action.UPDATE)
    assert changes.get().changes_dict["state"] == ["draft", "submitted"]
