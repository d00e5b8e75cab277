"""The public pages in a real browser, signed out: the demo's index with its filters and a
unit's page; a small world's unit page with its Form 2 months. Nothing is refused by the
Content-Security-Policy and no script fails. Screens go to var/test-output/opendata/."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import get_resolver
from django.utils import timezone

from pmqa4.core.tests.test_csp_browser import Watch
from pmqa4.cycles.models import Cycle
from pmqa4.framework.models import Characteristic, Dimension, MaturityLevel, PmqaCategory
from pmqa4.framework.reference import load_reference_data
from pmqa4.org.models import Province, User
from pmqa4.org.provinces import PROVINCES
from pmqa4.scoring.models import ScoreKind
from pmqa4.scoring.services import scores_publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENS = Path(settings.BASE_DIR) / "var" / "test-output" / "opendata"


def shot(page, name):
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENS / f"{name}.png", full_page=True)


@pytest.fixture
def published_demo(db):
    """The demo's 90 units with round 1 and the year published."""
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
    cycle = Cycle.objects.get(fiscal_year=2568)
    central = User.objects.get(username="central")
    for kind in (ScoreKind.ROUND1, ScoreKind.YEAR):
        scores_publish(cycle=cycle, kind=kind, actor=central, now=timezone.now())
    get_resolver().url_patterns  # noqa: B018  (imported before the browser's first page)


def test_the_public_index_and_a_unit_page_of_the_demo(page, published_demo):
    watch = Watch(page)
    watch.go("/public/", heading="ผลการขับเคลื่อนหน่วยงานสู่ระบบราชการ")
    page.get_by_role("link", name="ปีงบประมาณ พ.ศ. 2568").click()
    page.wait_for_load_state("networkidle")
    rows = page.locator("#public-scores tbody tr")
    assert rows.count() >= 80
    assert "เข้าสู่ระบบ" in page.locator("header").inner_text()  # signed out all along
    shot(page, "01-index")

    page.get_by_label("ประเภทหน่วยงาน").select_option("provincial")
    page.get_by_label("เรียงตาม").select_option("year")
    page.get_by_role("button", name="แสดง").click()
    page.wait_for_load_state("networkidle")
    assert "kind=provincial" in page.url
    codes = page.locator("#public-scores tbody tr .unit-code").all_inner_texts()
    assert codes and all(code.startswith("PLO-") for code in codes)
    shot(page, "02-index-provincial-by-year-score")

    watch.go("/public/2568/units/OPS-ICT/", heading="ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร")
    assert "แผนไม่ครบทุกมิติ" in page.locator("#steps-year").inner_text()
    shot(page, "03-unit-ops-ict")
    watch.go("/public/2568/units/OPS-SPD/", heading="กองยุทธศาสตร์และแผนงาน")
    assert page.locator("#form1 tbody tr").count() >= 3
    shot(page, "04-unit-ops-spd")
    watch.go("/public/data-dictionary/", heading="คำอธิบายชุดข้อมูล")
    shot(page, "05-data-dictionary")
    watch.assert_clean()


def test_a_unit_page_with_its_form2_months(page, published):
    watch = Watch(page)
    watch.go("/public/2568/units/OPS-AAA/", heading="กองทดสอบเอ")
    form2 = page.locator("#form2")
    assert "ยื่นคำขอออนไลน์ เอ" in form2.inner_text()
    assert form2.locator("tbody tr").first.locator(".bi-circle-fill").count() == 3  # ต.ค.–ธ.ค.
    assert "[ปิดชื่อบุคคล]" in form2.inner_text()
    shot(page, "06-unit-with-months")
    watch.assert_clean()
