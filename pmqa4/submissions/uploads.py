"""Uploads, checked by what the file is, not by what it is called.

Allowed: PDF, PNG, JPEG, and the Office Open XML documents DOCX and XLSX (zip archives whose
entries say which they are); PowerPoint's PPTX too where a caller asks for it (announcements
carry briefing slides, evidence does not). Archives are opened only to read their directory,
with limits on the entry count, the total uncompressed size and the compression ratio, so a zip
bomb is refused before anything is unpacked. The one entry read, ``[Content_Types].xml``, is
read with a size cap and parsed by defusedxml with DTDs forbidden, so an entity bomb is refused,
never expanded. Macro-enabled documents (.docm, .xlsm, .pptm renamed) are refused.
"""

import hashlib
import zipfile
import zlib
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from pmqa4.core.errors import WorkflowError

MAX_ENTRIES = 2000
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_CONTENT_TYPES = 512 * 1024  # a real [Content_Types].xml is a few kilobytes

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ALLOWED_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg", DOCX, XLSX})
CONTENT_TYPES = "[Content_Types].xml"
# An Office document is what its main part is: (main part, content type, extension).
OFFICE_PARTS = (
    ("word/document.xml", DOCX, ".docx"),
    ("xl/workbook.xml", XLSX, ".xlsx"),
    ("ppt/presentation.xml", PPTX, ".pptx"),
)

# Anything zipfile or zlib raises on a damaged or unsupported archive (encrypted entries raise
# RuntimeError, unknown compression NotImplementedError).
_BROKEN_ZIP = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
)


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    extension: str
    size: int
    sha256: str


def _only_types(presentations: bool) -> WorkflowError:
    if presentations:
        return WorkflowError(_("รับเฉพาะไฟล์ PDF, PNG, JPEG, DOCX, XLSX และ PPTX"))
    return WorkflowError(_("รับเฉพาะไฟล์ PDF, PNG, JPEG, DOCX และ XLSX"))


def _check_directory(entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_ENTRIES:
        raise WorkflowError(_("ไฟล์มีส่วนประกอบมากผิดปกติ ระบบไม่รับไฟล์นี้"))
    total = sum(e.file_size for e in entries)
    packed = sum(e.compress_size for e in entries) or 1
    if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
        raise WorkflowError(_("ไฟล์ถูกบีบอัดผิดปกติ ระบบไม่รับไฟล์นี้"))


def _declared_types(archive: zipfile.ZipFile) -> set[str]:
    """The content types ``[Content_Types].xml`` declares, read safely (see module docstring)."""
    with archive.open(CONTENT_TYPES) as entry:
        data = entry.read(MAX_CONTENT_TYPES + 1)
    if len(data) > MAX_CONTENT_TYPES:
        raise WorkflowError(_("ไฟล์ถูกบีบอัดผิดปกติ ระบบไม่รับไฟล์นี้"))
    try:
        root = fromstring(data, forbid_dtd=True)
    except (DefusedXmlException, ParseError):
        raise WorkflowError(_("ไฟล์ Word/Excel มีโครงสร้างผิดปกติ ระบบไม่รับไฟล์นี้")) from None
    if root.tag.rsplit("}", 1)[-1] != "Types":
        raise WorkflowError(_("ไฟล์ Word/Excel มีโครงสร้างผิดปกติ ระบบไม่รับไฟล์นี้"))
    return {element.get("ContentType", "").lower() for element in root}


def _office_type(upload: UploadedFile, presentations: bool) -> tuple[str, str]:
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            _check_directory(entries)
            names = {e.filename for e in entries}
            if CONTENT_TYPES not in names:
                raise _only_types(presentations)
            declared = _declared_types(archive)
    except _BROKEN_ZIP:
        raise WorkflowError(_("ไฟล์เสียหรือไม่ใช่ไฟล์ Word/Excel")) from None
    finally:
        upload.seek(0)
    macros = any("macroenabled" in t or "vbaproject" in t for t in declared)
    if macros or any(name.lower().endswith("vbaproject.bin") for name in names):
        if presentations:
            raise WorkflowError(_("ไม่รับไฟล์ที่มีมาโคร กรุณาบันทึกเป็น .docx .xlsx หรือ .pptx แล้วแนบใหม่"))
        raise WorkflowError(_("ไม่รับไฟล์ที่มีมาโคร กรุณาบันทึกเป็น .docx หรือ .xlsx แล้วแนบใหม่"))
    for part, content_type, extension in OFFICE_PARTS:
        if part in names and (content_type != PPTX or presentations):
            return content_type, extension
    raise _only_types(presentations)


def check_upload(upload: UploadedFile, *, presentations: bool = False) -> CheckedFile:
    """The file's real type, size and hash; a WorkflowError with a Thai message otherwise.

    ``presentations`` also accepts PowerPoint (PPTX).
    """
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
        content_type, extension = _office_type(upload, presentations)
    else:
        raise _only_types(presentations)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedFile(content_type, extension, upload.size, digest.hexdigest())
