"""Personal access tokens: made on the page and shown once, stored only as a SHA-256, revoked,
expired, refused with a 401 that says why, and every use logged."""

import datetime as dt
import hashlib

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from pmqa4.api import tokens
from pmqa4.api.models import ApiToken, ApiTokenUse, Scope

pytestmark = pytest.mark.django_db

PAGE = "/accounts/tokens/"


def _create(client, user, **data):
    client.force_login(user)
    form = {"name": "ระบบรายงานผลของกอง", "scope": Scope.READ, "lifetime": "90", **data}
    return client.post(PAGE, form)


def test_the_page_shows_a_new_token_once_and_stores_only_its_hash(client, cast):
    response = _create(client, cast.coordinator_a, scope=Scope.READ_WRITE_ACTUALS)
    assert response.status_code == 200
    page = response.content.decode()
    token = ApiToken.objects.get(user=cast.coordinator_a)
    secret = response.context["issued"].secret
    assert secret.startswith("pmqa4_") and len(secret) == 6 + 43
    assert secret in page and "หน้านี้แสดงโทเค็นเพียงครั้งเดียว" in page
    # only the SHA-256 and the first ten characters are kept
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.hint == secret[:10]
    stored = [str(v) for v in ApiToken.objects.filter(pk=token.pk).values().get().values()]
    assert not any(secret in value for value in stored)
    assert token.name == "ระบบรายงานผลของกอง" and token.scope == Scope.READ_WRITE_ACTUALS
    lifetime = token.expires_at - token.created_at
    assert dt.timedelta(days=89, hours=23) < lifetime <= dt.timedelta(days=90)
    # the list afterwards names it but never shows it again
    again = client.get(PAGE).content.decode()
    assert secret not in again
    assert "ระบบรายงานผลของกอง" in again and token.hint in again
    assert "อ่านข้อมูล และบันทึกผลตัวชี้วัด" in again


def test_creating_a_token_is_audited_without_its_hash(client, cast):
    _create(client, cast.coordinator_a)
    token = ApiToken.objects.get()
    entry = LogEntry.objects.get_for_object(token).get()
    assert entry.actor == cast.coordinator_a
    assert "secret_hash" not in entry.changes_dict and "name" in entry.changes_dict


def test_a_token_without_a_name_is_refused_in_thai(client, cast):
    response = _create(client, cast.coordinator_a, name="   ")
    assert response.status_code == 400
    assert "กรุณาตั้งชื่อโทเค็น" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_person_has_at_most_twenty_usable_tokens(client, cast, issue):
    for _ in range(tokens.ACTIVE_LIMIT):
        issue(cast.coordinator_a)
    response = _create(client, cast.coordinator_a)
    assert response.status_code == 400
    assert "ยกเลิกโทเค็นที่ไม่ใช้ก่อน" in response.content.decode()
    assert ApiToken.objects.count() == tokens.ACTIVE_LIMIT


def test_the_page_lists_only_ones_own_tokens_and_their_uses(
    client, cast, issue, caller, django_capture_on_commit_callbacks
):
    issue(cast.coordinator_b, name="โทเค็นของหน่วยงานบี")
    secret = issue(cast.coordinator_a, name="โทเค็นของเอ")
    with django_capture_on_commit_callbacks(execute=True):
        caller(secret).get("/units")
    client.force_login(cast.coordinator_a)
    page = client.get(PAGE).content.decode()
    assert "โทเค็นของเอ" in page and "โทเค็นของหน่วยงานบี" not in page
    assert "GET /api/v1/units" in page


def test_anonymous_visitors_go_to_the_login_page(client):
    response = client.get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_revoked_token_stops_at_once(client, cast, issue, caller):
    secret = issue(cast.coordinator_a)
    assert caller(secret).get("/units").status_code == 200
    token = ApiToken.objects.get()
    client.force_login(cast.coordinator_a)
    response = client.post(reverse("api-tokens:revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    refused = caller(secret).get("/units")
    assert refused.status_code == 401
    assert refused.json()["code"] == "token_revoked"
    assert refused.json()["message"] == "โทเค็นนี้ถูกยกเลิกแล้ว"
    assert "ยกเลิกแล้ว" in client.get(PAGE).content.decode()


def test_nobody_revokes_another_persons_token(client, cast, issue):
    issue(cast.coordinator_a)
    token = ApiToken.objects.get()
    for other in (cast.coordinator_b, cast.central):
        client.force_login(other)
        assert client.post(reverse("api-tokens:revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_an_expired_token_is_refused(cast, issue, caller):
    secret = issue(cast.coordinator_a, expires_at=timezone.now() + dt.timedelta(days=1))
    ApiToken.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = caller(secret).get("/units")
    assert response.status_code == 401
    assert response.json() == {"code": "token_expired", "message": "โทเค็นนี้หมดอายุแล้ว", "errors": []}


@pytest.mark.parametrize(
    "header, code",
    [
        (None, "token_missing"),
        ("Bearer pmqa4_" + "x" * 43, "token_invalid"),
        ("Bearer not-one-of-ours", "token_invalid"),
        ("Basic dXNlcjpwYXNz", "token_malformed"),
        ("Bearer", "token_malformed"),
    ],
)
def test_no_or_a_wrong_token_is_a_401_that_says_why(client, cast, header, code):
    headers = {"Authorization": header} if header else {}
    response = client.get("/api/v1/units", headers=headers)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json()["code"] == code
    assert response.json()["message"]  # Thai, e.g. "โทเค็นไม่ถูกต้อง"


def test_a_signed_in_session_is_not_a_token(client, cast):
    client.force_login(cast.central)
    assert client.get("/api/v1/units").status_code == 401


def test_a_deactivated_persons_token_stops(cast, issue, caller):
    secret = issue(cast.coordinator_a)
    cast.coordinator_a.is_active = False
    cast.coordinator_a.save()
    response = caller(secret).get("/units")
    assert response.status_code == 401 and response.json()["code"] == "user_inactive"


def test_each_call_is_logged_once_with_its_outcome(
    cast, issue, caller, django_capture_on_commit_callbacks
):
    secret = issue(cast.coordinator_a)
    with django_capture_on_commit_callbacks(execute=True):
        caller(secret).get("/units")
        caller(secret).get("/units/OPS-BBB")
    token = ApiToken.objects.get()
    uses = list(ApiTokenUse.objects.order_by("id").values_list("method", "path", "status", "ip"))
    assert uses == [
        ("GET", "/api/v1/units", 200, "127.0.0.1"),
        ("GET", "/api/v1/units/OPS-BBB", 404, "127.0.0.1"),
    ]
    assert token.last_used_at is not None
    # a revoked token's attempts are logged too: its owner should know it is still in use
    tokens.revoke(token, now=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        caller(secret).get("/units")
    assert ApiTokenUse.objects.order_by("-id").values_list("status", flat=True)[0] == 401
    # a call without a token names no token, so there is nothing to log it against
    with django_capture_on_commit_callbacks(execute=True):
        caller(None).get("/units")
    assert ApiTokenUse.objects.count() == 3


def test_revoking_twice_changes_nothing(cast, issue):
    issue(cast.coordinator_a)
    token = ApiToken.objects.get()
    first = timezone.now()
    assert tokens.revoke(token, now=first)
    assert not tokens.revoke(token, now=first + dt.timedelta(hours=1))
    token.refresh_from_db()
    assert token.revoked_at == first
