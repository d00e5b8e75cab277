"""The bell and the notification pages in a real browser (htmx loads the count); screens are
saved under var/test-output/notifications/ for people to look at."""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

from pmqa4.core.tests.test_browser import log_in
from pmqa4.framework.models import Characteristic, Dimension, MaturityLevel, PmqaCategory
from pmqa4.framework.reference import load_reference_data
from pmqa4.notifications.models import Kind, Notification
from pmqa4.notifications.notify import Message, notify

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENS = Path(settings.BASE_DIR) / "var" / "test-output" / "notifications"


def shot(page, name):
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENS / f"{name}.png", full_page=True)


def test_the_bell_counts_opens_and_the_preferences_save(page, cast, cycle, settings):
    load_reference_data(
        category=PmqaCategory,
        dimension=Dimension,
        characteristic=Characteristic,
        maturity=MaturityLevel,
    )
    call_command("send_reminders", "--today", "2025-01-24", stdout=StringIO())
    notify(
        [cast.coordinator_a],
        Message(
            kind=Kind.RETURNED,
            key="browser:returned",
            title="ส่งกลับแก้ไข: ขั้นตอนที่ ๑ ส่งรายชื่อทีมงาน PMQA Team",
            body="กลุ่มพัฒนาระบบบริหารส่งงานของ กองทดสอบเอ กลับให้แก้ไข\n"
            "สิ่งที่ต้องแก้ไข: กรุณาระบุเบอร์โทรศัพท์ของสมาชิกทุกคน\n"
            "กรุณาส่งฉบับแก้ไขภายใน 7 กุมภาพันธ์ 2568",
            link="/units/OPS-AAA/2568/roster/",
        ),
        send=False,
    )
    log_in(page, "coord.a")
    page.goto(page.base_url + "/units/OPS-AAA/")
    badge = page.get_by_test_id("unread-count")
    badge.wait_for()
    assert badge.inner_text().startswith("2")
    shot(page, "01-bell-on-the-unit-home")

    page.locator("a.notification-bell").click()
    expect(page.get_by_test_id("unread-summary")).to_have_text("ยังไม่อ่าน 2 รายการ")
    items = page.get_by_test_id("notification")
    assert items.count() == 2
    assert "ส่งกลับแก้ไข" in items.nth(0).inner_text()  # newest first
    shot(page, "02-notifications")

    title = "เตือน: ขั้นตอนที่ ๓ แผนระยะ ๓ ปี แผนปฏิบัติการ และรายละเอียดตัวชี้วัด ครบกำหนดส่งในอีก 7 วัน"
    page.get_by_role("button", name=title, exact=True).click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/units/OPS-AAA/2568/plans/")
    assert page.get_by_test_id("unread-count").inner_text().startswith("1")
    assert (
        Notification.objects.filter(read_at__isnull=True)
        .filter(recipient=cast.coordinator_a)
        .count()
        == 1
    )

    page.goto(page.base_url + "/notifications/preferences/")
    page.get_by_role("checkbox", name="รับการแจ้งเตือนทาง LINE").check()
    page.get_by_role("textbox", name="LINE user ID").fill("not-an-id")
    page.get_by_role("button", name="บันทึก").click()
    page.wait_for_load_state("networkidle")
    assert "LINE user ID ต้องขึ้นต้นด้วย U" in page.content()
    shot(page, "03-preferences-with-an-error")
    page.get_by_role("textbox", name="LINE user ID").fill("U" + "0123456789abcdef" * 2)
    page.get_by_role("button", name="บันทึก").click()
    page.wait_for_load_state("networkidle")
    assert "บันทึกการตั้งค่าการแจ้งเตือนแล้ว" in page.content()
    shot(page, "04-preferences-saved")
    cast.coordinator_a.refresh_from_db()
    assert cast.coordinator_a.line_user_id == "U" + "0123456789abcdef" * 2

    # with the webhook set up, a person links LINE with a one-time code
    settings.LINE_CHANNEL_SECRET = "browser-test-secret"
    settings.LINE_ADD_FRIEND_URL = "https://lin.ee/pmqa4test"
    page.goto(page.base_url + "/notifications/preferences/")
    page.get_by_role("button", name="สร้างรหัสเชื่อมบัญชี").click()
    page.wait_for_load_state("networkidle")
    code = page.get_by_test_id("line-code").inner_text()
    assert "PMQA-" in code and "ใช้ได้ถึง" in code
    shot(page, "05-preferences-line-code")
