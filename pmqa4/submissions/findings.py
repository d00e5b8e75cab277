"""Evaluator findings (ข้อค้นพบ) on a unit's step 3 or step 4 submission.

A finding costs the step 0.5 (SCORING.md rules 1 and 2). It counts from the moment it is
recorded and stops counting when withdrawn; both changes are in the audit trail (Finding is
tracked by auditlog, the actor comes from the request).
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from pmqa4.core.errors import WorkflowError
from pmqa4.org.models import User

from .models import Finding, State, Submission

FINDING_STEPS = frozenset({3, 4})


def finding_record(
    *, submission: Submission, kind: str, note: str, actor: User, now: dt.datetime
) -> Finding:
    if submission.step.number not in FINDING_STEPS:
        raise WorkflowError(_("บันทึกข้อค้นพบได้เฉพาะขั้นตอนที่ ๓ และ ๔"))
    if submission.state in (State.DRAFT, State.AWAITING_SIGN_OFF):
        raise WorkflowError(_("หน่วยงานยังไม่ได้ส่งขั้นตอนนี้ จึงยังบันทึกข้อค้นพบไม่ได้"))
    if not note.strip():
        raise WorkflowError(_("กรุณาระบุรายละเอียดของข้อค้นพบ"))
    try:
        with transaction.atomic():
            return Finding.objects.create(
                submission=submission,
                kind=kind,
                note=note.strip(),
                recorded_by=actor,
                recorded_at=now,
            )
    except IntegrityError:
        raise WorkflowError(_("ขั้นตอนนี้มีข้อค้นพบประเภทนี้อยู่แล้ว (หักคะแนนครั้งเดียวต่อขั้นตอน)")) from None


def finding_withdraw(*, finding: Finding, note: str, actor: User, now: dt.datetime) -> Finding:
    if finding.withdrawn_at is not None:
        raise WorkflowError(_("ข้อค้นพบนี้ถูกถอนไปแล้ว"))
    if not note.strip():
        raise WorkflowError(_("กรุณาระบุเหตุผลที่ถอนข้อค้นพบ"))
    finding.withdrawn_at = now
    finding.withdrawn_by = actor
    finding.withdrawal_note = note.strip()
    finding.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_note", "updated_at"])
    return finding
