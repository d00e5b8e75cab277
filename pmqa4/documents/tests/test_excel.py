"""Excel export: Forms 1–3, the roster and the scoreboard, reopened with openpyxl and read back
cell by cell (headings, numbering, ✓ marks, month marks, Thai numerals, print set-up)."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from pmqa4.core.testing.factories import RosterFactory, TeamMemberFactory
from pmqa4.documents import content
from pmqa4.documents.excel import render_xlsx, scoreboard_xlsx
from pmqa4.documents.printing import Printer
from pmqa4.framework.models import Dimension
from pmqa4.org.models import UnitKind
from pmqa4.plans.models import ActivityStep, Direction, KpiBaseline, KpiSheetStep
from pmqa4.plans.tests.test_builders import form1, form2, kpi
from pmqa4.scoring.services import cycle_scores

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example","คลิก")'


@pytest.fixture
def plans(cast, cycle):
    unit = cast.unit_a
    k1 = kpi(unit, cycle, "K1")
    k2 = kpi(unit, cycle, "K2", direction=Direction.LOWER, target=Decimal("5.5"))
    k2.sheet.dimension = Dimension.objects.get(number=2)
    k2.sheet.save()
    KpiBaseline.objects.create(sheet=k1.sheet, fiscal_year=2565, value=Decimal("52"))
    KpiBaseline.objects.create(sheet=k1.sheet, fiscal_year=2567, value=Decimal("70.25"))
    KpiSheetStep.objects.create(sheet=k1.sheet, number=1, detail="จัดทำแผน", evidence="คำสั่ง")
    KpiSheetStep.objects.create(sheet=k1.sheet, number=2, detail="ดำเนินการ", evidence="")
    form1(
        unit,
        cycle,
        [
            (1, "พัฒนาระบบฐานข้อมูลกลาง", (True, False, True), [k1]),
            (1, EVIL, (False, False, False), []),
            (2, "ลดขั้นตอนการให้บริการ", (False, True, False), [k1, k2]),
        ],
    )
    plan = form2(unit, cycle, [(1, "เชื่อมโยงข้อมูล", [1, 2, 12], "กลุ่มข้อมูล", [k1])], steps=2)
    ActivityStep.objects.filter(activity__action_plan=plan, number=1).update(months=[2, 3])
    return unit


def workbook(kind, unit, cycle, numerals="thai"):
    data = render_xlsx(kind, content.BUILDERS[kind](unit, cycle, Printer(numerals)))
    return load_workbook(io.BytesIO(data))


def merged(ws) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def dimension(number):
    return Dimension.objects.get(number=number).name_th


def test_form1_is_laid_out_like_the_official_form(plans, cycle):
    wb = workbook("1", plans, cycle)
    assert wb.sheetnames == ["แบบฟอร์ม ๑"]
    ws = wb.active
    assert ws["F1"].value == "แบบฟอร์มหมายเลข ๑"
    assert ws["A2"].value == "แผนพัฒนาหน่วยงานสู่ระบบราชการ ๔.๐ ระยะ ๓ ปี (ปีงบประมาณ พ.ศ. ๒๕๖๘ - ๒๕๗๐)"
    assert ws["A2"].font.b and ws["A2"].font.sz == 18 and ws["A2"].font.name == "TH Sarabun New"
    assert {"A2:F2", "A3:F3", "A4:F4", "C5:E5", "A5:A6", "B5:B6", "F5:F6"} <= merged(ws)
    assert ws["A3"].value == "หน่วยงาน กองทดสอบเอ"
    assert ws["A4"].value.startswith("คำอธิบาย: หน่วยงานกำหนดแผนงาน/โครงการ/กิจกรรม")
    headings = [ws.cell(5, c).value for c in range(1, 7)]
    assert headings == [
        "ลำดับ",
        "ชื่อแผนงาน/โครงการ/กิจกรรม",
        "ปีงบประมาณที่ดำเนินการ",
        None,
        None,
        "ตัวชี้วัด",
    ]
    assert [ws.cell(6, c).value for c in (3, 4, 5)] == ["๒๕๖๘", "๒๕๖๙", "๒๕๗๐"]
    # Dimension headings as full-width bold rows, items numbered under them, ✓ in their years.
    assert ws["A7"].value == f"๑. {dimension(1)}" and "A7:F7" in merged(ws) and ws["A7"].font.b
    row8 = [ws.cell(8, c).value for c in range(1, 7)]
    assert row8 == ["๑.๑", "พัฒนาระบบฐานข้อมูลกลาง", "✓", None, "✓", "K1: ตัวชี้วัด K1"]
    assert ws["A9"].value == "๑.๒"
    assert ws["A10"].value == f"๒. {dimension(2)}"
    row11 = [ws.cell(11, c).value for c in range(1, 7)]
    assert row11 == ["๒.๑", "ลดขั้นตอนการให้บริการ", None, "✓", None, "K1: ตัวชี้วัด K1\nK2: ตัวชี้วัด K2"]
    assert ws["A12"].value == f"๓. {dimension(3)}"
    # Typography, wrapping, widths.
    cell = ws["B8"]
    assert cell.font.name == "TH Sarabun New" and cell.font.sz == 16
    assert cell.alignment.wrap_text and cell.alignment.vertical == "top"
    assert ws.column_dimensions["B"].width == 58 and ws.column_dimensions["F"].width == 52
    assert ws.row_dimensions[8].height >= 24
    # The executive's signature block: dotted lines until signed.
    texts = [c.value for row in ws.iter_rows(min_row=13) for c in row if c.value]
    assert texts[0].startswith("ผู้บริหารหน่วยงานลงนาม ....")
    assert "(........................................)" in texts


def test_form1_prints_on_a4_landscape_with_its_header_repeated(plans, cycle):
    ws = workbook("1", plans, cycle).active
    assert ws.freeze_panes == "A7"
    assert int(ws.page_setup.paperSize) == 9
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$5:$6"
    assert ws.page_margins.left == pytest.approx(2.5 / 2.54)
    assert ws.page_margins.top == pytest.approx(2 / 2.54)
    assert ws.oddHeader.right.text == "แบบฟอร์มหมายเลข ๑"


def test_text_that_looks_like_a_formula_is_written_as_text(plans, cycle):
    ws = workbook("1", plans, cycle).active
    assert ws["B9"].value == "'" + EVIL
    assert ws["B9"].data_type == "s"
    assert not [c for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_form2_marks_and_shades_the_running_months(plans, cycle):
    wb = workbook("2", plans, cycle)
    assert wb.sheetnames == ["แบบฟอร์ม ๒"]
    ws = wb.active
    assert ws["P1"].value == "แบบฟอร์มหมายเลข ๒"
    assert ws["A2"].value == "แผนปฏิบัติการพัฒนาหน่วยงานสู่ระบบราชการ ๔.๐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"
    assert ws["C4"].value == "ปีงบประมาณ พ.ศ. ๒๕๖๘" and "C4:N4" in merged(ws)
    months = [ws.cell(5, c).value for c in range(3, 15)]
    assert months == [
        "ต.ค.",
        "พ.ย.",
        "ธ.ค.",
        "ม.ค.",
        "ก.พ.",
        "มี.ค.",
        "เม.ย.",
        "พ.ค.",
        "มิ.ย.",
        "ก.ค.",
        "ส.ค.",
        "ก.ย.",
    ]
    assert [ws.cell(4, c).value for c in (1, 2, 15, 16)] == [
        "ลำดับ",
        "แผนงาน/โครงการ/กิจกรรม/ขั้นตอน",
        "ตัวชี้วัด",
        "กลุ่มงาน/ผู้รับผิดชอบ",
    ]
    assert ws["A6"].value.startswith(f"๑. {dimension(1)} (หมวด ")
    assert "A6:P6" in merged(ws)
    # Activity 1.1 runs in ต.ค., พ.ย. and ก.ย. (fiscal months 1, 2, 12).
    assert [ws.cell(7, c).value for c in (1, 2)] == ["๑.๑", "เชื่อมโยงข้อมูล"]
    marked = [ws.cell(5, c).value for c in range(3, 15) if ws.cell(7, c).value == "✓"]
    assert marked == ["ต.ค.", "พ.ย.", "ก.ย."]
    assert ws["C7"].fill.fgColor.rgb.endswith("9DC3E6") and ws["E7"].fill.fill_type is None
    assert [ws.cell(7, c).value for c in (15, 16)] == ["K1: ตัวชี้วัด K1", "กลุ่มข้อมูล"]
    # Its steps, numbered 1.1.1 and indented beneath it; step 1 runs in พ.ย. and ธ.ค.
    assert [ws.cell(8, c).value for c in (1, 2)] == ["๑.๑.๑", "ขั้นตอน 1"]
    assert ws["B8"].alignment.indent == 2
    assert [ws.cell(5, c).value for c in range(3, 15) if ws.cell(8, c).value] == ["พ.ย.", "ธ.ค."]
    assert ws["A9"].value == "๑.๑.๒"
    assert ws["A10"].value.startswith(f"๒. {dimension(2)}")
    assert ws.freeze_panes == "A6" and ws.print_title_rows == "$4:$5"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.conditional_formatting  # a ✓ typed later is shaded too


def test_form3_has_one_sheet_per_kpi_with_the_ten_fields(plans, cycle):
    wb = workbook("3", plans, cycle)
    assert wb.sheetnames == ["แบบฟอร์ม ๓ K1", "แบบฟอร์ม ๓ K2"]
    ws = wb["แบบฟอร์ม ๓ K1"]
    assert ws["F1"].value == "แบบฟอร์มหมายเลข ๓"
    assert ws["A2"].value.startswith("รายละเอียดตัวชี้วัดความสำเร็จ หมวด ๗")
    labels = [ws.cell(r, 1).value for r in range(4, 11)]
    assert labels == [
        "รหัสตัวชี้วัด:",
        "๑. มิติเป้าหมายการพัฒนา:",
        "๒. ชื่อตัวชี้วัด:",
        "๓. หน่วยวัด:",
        "ค่าเป้าหมาย:",
        "๔. วิธีคำนวณตัวชี้วัด:",
        "๕. คำอธิบาย/นิยามศัพท์:",
    ]
    values = [ws.cell(r, 2).value for r in range(4, 9)]
    assert values == ["K1", f"๑. {dimension(1)}", "ตัวชี้วัด K1", "ร้อยละ", 80]
    assert ws["D8"].value == "ยิ่งมากยิ่งดี"
    assert ws["A11"].value == "๖. ข้อมูลพื้นฐานประกอบตัวชี้วัด:"
    assert [ws.cell(13, c).value for c in (4, 5, 6)] == ["๒๕๖๕", "๒๕๖๖", "๒๕๖๗"]
    assert [ws.cell(14, c).value for c in (4, 5, 6)] == [52, None, 70.25]
    assert ws["A15"].value == "๗. รายละเอียดการดำเนินงาน:"
    assert [ws.cell(17, c).value for c in (1, 2, 5)] == ["๑", "จัดทำแผน", "คำสั่ง"]
    assert ws["A18"].value == "๒"
    column_a = [ws.cell(r, 1).value for r in range(19, ws.max_row + 1)]
    for label in ("๘. แหล่งข้อมูล/วิธีการจัดเก็บข้อมูล:", "๙. ผู้กำกับตัวชี้วัด:", "๑๐. ผู้จัดเก็บข้อมูล:"):
        assert label in column_a
    assert "นายผู้กำกับ ตัวชี้วัด" in column_a
    assert ws.page_setup.orientation == "portrait" and int(ws.page_setup.paperSize) == 9
    k2 = wb["แบบฟอร์ม ๓ K2"]
    assert k2["D8"].value == "ยิ่งน้อยยิ่งดี" and k2["B8"].value == 5.5
    assert k2["B5"].value == f"๒. {dimension(2)}"


def test_form3_of_a_unit_without_kpis_is_one_empty_sheet_to_fill_in(cast, cycle):
    wb = workbook("3", cast.unit_b, cycle)
    assert wb.sheetnames == ["แบบฟอร์ม ๓"]
    ws = wb.active
    assert ws["B4"].value is None and ws["D8"].value == "ยิ่งมากยิ่งดี / ยิ่งน้อยยิ่งดี"
    assert [ws.cell(17, 1).value, ws.cell(19, 1).value] == ["๑", "๓"]


def test_the_blank_forms_have_numbered_empty_rows(cycle, db):
    ws = load_workbook(io.BytesIO(render_xlsx("1", content.blank("1", cycle, Printer())))).active
    assert ws["A3"].value.startswith("หน่วยงาน ....")
    assert [ws.cell(r, 1).value for r in range(8, 11)] == ["๑.๑", "๑.๒", "๑.๓"]
    assert all(ws.cell(r, 2).value is None for r in range(8, 11))
    ws = load_workbook(io.BytesIO(render_xlsx("2", content.blank("2", cycle, Printer())))).active
    assert [ws.cell(r, 1).value for r in range(7, 10)] == ["๑.๑", "๑.๑.๑", "๑.๑.๒"]


def test_arabic_numerals_on_request(plans, cycle):
    ws = workbook("1", plans, cycle, numerals="arabic").active
    assert ws.title == "แบบฟอร์ม 1"
    assert ws["F1"].value == "แบบฟอร์มหมายเลข 1"
    assert "(ปีงบประมาณ พ.ศ. 2568 - 2570)" in ws["A2"].value
    assert [ws.cell(6, c).value for c in (3, 4, 5)] == ["2568", "2569", "2570"]
    assert ws["A7"].value.startswith("1. ") and ws["A8"].value == "1.1"
    ws3 = workbook("3", plans, cycle, numerals="arabic")["แบบฟอร์ม 3 K1"]
    assert ws3["A5"].value == "1. มิติเป้าหมายการพัฒนา:" and ws3["D13"].value == "2565"


def test_the_roster(cast, cycle):
    roster = RosterFactory(unit=cast.unit_a, cycle=cycle)
    TeamMemberFactory(roster=roster, full_name="นางสาวกานดา ใจดี", email="kanda@example.go.th")
    TeamMemberFactory(roster=roster, full_name="-ลองสูตร", order=2)
    ws = workbook("roster", cast.unit_a, cycle).active
    assert ws["A1"].value.startswith("รายชื่อคณะทำงานพัฒนาคุณภาพการบริหารจัดการภาครัฐ (PMQA Team)")
    assert ws["A2"].value == "หน่วยงาน กองทดสอบเอ"
    headings = [ws.cell(4, c).value for c in range(1, 7)]
    assert headings == ["ลำดับ", "ชื่อ - สกุล", "ตำแหน่ง", "บทบาทในคณะทำงาน", "โทรศัพท์", "E-mail"]
    assert [ws.cell(5, c).value for c in (1, 2, 6)] == [
        "๑",
        "นางสาวกานดา ใจดี",
        "kanda@example.go.th",
    ]
    assert ws["B6"].value == "'-ลองสูตร"
    assert ws.freeze_panes == "A5" and ws.page_setup.orientation == "portrait"


def test_render_xlsx_refuses_a_kind_it_does_not_have(cast, cycle):
    with pytest.raises(ValueError, match="no Excel form"):
        render_xlsx("4", content.form4(cast.unit_a, cycle, Printer()))


# The central scoreboard ----------------------------------------------------------------------


def test_scoreboard_has_every_unit_and_the_five_steps(cast, cycle):
    scores = cycle_scores(cycle, as_of=timezone.now())
    ws = load_workbook(io.BytesIO(scoreboard_xlsx(cycle, scores, as_of=timezone.now()))).active
    assert ws["A1"].value.endswith("ปีงบประมาณ พ.ศ. ๒๕๖๘")
    assert ws["A2"].value.startswith("ข้อมูล ณ วันที่ ")
    headings = [ws.cell(4, c).value for c in range(1, 11)]
    assert headings[:4] == ["ลำดับ", "รหัส", "หน่วยงาน", "ขั้นตอนที่ ๑"]
    assert headings[-2:] == ["รอบที่ ๑", "ทั้งปี"]
    assert [ws.cell(r, 2).value for r in (5, 6)] == ["OPS-AAA", "OPS-BBB"]
    assert ws["C5"].value == "กองทดสอบเอ"
    assert [ws.cell(5, c).value for c in range(4, 11)] == [0] * 7
    assert ws["D5"].number_format == "0.00" and ws["D5"].font.color.rgb.endswith("767676")
    assert ws.freeze_panes == "D5" and ws.page_setup.orientation == "landscape"


SCOREBOARD = "/central/scores/excel/"


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("central", 200),
        ("evaluator", 200),
        ("coordinator_a", 403),
        ("executive_a", 403),
        ("staff_a", 403),
    ],
)
def test_the_scoreboard_download_is_for_the_central_roles(client, cast, cycle, who, status):
    client.force_login(getattr(cast, who))
    response = client.get(SCOREBOARD, {"year": 2568, "sort": "name"})
    assert response.status_code == status
    if status == 200:
        assert response["Content-Disposition"] == 'attachment; filename="scoreboard_2568.xlsx"'
        ws = load_workbook(io.BytesIO(response.content)).active
        assert [ws.cell(r, 3).value for r in (5, 6)] == ["กองทดสอบบี", "กองทดสอบเอ"]  # by name


def test_the_scoreboard_download_follows_the_pages_filters_and_needs_a_login(client, cast, cycle):
    assert reverse("excel:scoreboard") == SCOREBOARD
    response = client.get(SCOREBOARD)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.force_login(cast.central)
    page = client.get(reverse("scoring:board"), {"year": 2568, "kind": "division"}).content.decode()
    assert f'href="{SCOREBOARD}?year=2568&amp;kind=division&amp;province=&amp;sort=code"' in page
    cast.unit_b.kind = UnitKind.BUREAU
    cast.unit_b.save()
    ws = load_workbook(
        io.BytesIO(client.get(SCOREBOARD, {"year": 2568, "kind": "division"}).content)
    ).active
    assert ws["B5"].value == "OPS-AAA" and ws["B6"].value is None
