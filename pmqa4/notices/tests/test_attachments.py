"""Announcement attachments are checked by their content: the evidence types plus PowerPoint,
macros and zip bombs refused, and a refusal names every accepted type."""

import io
import zipfile

import pytest

from pmqa4.core.errors import WorkflowError
from pmqa4.notices.attachments import PPTX, check_attachment
from pmqa4.submissions.uploads import DOCX

from .conftest import PDF, PNG, SLIDES_MACRO, docx, pptx, upload, zipped


def refusal(content: bytes, name: str) -> str:
    with pytest.raises(WorkflowError) as error:
        check_attachment(upload(content, name))
    return error.value.message


def test_a_presentation_is_accepted_by_its_content_whatever_its_name():
    checked = check_attachment(upload(pptx(), "สไลด์ชี้แจง.pdf"))
    assert checked.content_type == PPTX
    assert checked.extension == ".pptx"
    assert len(checked.sha256) == 64


@pytest.mark.parametrize(
    ("content", "kind"),
    [(PDF, "application/pdf"), (PNG, "image/png"), (docx(), DOCX)],
)
def test_the_evidence_types_still_pass_through_the_evidence_checker(content, kind):
    assert check_attachment(upload(content, "file.bin")).content_type == kind


def test_a_macro_enabled_presentation_is_refused():
    message = refusal(pptx(kind=SLIDES_MACRO), "slides.pptx")
    assert "มาโคร" in message
    message = refusal(pptx(**{"ppt/vbaProject.bin": b"\x00"}), "slides.pptx")
    assert "มาโคร" in message


def test_a_presentation_without_its_content_types_is_refused():
    archive = zipped({"ppt/presentation.xml": "<p/>"})
    assert "PPTX" in refusal(archive, "slides.pptx")


def test_a_zip_bomb_shaped_like_a_presentation_is_refused_before_unpacking():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", bytes(50 * 1024 * 1024))
    assert "บีบอัดผิดปกติ" in refusal(buffer.getvalue(), "bomb.pptx")


def test_an_unknown_type_is_refused_with_a_message_naming_pptx():
    message = refusal(b"MZ\x90\x00 a program", "slides.pptx")
    assert message == "รับเฉพาะไฟล์ PDF, PNG, JPEG, DOCX, XLSX และ PPTX"
    # a zip that is no Office document either
    assert "PPTX" in refusal(zipped({"notes.txt": "hello"}), "notes.zip")


def test_an_empty_or_too_large_file_is_refused(settings):
    assert refusal(b"", "empty.pdf") == "ไฟล์ว่างเปล่า"
    settings.EVIDENCE_MAX_BYTES = 100
    assert "ใหญ่เกิน" in refusal(pptx(), "big.pptx")
