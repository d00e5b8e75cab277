"""The cycle's admin page is optimistically locked: a save from a page loaded before someone
else's save (in the admin or on the timeline's dates page) writes nothing and says what
changed; saving again, knowing it, goes through. Both saves are in the audit trail."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from pmqa4.core.testing.admin_forms import admin_form_data
from pmqa4.cycles.models import Cycle

from .timeline_world import dates_data, seed_dates, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def year(cycle):
    return seed_dates(cycle)


def change_url(cycle) -> str:
    return reverse("admin:cycles_cycle_change", args=[cycle.pk])


def test_a_save_from_a_stale_admin_page_is_refused_and_the_next_one_goes_through(cast, year):
    first, second = signed_in(cast.central), signed_in(cast.central)
    page_one = first.get(change_url(year))
    page_two = second.get(change_url(year))
    assert json.loads(page_one.context["adminform"].form["seen"].value())["kpi_below"] == "0.50"

    saved = second.post(change_url(year), admin_form_data(page_two, kpi_below="0.25"))
    assert saved.status_code == 302
    stale = first.post(change_url(year), admin_form_data(page_one, kpi_threshold="80.00"))

    assert stale.status_code == 200
    text = stale.content.decode()
    assert "มีผู้อื่นบันทึกรอบปีนี้ไปก่อนแล้ว" in text and "ท่านเห็น 0.50 ขณะนี้ 0.25" in text
    stored = Cycle.objects.get(pk=year.pk)
    assert (stored.kpi_below, stored.kpi_threshold) == (Decimal("0.25"), Decimal("85.00"))

    # the page now shows the other save's 0.25 and keeps this editor's 80.00
    assert stale.context["adminform"].form["kpi_below"].value() == "0.25"
    again = first.post(change_url(year), admin_form_data(stale))
    assert again.status_code == 302
    stored.refresh_from_db()
    assert (stored.kpi_below, stored.kpi_threshold) == (Decimal("0.25"), Decimal("80.00"))
    changes = LogEntry.objects.get_for_object(stored).filter(action=LogEntry.Action.UPDATE)
    changes = changes.order_by("timestamp")
    assert [sorted(entry.changes_dict) for entry in changes] == [["kpi_below"], ["kpi_threshold"]]


def test_the_dates_are_moved_on_the_timeline_not_by_an_admin_page(cast, year):
    """An admin page left open cannot put back a date the timeline's page moved since: the
    admin shows the dates and does not take them."""
    admin = signed_in(cast.central)
    page = admin.get(change_url(year))
    moved = dt.date(2024, 12, 6)
    timeline = signed_in(cast.central)
    response = timeline.post(
        reverse("cycles:dates", args=[2568]), dates_data(year, step_1_due_on=moved)
    )
    assert response.status_code == 302
    data = admin_form_data(page, step_points="2.00", starts_on="2024-01-01")
    data |= {"steps-0-due_on": "2024-11-29", "steps-TOTAL_FORMS": "6", "steps-5-number": "6"}
    assert admin.post(change_url(year), data).status_code == 302
    year.refresh_from_db()
    assert year.step_points == Decimal("2.00") and year.starts_on == dt.date(2024, 10, 1)
    assert year.steps.get(number=1).due_on == moved
    assert year.steps.count() == 5


def test_an_unchanged_page_saves_at_once(cast, year):
    admin = signed_in(cast.central)
    page = admin.get(change_url(year))
    assert (
        admin.post(change_url(year), admin_form_data(page, reminder_days="5,1")).status_code == 302
    )
    assert Cycle.objects.get(pk=year.pk).reminder_days == "5,1"


def test_an_existing_cycle_s_year_and_dates_are_shown_not_taken(cast, year):
    admin = signed_in(cast.central)
    page = admin.get(change_url(year))
    form = page.context["adminform"].form
    assert not {"fiscal_year", "starts_on", "ends_on"} & set(form.fields)
    data = admin_form_data(page, fiscal_year="2599", ends_on="2030-01-01")
    assert admin.post(change_url(year), data).status_code == 302
    year.refresh_from_db()
    assert (year.fiscal_year, year.ends_on) == (2568, dt.date(2025, 9, 30))
