"""The year-end summary for the ministry: figures from the published scores, Word and PDF."""

import datetime as dt
import io
import unicodedata
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from docx import Document as WordDocument
from pypdf import PdfReader

from pmqa4.core.errors import WorkflowError
from pmqa4.core.fiscal import end_of_day
from pmqa4.cycles.models import Cycle
from pmqa4.documents.printing import Printer
from pmqa4.documents.summary import ministry_summary
from pmqa4.documents.summary_charts import charts
from pmqa4.documents.summary_render import summary_docx, summary_pdf
from pmqa4.org.models import Role, User
from pmqa4.plans.models import Activity
from pmqa4.reports.models import ResultsReport
from pmqa4.scoring.models import ScoreKind, ScoreRecord
from pmqa4.scoring.services import scores_publish

pytestmark = pytest.mark.django_db
AFTER_YEAR_END = end_of_day(dt.date(2025, 10, 15))
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def demo_summary(django_db_setup, django_db_blocker):
    """Seed and publish once for the module; build everything; roll the demo back out."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", "--quiet")
        cycle = Cycle.objects.get(fiscal_year=2568)
        central = User.objects.filter(role_grants__role=Role.CENTRAL_ADMIN).first()
        for kind in (ScoreKind.ROUND1, ScoreKind.YEAR):
            scores_publish(cycle=cycle, kind=kind, actor=central, now=AFTER_YEAR_END)
        summary = ministry_summary(cycle, Printer())
        published = {(r.unit.code, r.kind): r for r in ScoreRecord.objects.select_related("unit")}
        built = {
            "published": published,
            "summary": summary,
            "arabic": ministry_summary(cycle, Printer("arabic")),
            "form2_dimensions": {
                (a.action_plan.unit.code, a.dimension.number)
                for a in Activity.objects.filter(action_plan__cycle=cycle).select_related(
                    "action_plan__unit", "dimension"
                )
            },
            "problems": list(
                ResultsReport.objects.filter(activity__action_plan__cycle=cycle)
                .exclude(problems="")
                .values_list("problems", "activity__action_plan__unit__name_th")
            ),
            "pdf": summary_pdf(summary, Printer()),
            "docx": summary_docx(summary, Printer()),
        }
        transaction.set_rollback(True)
    return built


def test_the_rows_are_each_units_published_round_1_and_year_scores(demo_summary):
    rows = {r.code: r for r in demo_summary["summary"].rows}
    published = demo_summary["published"]
    assert len(rows) == len({code for code, _kind in published}) > 80
    for code, row in rows.items():
        assert row.round1 == published[code, ScoreKind.ROUND1].round1
        assert row.year == published[code, ScoreKind.YEAR].year
    assert (rows["OPS-SPD"].round1, rows["OPS-SPD"].year) == (Decimal("3.00"), Decimal("5.00"))
    assert rows["OPS-ICT"].year == Decimal("2.95")
    assert rows["OPS-ICT"].attendance == Decimal("80.00")


def test_coverage_counts_the_units_planning_in_each_dimension(demo_summary):
    summary = demo_summary["summary"]
    expected = {
        number: len({code for code, d in demo_summary["form2_dimensions"] if d == number})
        for number in (1, 2, 3)
    }
    assert summary.dimension_coverage() == expected
    assert sum(band[2] for band in summary.score_bands()) == len(summary.scored)


def test_the_same_problem_written_by_several_units_is_listed_once_with_each_unit(demo_summary):
    groups = demo_summary["summary"].problems
    for group in groups.values():
        assert len({v.text for v in group}) == len(group)  # once per dimension
    voices = [v for group in groups.values() for v in group]
    assert any(len(v.units) > 1 for v in voices)
    for text, unit_name in demo_summary["problems"]:
        assert any(v.text == " ".join(text.split()) and unit_name in v.units for v in voices)


def test_the_pdf_carries_the_title_the_units_and_the_embedded_sarabun(demo_summary):
    reader = PdfReader(io.BytesIO(demo_summary["pdf"]))
    text = unicodedata.normalize("NFKC", "".join(page.extract_text() for page in reader.pages))
    for thai in (
        "สรุปผลการดำเนินงานตัวชี้วัดการขับเคลื่อนหน่วยงานสู่ระบบราชการ",
        "กองยุทธศาสตร์และแผนงาน",
        "ปัญหา/อุปสรรคในการดำเนินงาน",
        "สำนักงานแรงงานจังหวัดเชียงใหม่",
    ):
        assert unicodedata.normalize("NFKC", thai) in text
    assert "๒๕๖๘" in text and "2568" not in text
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("Sarabun" in name for name in fonts)
    first = reader.pages[0].mediabox
    assert first.height > first.width  # A4 portrait


def test_the_word_document_has_the_tables_and_the_four_charts(demo_summary):
    document = WordDocument(io.BytesIO(demo_summary["docx"]))
    assert len(document.inline_shapes) == 4
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"กองยุทธศาสตร์และแผนงาน", "๓.๐๐", "๕.๐๐"} <= cells
    assert document.styles["Normal"].font.name == "TH Sarabun New"


def test_charts_are_pngs_and_follow_the_numerals(demo_summary):
    drawn = charts(demo_summary["arabic"], Printer("arabic"))
    assert set(drawn) == {"scores", "coverage", "kpis", "attendance"}
    assert all(png.startswith(PNG) and len(png) > 10_000 for png in drawn.values())
    assert "2568" in demo_summary["arabic"].title


def test_no_summary_before_the_year_score_is_published(cycle):
    with pytest.raises(WorkflowError, match="ยังไม่ได้เผยแพร่คะแนนทั้งปี"):
        ministry_summary(cycle, Printer())


def test_the_page_refuses_in_thai_before_publication_and_offers_downloads_after(
    client, cast, cycle
):
    client.force_login(cast.central)
    page = reverse("downloads:summary", args=[cycle.fiscal_year])
    response = client.get(page)
    assert response.status_code == 200
    assert "ยังไม่ได้เผยแพร่คะแนนทั้งปี" in response.content.decode()
    download = reverse("downloads:summary_download", args=[cycle.fiscal_year, "pdf"])
    assert client.get(download).status_code == 409

    scores_publish(cycle=cycle, kind=ScoreKind.YEAR, actor=cast.central, now=AFTER_YEAR_END)
    body = client.get(page).content.decode()
    assert cast.unit_a.name_th in body and download in body
    response = client.get(download)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="pmqa4_2568_summary.pdf"'
    assert response.content.startswith(b"%PDF")
    word = client.get(reverse("downloads:summary_download", args=[cycle.fiscal_year, "docx"]))
    assert word.content.startswith(b"PK")


@pytest.mark.parametrize(
    ("who", "status"),
    [("coordinator_a", 403), ("executive_a", 403), ("evaluator", 200), ("central", 200)],
)
def test_only_the_central_group_reads_the_summary(client, cast, cycle, who, status):
    client.force_login(getattr(cast, who))
    assert client.get(reverse("downloads:summary", args=[2568])).status_code == status


def test_anonymous_is_sent_to_log_in(client, cycle):
    response = client.get(reverse("downloads:summary", args=[2568]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
