"""The Word documents: the demo's forms and the blank forms, reopened with python-docx."""

import io
import re
import time
import zipfile
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt

from pmqa4.core.thai import THAI_DIGITS, thai_digits
from pmqa4.cycles.models import Cycle, StepNumber
from pmqa4.documents import content, form_types
from pmqa4.documents.printing import Printer
from pmqa4.documents.word import ENV, KINDS, _Template, context_of, render_docx
from pmqa4.documents.word_templates import build
from pmqa4.documents.word_templates.layout import DOTS, FONT, SHADE
from pmqa4.org.models import Unit
from pmqa4.plans.models import Activity, Kpi, PlanItem
from pmqa4.submissions.models import SignOff

# The marker makes pytest-django create the test database even when no test asks for `db`;
# without it the module fixture would reach the development database.
pytestmark = pytest.mark.django_db
UNITS = ("OPS-SPD", "OPS-ICT")
BLANK_KINDS = ("1", "2", "3", "4", "roster")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Seed once, render every document and note the facts to check, then roll the demo back."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", "--quiet")
        cycle = Cycle.objects.get(fiscal_year=2568)
        docs, contents, facts = {}, {}, {}
        for code in UNITS:
            unit = Unit.objects.get(code=code)
            for kind, builder in content.BUILDERS.items():
                contents[code, kind] = builder(unit, cycle, Printer())
                docs[code, kind] = render_docx(kind, contents[code, kind])
            facts[code] = SimpleNamespace(
                items=list(PlanItem.objects.filter(plan__unit=unit, plan__cycle=cycle)),
                activities=list(
                    Activity.objects.filter(action_plan__unit=unit, action_plan__cycle=cycle)
                    .select_related("dimension")
                    .prefetch_related("steps")
                ),
                sheets=Kpi.objects.filter(unit=unit, cycle=cycle, sheet__isnull=False).count(),
                signers={
                    step: list(
                        SignOff.objects.filter(
                            submission__unit=unit,
                            submission__step__cycle=cycle,
                            submission__step__number=step,
                        )
                        .order_by("-signed_at")
                        .values_list("signer_name", flat=True)[:1]
                    )
                    for step in (StepNumber.PLANS, StepNumber.REPORT)
                },
            )
        spd = Unit.objects.get(code="OPS-SPD")
        for kind in ("1", "2", "3", "4"):
            docs["arabic", kind] = render_docx(
                kind, content.BUILDERS[kind](spd, cycle, Printer("arabic"))
            )
        for kind in BLANK_KINDS:
            contents["blank", kind] = content.blank(kind, cycle, Printer())
            docs["blank", kind] = render_docx(kind, contents["blank", kind])
        started = time.perf_counter()
        for kind in ("1", "2", "3", "4"):
            render_docx(kind, contents["OPS-SPD", kind])
        render_ms = (time.perf_counter() - started) * 1000
        transaction.set_rollback(True)
    return SimpleNamespace(docs=docs, contents=contents, facts=facts, render_ms=render_ms)


def _open(data: bytes):
    return Document(io.BytesIO(data))


def _paragraph_texts(doc) -> list[str]:
    """Every paragraph of the body, tables included, in document order."""
    return [
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in doc.element.body.iter(qn("w:p"))
    ]


def _text(doc) -> str:
    return "\n".join(_paragraph_texts(doc))


def _cell_text(cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs)


def _fill(cell) -> str | None:
    shd = cell._tc.tcPr.find(qn("w:shd"))
    return None if shd is None else shd.get(qn("w:fill"))


def _row_starting(table, prefix: str):
    for row in table.rows:
        if row.cells[0].text.startswith(prefix):
            return row
    raise AssertionError(f"no row starts with {prefix!r}")


# --- every kind, every unit -------------------------------------------------------------------


