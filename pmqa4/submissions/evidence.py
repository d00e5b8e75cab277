"""Attaching evidence to a unit's step, and reading it back only for those allowed to see it."""

from django.db import transaction
from django.utils.translation import gettext as _

from pmqa4.core.errors import WorkflowError
from pmqa4.org.models import User

from .models import EvidenceFile, State, Submission
from .uploads import check_upload

# A unit attaches while it may still change the step; an executive may add a signed scan while
# the forms await signature.
ATTACHABLE = (State.DRAFT, State.RETURNED, State.AWAITING_SIGN_OFF)


@transaction.atomic
def evidence_add(*, submission: Submission, upload, description: str, actor: User) -> EvidenceFile:
    if submission.state not in ATTACHABLE:
        raise WorkflowError(_("ขั้นตอนนี้ส่งแล้ว แนบไฟล์เพิ่มได้เมื่อถูกส่งกลับให้แก้ไข"))
    checked = check_upload(upload)  # refused here: nothing stored, no row written
    original = (upload.name or "")[:255]
    evidence = EvidenceFile(
        unit=submission.unit,
        submission=submission,
        original_name=original,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        description=description.strip()[:300],
        uploaded_by=actor,
    )
    # The stored name is random (evidence_path) with the extension of the content, not the name.
    evidence.file.save(f"evidence{checked.extension}", upload, save=False)
    try:
        evidence.save()
    except BaseException:
        evidence.file.delete(save=False)  # no file left behind without its row
        raise
    return evidence


@transaction.atomic
def evidence_remove(*, evidence: EvidenceFile, actor: User) -> None:
    if evidence.submission and evidence.submission.state not in ATTACHABLE:
        raise WorkflowError(_("ขั้นตอนนี้ส่งแล้ว ลบไฟล์ได้เมื่อถูกส่งกลับให้แก้ไข"))
    evidence.file.delete(save=False)
    evidence.delete()
