"""render_pdf on the demo and on the blank forms: what each page says (read back with pypdf),
the embedded Sarabun, A4 orientation, pages per sheet and report, the numerals option, the
signature block, and the Thai text layer (ดำเนิน reads ดำเนิน, not ดาเนิน)."""

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from pypdf import PdfReader

from pmqa4.core.thai import thai_digits
from pmqa4.cycles.models import Cycle
from pmqa4.documents import content
from pmqa4.documents.form_types import Roster, RosterRow
from pmqa4.documents.pdf import OFFICIAL_TO_SARABUN, TEMPLATES, render_html, render_pdf
from pmqa4.documents.printing import Printer
from pmqa4.org.models import Unit

# Every test asks for the test database, so that pytest-django sets it up before the module's
# fixture loads the demo (a session with no database test would leave the real one connected).
pytestmark = pytest.mark.django_db

UNITS = ("OPS-SPD", "OPS-ICT")
KINDS = tuple(content.BUILDERS)
BLANK_KINDS = ("1", "2", "3", "4", "roster")
OUTPUT = Path(settings.BASE_DIR) / "var" / "test-output" / "documents"
A4_LONG, A4_SHORT = 841.89, 595.28


def _flat(text: str) -> str:
    """Text with every run of white space (a wrapped line too) read as one space."""
    return " ".join(text.split())


def _squash(text: str) -> str:
    """Text with no white space at all: Thai has no spaces between words, so a line wrapped in
    a narrow cell adds one that the typed text did not have."""
    return "".join(text.split())


class Rendered:
    def __init__(self, doc, data: bytes):
        self.doc = doc
        self.data = data
        self.reader = PdfReader(io.BytesIO(data))
        self.pages = [page.extract_text() for page in self.reader.pages]
        self.text = _flat("\n".join(self.pages))
        self.squashed = _squash(self.text)


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """Every PDF the tests read, made once from the demo inside a transaction rolled back after."""
    out = {}
    with django_db_blocker.unblock(), transaction.atomic():
        assert "test" in str(connection.settings_dict["NAME"]) or "memory" in str(
            connection.settings_dict["NAME"]
        ), "the demo is loaded into the test database only"
        call_command("seed_demo", quiet=True)
        cycle = Cycle.objects.get(fiscal_year=2568)
        for code in UNITS:
            unit = Unit.objects.get(code=code)
            for kind in KINDS:
                doc = content.BUILDERS[kind](unit, cycle, Printer())
                out[code, kind] = Rendered(doc, render_pdf(kind, doc))
            for kind in ("1", "3", "roster"):
                doc = content.BUILDERS[kind](unit, cycle, Printer("arabic"))
                out[code, kind, "arabic"] = Rendered(doc, render_pdf(kind, doc))
        for kind in BLANK_KINDS:
            doc = content.blank(kind, cycle, Printer())
            out["blank", kind] = Rendered(doc, render_pdf(kind, doc))
        transaction.set_rollback(True)
    return out


DEMO = [(code, kind) for code in UNITS for kind in KINDS]
ALL = DEMO + [("blank", kind) for kind in BLANK_KINDS]


@pytest.mark.parametrize("key", ALL, ids=["-".join(k) for k in ALL])
def test_every_kind_prints_its_title_and_unit_intact(rendered, key):
    result = rendered[key]
    assert result.data.startswith(b"%PDF-")
    assert _flat(result.doc.title) in result.text
    if result.doc.unit_name:
        assert f"หน่วยงาน {result.doc.unit_name}" in result.text
    else:
        assert "หน่วยงาน ......" in result.text
    number = {"1": "๑", "2": "๒", "3": "๓", "4": "๔"}.get(key[1])
    if number:
        assert all(f"แบบฟอร์มหมายเลข {number}" in page for page in result.pages)
    else:
        assert "แบบฟอร์มหมายเลข" not in result.text
    assert f"หน้า ๑/{thai_digits(len(result.pages))}" in result.text


def test_sara_am_and_marks_read_as_typed(rendered):
    """ำ is drawn as two glyphs; the text layer must still give ดำเนิน, น้ำ, and ปั้น unsplit."""
    form4 = rendered["OPS-SPD", "4"].text
    assert "ผลการดำเนินงาน" in form4 and "ประจำปีงบประมาณ" in form4
    assert "ดาเนิน" not in form4 and "ประจาปี" not in form4
    assert "การปรับปรุง" in form4  # า after ำ on the page still reads า
    names = ["นายน้ำ ปั้นดี", "นางสาวค่ำ ฟื้นฟู", "นายดำรง ผู้ใหญ่", "นางกำไล ที่ปี่"]
    doc = Roster(
        "กองทดสอบ", "รายชื่อ ๒๕๖๘", "๒๕๖๘", [RosterRow("๑", n, "", "", "", "") for n in names]
    )
    text = PdfReader(io.BytesIO(render_pdf("roster", doc))).pages[0].extract_text()
    for name in names:
        assert name in text


