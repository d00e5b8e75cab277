"""Announcement attachments: the evidence checker (pmqa4/submissions/uploads.py) plus PowerPoint.

Briefing slides come as PPTX, which evidence does not take. A PPTX is an Office Open XML zip like
DOCX and XLSX, so it is checked the same way, with the same helpers: the archive's directory
against the zip-bomb limits, ``[Content_Types].xml`` read with a size cap by defusedxml, macros
refused (a .pptm renamed), and the presentation part present. Everything else goes to
``check_upload`` as it is: PDF, PNG, JPEG, DOCX, XLSX, checked by their content.
"""

import hashlib
import zipfile

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from pmqa4.core.errors import WorkflowError
from pmqa4.submissions import uploads
from pmqa4.submissions.uploads import CheckedFile, check_upload

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
PRESENTATION_PART = "ppt/presentation.xml"
# Shown in the browser; anything else is downloaded (Content-Disposition: attachment).
INLINE_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})
ACCEPT = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx"


def _only_types() -> WorkflowError:
    return WorkflowError(_("รับเฉพาะไฟล์ PDF, PNG, JPEG, DOCX, XLSX และ PPTX"))


def _check_size(upload) -> None:
    limit = settings.EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise WorkflowError(
            _("ไฟล์ใหญ่เกิน %(limit)s (ไฟล์นี้ %(size)s)")
            % {"limit": filesizeformat(limit), "size": filesizeformat(upload.size)}
        )
    if upload.size == 0:
        raise WorkflowError(_("ไฟล์ว่างเปล่า"))


def _is_presentation(upload) -> bool:
    """True for a PowerPoint presentation within the limits; a WorkflowError for a bomb or a
    macro-enabled one; False for any other zip (check_upload then says what it is)."""
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
            if PRESENTATION_PART not in names:
                return False
            uploads._check_directory(entries)
            if uploads.CONTENT_TYPES not in names:
                raise _only_types()
            declared = uploads._declared_types(archive)
    except uploads._BROKEN_ZIP:
        return False
    finally:
        upload.seek(0)
    macros = any("macroenabled" in t or "vbaproject" in t for t in declared)
    if macros or any(name.lower().endswith("vbaproject.bin") for name in names):
        raise WorkflowError(_("ไม่รับไฟล์ที่มีมาโคร กรุณาบันทึกเป็น .pptx แล้วแนบใหม่"))
    if not any("presentationml" in t for t in declared):
        raise WorkflowError(_("ไฟล์ PowerPoint มีโครงสร้างผิดปกติ ระบบไม่รับไฟล์นี้"))
    return True


def check_attachment(upload) -> CheckedFile:
    """The file's real type, size and hash; a WorkflowError with a Thai message otherwise."""
    _check_size(upload)
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    if head == b"PK\x03\x04" and _is_presentation(upload):
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        upload.seek(0)
        return CheckedFile(PPTX, ".pptx", upload.size, digest.hexdigest())
    try:
        return check_upload(upload)
    except WorkflowError as error:
        if error.message == uploads._only_types().message:
            raise _only_types() from None  # the same refusal, naming PPTX too
        raise
