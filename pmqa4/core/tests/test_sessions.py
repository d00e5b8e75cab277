"""Sessions (ASVS 5.0 V7): the cookie, a new key at sign-in, the end at logout, after the idle
time and the absolute limit, and the other sessions ended by a password change."""

import datetime as dt
import importlib
import os
import sys
from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pmqa4.core.sessions import LAST_SEEN, SIGNED_IN_AT, SessionLimitsMiddleware

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests"
NEW_PASSWORD = "Pmqa4-ใหม่-2568-long"
UNIT_A = "/units/OPS-AAA/"
LOGIN = reverse("login")


def sign_in(client, username="coord.a"):
    response = client.post(LOGIN, {"username": username, "password": PASSWORD})
    assert response.status_code == 302, "the sign-in failed"
    return client.cookies["sessionid"].value


def signed_in(client) -> bool:
    response = client.get(UNIT_A)
    if response.status_code == 302:
        assert response["Location"].startswith(LOGIN)
        return False
    assert response.status_code == 200
    return True


def stamps(key) -> dict:
    return Session.objects.get(session_key=key).get_decoded()


def age(client, **shifts):
    """Move the session's clocks back by the given timedeltas (what time passing would do)."""
    session = client.session
    for name, delta in shifts.items():
        session[name] = int(session[name] - delta.total_seconds())
    session.save()


# The cookie -----------------------------------------------------------------------------------


def test_the_session_cookie_is_http_only_same_site_and_lives_at_most_the_absolute_limit(
    client, cast
):
    sign_in(client)
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 12 * 3600
    assert client.cookies["csrftoken"]["httponly"] is True
    assert client.cookies["csrftoken"]["samesite"] == "Lax"


def test_signing_in_gives_a_new_session_key(client, cast):
    client.get(LOGIN)
    client.session.save()  # an anonymous session an attacker could have planted
    planted = client.session.session_key
    key = sign_in(client)
    assert key != planted
    assert not Session.objects.filter(session_key=planted).exists()


# Logout -----------------------------------------------------------------------------------------


def test_logout_ends_the_session_on_the_server(client, cast):
    key = sign_in(client)
    assert signed_in(client)
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response["Location"] == LOGIN
    assert not Session.objects.filter(session_key=key).exists()
    replay = Client()
    replay.cookies["sessionid"] = key  # the old cookie, kept by someone
    assert not signed_in(replay)


def test_logout_is_post_only_so_a_link_cannot_sign_anyone_out(client, cast):
    sign_in(client)
    assert client.get(reverse("logout")).status_code == 405
    assert signed_in(client)


# Idle time and the absolute limit ---------------------------------------------------------------


def test_signing_in_starts_both_clocks(client, cast):
    before = int(timezone.now().timestamp())
    key = sign_in(client)
    data = stamps(key)
    assert before <= data[SIGNED_IN_AT] == data[LAST_SEEN] <= before + 2


def test_a_session_idle_longer_than_the_setting_is_signed_out_with_a_thai_message(client, cast):
    key = sign_in(client)
    age(client, pmqa4_last_seen=dt.timedelta(minutes=31))
    response = client.get(UNIT_A, follow=True)
    assert response.redirect_chain[-1][0] == f"{LOGIN}?next={UNIT_A}"
    content = response.content.decode()
    assert "ไม่มีการใช้งานนานเกิน 30 นาที ระบบจึงออกจากระบบให้เพื่อความปลอดภัย" in content
    assert not Session.objects.filter(session_key=key).exists()
    assert "_auth_user_id" not in client.session


def test_a_session_used_within_the_idle_time_stays_and_records_the_use(client, cast):
    key = sign_in(client)
    age(client, pmqa4_last_seen=dt.timedelta(minutes=29))
    assert signed_in(client)
    assert int(timezone.now().timestamp()) - stamps(key)[LAST_SEEN] <= 2


