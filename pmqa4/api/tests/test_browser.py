"""Through Chromium: a coordinator makes a token (shown once), calls the API with it, sees the
call in the log, reads the docs page (Swagger UI under our Content-Security-Policy) and revokes
the token. Screens are saved under var/test-output/api/."""

from pathlib import Path

import pytest
from django.conf import settings

from pmqa4.api.models import ApiToken

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OUTPUT = Path(settings.BASE_DIR) / "var" / "test-output" / "api"
PASSWORD = "pw-for-tests"
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} refused ${event.blockedURI || "inline"}`);
});
"""


def shot(page, name):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"{name}.png"), full_page=True)


def test_a_coordinator_makes_uses_and_revokes_a_token(page, world):
    page.set_default_timeout(60_000)  # a shared, busy machine: the first page can take a while
    problems = []
    page.add_init_script(LISTEN)
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill("coord.a")
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.goto(page.base_url + "/accounts/tokens/")
    assert page.locator("h1").inner_text() == "โทเค็นการเข้าถึง API"
    assert "ท่านยังไม่มีโทเค็น" in page.get_by_test_id("tokens").inner_text()

    page.get_by_label("ชื่อโทเค็น").fill("ระบบรายงานผลของกอง")
    page.get_by_label("อ่านข้อมูล และบันทึกผลตัวชี้วัด").check()
    page.get_by_label("อายุของโทเค็น").select_option("30")
    page.get_by_role("button", name="สร้างโทเค็น").click()
    issued = page.get_by_test_id("issued-token")
    assert "หน้านี้แสดงโทเค็นเพียงครั้งเดียว" in issued.inner_text()
    secret = page.locator("#new-token").input_value()
    assert secret.startswith("pmqa4_")
    shot(page, "token-created")

    api = page.request.get(
        page.base_url + "/api/v1/units/OPS-AAA/cycles/2568/kpis",
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert api.status == 200
    assert [k["code"] for k in api.json()["items"]] == ["K1", "K2", "K3"]
    written = page.request.post(
        page.base_url + "/api/v1/units/OPS-AAA/cycles/2568/kpis/K1/actuals",
        headers={"Authorization": f"Bearer {secret}"},
        data={"value": "91", "measured_on": "2025-06-30", "note": "ส่งจากระบบของกอง"},
    )
    assert written.status == 201, written.text()

    page.goto(page.base_url + "/accounts/tokens/")
    assert secret not in page.content()  # shown once only
    uses = page.get_by_test_id("uses").inner_text()
    assert "GET /api/v1/units/OPS-AAA/cycles/2568/kpis" in uses and "201" in uses
    assert "ใช้งานได้" in page.get_by_test_id("tokens").inner_text()
    shot(page, "tokens")

    page.goto(page.base_url + "/api/v1/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() == 14
    assert "PMQA 4.0 REST API" in page.locator(".info .title").inner_text()
    page.locator(
        ".opblock-summary", has_text="/api/v1/units/{code}/cycles/{year}/kpis/{kpi_code}/actuals"
    ).first.click()
    page.locator(".opblock-body").first.wait_for()
    shot(page, "docs")
    violations = page.evaluate("window.__cspViolations")
    assert not violations and not problems, violations + problems

    page.goto(page.base_url + "/accounts/tokens/")
    page.get_by_role("button", name="ยกเลิก ระบบรายงานผลของกอง").click()
    assert "ยกเลิกโทเค็น “ระบบรายงานผลของกอง” แล้ว" in page.content()
    assert "ยกเลิกแล้ว" in page.get_by_test_id("tokens").inner_text()
    refused = page.request.get(
        page.base_url + "/api/v1/me", headers={"Authorization": f"Bearer {secret}"}
    )
    assert refused.status == 401 and refused.json()["code"] == "token_revoked"
    assert ApiToken.objects.get().revoked_at is not None
    shot(page, "token-revoked")
