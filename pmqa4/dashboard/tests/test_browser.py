"""The dashboard and its charts in a real browser, with the demo's 90 units: the matrix
filters in place, every chart is drawn, nothing is refused by the Content-Security-Policy and
no script fails. The screens are saved under var/test-output/dashboard/ to be looked at."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import get_resolver
from playwright.sync_api import expect

from pmqa4.core.tests.test_csp_browser import Watch
from pmqa4.demo.people import DEMO_PASSWORD
from pmqa4.framework.models import Characteristic, Dimension, MaturityLevel, PmqaCategory
from pmqa4.framework.reference import load_reference_data
from pmqa4.org.models import Province
from pmqa4.org.provinces import PROVINCES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENS = Path(settings.BASE_DIR) / "var" / "test-output" / "dashboard"


@pytest.fixture
def demo(db):
    """The demo data. A transactional test may start after another emptied every table, the
    migrations' reference rows included: those come back first (idempotent)."""
    load_reference_data(
        category=PmqaCategory,
        dimension=Dimension,
        characteristic=Characteristic,
        maturity=MaturityLevel,
    )
    for p in PROVINCES:
        Province.objects.get_or_create(
            iso_code=p.iso,
            defaults={
                "code": p.code,
                "name_th": p.name_th,
                "name_en": p.name_en,
                "region": p.region,
            },
        )
    call_command("seed_demo", "--quiet")
    # Importing the URL configuration (WeasyPrint, Matplotlib…) takes seconds on a loaded
    # machine: done here, not during the browser's first page and its 10-second timeout.
    get_resolver().url_patterns  # noqa: B018


def shot(page, name):
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENS / f"{name}.png", full_page=True)


def log_in(page, username):
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_load_state("networkidle")


def test_the_dashboard_and_its_charts_in_a_browser(page, demo):
    watch = Watch(page)
    log_in(page, "central")
    watch.go("/central/?year=2568", heading="ภาพรวมการดำเนินงานของหน่วยงาน")
    matrix = page.locator("table.dash-matrix")
    assert "PLO-CNX" in matrix.inner_text() and "OPS-SPD" in matrix.inner_text()
    assert page.locator("table.dash-matrix tbody tr").count() >= 88
    shot(page, "01-overview")

    # the status filter narrows the matrix in place (htmx), and the address keeps it
    with page.expect_response(lambda r: "status=overdue" in r.url):
        page.get_by_label("สถานะ", exact=True).select_option("overdue")
    # htmx swaps the table and pushes the address after the response: wait for those
    expect(page).to_have_url(re.compile("status=overdue"))
    page.wait_for_function("document.querySelectorAll('table.dash-matrix tbody tr').length < 88")
    rows = page.locator("table.dash-matrix tbody tr")
    assert 0 < rows.count() < 88
    for text in rows.all_inner_texts()[:5]:
        assert "เลยกำหนดส่ง (ยังไม่ส่ง)" in text
    shot(page, "02-overview-overdue")

    # the search, typed: the matrix follows after a short pause
    page.get_by_label("สถานะ", exact=True).select_option("")
    page.wait_for_load_state("networkidle")
    with page.expect_response(lambda r: "q=%E0%B9%80%E0%B8%8A%E0%B8%B5%E0%B8%A2%E0%B8%87" in r.url):
        page.get_by_label("ค้นหาชื่อหรือรหัสหน่วยงาน").press_sequentially("เชียง", delay=40)
    page.wait_for_load_state("networkidle")
    expect(page.locator("table.dash-matrix tbody tr")).to_have_count(2)  # เชียงใหม่, เชียงราย
    assert "สำนักงานแรงงานจังหวัดเชียงใหม่" in page.locator("table.dash-matrix").inner_text()
    shot(page, "03-overview-search")

    watch.go("/central/charts/?year=2568", heading="แผนภูมิภาพรวมการดำเนินงาน")
    page.wait_for_selector("body[data-charts-drawn='6']")
    assert page.locator("canvas").count() == 6
    for name in ("statuses", "timeline", "attendance", "kpis", "scores", "years"):
        box = page.locator(f"#chart-{name}").bounding_box()
        assert box and box["width"] > 200 and box["height"] > 200, name
    drawn = page.evaluate(
        "[...document.querySelectorAll('canvas')].map(c => window.Chart.getChart(c)"
        " && window.Chart.getChart(c).data.datasets.length)"
    )
    assert all(drawn), drawn
    assert page.locator("table.dash-heat td.heat-1").count() > 0  # the demo: 13 of 88 units plan
    shot(page, "04-charts")

    watch.go("/central/charts/")  # the current year (FY2570, just begun)
    page.wait_for_selector("body[data-charts-drawn]")
    shot(page, "05-charts-current-year")

    page.set_viewport_size({"width": 390, "height": 844})
    watch.go("/central/?year=2568&kind=provincial&region=north")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "06-overview-phone")
    watch.assert_clean()
