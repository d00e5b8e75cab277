"""The shared cast (EXAMPLES.md): two units, each unit's people, the central roles."""

from types import SimpleNamespace

import pytest

from pmqa4.core.testing.factories import CycleFactory, UnitFactory, person
from pmqa4.org.models import Role


@pytest.fixture
def cast(db):
    unit_a = UnitFactory(code="OPS-AAA", name_th="กองทดสอบเอ")
    unit_b = UnitFactory(code="OPS-BBB", name_th="กองทดสอบบี")
    central_group = UnitFactory(code="OPS-ASD", name_th="กลุ่มพัฒนาระบบบริหาร", takes_part=False)
    return SimpleNamespace(
        unit_a=unit_a,
        unit_b=unit_b,
        coordinator_a=person(Role.COORDINATOR, unit_a, username="coord.a"),
        executive_a=person(Role.EXECUTIVE, unit_a, username="exec.a"),
        coordinator_b=person(Role.COORDINATOR, unit_b, username="coord.b"),
        staff_a=person(None, unit_a, username="staff.a"),
        evaluator=person(Role.EVALUATOR, central_group, username="evaluator"),
        central=person(Role.CENTRAL_ADMIN, central_group, username="central"),
        ministry=person(Role.MINISTRY_EXECUTIVE, central_group, username="ministry"),
    )


@pytest.fixture
def cycle(db):
    return CycleFactory()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright; skipped (or failed in CI) when it is not there."""
    import os

    if not os.path.exists(CHROMIUM):
        message = f"{CHROMIUM} is not installed (apt-get install chromium)"
        if os.environ.get("PMQA4_REQUIRE_BROWSER"):
            pytest.fail(message + ": CI requires the browser tests")
        pytest.skip(message + ": browser tests skipped")
    # Playwright's sync API runs an event loop in this thread; the live server's ORM calls are
    # in another thread, the test's own ORM calls are safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def reference_rows(transactional_db):
    """The migrations' reference rows (dimensions, categories, provinces): a transactional test
    that ran before on this worker emptied every table, those included (idempotent)."""
    from pmqa4.framework.models import Characteristic, Dimension, MaturityLevel, PmqaCategory
    from pmqa4.framework.reference import load_reference_data
    from pmqa4.org.models import Province
    from pmqa4.org.provinces import load_provinces

    load_provinces(Province)
    load_reference_data(
        category=PmqaCategory,
        dimension=Dimension,
        characteristic=Characteristic,
        maturity=MaturityLevel,
    )


@pytest.fixture
def page(browser, live_server, reference_rows):
    context = browser.new_context(locale="th-TH", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    tab.base_url = live_server.url
    yield tab
    context.close()


@pytest.fixture(autouse=True)
def _fresh_content_type_ids():
    """A transactional test ends by emptying every table; the content types come back with new
    ids, which the audit trail must not look up in a stale cache."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()