@pytest.mark.parametrize("code", UNITS)
@pytest.mark.parametrize("kind", KINDS)
def test_each_form_of_the_demo_units_renders_with_its_unit_and_title(demo, code, kind):
    data = demo.docs[code, kind]
    doc = _open(data)
    text = _text(doc)
    c = demo.contents[code, kind]
    assert f"หน่วยงาน {c.unit_name}" in text
    assert c.title in text
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                xml = package.read(name).decode()
                assert "{{" not in xml and "{%" not in xml and "{#" not in xml, name


@pytest.mark.parametrize("kind", BLANK_KINDS)
def test_each_blank_form_renders_with_dotted_lines_and_no_tags(demo, kind):
    data = demo.docs["blank", kind]
    text = _text(_open(data))
    assert f"หน่วยงาน {DOTS}" in text
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode()
    assert "{{" not in xml and "{%" not in xml


def test_blank_forms_number_their_empty_rows_and_dot_the_signature(demo):
    form1 = _text(_open(demo.docs["blank", "1"]))
    for label in ("๑.๑", "๑.๒", "๑.๓", "๒.๑", "๓.๓"):
        assert label in form1
    assert f"({DOTS})" in form1
    assert "วันที่ ........../........../.........." in form1
    assert "✓" not in form1
    form2 = _open(demo.docs["blank", "2"])
    table = form2.tables[0]
    assert [_fill(c) for c in _row_starting(table, "๑.๑").cells[1:13]] == ["auto"] * 12
    form3 = _text(_open(demo.docs["blank", "3"]))
    assert f"๒. ชื่อตัวชี้วัด: {DOTS}" in form3
    assert "ทิศทาง: ยิ่งมากยิ่งดี / ยิ่งน้อยยิ่งดี" in form3


# --- Form 1 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("code", UNITS)
def test_form1_ticks_each_item_in_the_years_it_runs(demo, code):
    doc = _open(demo.docs[code, "1"])
    table = doc.tables[0]
    header = [c.text for c in table.rows[1].cells]
    assert header[1:4] == ["๒๕๖๘", "๒๕๖๙", "๒๕๗๐"]
    assert demo.facts[code].items
    for item in demo.facts[code].items:
        row = _row_starting(table, thai_digits(item.label) + " ")
        assert item.name in row.cells[0].text
        ticks = [c.text == "✓" for c in row.cells[1:4]]
        assert ticks == [item.in_year1, item.in_year2, item.in_year3]
        assert all(c.text in ("", "✓") for c in row.cells[1:4])


def test_form1_prints_the_dimension_headings_across_the_table(demo):
    table = _open(demo.docs["OPS-SPD", "1"]).tables[0]
    headings = [r.cells[0].text for r in table.rows if len(r._tr.tc_lst) == 1]
    assert "๑. มิติเปิดกว้างและเชื่อมโยง" in headings
    assert any(h.startswith("๓. มิติมีขีดสมรรถนะสูงและทันสมัย") for h in headings)
    row = _row_starting(table, "๑. มิติเปิดกว้างและเชื่อมโยง")
    span = row._tr.tc_lst[0].tcPr.find(qn("w:gridSpan"))
    assert span is not None and span.get(qn("w:val")) == "5"


def test_form1_header_rows_repeat_on_every_page(demo):
    table = _open(demo.docs["OPS-SPD", "1"]).tables[0]
    for row in table.rows[:2]:
        assert row._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[2]._tr.trPr.find(qn("w:tblHeader")) is None


# --- Form 2 -----------------------------------------------------------------------------------


def test_form2_headings_carry_their_pmqa_categories(demo):
    text = _text(_open(demo.docs["OPS-SPD", "2"]))
    assert "๑. มิติเปิดกว้างและเชื่อมโยง (หมวด ๑,๒,๔,๖)" in text
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๘" in text


