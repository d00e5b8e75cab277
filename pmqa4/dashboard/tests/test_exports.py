"""Every dashboard table as CSV (UTF-8 with BOM) and XLSX: content, filters kept, formulas
neutralised, the sheet's layout, and who may download."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from pmqa4.core.testing.factories import UnitFactory

pytestmark = pytest.mark.django_db
TABLES = ("matrix", "counts", "timeline", "attendance", "coverage", "kpis", "scores", "years")


def url(table, fmt):
    return reverse("dashboard:export", args=[table, fmt])


def read_csv(response) -> list[list[str]]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def read_xlsx(response):
    return load_workbook(io.BytesIO(response.content))


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_table_downloads_in_both_formats(client, world, table, fmt):
    client.force_login(world.cast.central)
    response = client.get(url(table, fmt))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="pmqa4_2568_{table}.{fmt}"'
    if fmt == "csv":
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        rows = read_csv(response)
    else:
        sheet = read_xlsx(response)["ข้อมูล"]
        rows = [
            [c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)
        ]
    assert len(rows) >= 2 and rows[0][0]  # a header and at least one row


def test_the_matrix_csv_has_each_units_statuses_in_thai(client, world):
    client.force_login(world.cast.central)
    rows = read_csv(client.get(url("matrix", "csv")))
    header = rows[0]
    assert header[:5] == ["รหัส", "ชื่อหน่วยงาน", "ประเภท", "จังหวัด", "ภาค"]
    assert "ขั้นที่ 1 สถานะ" in header and "ขั้นที่ 2 ร้อยละการเข้าร่วม" in header
    by_code = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    cnx = by_code["PLO-CNX"]
    assert cnx["ชื่อหน่วยงาน"] == "สำนักงานแรงงานจังหวัดเชียงใหม่"
    assert (cnx["จังหวัด"], cnx["ภาค"]) == ("เชียงใหม่", "ภาคเหนือ")
    assert cnx["ขั้นที่ 1 สถานะ"] == "เลยกำหนดส่ง (ยังไม่ส่ง) · ยังไม่เริ่ม"
    assert by_code["CTR-001"]["ขั้นที่ 1 สถานะ"] == "ผ่านการตรวจรับ · ส่งครั้งแรกล่าช้า"
    assert by_code["CTR-001"]["ขั้นที่ 3 กำหนดส่ง"] == "28 ก.พ. 2568 (ขยายเวลา)"
    assert by_code["OPS-BBB"]["ขั้นที่ 2 ร้อยละการเข้าร่วม"] == "50.0"
    assert len(by_code) == 5


def test_the_exports_keep_the_filters(client, world):
    client.force_login(world.cast.central)
    rows = read_csv(client.get(url("matrix", "csv"), {"status": "on_time", "step": "3"}))
    assert [row[0] for row in rows[1:]] == ["PLO-KKN"]
    assert rows[0][5:] == ["ขั้นที่ 3 สถานะ", "ขั้นที่ 3 กำหนดส่ง"]  # the step filter's column
    rows = read_csv(client.get(url("attendance", "csv"), {"kind": "provincial"}))
    assert [row[0] for row in rows[1:]] == ["PLO-CNX", "PLO-KKN"]
    counts = read_csv(client.get(url("counts", "csv"), {"q": "ops-"}))
    assert counts[-1] == ["รวม", "2", "2", "2", "2", "8"]


def test_the_counts_csv(client, world):
    client.force_login(world.cast.central)
    rows = read_csv(client.get(url("counts", "csv")))
    assert rows[0] == ["สถานะ", "ขั้นที่ 1", "ขั้นที่ 3", "ขั้นที่ 4", "ขั้นที่ 5", "รวม"]
    assert ["ยังไม่เริ่ม", "0", "2", "5", "5", "12"] in rows
    assert ["เลยกำหนดส่ง (ยังไม่ส่ง)", "1", "0", "0", "0", "1"] in rows
    assert rows[-1] == ["รวม", "5", "5", "5", "5", "20"]


def test_text_that_starts_like_a_formula_is_written_as_text(client, world):
    UnitFactory(code="EVIL-1", name_th='=HYPERLINK("http://evil.example","คลิก")')
    UnitFactory(code="EVIL-2", name_th="@SUM(1+1)")
    client.force_login(world.cast.central)
    rows = read_csv(client.get(url("matrix", "csv")))
    names = {row[0]: row[1] for row in rows[1:]}
    assert names["EVIL-1"] == '\'=HYPERLINK("http://evil.example","คลิก")'
    assert names["EVIL-2"] == "'@SUM(1+1)"
    sheet = read_xlsx(client.get(url("attendance", "xlsx")))["ข้อมูล"]
    values = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("http://evil.example","คลิก")' in values and "'@SUM(1+1)" in values
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_the_xlsx_sheet_is_laid_out_for_thai_text(client, world):
    client.force_login(world.cast.central)
    book = read_xlsx(client.get(url("matrix", "xlsx"), {"kind": "provincial"}))
    sheet = book["ข้อมูล"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "รหัส" and sheet["A1"].font.bold
    assert sheet["B2"].alignment.wrap_text and sheet["B1"].alignment.wrap_text
    assert sheet.column_dimensions["B"].width == 40
    assert sheet["B2"].value == "สำนักงานแรงงานจังหวัดเชียงใหม่"
    about = {row[0]: row[1] for row in book["คำอธิบาย"].iter_rows(min_row=2, values_only=True)}
    assert about["ปีงบประมาณ"] == "2568"
    assert about["ประเภทหน่วยงาน"] == "สำนักงานแรงงานจังหวัด"


def test_numbers_stay_numbers_in_the_xlsx(client, world):
    client.force_login(world.cast.central)
    sheet = read_xlsx(client.get(url("attendance", "xlsx")))["ข้อมูล"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["OPS-BBB"][2:6] == (1, 2, 50, 85)


@pytest.mark.parametrize(
    ("who", "status"),
    [("evaluator", 200), ("coordinator_a", 403), ("executive_a", 403), ("staff_a", 403)],
)
def test_only_the_central_roles_may_download(client, world, who, status):
    client.force_login(getattr(world.cast, who))
    assert client.get(url("matrix", "csv")).status_code == status


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, world):
    response = client.get(url("matrix", "xlsx"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(("table", "fmt"), [("matrix", "pdf"), ("people", "csv"), ("", "csv")])
def test_an_unknown_table_or_format_is_not_found(client, world, table, fmt):
    client.force_login(world.cast.central)
    path = f"/central/export/{table}.{fmt}"
    assert client.get(path).status_code == 404
