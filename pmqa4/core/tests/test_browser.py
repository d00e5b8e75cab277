"""Through a real browser: the Thai login, each role's landing page, nothing from the internet."""

import os
from urllib.parse import urlparse

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "pw-for-tests"  # UserFactory's


def log_in(page, username):
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_load_state("networkidle")


def shot(page, name):
    """Screenshots for people to look at, when PMQA4_SCREENSHOTS names a folder."""
    folder = os.environ.get("PMQA4_SCREENSHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


def test_a_coordinator_logs_in_in_thai_and_lands_on_their_unit(page, cast, cycle):
    log_in(page, "coord.a")
    assert urlparse(page.url).path == "/units/OPS-AAA/"
    assert "กองทดสอบเอ" in page.locator("h1").inner_text()
    shot(page, "unit-home")


def test_the_central_administrator_lands_on_the_overview_of_all_units(page, cast, cycle):
    log_in(page, "central")
    assert urlparse(page.url).path == "/central/"
    table = page.locator("table.dash-matrix").inner_text()
    assert "OPS-AAA" in table and "OPS-BBB" in table
    shot(page, "central-overview")


def test_a_wrong_password_shows_a_thai_alert(page, cast):
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill("coord.a")
    page.get_by_label("รหัสผ่าน").fill("wrong")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in page.get_by_role("alert").inner_text()


def test_every_file_a_page_loads_comes_from_our_own_server(page, cast, cycle):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    log_in(page, "coord.a")
    own = urlparse(page.base_url).netloc
    outside = [
        url for url in requested if not url.startswith("data:") and urlparse(url).netloc != own
    ]
    assert outside == []
    assert any("/static/vendor/bootstrap/" in url for url in requested)
    assert any("/static/vendor/htmx/" in url for url in requested)


def test_the_login_page_fits_a_375_pixel_phone(page, cast):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(page.base_url + "/accounts/login/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shot(page, "login-phone")


def test_the_unit_page_fits_a_375_pixel_phone(page, cast, cycle):
    page.set_viewport_size({"width": 375, "height": 740})
    log_in(page, "coord.a")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shot(page, "unit-home-phone")