@pytest.mark.parametrize("code", UNITS)
def test_form2_marks_and_shades_the_running_months_of_each_activity_and_step(demo, code):
    table = _open(demo.docs[code, "2"]).tables[0]
    months = [c.text for c in table.rows[1].cells[1:13]]
    assert months == ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค."] + [
        "เม.ย.",
        "พ.ค.",
        "มิ.ย.",
        "ก.ค.",
        "ส.ค.",
        "ก.ย.",
    ]
    assert demo.facts[code].activities
    for activity in demo.facts[code].activities:
        row = _row_starting(table, thai_digits(activity.label) + " ")
        _assert_months(row, set(activity.months))
        rows = list(table.rows)
        at = next(i for i, r in enumerate(rows) if r._tr is row._tr)
        for offset, step in enumerate(sorted(activity.steps.all(), key=lambda s: s.number), 1):
            step_row = rows[at + offset]
            assert step_row.cells[0].text == f"{thai_digits(step.number)}) {step.name}"
            _assert_months(step_row, set(step.months))


def _assert_months(row, running: set[int]):
    cells = row.cells[1:13]
    assert running, "the demo's activities all run some months"
    assert [n for n, c in enumerate(cells, 1) if c.text == "✓"] == sorted(running)
    assert [n for n, c in enumerate(cells, 1) if _fill(c) == SHADE] == sorted(running)
    # Word needs w:shd after the cell width in w:tcPr.
    for cell in cells:
        tags = [child.tag for child in cell._tc.tcPr]
        assert tags.index(qn("w:shd")) > tags.index(qn("w:tcW"))


def test_form2_known_activity_of_ops_spd_runs_january_to_september(demo):
    """OPS-SPD's ๑.๑ runs ม.ค.–ก.ย. (fiscal months 4–12), its first step ม.ค.–ก.พ."""
    table = _open(demo.docs["OPS-SPD", "2"]).tables[0]
    row = _row_starting(table, "๑.๑ ")
    marks = [c.text for c in row.cells[1:13]]
    assert marks == [""] * 3 + ["✓"] * 9
    step = _row_starting(table, "๑) ")
    assert [c.text for c in step.cells[1:13]] == ["", "", "", "✓", "✓"] + [""] * 7


# --- signatures, numerals, page set-up, styles ------------------------------------------------


@pytest.mark.parametrize("kind", ["1", "2", "4"])
def test_signature_block_names_the_executive_who_signed_off(demo, kind):
    step = StepNumber.REPORT if kind == "4" else StepNumber.PLANS
    signers = demo.facts["OPS-SPD"].signers[step]
    assert signers == ["นางสาวกมลวรรณ บุญประเสริฐ"]
    doc = _open(demo.docs["OPS-SPD", kind])
    texts = _paragraph_texts(doc)
    assert f"({signers[0]})" in texts
    at = texts.index(f"({signers[0]})")
    assert texts[at - 1].startswith("ผู้บริหารหน่วยงานลงนาม ")
    assert texts[at + 1] == "ตำแหน่ง ผู้อำนวยการกองยุทธศาสตร์และแผนงาน"
    assert re.fullmatch(r"วันที่ [๐-๙]+ \S+ ๒๕๖[๗-๙]", texts[at + 2])


def test_an_unsigned_plan_prints_dotted_signature_lines(demo):
    signers = demo.facts["OPS-ICT"].signers[StepNumber.PLANS]
    text = _text(_open(demo.docs["OPS-ICT", "1"]))
    if signers:
        assert f"({signers[0]})" in text
    else:
        assert f"({DOTS})" in text and f"ตำแหน่ง {DOTS}" in text


def test_form4_signs_once_at_the_very_end_then_the_notes(demo):
    doc = _open(demo.docs["OPS-SPD", "4"])
    texts = [t for t in _paragraph_texts(doc) if t]
    assert sum(t.startswith("ผู้บริหารหน่วยงานลงนาม") for t in texts) == 1
    assert texts[-3:] == ["หมายเหตุ", *form_types.FORM4_NOTES]
    assert texts[-4].startswith("วันที่ ")
    reports = len(demo.facts["OPS-SPD"].activities)
    assert sum(t == demo.contents["OPS-SPD", "4"].title for t in texts) == reports
    assert _page_breaks(doc) == reports - 1


