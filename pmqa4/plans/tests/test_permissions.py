"""Who may open and who may change step 3's pages: one row per URL and actor (EXAMPLES.md).

Readers (the unit's coordinator and executive, the central administrator, the evaluator) open
every page; only the unit's coordinator saves. Another unit's coordinator and a staff member with
no role get 404 (the unit is not confirmed to exist); a reader posting an edit gets 403.
"""

import pytest
from django.urls import reverse

from pmqa4.plans.models import ActionPlan, KpiSheet, ThreeYearPlan

from .test_builders import form1, form2, kpi

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast, cycle):
    """Unit A's plans: item 1.1 naming K1 (with a sheet and one step), activity 1.1 with a step."""
    k1 = kpi(cast.unit_a, cycle, "K1")
    k1.sheet.steps.create(number=1, detail="วางแผน")
    plan = form1(cast.unit_a, cycle, [(1, "เชื่อมโยงข้อมูล", (True, True, True), [k1])])
    form2(cast.unit_a, cycle, [(2, "ลดขั้นตอน", [1], "กลุ่ม", [k1])], steps=1)
    activity = ActionPlan.objects.get().activities.get()
    return {
        "item": plan.items.get().pk,
        "activity": activity.pk,
        "step": activity.steps.get().pk,
        "sheet_step": k1.sheet.steps.get().pk,
    }


def url(name, *args):
    return reverse(f"plans:{name}", args=["OPS-AAA", 2568, *args])


PAGES = ["overview", "form1", "form2", "kpis", ("kpi-sheet", "K1")]


def _page(spec):
    return url(*spec) if isinstance(spec, tuple) else url(spec)


def edits(world):
    """(url, a valid post of the coordinator) for every URL that changes something."""
    plan = ThreeYearPlan.objects.get().version
    action = ActionPlan.objects.get().version
    sheet = KpiSheet.objects.get().version
    item, activity, step, sheet_step = (
        world[k] for k in ("item", "activity", "step", "sheet_step")
    )
    return [
        (url("form1-item-add", 2), {"version": plan, "new-2-name": "ใหม่", "new-2-in_year1": "on"}),
        (url("form1-item", item), {"version": plan, f"item-{item}-name": "แก้ชื่อ"}),
        (url("form1-carry-over"), {"version": plan}),
        (
            url("form2-activity-add", 1),
            {"version": action, "new-1-name": "ใหม่", "new-1-months": "1"},
        ),
        (url("form2-activity", activity), {"version": action, f"activity-{activity}-name": "แก้"}),
        (url("form2-step-add", activity), {"version": action, f"new-step-{activity}-name": "ขั้น"}),
        (url("form2-step", step), {"version": action, f"step-{step}-name": "แก้ขั้น"}),
        (url("form2-draft"), {"version": action}),
        (url("kpi-sheet", "K1"), {"version": sheet, "name": "ชื่อใหม่", "direction": "higher"}),
        (url("kpi-step-add", "K1"), {"version": sheet, "new-sheet-step-detail": "รายงาน"}),
        (
            url("kpi-step", "K1", sheet_step),
            {"version": sheet, f"sheet-step-{sheet_step}-detail": "แก้"},
        ),
    ]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator_a", 200),
        ("executive_a", 200),
        ("evaluator", 200),
        ("central", 200),
        ("coordinator_b", 404),
        ("staff_a", 404),
    ],
)
def test_every_page_is_for_the_units_readers_only(client, cast, world, page, who, status):
    client.force_login(getattr(cast, who))
    assert client.get(_page(page)).status_code == status


@pytest.mark.parametrize("page", PAGES)
def test_every_page_sends_an_anonymous_visitor_to_the_login(client, world, page):
    response = client.get(_page(page))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("index", range(11))
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("executive_a", 403),
        ("evaluator", 403),
        ("central", 403),
        ("coordinator_b", 404),
        ("staff_a", 404),
    ],
)
def test_only_the_units_coordinator_may_save(client, cast, world, index, who, status):
    target, data = edits(world)[index]
    versions = _versions()
    client.force_login(getattr(cast, who))
    assert client.post(target, data).status_code == status
    assert _versions() == versions


def _versions():
    return [m.objects.get().version for m in (ThreeYearPlan, ActionPlan, KpiSheet)]


@pytest.mark.parametrize("index", range(11))
def test_the_units_coordinator_saves_on_every_edit_url(client, cast, world, index):
    target, data = edits(world)[index]
    before = _versions()
    client.force_login(cast.coordinator_a)
    response = client.post(target, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"].startswith(target.split("/plans/")[0] + "/plans/")
    if "carry-over" not in target:  # refused here (this year's plan has items): a message
        assert sum(_versions()) == sum(before) + 1


@pytest.mark.parametrize("index", range(11))
def test_an_anonymous_post_goes_to_the_login_and_a_get_is_not_allowed(client, cast, world, index):
    target, data = edits(world)[index]
    assert client.post(target, data)["Location"].startswith("/accounts/login/")
    client.force_login(cast.coordinator_a)
    if not target.endswith("/kpis/K1/"):  # the sheet's URL is also its page
        assert client.get(target).status_code == 405


def test_an_unknown_year_or_kpi_is_not_found(client, cast, world):
    client.force_login(cast.coordinator_a)
    assert client.get(reverse("plans:form1", args=["OPS-AAA", 2599])).status_code == 404
    assert client.get(url("kpi-sheet", "NOPE")).status_code == 404


def test_a_row_of_another_unit_is_not_found_even_through_ones_own_unit(client, cast, cycle, world):
    other = form1(cast.unit_b, cycle, [(1, "ของหน่วยงานบี", (1, 0, 0), [])]).items.get()
    client.force_login(cast.coordinator_a)
    data = {"version": 1, f"item-{other.pk}-name": "แอบแก้"}
    assert client.post(url("form1-item", other.pk), data).status_code == 404
    other.refresh_from_db()
    assert other.name == "ของหน่วยงานบี"
