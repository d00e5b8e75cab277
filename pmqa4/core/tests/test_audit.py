from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from pmqa4.core.testing.admin_forms import admin_form_data
from pmqa4.core.testing.factories import KpiSheetFactory

pytestmark = pytest.mark.django_db


def test_a_change_to_a_kpi_sheet_is_recorded_with_before_and_after():
    sheet = KpiSheetFactory(target=Decimal("80"))
    sheet.target = Decimal("90")
    sheet.save()
    entry = LogEntry.objects.get_for_object(sheet).filter(action=LogEntry.Action.UPDATE).get()
    before, after = entry.changes_dict["target"]
    assert (Decimal(before), Decimal(after)) == (Decimal("80"), Decimal("90"))


def test_a_change_made_in_the_admin_records_who_made_it(client, cast, cycle):
    from pmqa4.cycles.models import Cycle

    client.force_login(cast.central)
    url = reverse("admin:cycles_cycle_change", args=[cycle.pk])
    response = client.post(url, admin_form_data(client.get(url), kpi_threshold="80"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Cycle.objects.get().kpi_threshold == Decimal("80")
    entry = LogEntry.objects.get_for_object(cycle).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == cast.central
    assert entry.changes_dict["kpi_threshold"] == ["85.00", "80"]


def test_the_audit_trail_cannot_be_edited_or_deleted_in_the_admin(client, cast):
    sheet = KpiSheetFactory()
    entry = LogEntry.objects.get_for_object(sheet).first()
    client.force_login(cast.central)
    change = reverse("admin:auditlog_logentry_change", args=[entry.pk])
    delete = reverse("admin:auditlog_logentry_delete", args=[entry.pk])
    assert client.get(reverse("admin:auditlog_logentry_changelist")).status_code == 200
    assert client.post(change, {"changes": "{}"}).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert LogEntry.objects.filter(pk=entry.pk).exists()