def _page_breaks(doc) -> int:
    return sum(
        1
        for p in doc.element.body.iter(qn("w:p"))
        if p.pPr is not None and p.pPr.find(qn("w:pageBreakBefore")) is not None
    )


# What the system prints in each form (typed text keeps whatever numerals were typed).
SYSTEM_TEXT = {
    "1": ["(ปีงบประมาณ พ.ศ. 2568 - 2570)", "1. มิติเปิดกว้างและเชื่อมโยง", "1.1 "],
    "2": ["ประจำปีงบประมาณ พ.ศ. 2568", "1. มิติเปิดกว้างและเชื่อมโยง (หมวด 1,2,4,6)", "1) "],
    "3": ["หมวด 7 ผลลัพธ์การดำเนินการ", "1. มิติเป้าหมายการพัฒนา:", "10. ผู้จัดเก็บข้อมูล:"],
    "4": ["3.1 ผลการดำเนินงานตามแผนงาน", "ระบบราชการ 4.0 อย่างไร", "5.2 ข้อเสนอต่อผู้บริหาร"],
}


@pytest.mark.parametrize("kind", ["1", "2", "3", "4"])
def test_thai_numerals_by_default_and_arabic_on_request(demo, kind):
    thai = _open(demo.docs["OPS-SPD", kind])
    arabic = _open(demo.docs["arabic", kind])
    number = {"1": "๑", "2": "๒", "3": "๓", "4": "๔"}[kind]
    assert thai.sections[0].header.paragraphs[0].text == f"แบบฟอร์มหมายเลข {number}"
    assert arabic.sections[0].header.paragraphs[0].text == f"แบบฟอร์มหมายเลข {kind}"
    arabic_text, thai_text = _text(arabic), _text(thai)
    for expected in SYSTEM_TEXT[kind]:
        assert expected in arabic_text
        assert thai_digits(expected) in thai_text
        assert thai_digits(expected) not in arabic_text
    assert not any(d in arabic.sections[0].header.paragraphs[0].text for d in THAI_DIGITS)


@pytest.mark.parametrize("kind", KINDS)
def test_page_is_a4_landscape_for_forms_1_2_and_portrait_otherwise(demo, kind):
    section = _open(demo.docs["OPS-SPD", kind]).sections[0]

    def cm(length):
        return round(length.cm, 2)

    size = (cm(section.page_width), cm(section.page_height))
    if kind in ("1", "2"):
        assert section.orientation == WD_ORIENT.LANDSCAPE
        assert size == (29.7, 21.0)
    else:
        assert section.orientation == WD_ORIENT.PORTRAIT
        assert size == (21.0, 29.7)
    assert cm(section.left_margin) == 2.5
    assert cm(section.right_margin) == cm(section.top_margin) == cm(section.bottom_margin) == 2.0


@pytest.mark.parametrize("kind", KINDS)
def test_normal_and_table_styles_are_th_sarabun_new_16pt_in_latin_and_complex_script(demo, kind):
    doc = _open(demo.docs["OPS-SPD", kind])
    normal = doc.styles["Normal"]
    assert normal.font.name == FONT and normal.font.size == Pt(16)
    for style in (normal, doc.styles["PMQA Table"]):
        rpr = style.element.rPr
        fonts = rpr.find(qn("w:rFonts"))
        for attr in ("ascii", "hAnsi", "cs"):
            assert fonts.get(qn(f"w:{attr}")) == FONT
        assert fonts.get(qn("w:cstheme")) is None
        assert rpr.find(qn("w:sz")).get(qn("w:val")) == "32"
        assert rpr.find(qn("w:szCs")).get(qn("w:val")) == "32"
        lang = rpr.find(qn("w:lang"))
        assert lang.get(qn("w:bidi")) == lang.get(qn("w:eastAsia")) == "th-TH"
    title = doc.styles["PMQA Title"].element.rPr
    assert title.find(qn("w:szCs")).get(qn("w:val")) == "36"
    assert title.find(qn("w:bCs")).get(qn("w:val")) == "1"