def test_the_last_use_is_written_at_most_once_a_minute(client, cast):
    key = sign_in(client)
    age(client, pmqa4_last_seen=dt.timedelta(seconds=30))
    written = stamps(key)[LAST_SEEN]
    assert signed_in(client)
    assert stamps(key)[LAST_SEEN] == written


def test_the_idle_time_comes_from_the_setting(client, cast, settings):
    settings.SESSION_IDLE_MINUTES = 5
    sign_in(client)
    age(client, pmqa4_last_seen=dt.timedelta(minutes=4))
    assert signed_in(client)
    age(client, pmqa4_last_seen=dt.timedelta(minutes=6))
    response = client.get(UNIT_A, follow=True)
    assert "ไม่มีการใช้งานนานเกิน 5 นาที" in response.content.decode()


@pytest.mark.parametrize(("variable", "minutes"), [(None, 30), ("15", 15)])
def test_the_idle_time_is_read_from_the_environment_thirty_minutes_by_default(variable, minutes):
    environment = {k: v for k, v in os.environ.items() if k != "SESSION_IDLE_MINUTES"}
    if variable is not None:
        environment["SESSION_IDLE_MINUTES"] = variable
    sys.modules.pop("config.settings.base", None)
    try:
        with mock.patch.dict(os.environ, environment, clear=True):
            found = importlib.import_module("config.settings.base").SESSION_IDLE_MINUTES
        assert found == minutes
    finally:
        sys.modules.pop("config.settings.base", None)


def test_a_session_older_than_the_absolute_limit_ends_even_while_in_use(client, cast):
    sign_in(client)
    age(client, pmqa4_signed_in_at=dt.timedelta(hours=12, minutes=1))
    response = client.get(UNIT_A, follow=True)
    assert "เข้าสู่ระบบต่อเนื่องนานเกิน 12 ชั่วโมง" in response.content.decode()
    assert not signed_in(client)


def test_an_htmx_request_after_the_idle_time_sends_the_whole_page_to_the_login(client, cast):
    sign_in(client)
    age(client, pmqa4_last_seen=dt.timedelta(hours=1))
    page = "http://testserver/units/OPS-AAA/2568/plans/form1/"
    response = client.get(UNIT_A, HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL=page)
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"{LOGIN}?next=%2Funits%2FOPS-AAA%2F2568%2Fplans%2Fform1%2F"
    assert not signed_in(client)


def test_a_session_from_before_the_limits_gets_its_clocks_started(client, cast):
    key = sign_in(client)
    session = client.session
    del session[SIGNED_IN_AT], session[LAST_SEEN]
    session.save()
    assert signed_in(client)
    assert {SIGNED_IN_AT, LAST_SEEN} <= stamps(key).keys()


@pytest.mark.parametrize("value", [0, -5, "30"])
def test_a_wrong_idle_setting_stops_the_server(settings, value):
    settings.SESSION_IDLE_MINUTES = value
    with pytest.raises(ImproperlyConfigured, match="SESSION_IDLE_MINUTES"):
        SessionLimitsMiddleware(lambda request: None)


# Password change and reset ----------------------------------------------------------------------


def test_changing_the_password_ends_the_other_sessions_but_keeps_this_one(cast):
    here, elsewhere = Client(), Client()
    sign_in(here)
    sign_in(elsewhere)
    assert signed_in(here) and signed_in(elsewhere)
    response = here.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("password_change_done")
    assert signed_in(here)
    assert not signed_in(elsewhere)


def test_resetting_the_password_by_email_ends_every_session(cast, mailoutbox):
    signed = Client()
    sign_in(signed)
    reset = Client()
    reset.post(reverse("password_reset"), {"email": cast.coordinator_a.email})
    link = next(line for line in mailoutbox[0].body.splitlines() if "/accounts/reset/" in line)
    form = reset.get(link.strip(), follow=True)
    assert form.status_code == 200
    done = reset.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done.status_code == 302 and done["Location"] == reverse("password_reset_complete")
    assert not signed_in(signed)
