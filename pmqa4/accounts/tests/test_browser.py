"""Through a real browser: an evaluator sets up the app, signs out, and signs in with a code."""

from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from .utils import PASSWORD, app_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OUTPUT = Path(settings.BASE_DIR) / "var" / "test-output" / "accounts"


def log_in(page, username):
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_load_state("networkidle")


def shot(page, name):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"{name}.png"), full_page=True)


def test_an_evaluator_sets_up_the_app_then_signs_in_with_a_code(page, cast, cycle, settings):
    settings.MFA_ENFORCE = True
    log_in(page, "evaluator")

    # Required for the role: straight to the set-up page, whatever was asked for.
    assert urlparse(page.url).path == "/accounts/security/app/"
    assert page.locator("svg.mfa-qr").is_visible()
    secret = page.get_by_test_id("totp-secret").inner_text()
    device = TOTPDevice.objects.get(user=cast.evaluator, confirmed=False)
    assert secret.replace(" ", "") in device.config_url
    shot(page, "setup")
    page.goto(page.base_url + "/central/")
    assert urlparse(page.url).path == "/accounts/security/app/"

    page.get_by_label("รหัส ๖ หลักจากแอป").fill(
        "000000" if app_code(device) != "000000" else "111111"
    )
    page.get_by_role("button", name="ยืนยันและเปิดใช้").click()
    assert "รหัสยืนยันตัวตนไม่ถูกต้อง" in page.locator(".field-error").inner_text()
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)

    page.get_by_label("รหัส ๖ หลักจากแอป").fill(app_code(device))
    page.get_by_role("button", name="ยืนยันและเปิดใช้").click()
    page.wait_for_load_state("networkidle")
    assert urlparse(page.url).path == "/accounts/security/recovery-codes/"
    codes = page.get_by_test_id("recovery-codes").locator("li").all_inner_texts()
    assert len(codes) == 10
    shot(page, "recovery-codes")

    page.get_by_role("button", name="ออกจากระบบ").first.click()
    page.wait_for_load_state("networkidle")
    log_in(page, "evaluator")
    assert urlparse(page.url).path == "/accounts/verify/"
    assert page.get_by_role("heading", name="ใส่รหัสยืนยันตัวตน").is_visible()
    shot(page, "verify")

    page.get_by_label("รหัสยืนยันตัวตน").fill(app_code(device))
    page.get_by_role("button", name="ยืนยัน", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert urlparse(page.url).path == "/central/"

    page.get_by_role("link", name="ความปลอดภัยของบัญชี").click()
    assert page.get_by_test_id("codes-left").inner_text() == "10 จาก 10 รหัส"
    assert page.get_by_role("link", name="ปิดการยืนยันตัวตนสองขั้นตอน").count() == 0
    shot(page, "security")


def test_the_set_up_page_fits_a_375_pixel_phone(page, cast, settings):
    settings.MFA_ENFORCE = True
    page.set_viewport_size({"width": 375, "height": 740})
    log_in(page, "central")
    assert urlparse(page.url).path == "/accounts/security/app/"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shot(page, "setup-phone")


def test_a_locked_account_meets_the_thai_lock_out_page(page, cast, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        page.goto(page.base_url + "/accounts/login/")
        page.get_by_label("ชื่อผู้ใช้").fill("coord.a")
        page.get_by_label("รหัสผ่าน").fill("wrong-password")
        page.get_by_role("button", name="เข้าสู่ระบบ").click()
        page.wait_for_load_state("networkidle")

    assert page.get_by_role("heading", name="บัญชีถูกล็อกชั่วคราว").is_visible()
    assert "ล็อกไว้ 30 นาที" in page.get_by_role("alert").inner_text()
    shot(page, "lockout")