# --- Form 3, Form 4, roster, score ------------------------------------------------------------

FORM3_FIELDS = [
    "๑. มิติเป้าหมายการพัฒนา:",
    "๒. ชื่อตัวชี้วัด:",
    "๓. หน่วยวัด:",
    "ค่าเป้าหมาย:",
    "๔. วิธีคำนวณตัวชี้วัด:",
    "๕. คำอธิบาย/นิยามศัพท์:",
    "๖. ข้อมูลพื้นฐานประกอบตัวชี้วัด:",
    "๗. รายละเอียดการดำเนินงาน:",
    "๘. แหล่งข้อมูล/วิธีการจัดเก็บข้อมูล:",
    "วิธีการจัดเก็บข้อมูล:",
    "ความถี่การจัดเก็บข้อมูล:",
    "แหล่งข้อมูล:",
    "๙. ผู้กำกับตัวชี้วัด:",
    "๑๐. ผู้จัดเก็บข้อมูล:",
]


@pytest.mark.parametrize("code", UNITS)
def test_form3_prints_one_sheet_per_kpi_with_the_ten_fields_in_order(demo, code):
    doc = _open(demo.docs[code, "3"])
    sheets = demo.contents[code, "3"].sheets
    assert len(sheets) == demo.facts[code].sheets > 0
    texts = _paragraph_texts(doc)
    titles = [i for i, t in enumerate(texts) if t == demo.contents[code, "3"].title]
    assert len(titles) == len(sheets)
    assert _page_breaks(doc) == len(sheets) - 1
    first = texts[titles[0] : titles[1] if len(titles) > 1 else None]
    at = [next(i for i, t in enumerate(first) if t.startswith(f)) for f in FORM3_FIELDS]
    assert at == sorted(at)
    sheet = sheets[0]
    assert f"ค่าเป้าหมาย: {sheet.target} {sheet.unit_of_measure}    ทิศทาง: {sheet.direction}" in first
    assert len(doc.tables) == 5 * len(sheets)
    baseline, steps = doc.tables[1], doc.tables[2]
    assert [c.text for c in baseline.rows[1].cells[2:]] == ["๒๕๖๕", "๒๕๖๖", "๒๕๖๗"]
    assert [c.text for c in baseline.rows[2].cells[2:]] == list(sheet.baselines)
    assert [[c.text for c in r.cells] for r in steps.rows[1:]] == [list(s) for s in sheet.steps]
    assert doc.tables[3].rows[1].cells[0].text == sheet.supervisor.name
    assert doc.tables[4].rows[1].cells[2].text == sheet.collector.email


def test_form4_tabulates_each_activitys_kpis(demo):
    doc = _open(demo.docs["OPS-SPD", "4"])
    reports = demo.contents["OPS-SPD", "4"].reports
    kpi_tables = [t for t in doc.tables if t.rows[0].cells[0].text == "ตัวชี้วัด"]
    assert len(kpi_tables) == len(reports)
    for table, report in zip(kpi_tables, reports, strict=True):
        rows = [[c.text for c in r.cells] for r in table.rows[1:]]
        assert rows == [[k.name, k.target, k.actual, k.achievement] for k in report.kpis]
    text = _text(doc)
    assert f"๑. แผนงาน/โครงการ/กิจกรรม {reports[0].label} {reports[0].name}" in text
    assert "๓.๒ ผลการดำเนินงานตามตัวชี้วัด" in text


def test_roster_lists_the_team_in_order(demo):
    doc = _open(demo.docs["OPS-SPD", "roster"])
    members = demo.contents["OPS-SPD", "roster"].members
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "ลำดับ",
        "ชื่อ - สกุล",
        "ตำแหน่ง",
        "บทบาทในคณะทำงาน",
        "โทรศัพท์",
        "E-mail",
    ]
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert rows == [[m.order, m.full_name, m.position, m.role, m.phone, m.email] for m in members]


