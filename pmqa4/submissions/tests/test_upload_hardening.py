"""Evidence uploads under attack: the type comes from the content, only five types pass, size and
archive limits hold, Office XML is parsed safely, files are stored under random names away
from the static files, served only through the permission-checked view, and a refused file
leaves nothing behind."""

import io
import random
import re
import struct
import time
import zipfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse

from pmqa4.core.errors import WorkflowError
from pmqa4.submissions import uploads
from pmqa4.submissions.models import EvidenceFile
from pmqa4.submissions.uploads import DOCX, XLSX, check_upload

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
CONTENT_TYPES_OK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{part}" ContentType="{kind}"/></Types>'
)
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE Types ['
    '<!ENTITY a "lollollollollollollollollollol">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + ']><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">&j;</Types>'
)
XXE = (
    '<?xml version="1.0"?><!DOCTYPE Types [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    "<Types>&x;</Types>"
)


def zipped(entries: dict[str, bytes | str], method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx(content_types: str | None = None, **extra) -> bytes:
    types = content_types or CONTENT_TYPES_OK.format(part="word/document.xml", kind=WORD_MAIN)
    return zipped({"[Content_Types].xml": types, "word/document.xml": "<w:document/>", **extra})


def xlsx() -> bytes:
    types = CONTENT_TYPES_OK.format(part="xl/workbook.xml", kind=EXCEL_MAIN)
    return zipped({"[Content_Types].xml": types, "xl/workbook.xml": "<workbook/>"})


def encrypted(archive: bytes) -> bytes:
    """The same archive with every entry flagged as encrypted (bit 0 of the general flags)."""
    data = bytearray(archive)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        for match in re.finditer(re.escape(signature), bytes(data)):
            at = match.start() + offset
            (flags,) = struct.unpack_from("<H", data, at)
            struct.pack_into("<H", data, at, flags | 1)
    return bytes(data)


@pytest.fixture(scope="module")
def zero_bomb() -> bytes:
    """A DOCX-shaped zip whose document is 300 MB of zeros, about 300 KB compressed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as entry:
            megabyte = bytes(1024 * 1024)
            for _ in range(300):
                entry.write(megabyte)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def many_entries() -> bytes:
    entries = {f"word/media/part{n}.xml": "" for n in range(5000)}
    return docx(**entries)


def upload(content: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def refusal(content: bytes, name: str = "file.docx") -> str:
    with pytest.raises(WorkflowError) as error:
        check_upload(upload(content, name))
    return str(error.value.message)


# The type comes from the content, and only five types pass ---------------------------------


def test_the_allow_list_is_exactly_pdf_png_jpeg_docx_xlsx():
    assert {"application/pdf", "image/png", "image/jpeg", DOCX, XLSX} == uploads.ALLOWED_TYPES


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (PDF, "scan.png", ("application/pdf", ".pdf")),  # a PDF renamed .png stays a PDF
        (PNG, "report.pdf", ("image/png", ".png")),
        (JPEG, "photo.docx", ("image/jpeg", ".jpg")),
        (docx(), "plan.xlsx", (DOCX, ".docx")),
        (xlsx(), "sheet.pdf", (XLSX, ".xlsx")),
    ],
)
def test_each_allowed_type_is_recognised_whatever_it_is_called(content, name, expected):
    checked = check_upload(upload(content, name))
    assert (checked.content_type, checked.extension) == expected
    assert checked.content_type in uploads.ALLOWED_TYPES


GIF = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00This program cannot be run in DOS mode", "a.pdf"),
        (b"\x7fELF\x02\x01\x01\x00", "a.pdf"),
        (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "a.pdf"),
        (b"\xef\xbb\xbf<html><body onload=alert(1)>", "a.pdf"),
        (SVG, "a.pdf"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "a.png"),
        (GIF, "a.png"),
        (b"BM\x1e\x00\x00\x00", "a.jpg"),
        (b"II*\x00\x08\x00\x00\x00", "a.jpg"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "a.png"),
        (b"{\\rtf1\\ansi hello}", "a.docx"),
        (b"just text", "a.xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old .doc", "a.doc"),
        (zipped({"a.txt": "x"}), "a.docx"),  # a plain zip
        (zipped({"mimetype": "application/vnd.oasis.opendocument.text"}), "a.docx"),
        (zipped({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"}), "a.pptx"),
    ],
)
def test_anything_else_is_refused_in_thai_whatever_it_is_called(content, name):
    message = refusal(content, name)
    assert "ไฟล์" in message and re.search("[\u0e00-\u0e7f]", message)


@pytest.mark.parametrize(
    "content",
    [
        docx(
            "<Types><Override ContentType='application/vnd.ms-word.document.macroEnabled.main+xml'/></Types>"
        ),
        docx(**{"word/vbaProject.bin": b"\x00macro"}),
    ],
    ids=["docm-renamed", "vba-project"],
)
def test_macro_enabled_office_files_are_refused(content):
    assert "มาโคร" in refusal(content, "plan.docx")


def test_the_size_limit_is_enforced_with_a_thai_message_naming_it(settings):
    settings.EVIDENCE_MAX_BYTES = 4096
    assert check_upload(upload(PDF + b"0" * (4096 - len(PDF)), "exact.pdf")).size == 4096
    message = refusal(PDF + b"0" * 4097, "big.pdf")
    assert message.startswith("ไฟล์ใหญ่เกิน") and "4.0" in message and "KB" in message


# Archives: entry count, total uncompressed size, ratio -------------------------------------


def test_a_300_mb_zip_bomb_is_refused_without_unpacking_it(zero_bomb, monkeypatch):
    assert len(zero_bomb) < 1024 * 1024
    opened = []
    real_open = zipfile.ZipFile.open

    def watched(archive, name, *args, **kwargs):
        opened.append(getattr(name, "filename", name))
        return real_open(archive, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", watched)
    started = time.perf_counter()
    message = refusal(zero_bomb, "plan.docx")
    assert "บีบอัดผิดปกติ" in message
    assert opened == []  # refused from the directory alone
    assert time.perf_counter() - started < 2


def test_an_archive_of_5000_entries_is_refused(many_entries):
    assert "มากผิดปกติ" in refusal(many_entries, "plan.docx")


def test_the_total_uncompressed_size_limit_holds_even_at_a_normal_ratio(monkeypatch):
    noise = random.Random(4).randbytes(100_000)  # does not compress
    content = docx(**{"word/media/noise.bin": noise})
    assert check_upload(upload(content, "plan.docx")).content_type == DOCX
    monkeypatch.setattr(uploads, "MAX_UNCOMPRESSED", 50_000)
    assert "บีบอัดผิดปกติ" in refusal(content)


def test_the_ratio_limit_holds_even_under_the_total_size_limit():
    content = docx(**{"word/media/zeros.bin": bytes(5 * 1024 * 1024)})  # 5 MB, ratio ~1000
    assert "บีบอัดผิดปกติ" in refusal(content)


# Office XML is parsed by defusedxml ---------------------------------------------------------


@pytest.mark.parametrize("types", [BILLION_LAUGHS, XXE, "<Types><unclosed></Types>", "<Other/>"])
def test_a_hostile_or_broken_content_types_part_is_refused_not_expanded(types):
    started = time.perf_counter()
    assert "โครงสร้างผิดปกติ" in refusal(docx(types))
    assert time.perf_counter() - started < 1


def test_an_oversized_content_types_part_is_not_read_whole():
    padding = " " * (uploads.MAX_CONTENT_TYPES + 10)
    content = docx(f"<Types>{padding}</Types>")
    assert "บีบอัดผิดปกติ" in refusal(content)


def test_an_encrypted_archive_is_refused_in_thai_not_a_crash():
    assert "ไฟล์เสีย" in refusal(encrypted(docx()))


# Through the pages: stored, served, refused -------------------------------------------------


@pytest.fixture
def disk(settings, tmp_path):
    """Real files on disk in a throwaway MEDIA_ROOT, as in production."""
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(media)},
        },
    }
    return media


def stored_files(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def attach(client, unit, content, name, **extra):
    target = reverse(
        "submissions:evidence-upload", kwargs={"code": unit.code, "year": 2568, "step": 3}
    )
    data = {"file": SimpleUploadedFile(name, content), "description": "หลักฐาน", **extra}
    return client.post(target, data, follow=True)


def download(client, unit, evidence):
    return client.get(
        reverse("submissions:evidence", kwargs={"code": unit.code, "pk": evidence.pk})
    )


def test_a_pdf_called_png_is_stored_as_pdf_under_a_random_name_outside_the_static_root(
    client, cast, cycle, disk
):
    client.force_login(cast.coordinator_a)
    attach(client, cast.unit_a, PDF, "ภาพถ่าย.png")
    attach(client, cast.unit_a, PDF, "ภาพถ่าย.png")
    first, second = EvidenceFile.objects.order_by("pk")
    assert (first.content_type, first.original_name) == ("application/pdf", "ภาพถ่าย.png")
    assert re.fullmatch(r"evidence/[0-9a-f]{32}\.pdf", first.file.name)
    assert first.file.name != second.file.name
    on_disk = sorted(stored_files(disk))
    assert [p.name for p in on_disk] == sorted(Path(e.file.name).name for e in (first, second))
    assert on_disk[0].read_bytes() == PDF
    static_roots = [Path(django_settings.STATIC_ROOT).resolve()] + [
        Path(d[1] if isinstance(d, tuple) else d).resolve()
        for d in django_settings.STATICFILES_DIRS
    ]
    for path in on_disk:
        assert not any(path.resolve().is_relative_to(root) for root in static_roots)
    # The media folder is not published: only the permission-checked view serves the file.
    assert client.get(f"{django_settings.MEDIA_URL}{first.file.name}").status_code == 404
    assert client.get(f"/static/../media/{first.file.name}").status_code == 404


def test_the_production_media_root_is_not_under_the_static_root():
    from config.settings import base

    media, static = Path(base.MEDIA_ROOT).resolve(), Path(base.STATIC_ROOT).resolve()
    assert not media.is_relative_to(static) and not static.is_relative_to(media)
    assert base.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage")


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"MZ\x90\x00 an executable", "report.pdf", "รับเฉพาะไฟล์ PDF, PNG, JPEG, DOCX และ XLSX"),
        (b"<html><script>alert(1)</script></html>", "report.pdf", "รับเฉพาะไฟล์ PDF"),
        (SVG, "report.pdf", "รับเฉพาะไฟล์ PDF"),
        (docx(BILLION_LAUGHS), "plan.docx", "โครงสร้างผิดปกติ"),
        (PDF + b"0" * 5000, "big.pdf", "ไฟล์ใหญ่เกิน 4.0"),
    ],
)
def test_a_refused_file_shows_a_thai_message_and_leaves_nothing_behind(
    client, cast, cycle, disk, settings, content, name, message
):
    settings.EVIDENCE_MAX_BYTES = 4096
    client.force_login(cast.coordinator_a)
    response = attach(client, cast.unit_a, content, name)
    assert message in response.content.decode()
    assert not EvidenceFile.objects.exists()
    assert stored_files(disk) == []


def test_zip_bombs_through_the_page_leave_nothing_behind(
    client, cast, cycle, disk, zero_bomb, many_entries
):
    client.force_login(cast.coordinator_a)
    assert "บีบอัดผิดปกติ" in attach(client, cast.unit_a, zero_bomb, "a.docx").content.decode()
    assert "มากผิดปกติ" in attach(client, cast.unit_a, many_entries, "b.docx").content.decode()
    assert not EvidenceFile.objects.exists() and stored_files(disk) == []


def test_a_failed_database_write_removes_the_stored_file(client, cast, cycle, disk, monkeypatch):
    def broken_save(self, *args, **kwargs):
        raise IntegrityError("simulated")

    monkeypatch.setattr(EvidenceFile, "save", broken_save)
    client.force_login(cast.coordinator_a)
    with pytest.raises(IntegrityError):
        attach(client, cast.unit_a, PDF, "a.pdf")
    assert stored_files(disk) == []


@pytest.mark.parametrize(
    ("content", "name", "content_type", "inline"),
    [
        (PDF, "a.pdf", "application/pdf", True),
        (PNG, "a.png", "image/png", True),
        (JPEG, "a.jpg", "image/jpeg", True),
        (docx(), "a.docx", DOCX, False),
        (xlsx(), "a.xlsx", XLSX, False),
    ],
)
def test_served_with_nosniff_and_as_attachment_unless_an_image_or_pdf(
    client, cast, cycle, content, name, content_type, inline
):
    client.force_login(cast.coordinator_a)
    attach(client, cast.unit_a, content, name)
    response = download(client, cast.unit_a, EvidenceFile.objects.get())
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("inline" if inline else "attachment"), disposition
    assert b"".join(response.streaming_content) == content


def test_another_units_file_is_a_404_to_read_and_to_delete(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    attach(client, cast.unit_a, PDF, "a.pdf")
    evidence = EvidenceFile.objects.get()
    client.force_login(cast.coordinator_b)
    assert download(client, cast.unit_b, evidence).status_code == 404
    assert download(client, cast.unit_a, evidence).status_code == 404
    delete = reverse(
        "submissions:evidence-delete", kwargs={"code": cast.unit_b.code, "pk": evidence.pk}
    )
    assert client.post(delete).status_code == 404
    client.force_login(cast.staff_a)  # no role in unit A
    assert download(client, cast.unit_a, evidence).status_code == 404
    client.logout()
    anonymous = download(client, cast.unit_a, evidence)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert EvidenceFile.objects.filter(pk=evidence.pk).exists()


def test_a_row_whose_file_is_missing_is_a_404_not_a_crash(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    attach(client, cast.unit_a, PDF, "a.pdf")
    evidence = EvidenceFile.objects.get()
    evidence.file.storage.delete(evidence.file.name)
    assert download(client, cast.unit_a, evidence).status_code == 404


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/ok\n/x"])
def test_the_next_page_after_an_upload_is_never_another_site(client, cast, cycle, target):
    client.force_login(cast.coordinator_a)
    url = reverse(
        "submissions:evidence-upload", kwargs={"code": "OPS-AAA", "year": 2568, "step": 3}
    )
    response = client.post(url, {"file": SimpleUploadedFile("a.pdf", PDF), "next": target})
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "plans:overview", kwargs={"code": "OPS-AAA", "year": 2568}
    )
    assert EvidenceFile.objects.count() == 1
