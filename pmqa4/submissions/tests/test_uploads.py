import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from pmqa4.core.errors import WorkflowError
from pmqa4.submissions.uploads import DOCX, XLSX, check_upload

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def office(*names: str, big: int = 0) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name in names:
            archive.writestr(name, "<x/>" + "0" * big)
    return buffer.getvalue()


def upload(content: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("content", "name", "content_type", "extension"),
    [
        (PDF, "รายงาน.pdf", "application/pdf", ".pdf"),
        (PNG, "scan.png", "image/png", ".png"),
        (JPEG, "photo.jpeg", "image/jpeg", ".jpg"),
        (office("word/document.xml"), "แผน.docx", DOCX, ".docx"),
        (office("xl/workbook.xml"), "kpi.xlsx", XLSX, ".xlsx"),
        (PNG, "renamed.pdf", "image/png", ".png"),  # the content decides, not the name
    ],
)
def test_allowed_files_are_recognised_by_their_content(content, name, content_type, extension):
    checked = check_upload(upload(content, name))
    assert (checked.content_type, checked.extension, checked.size) == (
        content_type,
        extension,
        len(content),
    )
    assert len(checked.sha256) == 64


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"MZ\x90\x00 an executable", "report.pdf"),
        (b"<html><script>alert(1)</script>", "page.pdf"),
        (office("content.xml"), "sheet.xlsx"),  # a zip, but not a Word or Excel file
        (b"PK\x03\x04 broken zip", "broken.docx"),
    ],
)
def test_anything_else_is_refused_with_a_thai_message(content, name):
    with pytest.raises(WorkflowError) as error:
        check_upload(upload(content, name))
    assert "ไฟล์" in error.value.message


def test_an_empty_file_is_refused():
    with pytest.raises(WorkflowError, match="ว่างเปล่า"):
        check_upload(upload(b"", "empty.pdf"))


@override_settings(EVIDENCE_MAX_BYTES=1024)
def test_a_file_over_the_size_limit_is_refused_saying_the_limit():
    with pytest.raises(WorkflowError) as error:
        check_upload(upload(PDF + b"0" * 2048, "big.pdf"))
    assert "1.0" in error.value.message and "KB" in error.value.message


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    bomb = office("word/document.xml", big=20 * 1024 * 1024)
    assert len(bomb) < 100 * 1024
    with pytest.raises(WorkflowError, match="บีบอัดผิดปกติ"):
        check_upload(upload(bomb, "bomb.docx"))


def test_evidence_refuses_a_presentation_that_announcements_take():
    from pmqa4.notices.tests.conftest import pptx

    with pytest.raises(WorkflowError) as refused:
        check_upload(upload(pptx(), "slides.pptx"))
    assert refused.value.message == "รับเฉพาะไฟล์ PDF, PNG, JPEG, DOCX และ XLSX"
    assert check_upload(upload(pptx(), "slides.pptx"), presentations=True).extension == ".pptx"