@pytest.mark.parametrize("key", ALL, ids=["-".join(k) for k in ALL])
def test_sarabun_is_embedded_on_every_page(rendered, key):
    for page in rendered[key].reader.pages:
        fonts = [f.get_object() for f in page["/Resources"]["/Font"].values()]
        sarabun = [f for f in fonts if "Sarabun" in f["/BaseFont"]]
        assert sarabun, [f["/BaseFont"] for f in fonts]
        for font in sarabun:
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor


@pytest.mark.parametrize("key", ALL, ids=["-".join(k) for k in ALL])
def test_a4_landscape_for_plans_portrait_for_the_rest(rendered, key):
    for page in rendered[key].reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        if key[1] in ("1", "2"):
            assert (width, height) == pytest.approx((A4_LONG, A4_SHORT), abs=1)
        else:
            assert (width, height) == pytest.approx((A4_SHORT, A4_LONG), abs=1)


@pytest.mark.parametrize("code", [*UNITS, "blank"])
def test_form3_one_sheet_per_page_form4_one_report_per_page(rendered, code):
    form3, form4 = rendered[code, "3"], rendered[code, "4"]
    assert len(form3.doc.sheets) >= 1 and len(form4.doc.reports) >= 1
    assert len(form3.pages) >= len(form3.doc.sheets)
    assert len(form4.pages) >= len(form4.doc.reports)
    starts = [i for i, page in enumerate(form3.pages) if "๑. มิติเป้าหมายการพัฒนา:" in page]
    assert len(starts) == len(form3.doc.sheets)
    for page, sheet in zip(starts, form3.doc.sheets, strict=True):
        assert _squash(sheet.name) in _squash(form3.pages[page])
    starts = [i for i, page in enumerate(form4.pages) if "๑. แผนงาน/โครงการ/กิจกรรม" in page]
    assert len(starts) == len(form4.doc.reports)


def test_form3_fields_in_the_official_order(rendered):
    result = rendered["OPS-SPD", "3"]
    sheet = result.doc.sheets[0]
    page = _flat(result.pages[0])
    squashed = _squash(page)
    labels = [
        "๑. มิติเป้าหมายการพัฒนา:",
        "๒. ชื่อตัวชี้วัด:",
        "๓. หน่วยวัด:",
        "ค่าเป้าหมาย",
        "ทิศทาง:",
        "๔. วิธีคำนวณตัวชี้วัด:",
        "๕. คำอธิบาย/นิยามศัพท์:",
        "๖. ข้อมูลพื้นฐานประกอบตัวชี้วัด:",
        "ผลการดำเนินงานในอดีต ปีงบประมาณ พ.ศ.",
        "๗. รายละเอียดการดำเนินงาน:",
        "เอกสารประกอบการประเมิน/การรายงานผล",
        "๘. แหล่งข้อมูล/วิธีการจัดเก็บข้อมูล:",
        "วิธีการจัดเก็บข้อมูล:",
        "ความถี่การจัดเก็บข้อมูล:",
        "แหล่งข้อมูล:",
        "๙. ผู้กำกับตัวชี้วัด:",
        "ชื่อผู้กำกับตัวชี้วัด",
        "๑๐. ผู้จัดเก็บข้อมูล:",
        "ชื่อผู้จัดเก็บข้อมูล",
    ]
    positions = [squashed.index(_squash(label)) for label in labels]
    assert positions == sorted(positions)
    assert f"ค่าเป้าหมาย {sheet.target}" in page and f"ทิศทาง: {sheet.direction}" in page
    assert "๒๕๖๕ ๒๕๖๖ ๒๕๖๗" in page
    assert " ".join(sheet.baselines) in page
    assert sheet.supervisor.name in page and sheet.collector.email in page


def test_form1_marks_each_year_an_item_runs(rendered):
    result = rendered["OPS-SPD", "1"]
    runs = sum(sum(row.runs) for _h, rows in result.doc.sections for row in rows)
    assert runs > 0 and result.text.count("✓") == runs
    assert "ชื่อแผนงาน/โครงการ/กิจกรรม ปีงบประมาณที่ดำเนินการ ตัวชี้วัด ๒๕๖๘ ๒๕๖๙ ๒๕๗๐" in result.text
    for heading, rows in result.doc.sections:
        assert heading.text in result.text
        for row in rows:
            assert _squash(f"{row.label} {row.name}") in result.squashed


def test_form2_shades_and_marks_running_months_under_their_dimension(rendered):
    result = rendered["OPS-ICT", "2"]
    doc = result.doc
    marks = sum(
        len(a.months) + sum(len(s.months) for s in a.steps)
        for _h, acts in doc.sections
        for a in acts
    )
    assert marks > 0 and result.text.count("✓") == marks
    assert "".join(doc.month_labels) in result.squashed
    assert "กลุ่มงาน/ผู้รับผิดชอบ" in result.squashed
    for heading, activities in doc.sections:
        assert f"{heading.text} {heading.categories}" in result.text
        for activity in activities:
            for step in activity.steps:
                assert _squash(f"ขั้นตอนที่ {step.label} {step.name}") in result.squashed
    html = render_html("2", doc)
    assert html.count('class="month on"') == marks


