"""Evidence uploads, checked by what the file is, not by what it is called.

Allowed: PDF, PNG, JPEG, and the Office Open XML documents DOCX and XLSX (zip archives whose
entries say which they are). Archives are opened only to read their directory, with limits on
the entry count, the total uncompressed size and the compression ratio, so a zip bomb is
refused before anything is unpacked.
"""

import hashlib
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from pmqa4.core.errors import WorkflowError

MAX_ENTRIES = 2000
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    extension: str
    size: int
    sha256: str


def _office_type(upload: UploadedFile) -> tuple[str, str]:
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise WorkflowError(_("ไฟล์มีส่วนประกอบมากผิดปกติ ระบบไม่รับไฟล์นี้"))
            total = sum(e.file_size for e in entries)
            packed = sum(e.compress_size for e in entries) or 1
            if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
                raise WorkflowError(_("ไฟล์ถูกบีบอัดผิดปกติ ระบบไม่รับไฟล์นี้"))
            names = {e.filename for e in entries}
    except zipfile.BadZipFile:
        raise WorkflowError(_("ไฟล์เสียหรือไม่ใช่ไฟล์ Word/Excel")) from None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" in names and "word/document.xml" in names:
        return DOCX, ".docx"
    if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
        return XLSX, ".xlsx"
    raise WorkflowError(_("รับเฉพาะไฟล์ PDF, PNG, JPEG, DOCX และ XLSX"))


def check_upload(upload: UploadedFile) -> CheckedFile:
    """The file's real type, size and hash; a WorkflowError with a Thai message otherwise."""
    limit = settings.EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise WorkflowError(
            _("ไฟล์ใหญ่เกิน %(limit)s (ไฟล์นี้ %(size)s)")
            % {"limit": filesizeformat(limit), "size": filesizeformat(upload.size)}
        )
    if upload.size == 0:
        raise WorkflowError(_("ไฟล์ว่างเปล่า"))
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        content_type, extension = "application/pdf", ".pdf"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        content_type, extension = "image/png", ".png"
    elif head.startswith(b"\xff\xd8\xff"):
        content_type, extension = "image/jpeg", ".jpg"
    elif head.startswith(b"PK\x03\x04"):
        content_type, extension = _office_type(upload)
    else:
        raise WorkflowError(_("รับเฉพาะไฟล์ PDF, PNG, JPEG, DOCX และ XLSX"))
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedFile(content_type, extension, upload.size, digest.hexdigest())
