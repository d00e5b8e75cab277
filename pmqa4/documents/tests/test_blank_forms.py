"""The blank forms of a cycle: open to anyone, with a QR code to paste into the briefing slides."""

import io

import pytest
from django.urls import reverse
from docx import Document as WordDocument
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def _url(kind, fmt, year=2568):
    return reverse("downloads:blank_form", args=[year, kind, fmt])


def _word_text(data: bytes) -> str:
    document = WordDocument(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_anyone_opens_the_page_and_its_qr_code_points_back_to_it(client, cycle):
    page = reverse("downloads:blank_forms", args=[2568])
    response = client.get(page)
    assert response.status_code == 200
    body = response.content.decode()
    assert "ดาวน์โหลดแบบฟอร์ม ปีงบประมาณ พ.ศ. 2568" in body
    assert 'class="qr-code"><title>คิวอาร์โค้ดดาวน์โหลดแบบฟอร์ม</title>' in body
    assert f"http://testserver{page}" in body
    for kind, fmt in [("1", "docx"), ("1", "xlsx"), ("3", "xlsx"), ("4", "docx")]:
        assert _url(kind, fmt) in body
    assert _url("4", "xlsx") not in body  # Form 4 is prose: Word only


def test_the_qr_code_downloads_as_a_png_for_the_slides(client, cycle):
    response = client.get(reverse("downloads:blank_forms_qr", args=[2568]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("1", "แผนพัฒนาหน่วยงานสู่ระบบราชการ ๔.๐ ระยะ ๓ ปี"),
        ("2", "แผนปฏิบัติการพัฒนาหน่วยงานสู่ระบบราชการ ๔.๐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"),
        ("3", "รายละเอียดตัวชี้วัดความสำเร็จ"),
        ("4", "รายงานผลการดำเนินงานตามแผนปฏิบัติการพัฒนาหน่วยงานสู่ระบบราชการ ๔.๐"),
    ],
)
def test_each_blank_word_form_has_its_title_and_empty_numbered_rows(client, cycle, kind, title):
    response = client.get(_url(kind, "docx"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (f'attachment; filename="blank_2568_form{kind}.docx"')
    text = _word_text(response.content)
    assert title in text
    if kind in ("1", "2"):
        assert "๑.๑" in text and "๓.๓" in text and "มิติมีขีดสมรรถนะสูงและทันสมัย" in text


@pytest.mark.parametrize("kind", ["1", "2", "3"])
def test_each_blank_excel_form_opens_as_a_workbook(client, cycle, kind):
    response = client.get(_url(kind, "xlsx"))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    cells = [
        str(c)
        for ws in workbook.worksheets
        for row in ws.iter_rows(values_only=True)
        for c in row
        if c
    ]
    number = "๑๒๓"[int(kind) - 1]
    assert f"แบบฟอร์มหมายเลข {number}" in cells
    assert "หน่วยงาน ........................................" in cells


def test_arabic_numerals_on_request(client, cycle):
    text = _word_text(client.get(_url("2", "docx") + "?numerals=arabic").content)
    assert "พ.ศ. 2568" in text and "๒๕๖๘" not in text
    page = client.get(reverse("downloads:blank_forms", args=[2568]) + "?numerals=arabic")
    assert _url("2", "docx") + "?numerals=arabic" in page.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        lambda: _url("4", "xlsx"),
        lambda: _url("score", "docx"),
        lambda: _url("9", "docx"),
        lambda: _url("1", "pdf"),
        lambda: _url("1", "docx", year=2599),
        lambda: reverse("downloads:blank_forms", args=[2599]),
    ],
)
def test_what_is_not_handed_out_is_not_found(client, cycle, url):
    assert client.get(url()).status_code == 404


def test_the_footer_link_opens_the_current_years_forms(client, cycle, settings):
    response = client.get(reverse("downloads:blank_forms_current"))
    assert response.status_code == 302
    assert response["Location"].startswith("/forms/")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert reverse("downloads:blank_forms_current") in page.content.decode()