def test_signature_of_the_sign_off_in_forms_1_and_2(rendered):
    for kind in ("1", "2"):
        result = rendered["OPS-SPD", kind]
        signature = result.doc.signature
        assert signature.signed
        assert "ผู้บริหารหน่วยงานลงนาม ...." in result.text
        assert f"({signature.name})" in result.text
        assert f"ตำแหน่ง {signature.position}" in result.text
        assert f"วันที่ {signature.date}" in result.text
    blank = rendered["blank", "1"].text
    assert "(........................................)" in blank
    assert "วันที่ ............/............/............" in blank


def test_form4_signs_once_at_the_very_end_then_the_notes(rendered):
    result = rendered["OPS-SPD", "4"]
    assert result.text.count("ผู้บริหารหน่วยงานลงนาม .") == 1
    last = _flat(result.pages[-1])
    assert f"({result.doc.signature.name})" in last
    assert last.index("ผู้บริหารหน่วยงานลงนาม") < last.index("หมายเหตุ")
    for note in result.doc.notes:
        assert _squash(note) in _squash(last)
    hints = (
        "(อธิบายให้ทราบว่าผลการดำเนินงานส่งผลต่อเป้าหมายการพัฒนาของระบบราชการ ๔.๐ อย่างไร)",
        "(อธิบายผลการดำเนินงานตามตัวชี้วัดที่หน่วยงานกำหนด)",
        "๓.๓ ผลการดำเนินงานซึ่งส่งผลกระทบต่อผู้รับบริการ/ผู้มีส่วนได้ส่วนเสีย (อธิบายให้ทราบว่า"
        "ผลการดำเนินงานส่งผลกระทบต่อผู้รับบริการ/ผู้มีส่วนได้ส่วนเสียของกระบวนการ/บริการนั้น ๆ อย่างไร)",
        "๕.๑ การดำเนินการโดยหน่วยงาน",
        "๕.๒ ข้อเสนอต่อผู้บริหาร",
        "๖. ปัจจัยความสำเร็จของการดำเนินงาน",
        "ตัวชี้วัด ค่าเป้าหมาย ผลการดำเนินงาน ร้อยละความสำเร็จ",
    )
    for hint in hints:
        assert _squash(hint) in result.squashed
    kpi = result.doc.reports[0].kpis[0]
    assert f"{kpi.target} {kpi.actual} {kpi.achievement}" in result.text


def test_arabic_numerals_on_request(rendered):
    for code in UNITS:
        form1 = rendered[code, "1", "arabic"]
        assert "2568 - 2570" in form1.doc.title and "2568" in form1.text
        assert "๒๕๖๘" not in form1.text and "แบบฟอร์มหมายเลข 1" in form1.text
        assert "หน้า 1/" in form1.text and "1.1" in form1.text
        form3 = rendered[code, "3", "arabic"]
        assert "1. มิติเป้าหมายการพัฒนา:" in form3.text and "10. ผู้จัดเก็บข้อมูล:" in form3.text
        assert "2565 2566 2567" in form3.text and "๒๕๖๕" not in form3.text
    thai = rendered["OPS-SPD", "1"].text
    assert "๒๕๖๘" in thai and "2568" not in thai and "หน้า ๑/๑" in thai


def test_roster_and_score_report(rendered):
    roster = rendered["OPS-SPD", "roster"]
    assert "ลำดับชื่อ-สกุลตำแหน่งบทบาทในคณะทำงานโทรศัพท์E-mail" in roster.squashed
    for member in roster.doc.members:
        assert _squash(f"{member.order} {member.full_name} {member.position}") in roster.squashed
    score = rendered["OPS-ICT", "score"]
    assert f"{score.doc.round1} / ๓.๐๐" in score.text
    assert f"{score.doc.year_score} / ๕.๐๐" in score.text
    deductions = [d for step in score.doc.steps for d in step.deductions]
    assert deductions
    for step in score.doc.steps:
        assert _squash(f"{step.label} {step.points}") in score.squashed
    for d in deductions:
        assert _squash(f"−{d.amount} {d.rule} {d.reason}") in score.squashed


def test_blank_forms_print_dotted_lines(rendered):
    for kind in BLANK_KINDS:
        assert "........" in rendered["blank", kind].text
    form2 = rendered["blank", "2"].text
    assert "๑.๑ ...." in form2 and "ขั้นตอนที่ ๑ ...." in form2


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        render_pdf("5", None)
    assert set(TEMPLATES) == set(content.BUILDERS)
    assert OFFICIAL_TO_SARABUN == 0.75


def test_first_pages_as_png_for_a_look(rendered):
    """The first page of each PDF as PNG in var/test-output/documents/pdf_*, to look at by eye."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed (apt-get install poppler-utils)")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for key in ALL:
        name = f"form{key[1]}" if key[1] in "1234" else key[1]
        stem = OUTPUT / f"pdf_{key[0]}_2568_{name}"
        stem.with_suffix(".pdf").write_bytes(rendered[key].data)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"]
            + [str(stem.with_suffix(".pdf")), str(stem)],
            check=True,
            timeout=60,
        )
        png = stem.with_suffix(".png")
        assert png.exists() and png.read_bytes().startswith(b"\x89PNG")
