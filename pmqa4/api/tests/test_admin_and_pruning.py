"""The central administrator's view of every token (revoking a leaked one) and the pruning of
the token-use log."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from pmqa4.api.models import ApiToken, ApiTokenUse

pytestmark = pytest.mark.django_db


def test_the_central_administrator_lists_and_revokes_tokens(client, cast, issue):
    secret = issue(cast.coordinator_a, name="ระบบที่รั่วไหล")
    client.force_login(cast.central)
    page = client.get("/admin/api/apitoken/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "ระบบที่รั่วไหล" in text and secret not in text
    token = ApiToken.objects.get()
    response = client.post(
        "/admin/api/apitoken/", {"action": "revoke", "_selected_action": [token.pk]}, follow=True
    )
    assert "ยกเลิกโทเค็นแล้ว 1 รายการ" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get("/admin/api/apitokenuse/").status_code == 200


def test_nobody_else_sees_the_tokens_in_the_admin(client, cast):
    client.force_login(cast.coordinator_a)
    assert client.get("/admin/api/apitoken/").status_code == 404


def test_prune_api_logs_deletes_only_old_rows(cast, issue, settings):
    settings.ACCESS_LOG_RETENTION_DAYS = 90
    issue(cast.coordinator_a)
    token = ApiToken.objects.get()
    now = timezone.now()
    for days in (100, 91, 10):
        ApiTokenUse.objects.create(
            token=token,
            method="GET",
            path="/api/v1/me",
            status=200,
            at=now - dt.timedelta(days=days),
        )
    call_command("prune_api_logs", "--dry-run")
    assert ApiTokenUse.objects.count() == 3
    call_command("prune_api_logs")
    assert list(ApiTokenUse.objects.values_list("status", flat=True)) == [200]
    assert ApiTokenUse.objects.get().at > now - dt.timedelta(days=11)
