"""The timeline's PDF: one A4 landscape document with the chart and the tables, as text."""

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from pypdf import PdfReader

from pmqa4.core.testing.factories import bangkok
from pmqa4.cycles.models import StepNumber

from .timeline_world import clock, extend, meetings, seed_dates, signed_in

pytestmark = pytest.mark.django_db
URL = reverse("cycles:timeline-pdf", args=[2568])
OUT = Path(settings.BASE_DIR) / "var" / "test-output" / "timeline"
A4_LONG, A4_SHORT = 841.89, 595.28  # points


@pytest.fixture
def year(cycle):
    seed_dates(cycle)
    meetings(cycle)
    return cycle


def read(response) -> tuple[PdfReader, str]:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def keep(response, name: str) -> None:
    """The PDF and its first page as PNG, for people to look at."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.pdf"
    path.write_bytes(response.content)
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-r", "110", "-png", "-f", "1", "-l", "1", str(path), str(OUT / name)],
            check=True,
            timeout=60,
        )


def test_the_pdf_is_an_a4_landscape_page_with_steps_and_months(client, year):
    with clock(bangkok("2025-04-01 12:00")):
        response = client.get(URL)
    assert response["Content-Disposition"] == 'attachment; filename="timeline_2568.pdf"'
    reader, text = read(response)
    first = reader.pages[0]
    width, height = float(first.mediabox.width), float(first.mediabox.height)
    assert (width, height) == (pytest.approx(A4_LONG, abs=1), pytest.approx(A4_SHORT, abs=1))
    for name in StepNumber.labels:
        assert str(name) in text
    for month in (
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
    ):
        assert month in text
    for words in (
        "ปฏิทินการดำเนินงาน",
        "พ.ศ. 2567",
        "พ.ศ. 2568",
        "วันนี้ 1 เม.ย. 68",
        "รอบที่ 1 · 31 มี.ค. 68",
        "ส่ง 29 พ.ย. 67",
    ):
        assert words in text
    fonts = {
        str(font.get_object().get("/BaseFont"))
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    assert any("Sarabun" in font for font in fonts)
    keep(response, "timeline-central")


def test_a_units_pdf_has_its_own_dates(cast, year):
    extend(year, cast.unit_a, cast.central)
    with clock(bangkok("2024-12-02 09:00")):
        response = signed_in(cast.coordinator_a).get(URL)
    assert response["Content-Disposition"] == 'attachment; filename="timeline_2568_OPS-AAA.pdf"'
    _, text = read(response)
    assert "กำหนดส่งและสถานะงานของ กองทดสอบเอ (OPS-AAA)" in text
    assert "ขยายถึง 6 ธ.ค. 67" in text
    assert "ขยายจาก 29 พ.ย. 2567" in text
    keep(response, "timeline-unit")


def test_another_units_pdf_is_not_found(cast, year):
    response = signed_in(cast.coordinator_a).get(URL, {"unit": "OPS-BBB"})
    assert response.status_code == 404
