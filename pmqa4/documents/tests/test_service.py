"""service.render_document on the demo: every kind in every format it offers, the names of the
files, the blank forms, and the Thai errors for what is not printed."""

import html
import io
import zipfile

import pytest
from django.core.management import call_command
from django.db import transaction
from pypdf import PdfReader

from pmqa4.cycles.models import Cycle
from pmqa4.documents import service
from pmqa4.org.models import Unit
from pmqa4.plans.models import Kpi


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", quiet=True)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def spd(demo, db):
    return Unit.objects.get(code="OPS-SPD"), Cycle.objects.get(fiscal_year=2568)


def _text(document: service.Document) -> str:
    """What a document says: the PDF's text, or the XML of a Word/Excel package."""
    if document.filename.endswith(".pdf"):
        return "".join(page.extract_text() for page in PdfReader(io.BytesIO(document.data)).pages)
    with zipfile.ZipFile(io.BytesIO(document.data)) as package:
        return html.unescape(
            "".join(
                package.read(name).decode("utf-8")
                for name in package.namelist()
                if name.endswith(".xml")
            )
        )


OFFERED = [(kind, fmt) for fmt, kinds in service.OFFERED.items() for kind in kinds]


def test_every_format_offers_what_the_issue_asks():
    assert service.OFFERED["docx"] == service.OFFERED["pdf"] == service.KINDS
    assert service.OFFERED["xlsx"] == ("1", "2", "3", "roster")
    assert set(OFFERED) == {(k, f) for k in service.KINDS for f in ("docx", "pdf")} | {
        ("1", "xlsx"),
        ("2", "xlsx"),
        ("3", "xlsx"),
        ("roster", "xlsx"),
    }


@pytest.mark.parametrize(("kind", "fmt"), OFFERED)
def test_every_kind_in_every_format_it_offers(spd, kind, fmt):
    unit, cycle = spd
    document = service.render_document(unit, cycle, kind, fmt)
    slug = f"form{kind}" if kind.isdigit() else kind
    assert document.filename == f"OPS-SPD_2568_{slug}.{fmt}"
    assert document.content_type == service.FORMATS[fmt].content_type
    if fmt == "pdf":
        assert document.data.startswith(b"%PDF")
    else:
        assert document.data.startswith(b"PK")
        with zipfile.ZipFile(io.BytesIO(document.data)) as package:
            assert package.testzip() is None
    # The unit's form, not an empty one: its name is printed (Form 3 sheets carry the KPIs).
    text = _text(document)
    if kind == "3":
        kpi = Kpi.objects.filter(unit=unit, cycle=cycle, sheet__isnull=False).order_by("code")[0]
        assert kpi.name[:12] in text
    else:
        assert "กองยุทธศาสตร์และแผนงาน" in text


def test_numerals_choose_thai_or_arabic_digits(spd):
    unit, cycle = spd
    thai = _text(service.render_document(unit, cycle, "1", "pdf"))
    arabic = _text(service.render_document(unit, cycle, "1", "pdf", numerals="arabic"))
    assert "๒๕๖๘" in thai and "2568" not in thai.replace(" ", "")
    assert "2568" in arabic and "๒๕๖๘" not in arabic


@pytest.mark.parametrize(
    ("kind", "fmt"),
    [(k, f) for f, kinds in service.BLANK_OFFERED.items() for k in kinds],
)
def test_blank_forms(db, cycle, kind, fmt):
    document = service.render_blank(cycle, kind, fmt)
    assert document.filename == f"blank_2568_form{kind}.{fmt}"
    assert document.data.startswith(b"PK")


@pytest.mark.parametrize(
    ("kind", "fmt", "message"),
    [
        ("4", "xlsx", "แบบฟอร์ม ๔ รายงานผลการดำเนินงาน ไม่มีรูปแบบ Excel (มีเฉพาะ: Word, PDF)"),
        ("score", "xlsx", "รายงานผลคะแนนตัวชี้วัด ไม่มีรูปแบบ Excel"),
        ("5", "pdf", "ไม่มีเอกสาร “5”"),
        ("1", "odt", "ไม่มีรูปแบบไฟล์ “odt”"),
    ],
)
def test_what_is_not_printed_is_refused_in_thai(spd, kind, fmt, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        service.render_document(*spd, kind, fmt)


def test_blank_refuses_what_has_no_blank_form(db, cycle):
    with pytest.raises(ValueError, match="ไม่มีรูปแบบ Excel"):
        service.render_blank(cycle, "4", "xlsx")
    with pytest.raises(ValueError, match="ไม่มีรูปแบบ PDF"):
        service.render_blank(cycle, "1", "pdf")


def test_unknown_numerals_are_refused_in_thai(spd):
    with pytest.raises(ValueError, match="เลขไทย.*เลขอารบิก"):
        service.render_document(*spd, "1", "pdf", numerals="roman")


@pytest.mark.parametrize(
    ("name", "kind"),
    [("form1", "1"), ("form4", "4"), ("roster", "roster"), ("score", "score"), ("form5", None)],
)
def test_slugs_name_the_kinds(name, kind):
    assert service.kind_of(name) == kind
    if kind:
        assert service.slug(kind) == name
    assert service.kind_of("1") is None and service.kind_of("formroster") is None
