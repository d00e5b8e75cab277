"""The Content-Security-Policy in a real browser: every kind of page loads and htmx still edits
in place, with no script, style, font or image refused (test_security_headers.py pins the
header itself)."""

import re

import pytest
from playwright.sync_api import expect

from pmqa4.core.testing.matrix_check import build_world
from pmqa4.plans.models import PlanItem
from pmqa4.teams.models import TeamMember

from .test_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The browser reports each refusal on the console and as a DOM event; both are collected.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} refused ${event.blockedURI || "inline"} on ${location.pathname}`
  );
});
"""


class Watch:
    """Console errors and CSP violations of every page the test opens."""

    def __init__(self, page):
        self.page = page
        self.console = []
        self.violations = []
        self.pages = 0
        page.set_default_navigation_timeout(30_000)  # a busy machine's first page is slow
        page.add_init_script(LISTEN)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console.append(f"page error: {error}"))
        page.on("response", self._response)

    def _console(self, message):
        # a failed load is reported with its address by _response
        if message.type in ("error", "warning") and "Failed to load resource" not in message.text:
            self.console.append(f"{message.type}: {message.text}")

    def _response(self, response):
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            self.console.append(f"{response.status}: {response.url}")

    def go(self, path, *, heading=None):
        response = self.page.goto(self.page.base_url + path)
        self.page.wait_for_load_state("networkidle")
        assert response.status == 200, f"{path}: {response.status}"
        if heading:
            assert heading in self.page.locator("h1").first.inner_text(), path
        self.collect()
        self.pages += 1

    def collect(self):
        found = self.page.evaluate("window.__cspViolations || []")
        self.violations.extend(v for v in found if v not in self.violations)

    def assert_clean(self):
        self.collect()
        policy = [m for m in self.console if re.search("Content[ -]Security[ -]Policy", m, re.I)]
        assert not policy and not self.violations, "\n".join(policy + self.violations)
        assert not self.console, "\n".join(self.console)


@pytest.fixture
def world(cast, cycle):
    return build_world(cast, cycle)


def test_the_coordinators_pages_work_under_the_policy(page, world):
    watch = Watch(page)
    watch.go("/accounts/login/")
    log_in(page, "coord.a")
    unit = "/units/OPS-AAA/"
    year = unit + "2568/"
    watch.go(unit, heading="กองทดสอบเอ")
    for path in (
        "roster/",
        "meetings/",
        "plans/",
        "plans/form1/",
        "plans/form2/",
        "plans/kpis/",
        "plans/kpis/KA1/",
        "report/",
        f"report/{world.a.activity}/",
        "actuals/",
        "steps/4/history/",
    ):
        watch.go(year + path)
    watch.go(unit + "score/")
    watch.go("/accounts/password_change/")
    watch.go("/cycles/")

    # htmx: the roster row opens for editing in place and saves back into the row
    watch.go(year + "roster/")
    page.get_by_role("link", name=re.compile("แก้ไข")).first.click()
    name = page.locator("tr input[name$='full_name']")
    name.fill("นางสาวทดสอบ นโยบายความปลอดภัย")
    with page.expect_response(re.compile(r"/roster/members/\d+/edit/$")):
        page.locator("tr").get_by_role("button", name=re.compile("บันทึก")).click()
    # htmx swaps the saved row in after the response: wait for it, not for the network
    expect(page.locator("#member-rows")).to_contain_text("นางสาวทดสอบ นโยบายความปลอดภัย")
    assert TeamMember.objects.get(pk=world.a.member).full_name == "นางสาวทดสอบ นโยบายความปลอดภัย"

    # htmx: Form 1 saves a row by itself when a field changes
    watch.go(year + "plans/form1/")
    field = page.locator(
        f"#item-{world.a.item} textarea, #item-{world.a.item} input[name$='-name']"
    )
    field.first.fill("เชื่อมโยงข้อมูลกับหน่วยงานภายนอก")
    with page.expect_response(re.compile(r"/plans/form1/items/\d+/$")):
        field.first.dispatch_event("change")
    page.wait_for_load_state("networkidle")
    assert PlanItem.objects.get(pk=world.a.item).name == "เชื่อมโยงข้อมูลกับหน่วยงานภายนอก"
    assert watch.pages >= 17
    watch.assert_clean()


def test_the_central_pages_and_the_admin_work_under_the_policy(page, world):
    watch = Watch(page)
    log_in(page, "central")
    for path in (
        "/central/",
        "/central/scores/",
        "/central/review/?show=waiting",
        f"/central/review/{world.submission}/",
        "/central/2568/meetings/",
        f"/central/meetings/{world.meeting}/edit/",
        f"/central/meetings/{world.meeting}/attendance/",
        f"/central/meetings/{world.meeting}/checkin-qr/",
        "/admin/",
        "/admin/org/unit/",
        f"/admin/org/unit/{world.a.unit.pk}/change/",
    ):
        watch.go(path)
    assert page.locator("svg.qr-code").count() == 0  # the last page is the admin's
    watch.go(f"/central/meetings/{world.meeting}/checkin-qr/")
    assert page.locator("svg.qr-code").is_visible()  # an inline SVG, drawn without any style
    watch.assert_clean()


def test_the_other_pages_work_under_the_policy(page, world):
    """The audit trail, documents, charts, notifications, tokens, the account's security pages
    (a QR code drawn as SVG), the REST API's Swagger page, the open data and the timeline."""
    watch = Watch(page)
    for path in ("/forms/2568/", "/public/", "/public/2568/", "/privacy/", "/api/v1/docs"):
        watch.go(path)
    log_in(page, "central")
    for path in (
        "/cycles/2568/",
        "/central/charts/",
        "/central/summary/2568/",
        "/central/2568/documents/",
        "/audit/",
        "/notifications/",
        "/notifications/preferences/",
        "/accounts/tokens/",
        "/accounts/security/",
        "/privacy/my-data/",
        "/accounts/security/app/",
    ):
        watch.go(path)
    assert page.locator("main svg").count() >= 1  # the authenticator app's QR code
    watch.assert_clean()