@pytest.mark.parametrize("code", UNITS)
def test_score_report_prints_each_step_and_each_deduction(demo, code):
    doc = _open(demo.docs[code, "score"])
    report = demo.contents[code, "score"]
    totals = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert totals[0][1] == f"{report.round1} / ๓.๐๐"
    assert totals[1][1] == f"{report.year_score} / ๕.๐๐"
    rows = [[c.text for c in r.cells] for r in doc.tables[1].rows[1:]]
    expected = []
    for step in report.steps:
        expected.append(step.label)
        expected += [f"หักคะแนน: {d.rule}" for d in step.deductions]
    assert [r[0] for r in rows] == expected
    for step in report.steps:
        row = rows[[r[0] for r in rows].index(step.label)]
        assert row[1] == step.points
        for d in step.deductions:
            deduction = next(r for r in rows if r[0] == f"หักคะแนน: {d.rule}" and r[2] == d.reason)
            assert deduction[1] == f"−{d.amount}"
    if code == "OPS-ICT":
        assert any(step.deductions for step in report.steps)


# --- robustness and the templates themselves -------------------------------------------------


def test_typed_text_is_escaped_and_stripped_of_characters_xml_cannot_hold(demo):
    blank = demo.contents["blank", "1"]
    heading, rows = blank.sections[0]
    hostile = form_types.Form1Row(
        label="๑.๑",
        name="A & B <w:p> {{ title }} {% if %}\x07\x0c\x00 บรรทัดแรก\r\nบรรทัดสอง",
        runs=(True, False, True),
        kpis=("ตัวชี้วัด ก", "ตัวชี้วัด ข"),
    )
    form = form_types.Form1(
        **{**blank.__dict__, "unit_name": "กอง <ทดสอบ> & ฝ่าย", "sections": [(heading, [hostile])]}
    )
    doc = _open(render_docx("1", form))
    text = _text(doc)
    assert "หน่วยงาน กอง <ทดสอบ> & ฝ่าย" in text
    row = _row_starting(doc.tables[0], "๑.๑ ")
    cell = row.cells[0]._tc
    assert "A & B <w:p> {{ title }} {% if %} บรรทัดแรก\nบรรทัดสอง" in row.cells[0].text
    assert len(cell.findall(".//" + qn("w:br"))) == 1
    assert len(row.cells[4]._tc.findall(".//" + qn("w:br"))) == 1
    assert [c.text for c in row.cells[1:4]] == ["✓", "", "✓"]


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="no Word template"):
        render_docx("5", None)


def test_the_build_script_writes_templates_that_render(demo, tmp_path):
    paths = build.build(folder=tmp_path)
    assert [p.name for p in paths] == [build.template_path(k).name for k in KINDS]
    for kind, path in zip(KINDS, paths, strict=True):
        with zipfile.ZipFile(path) as package:
            assert "word/stylesWithEffects.xml" not in package.namelist()
        template = _Template(str(path))
        template.render(context_of(demo.contents["OPS-SPD", kind]), jinja_env=ENV)
        text = _text(template.docx)
        assert demo.contents["OPS-SPD", kind].title in text and "{{" not in text
    # Rebuilding gives the same bytes (fixed metadata and zip times): a rebuild shows no diff.
    (tmp_path / "again").mkdir()
    again = build.build(["1"], folder=tmp_path / "again")
    assert again[0].read_bytes() == paths[0].read_bytes()


def test_every_tag_sits_whole_in_one_run_of_the_committed_templates():
    for kind in KINDS:
        doc = Document(str(build.template_path(kind)))
        runs = [r for p in doc.element.body.iter(qn("w:p")) for r in p.iter(qn("w:r"))]
        for run in runs:
            text = "".join(t.text or "" for t in run.iter(qn("w:t")))
            assert text.count("{{") == text.count("}}"), (kind, text)
            assert text.count("{%") == text.count("%}"), (kind, text)


def test_rendering_ops_spd_forms_1_to_4_is_quick(demo):
    # Measured in the fixture; the target is 300 ms, the bound leaves room for a busy machine.
    assert demo.render_ms < 1500
