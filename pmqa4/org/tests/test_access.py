"""A unit's pages and the admin: own unit yes, another unit 404, no role 403, central all."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from pmqa4.core.testing.factories import KpiSheetFactory
from pmqa4.org.permissions import Actor, get_unit_for_actor

pytestmark = pytest.mark.django_db


def unit_home(unit):
    return reverse("org:unit-home", kwargs={"code": unit.code})


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator_a", 200),
        ("executive_a", 200),
        ("central", 200),
        ("evaluator", 200),
        ("coordinator_b", 404),
        ("staff_a", 404),
    ],
)
def test_unit_home_of_unit_a(client, cast, cycle, who, status):
    client.force_login(getattr(cast, who))
    assert client.get(unit_home(cast.unit_a)).status_code == status


def test_a_unit_that_does_not_exist_is_a_404_like_another_units(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    assert client.get("/units/NOPE-XXX/").status_code == 404


def test_unit_home_asks_anonymous_visitors_to_log_in(client, cast):
    response = client.get(unit_home(cast.unit_a))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_own_unit_without_the_needed_role_is_a_403(cast):
    from django.core.exceptions import PermissionDenied

    actor = Actor(cast.executive_a)
    with pytest.raises(PermissionDenied):
        get_unit_for_actor(actor, "OPS-AAA", roles={"coordinator"})


def test_the_unit_home_shows_the_steps_and_their_due_dates(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    content = client.get(unit_home(cast.unit_a)).content.decode()
    assert cast.unit_a.name_th in content
    assert "29 พ.ย. 2567" in content  # step 1's due date in B.E.
    assert "31 ม.ค. 2568" in content  # step 3's


def test_the_unit_home_runs_a_fixed_number_of_queries(
    client, cast, cycle, django_assert_num_queries
):
    client.force_login(cast.coordinator_a)
    # session, user, role grants, unit, cycles, their steps, their rounds, extensions,
    # submissions, required meetings held, attended meetings, the score's facts (13), and the
    # central group's contact card (pmqa4/notices)
    with django_assert_num_queries(25):
        assert client.get(unit_home(cast.unit_a)).status_code == 200


@pytest.mark.parametrize(
    ("who", "status"),
    [("central", 200), ("evaluator", 404), ("coordinator_a", 404), ("staff_a", 404)],
)
def test_only_the_central_administrator_may_open_the_admin(client, cast, who, status):
    client.force_login(getattr(cast, who))
    assert client.get(reverse("admin:index")).status_code == status


def test_the_admin_asks_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302


def test_a_coordinator_cannot_open_another_units_kpi_sheet_in_the_admin(client, cast, cycle):
    sheet = KpiSheetFactory(kpi__unit=cast.unit_b, kpi__cycle=cycle)
    client.force_login(cast.coordinator_a)
    url = reverse("admin:plans_kpisheet_change", args=[sheet.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"target": "1"}).status_code == 404


def test_the_central_administrator_can_open_every_admin_list_and_add_page(client, cast, cycle):
    from django.contrib import admin

    client.force_login(cast.central)
    request = RequestFactory().get("/")
    request.user = cast.central
    for model, model_admin in admin.site._registry.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        assert client.get(reverse(f"{prefix}_changelist")).status_code == 200, prefix
        if model_admin.has_add_permission(request):
            assert client.get(reverse(f"{prefix}_add")).status_code == 200, prefix


def test_the_admin_is_in_thai(client, cast):
    client.force_login(cast.central)
    content = client.get(reverse("admin:index")).content.decode()
    assert "ผู้ดูแลระบบส่วนกลาง" in content
    assert "รายละเอียดตัวชี้วัด (แบบฟอร์ม ๓)" in content
