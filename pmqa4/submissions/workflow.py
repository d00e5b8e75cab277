"""The submit / sign-off / return / accept workflow of a unit's step (PROCESS.md).

Each service locks the submission row, checks the state it expects, then changes state and
writes its events in one transaction, so a double click or a second tab finds the step already
moved on and changes nothing (on PostgreSQL the second waits on the row lock). Every model
written here is in the audit trail. Lateness is not refused: the rules deduct, they never forbid.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pmqa4.core.errors import WorkflowError
from pmqa4.cycles.models import Step
from pmqa4.notifications import notices
from pmqa4.org.models import Unit, User
from pmqa4.teams.models import TeamMember

from .models import (
    EventKind,
    SignOff,
    State,
    Submission,
    SubmissionEvent,
    SubmissionVersion,
)
from .snapshots import snapshot_of

EDITABLE = (State.DRAFT, State.RETURNED)
SUBMITTED = (State.SUBMITTED, State.RESUBMITTED)


def submission_for(*, unit: Unit, step: Step) -> Submission:
    """The unit's submission of a step, created as a draft the first time it is needed."""
    submission, _ = Submission.objects.get_or_create(unit=unit, step=step)
    return submission


def _locked(submission: Submission) -> Submission:
    return (
        Submission.objects.select_for_update()
        .select_related("unit", "step__cycle")
        .get(pk=submission.pk)
    )


def _expect(submission: Submission, states, message: str) -> None:
    if submission.state not in states:
        raise WorkflowError(message)


def _new_version(submission: Submission, actor: User) -> SubmissionVersion:
    number = submission.versions.count() + 1
    return SubmissionVersion.objects.create(
        submission=submission, number=number, snapshot=snapshot_of(submission), created_by=actor
    )


def _event(submission, kind, *, actor, at, version=None, comment="", correction_due=None):
    return SubmissionEvent.objects.create(
        submission=submission,
        kind=kind,
        actor=actor,
        at=at,
        version=version,
        comment=comment,
        correction_due=correction_due,
    )


def _mark_submitted(submission: Submission, version, actor: User, now: dt.datetime) -> None:
    """Submitted the first time, resubmitted after a return; the first time is kept."""
    kind = EventKind.RESUBMITTED if submission.first_submitted_at else EventKind.SUBMITTED
    submission.state = State.RESUBMITTED if submission.first_submitted_at else State.SUBMITTED
    submission.first_submitted_at = submission.first_submitted_at or now
    submission.last_submitted_at = now
    submission.save(
        update_fields=["state", "first_submitted_at", "last_submitted_at", "updated_at"]
    )
    _event(submission, kind, actor=actor, at=now, version=version)


def _check_content(submission: Submission) -> None:
    if (
        submission.step.number == 1
        and not TeamMember.objects.filter(
            roster__unit=submission.unit, roster__cycle=submission.step.cycle
        ).exists()
    ):
        raise WorkflowError(_("ยังไม่มีรายชื่อทีมงาน กรุณาเพิ่มสมาชิกอย่างน้อย ๑ คนก่อนส่ง"))


@transaction.atomic
def submission_submit(*, submission: Submission, actor: User, now: dt.datetime) -> Submission:
    """Steps 1 and 5, which need no executive signature: the coordinator submits directly."""
    submission = _locked(submission)
    if submission.needs_sign_off:
        raise WorkflowError(_("ขั้นตอนนี้ต้องให้ผู้บริหารหน่วยงานลงนามก่อนจึงจะนับว่าส่งแล้ว"))
    _expect(submission, EDITABLE, _("ขั้นตอนนี้ส่งแล้ว ไม่ต้องส่งซ้ำ"))
    _check_content(submission)
    _mark_submitted(submission, _new_version(submission, actor), actor, now)
    return submission


