"""The timeline through a real browser: the chart drawn, nothing refused by the
Content-Security-Policy, the administrator's date and extension forms used as a person would,
and screenshots in var/test-output/timeline/ for people to look at."""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings

from pmqa4.core.testing.factories import bangkok
from pmqa4.cycles.models import Step, StepExtension

from .timeline_world import clock, extend, meetings, seed_dates

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
OUT = Path(settings.BASE_DIR) / "var" / "test-output" / "timeline"
PASSWORD = "pw-for-tests"
TODAY = bangkok("2025-01-20 10:00")


def log_in(page, username):
    page.set_default_timeout(30_000)  # a shared, busy machine: the first page can be slow
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_load_state("networkidle")


def shot(page, name):
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)


def watch_policy(page) -> list[str]:
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    return refused


@pytest.fixture
def year(cast, cycle):
    seed_dates(cycle)
    meetings(cycle, days=[dt.date(2024, 12, 20), dt.date(2025, 1, 15), dt.date(2025, 1, 16)])
    meetings(cycle, days=[dt.date(2025, 5, 16)], required=False)
    extend(cycle, cast.unit_b, cast.central, reason="จังหวัดห่างไกล")
    return cycle


def test_the_central_administrator_reads_the_chart_edits_a_date_and_grants_an_extension(
    page, cast, year
):
    refused = watch_policy(page)
    with clock(TODAY):
        log_in(page, "central")
        page.goto(page.base_url + "/cycles/2568/")
        chart = page.locator("svg.gantt-chart")
        assert chart.is_visible()
        assert chart.locator("rect.gantt-bar").count() == 5
        assert chart.locator("#today-line").count() == 1
        assert "วันนี้ 20 ม.ค. 68" in chart.text_content()
        box = chart.bounding_box()
        assert box["width"] > 1000  # the chart spans the page on a desktop
        shot(page, "browser-central")

        page.get_by_role("link", name="แก้ไขวันที่").click()
        page.locator("#id_step_3_due_on").fill("7/2/2568")
        shot(page, "browser-dates-form")
        page.get_by_role("button", name="บันทึกวันที่").click()
        page.wait_for_load_state("networkidle")
        assert "บันทึกวันที่แล้ว: ขั้นตอนที่ ๓: กำหนดส่ง" in page.content()
        assert "ส่ง 7 ก.พ. 68" in chart.text_content()

        page.get_by_role("link", name="ขยายกำหนดส่ง").click()
        page.locator("#id_unit").select_option(label="OPS-AAA กองทดสอบเอ")
        page.locator("#id_step").select_option(
            label="ขั้นตอนที่ ๓ แผนระยะ ๓ ปี แผนปฏิบัติการ และรายละเอียดตัวชี้วัด"
        )
        page.locator("#id_due_on").fill("30/4/2568")  # after round 1
        page.locator("#id_reason").fill("ประสบอุทกภัย")
        page.get_by_role("button", name="อนุมัติการขยายกำหนดส่ง").click()
        assert "กำหนดส่งใหม่ต้องไม่เกินวันประเมินรอบที่ 1 (31 มีนาคม 2568)" in page.content()
        shot(page, "browser-extension-refused")
        page.locator("#id_due_on").fill("14/2/2568")
        page.get_by_role("button", name="อนุมัติการขยายกำหนดส่ง").click()
        page.wait_for_load_state("networkidle")
        assert "ขยายกำหนดส่งให้ กองทดสอบเอ แล้ว" in page.content()
        shot(page, "browser-extensions")
        page.goto(page.base_url + "/cycles/2568/")
        shot(page, "browser-central-after")
    step = Step.objects.get(cycle=year, number=3)
    assert step.due_on == dt.date(2025, 2, 7)
    assert StepExtension.objects.get(unit=cast.unit_a).due_on == dt.date(2025, 2, 14)
    assert refused == []


def test_a_coordinator_sees_their_units_dates_and_the_chart_scrolls_on_a_phone(page, cast, year):
    extend(year, cast.unit_a, cast.central, number=3, due_on=dt.date(2025, 2, 14))
    refused = watch_policy(page)
    with clock(TODAY):
        log_in(page, "coord.a")
        page.goto(page.base_url + "/cycles/")
        chart = page.locator("svg.gantt-chart")
        assert "ขยายถึง 14 ก.พ. 68" in chart.text_content()
        assert "แสดงกำหนดส่งและสถานะงานของ" in page.content()
        shot(page, "browser-coordinator")
        with page.expect_download() as download:
            page.get_by_role("link", name="พิมพ์ PDF").click()
        assert download.value.suggested_filename == "timeline_2568_OPS-AAA.pdf"
        page.set_viewport_size({"width": 375, "height": 740})
        page.reload()
        # the page keeps the phone's width; the chart scrolls inside its own frame
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        frame = page.locator(".gantt-scroll")
        assert frame.evaluate("e => e.scrollWidth > e.clientWidth")
        shot(page, "browser-coordinator-phone")
    assert refused == []
