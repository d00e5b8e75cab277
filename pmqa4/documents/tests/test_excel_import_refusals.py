"""Bad files are refused whole, with their message, and write nothing: not a workbook,
another form or shape, an empty form, 100,000 rows, a zip bomb, an XML entity bomb, too large."""

import io
import time
import zipfile

import openpyxl
import pytest
from openpyxl import Workbook, load_workbook

from pmqa4.cycles.models import Cycle
from pmqa4.documents.excel_reader import ImportRefused

from .excel_files import blank, nothing_written, preview, upload, url

pytestmark = pytest.mark.django_db

NOT_A_WORKBOOK = "ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) กรุณาใช้แบบฟอร์ม Excel ที่ดาวน์โหลดจากระบบ แล้วบันทึกเป็น .xlsx"


@pytest.mark.parametrize(
    "data", [b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF", "ชื่อ,ปี\nก,✓\n".encode(), b""]
)
def test_a_file_that_is_not_a_workbook_is_refused(client, cast, cycle, data):
    client.force_login(cast.coordinator_a)
    response = client.post(url("import"), {"file": upload(data)})
    assert response.status_code == 400
    page = response.content.decode()
    assert (NOT_A_WORKBOOK if data else "ไฟล์ที่ส่งว่างเปล่า") in page
    assert 'name="token"' not in page
    nothing_written(cast.unit_a)


def test_a_word_document_is_not_a_workbook(cast, cycle):
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    with pytest.raises(ImportRefused, match="ไม่ใช่ไฟล์ Excel"):
        preview(cast.unit_a, cycle, "1", out.getvalue())


def test_a_workbook_of_another_form_or_shape_is_refused(cast, cycle):
    with pytest.raises(ImportRefused) as refused:
        preview(cast.unit_a, cycle, "1", blank(cycle, "2"))
    assert refused.value.message.startswith("ไม่พบแผ่นงาน “แบบฟอร์ม ๑” ในไฟล์นี้")
    wb = load_workbook(io.BytesIO(blank(cycle, "1")))
    wb.active.insert_cols(2)
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(ImportRefused) as refused:
        preview(cast.unit_a, cycle, "1", out.getvalue())
    assert refused.value.message.startswith(
        "หัวตารางไม่ตรงกับแบบฟอร์ม ๑: ช่อง B5 ควรเป็น “ชื่อแผนงาน/โครงการ/กิจกรรม” แต่เป็น “”"
    )
    with pytest.raises(ImportRefused, match="ไม่พบแผ่นงาน “แบบฟอร์ม ๓ …”"):
        preview(cast.unit_a, cycle, "3", blank(cycle, "1"))
    other_year = Cycle.objects.create(fiscal_year=2569, plan_first_year=2569)
    with pytest.raises(ImportRefused, match="ไม่ตรงกับแผนระยะ ๓ ปีของรอบนี้"):
        preview(cast.unit_a, other_year, "1", blank(cycle, "1"))
    with pytest.raises(ImportRefused, match="ไม่ตรงกับรอบปีนี้"):
        preview(cast.unit_a, other_year, "2", blank(cycle, "2"))


def test_an_empty_form_is_refused_rather_than_deleting_everything(cast, cycle):
    with pytest.raises(ImportRefused, match="ไม่พบรายการใดในไฟล์นี้"):
        preview(cast.unit_a, cycle, "1", blank(cycle, "1"))


def _hundred_thousand_rows(path, *, dimension: bool) -> bytes:
    """100,000 rows written by openpyxl's write-only mode (which declares no dimension);
    ``dimension`` adds the <dimension ref="A1:A100000"/> that Excel writes."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("แบบฟอร์ม ๑")
    for n in range(100_000):
        ws.append([n])
    wb.save(path)
    data = path.read_bytes()
    if not dimension:
        return data
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            body = source.read(entry)
            if entry.filename.startswith("xl/worksheets/"):
                body = body.replace(
                    b"<sheetViews>", b'<dimension ref="A1:A100000"/><sheetViews>', 1
                )
            target.writestr(entry.filename, body)
    return out.getvalue()


@pytest.mark.parametrize("dimension", [True, False])
def test_a_100000_row_sheet_is_refused_without_reading_it_all(cast, cycle, tmp_path, dimension):
    data = _hundred_thousand_rows(tmp_path / "big.xlsx", dimension=dimension)
    started = time.perf_counter()
    with pytest.raises(ImportRefused) as refused:
        preview(cast.unit_a, cycle, "1", data)
    elapsed = time.perf_counter() - started
    assert refused.value.message.startswith("แผ่นงาน “แบบฟอร์ม ๑” มีมากกว่า ๒,๐๐๐ แถว")
    assert ("(ระบุไว้ ๑๐๐,๐๐๐ แถว)" in refused.value.message) is dimension
    print(f"\nrefused the 100,000-row sheet (dimension={dimension}) in {elapsed:.3f} s")
    assert elapsed < 2  # about 0.05 s on an idle machine


def test_a_zip_bomb_is_refused_before_it_is_unpacked(cast, cycle):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        source = zipfile.ZipFile(io.BytesIO(blank(cycle, "1")))
        for entry in source.infolist():
            bomb.writestr(entry.filename, source.read(entry))
        bomb.writestr("xl/media/zeros.bin", bytes(50 * 1024 * 1024))
    assert len(out.getvalue()) < 200_000
    started = time.perf_counter()
    with pytest.raises(ImportRefused, match="ไฟล์ถูกบีบอัดผิดปกติ ระบบไม่รับไฟล์นี้"):
        preview(cast.unit_a, cycle, "1", out.getvalue())
    assert time.perf_counter() - started < 1


LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10)
    )
    + ']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData>'
    "</worksheet>"
)


def test_an_xml_entity_bomb_is_refused_by_defusedxml_not_expanded(cast, cycle):
    assert openpyxl.DEFUSEDXML is True
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        source = zipfile.ZipFile(io.BytesIO(blank(cycle, "1")))
        for entry in source.infolist():
            body = source.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                body = LAUGHS.encode()
            bomb.writestr(entry.filename, body)
    started = time.perf_counter()
    with pytest.raises(ImportRefused, match="ไฟล์ Excel เสียหรือมีโครงสร้างผิดปกติ"):
        preview(cast.unit_a, cycle, "1", out.getvalue())
    assert time.perf_counter() - started < 1


def test_a_file_over_2_mb_is_refused(cast, cycle):
    with pytest.raises(ImportRefused, match="ไฟล์ใหญ่เกิน 2.0"):
        preview(cast.unit_a, cycle, "1", b"PK\x03\x04" + bytes(2 * 1024 * 1024))
