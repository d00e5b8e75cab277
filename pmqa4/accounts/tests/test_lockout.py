"""Lock-out after repeated wrong passwords (django-axes on), and unlocking it."""

import datetime as dt

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from pmqa4.accounts import lockouts
from pmqa4.core.testing.factories import UserFactory

from .utils import messages_of, sign_in

LOCKOUTS = reverse("accounts:lockouts")
UNLOCK = reverse("accounts:unlock")


def fail(client, username, times, **extra):
    response = None
    for _ in range(times):
        response = sign_in(client, username, "wrong-password", **extra)
    return response


def test_the_limit_th_wrong_password_locks_the_account_with_a_thai_page(client, cast, axes_on):
    first = fail(client, "coord.a", 2)
    assert first.status_code == 200
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in first.content.decode()

    locked = fail(client, "coord.a", 1)

    assert locked.status_code == 429
    html = locked.content.decode()
    assert "บัญชีถูกล็อกชั่วคราว" in html
    assert "ล็อกไว้ 30 นาที" in html
    assert "กรอกรหัสผ่านไม่ถูกต้องติดกัน 3 ครั้ง" in html
    assert "กลุ่มพัฒนาระบบบริหาร" in html and "0 2232 1367" in html
    unlocks_at = lockouts.unlocks_at("coord.a", "127.0.0.1")
    assert unlocks_at is not None
    assert timezone.localtime(unlocks_at).strftime("%H:%M") in html

    # Even the right password is refused until the lock ends, and does not extend it.
    right = sign_in(client, "coord.a")
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    assert lockouts.unlocks_at("coord.a", "127.0.0.1") == unlocks_at
    assert AccessFailureLog.objects.filter(username="coord.a", locked_out=True).exists()


def test_the_lock_is_for_that_user_name_from_that_address_only(client, cast, cycle, axes_on):
    fail(client, "coord.a", 3)

    assert sign_in(client, "coord.a", REMOTE_ADDR="10.1.2.3").status_code == 302
    client.post(reverse("logout"))
    assert sign_in(client, "coord.b").status_code == 302


def test_the_lock_ends_by_itself_after_the_cool_off(client, cast, axes_on):
    fail(client, "coord.a", 3)
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=31))
    assert sign_in(client, "coord.a").status_code == 302


def test_a_successful_sign_in_forgets_the_earlier_failures(client, cast, axes_on):
    fail(client, "coord.a", 2)
    assert sign_in(client, "coord.a").status_code == 302
    assert not AccessAttempt.objects.filter(username="coord.a").exists()
    assert AccessLog.objects.filter(username="coord.a").exists()
    client.post(reverse("logout"))
    assert fail(client, "coord.a", 2).status_code == 200


def test_the_central_administrator_sees_the_locked_accounts_and_unlocks_one(
    client, cast, cycle, axes_on
):
    stranger = Client()
    fail(stranger, "coord.a", 3)
    fail(stranger, "nobody.here", 3)
    fail(stranger, "coord.b", 1)  # not locked yet

    client.force_login(cast.central)
    page = client.get(LOCKOUTS)

    assert page.status_code == 200
    html = page.content.decode()
    assert "บัญชีที่ถูกล็อก" in html and "ถูกล็อกอยู่ 2 รายการ" in html
    assert "coord.a" in html and cast.coordinator_a.display_name in html
    assert "nobody.here" in html and "ไม่มีบัญชีชื่อนี้ในระบบ" in html
    assert "coord.b" not in html
    assert "ปลดล็อก" in html

    response = client.post(UNLOCK, {"username": "coord.a", "ip_address": "127.0.0.1"}, follow=True)

    assert "ปลดล็อกบัญชี coord.a แล้ว" in " ".join(messages_of(response))
    assert "coord.a" not in [a.username for a in response.context["accounts"]]
    assert sign_in(stranger, "coord.a").status_code == 302


def test_unlocking_what_is_no_longer_locked_says_so(client, cast, axes_on):
    client.force_login(cast.central)
    response = client.post(UNLOCK, {"username": "coord.a", "ip_address": "127.0.0.1"}, follow=True)
    assert "ไม่ได้ถูกล็อกอยู่แล้ว" in " ".join(messages_of(response))


def test_a_malformed_unlock_request_is_refused_in_thai(client, cast, axes_on):
    fail(client, "coord.a", 3)
    client.force_login(cast.central)
    response = client.post(UNLOCK, {"username": "coord.a", "ip_address": "not-an-ip"}, follow=True)
    assert "ข้อมูลบัญชีที่จะปลดล็อกไม่ถูกต้อง" in " ".join(messages_of(response))
    assert AccessAttempt.objects.filter(username="coord.a").exists()


@pytest.mark.parametrize("who", ["coordinator_a", "executive_a", "staff_a", "evaluator"])
def test_only_the_central_administrator_may_see_or_unlock(client, cast, axes_on, who):
    fail(client, "coord.b", 3)
    client.force_login(getattr(cast, who))
    assert client.get(LOCKOUTS).status_code == 403
    assert (
        client.post(UNLOCK, {"username": "coord.b", "ip_address": "127.0.0.1"}).status_code == 403
    )
    assert AccessAttempt.objects.filter(username="coord.b").exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    assert client.get(LOCKOUTS)["Location"].startswith(reverse("login"))
    assert client.post(UNLOCK, {"username": "x"})["Location"].startswith(reverse("login"))


def test_the_list_costs_the_same_queries_for_one_or_many_locked_accounts(
    client, cast, axes_on, django_assert_max_num_queries
):
    client.force_login(cast.central)
    client.get(LOCKOUTS)

    def lock(username, ip):
        AccessAttempt.objects.create(
            username=username,
            ip_address=ip,
            user_agent="t",
            http_accept="*/*",
            path_info="/accounts/login/",
            get_data="",
            post_data="",
            failures_since_start=3,
        )

    lock("coord.a", "10.0.0.1")
    with django_assert_max_num_queries(8) as one:
        client.get(LOCKOUTS)
    for n in range(30):
        UserFactory(username=f"user{n}")
        lock(f"user{n}", f"10.0.1.{n}")
    with django_assert_max_num_queries(8) as many:
        response = client.get(LOCKOUTS)
    assert len(response.context["accounts"]) == 31
    assert len(many.captured_queries) == len(one.captured_queries)


def test_behind_a_trusted_proxy_the_address_is_the_one_it_saw(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9"
    )
    settings.TRUSTED_PROXY_COUNT = 0
    assert lockouts.client_ip(request) == "10.0.0.5"
    settings.TRUSTED_PROXY_COUNT = 1
    assert lockouts.client_ip(request) == "203.0.113.9"
    settings.TRUSTED_PROXY_COUNT = 3  # fewer entries than proxies: do not trust the header
    assert lockouts.client_ip(request) == "10.0.0.5"
    bad = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="junk")
    settings.TRUSTED_PROXY_COUNT = 1
    assert lockouts.client_ip(bad) == "10.0.0.5"