@transaction.atomic
def submission_request_sign_off(
    *, submission: Submission, actor: User, now: dt.datetime
) -> Submission:
    """Steps 3 and 4: the coordinator freezes a version and asks the executive to sign it."""
    submission = _locked(submission)
    if not submission.needs_sign_off:
        raise WorkflowError(_("ขั้นตอนนี้ไม่ต้องให้ผู้บริหารลงนาม ส่งได้ทันที"))
    _expect(submission, EDITABLE, _("ขั้นตอนนี้เสนอผู้บริหารหรือส่งไปแล้ว"))
    version = _new_version(submission, actor)
    submission.state = State.AWAITING_SIGN_OFF
    submission.save(update_fields=["state", "updated_at"])
    _event(submission, EventKind.SENT_FOR_SIGN_OFF, actor=actor, at=now, version=version)
    notices.submission_awaiting_sign_off(submission)  # saved with this change, sent on commit
    return submission


@transaction.atomic
def submission_sign_off(*, submission: Submission, actor: User, now: dt.datetime) -> Submission:
    """The executive signs the version awaiting signature: that moment is the submission time."""
    submission = _locked(submission)
    _expect(submission, (State.AWAITING_SIGN_OFF,), _("ไม่มีฉบับที่รอลงนาม"))
    version = submission.versions.order_by("-number").first()
    SignOff.objects.create(
        submission=submission,
        version=version,
        executive=actor,
        signed_at=now,
        signer_name=actor.display_name,
        signer_position=actor.position,
    )
    _event(submission, EventKind.SIGNED_OFF, actor=actor, at=now, version=version)
    _mark_submitted(submission, version, actor, now)
    return submission


@transaction.atomic
def submission_send_back(
    *, submission: Submission, actor: User, comment: str, now: dt.datetime
) -> Submission:
    """The executive does not sign and sends the forms back to the coordinator with a comment."""
    submission = _locked(submission)
    _expect(submission, (State.AWAITING_SIGN_OFF,), _("ไม่มีฉบับที่รอลงนาม"))
    if not comment.strip():
        raise WorkflowError(_("กรุณาระบุสิ่งที่ต้องแก้ไข"))
    submission.state = State.RETURNED if submission.first_submitted_at else State.DRAFT
    submission.save(update_fields=["state", "updated_at"])
    version = submission.versions.order_by("-number").first()
    _event(submission, EventKind.SENT_BACK, actor=actor, at=now, version=version, comment=comment)
    return submission


@transaction.atomic
def submission_return(
    *,
    submission: Submission,
    actor: User,
    comment: str,
    correction_due: dt.date | None,
    now: dt.datetime,
) -> Submission:
    """The central group returns a submission for correction, with a correction due date."""
    submission = _locked(submission)
    _expect(
        submission,
        (*SUBMITTED, State.ACCEPTED),
        _("ส่งกลับแก้ไขได้เฉพาะงานที่หน่วยงานส่งแล้ว"),
    )
    if not comment.strip():
        raise WorkflowError(_("กรุณาระบุสิ่งที่หน่วยงานต้องแก้ไข"))
    if correction_due is not None and correction_due < timezone.localdate(now):
        raise WorkflowError(_("กำหนดส่งฉบับแก้ไขต้องไม่ก่อนวันนี้"))
    submission.state = State.RETURNED
    submission.save(update_fields=["state", "updated_at"])
    _event(
        submission,
        EventKind.RETURNED,
        actor=actor,
        at=now,
        version=submission.versions.order_by("-number").first(),
        comment=comment.strip(),
        correction_due=correction_due,
    )
    notices.submission_returned(submission)  # saved with this change, sent on commit
    return submission


@transaction.atomic
def submission_accept(*, submission: Submission, actor: User, now: dt.datetime) -> Submission:
    submission = _locked(submission)
    _expect(submission, SUBMITTED, _("ตรวจรับได้เฉพาะงานที่หน่วยงานส่งแล้ว"))
    submission.state = State.ACCEPTED
    submission.save(update_fields=["state", "updated_at"])
    _event(
        submission,
        EventKind.ACCEPTED,
        actor=actor,
        at=now,
        version=submission.versions.order_by("-number").first(),
    )
    notices.submission_accepted(submission)  # saved with this change, sent on commit
    return submission
