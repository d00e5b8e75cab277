"""Units of two kinds (a provincial labour office and a bureau), files of each type, and
announcements and threads made quickly."""

import datetime as dt
import io
import zipfile
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pmqa4.core.testing.factories import UnitFactory, person
from pmqa4.notices.models import Announcement, AnnouncementAudience, Post, Thread
from pmqa4.org.models import Province, Role, UnitKind

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{part}" ContentType="{kind}"/></Types>'
)
SLIDES_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
SLIDES_MACRO = "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def zipped(entries: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def pptx(kind: str = SLIDES_MAIN, **extra) -> bytes:
    types = TYPES.format(part="ppt/presentation.xml", kind=kind)
    return zipped(
        {"[Content_Types].xml": types, "ppt/presentation.xml": "<p:presentation/>", **extra}
    )


def docx() -> bytes:
    types = TYPES.format(part="word/document.xml", kind=WORD_MAIN)
    return zipped({"[Content_Types].xml": types, "word/document.xml": "<w:document/>"})


def upload(content: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.fixture
def kinds(cast):
    """A provincial labour office and a bureau, each with a coordinator (unit A is a division)."""
    province = Province.objects.get(name_th="เชียงใหม่")  # the provinces come with a migration
    provincial = UnitFactory(
        code="PLO-CMI",
        name_th="สำนักงานแรงงานจังหวัดเชียงใหม่",
        kind=UnitKind.PROVINCIAL_OFFICE,
        province=province,
    )
    bureau = UnitFactory(code="BUR-ONE", name_th="สำนักทดสอบ", kind=UnitKind.BUREAU)
    return SimpleNamespace(
        provincial=provincial,
        bureau=bureau,
        provincial_coordinator=person(Role.COORDINATOR, provincial, username="coord.plo"),
        bureau_coordinator=person(Role.COORDINATOR, bureau, username="coord.bureau"),
    )


def announce(author, title="ประกาศทดสอบ", *, kinds=(), pinned=False, published_on=None, **extra):
    announcement = Announcement.objects.create(
        title=title,
        body=extra.pop("body", "รายละเอียด"),
        pinned=pinned,
        to_all_units=not kinds,
        published_on=published_on or dt.date(2025, 1, 6),
        created_by=author,
        **extra,
    )
    for kind in kinds:
        AnnouncementAudience.objects.create(announcement=announcement, kind=kind)
    return announcement


def thread_of(unit, asker, title="ถามเรื่องแบบฟอร์ม", body="กรอกอย่างไร", **extra):
    thread = Thread.objects.create(unit=unit, title=title, asked_by=asker, **extra)
    Post.objects.create(thread=thread, author=asker, body=body)
    return thread
