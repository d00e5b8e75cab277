"""Downloading a unit's documents: who may (the plans pages' readers), the response headers, and
the buttons on every form page of the unit."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from pmqa4.core.testing.factories import CycleFactory

pytestmark = pytest.mark.django_db


def url(doc="form1", fmt="pdf", code="OPS-AAA", year=2568):
    return reverse("downloads:download", args=[code, year, doc, fmt])


def test_the_url_follows_the_units_workspace_style():
    assert url() == "/units/OPS-AAA/2568/documents/form1.pdf"
    assert url("roster", "xlsx") == "/units/OPS-AAA/2568/documents/roster.xlsx"


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator_a", 200),
        ("executive_a", 200),
        ("evaluator", 200),
        ("central", 200),
        ("coordinator_b", 404),
        ("staff_a", 404),  # no role at all: the unit is not confirmed to exist, as on Form 1
    ],
)
def test_a_units_documents_are_for_its_readers(client, cast, cycle, who, status):
    client.force_login(getattr(cast, who))
    response = client.get(url("roster"))
    assert response.status_code == status
    if status == 200:
        text = PdfReader(io.BytesIO(b"".join(response.streaming_content))).pages[0].extract_text()
        assert "กองทดสอบเอ" in text


def test_a_missing_role_is_a_403(client, cast, cycle, monkeypatch):
    """A grant that is not a reader's (none exists today, so narrow the readers to show it)."""
    from pmqa4.documents import views
    from pmqa4.org.models import Role

    monkeypatch.setattr(views, "UNIT_READERS", frozenset({Role.COORDINATOR}))
    client.force_login(cast.executive_a)
    assert client.get(url()).status_code == 403


def test_an_anonymous_visitor_goes_to_the_login(client, cast, cycle):
    response = client.get(url())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/units/OPS-AAA/2568/documents/")


@pytest.mark.parametrize(
    ("doc", "fmt", "content_type", "magic"),
    [
        (
            "form2",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            b"PK",
        ),
        ("form4", "pdf", "application/pdf", b"%PDF"),
        (
            "form3",
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            b"PK",
        ),
    ],
)
def test_the_file_comes_as_an_attachment(client, cast, cycle, doc, fmt, content_type, magic):
    client.force_login(cast.coordinator_a)
    response = client.get(url(doc, fmt))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="OPS-AAA_2568_{doc}.{fmt}"'
    data = b"".join(response.streaming_content)
    assert data.startswith(magic)
    assert int(response["Content-Length"]) == len(data)
    assert "no-store" in response["Cache-Control"]  # a signed-in person's file is not cached


def test_arabic_numerals_on_request(client, cast, cycle):
    client.force_login(cast.coordinator_a)

    def text(query):
        response = client.get(url("form1") + query)
        return PdfReader(io.BytesIO(b"".join(response.streaming_content))).pages[0].extract_text()

    assert "๒๕๖๘" in text("") and "2568" in text("?numerals=arabic")
    response = client.get(url("form1") + "?numerals=roman")
    assert response.status_code == 400
    assert "เลขอารบิก" in response.content.decode()


@pytest.mark.parametrize(
    ("doc", "fmt"),
    [("form4", "xlsx"), ("score", "xlsx"), ("form5", "pdf"), ("form1", "odt"), ("1", "pdf")],
)
def test_what_is_not_printed_is_a_404(client, cast, cycle, doc, fmt):
    client.force_login(cast.coordinator_a)
    assert client.get(url(doc, fmt)).status_code == 404


def test_a_year_without_a_cycle_is_a_404(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    assert client.get(url(year=2599)).status_code == 404


def _buttons(html: str, kind: str) -> list[str]:
    """The formaction of each download button of the page's downloads form."""
    import re

    return re.findall(rf'formaction="(/units/OPS-AAA/2568/documents/{kind}\.\w+)"', html)


@pytest.mark.parametrize(
    ("page", "doc", "formats"),
    [
        ("plans:form1", "form1", ["docx", "pdf", "xlsx"]),
        ("plans:form2", "form2", ["docx", "pdf", "xlsx"]),
        ("plans:kpis", "form3", ["docx", "pdf", "xlsx"]),
        ("reports:reports", "form4", ["docx", "pdf"]),
        ("teams:roster", "roster", ["docx", "pdf", "xlsx"]),
    ],
)
def test_every_form_page_has_the_download_buttons(client, cast, cycle, page, doc, formats):
    client.force_login(cast.executive_a)
    response = client.get(reverse(page, args=["OPS-AAA", 2568]))
    assert response.status_code == 200
    html = response.content.decode()
    assert _buttons(html, doc) == [url(doc, fmt) for fmt in formats]
    assert 'name="numerals" value="arabic"' in html and "เลขอารบิก" in html


def test_the_kpi_sheet_and_the_score_page_have_them_too(client, cast, cycle):
    from pmqa4.core.testing.factories import KpiFactory

    KpiFactory(unit=cast.unit_a, cycle=cycle, code="K1")
    client.force_login(cast.coordinator_a)
    sheet = client.get(reverse("plans:kpi-sheet", args=["OPS-AAA", 2568, "K1"])).content.decode()
    assert _buttons(sheet, "form3") == [url("form3", f) for f in ("docx", "pdf", "xlsx")]
    score = client.get(reverse("scoring:unit", args=["OPS-AAA"]) + "?year=2568").content.decode()
    assert _buttons(score, "score") == [url("score", f) for f in ("docx", "pdf")]


def test_the_buttons_follow_the_pages_cycle(client, cast, cycle):
    CycleFactory(fiscal_year=2569)
    client.force_login(cast.coordinator_a)
    html = client.get(reverse("teams:roster", args=["OPS-AAA", 2569])).content.decode()
    assert "/units/OPS-AAA/2569/documents/roster.pdf" in html
