"""The roles that see every unit must set up an app (MFA_ENFORCE); others may skip it."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from pmqa4.accounts import mfa
from pmqa4.core.testing.factories import UserFactory

from .utils import app_code, enrol, sign_in

SETUP = reverse("accounts:mfa-setup")


@pytest.mark.parametrize("username", ["central", "evaluator", "ministry"])
def test_a_central_role_without_an_app_is_sent_to_set_one_up_and_nowhere_else(
    client, cast, cycle, mfa_on, username
):
    response = sign_in(client, username, follow=True)

    assert response.redirect_chain[-1][0] == SETUP + "?next=%2F"
    html = response.content.decode()
    assert "ต้องใช้การยืนยันตัวตนสองขั้นตอน" in html and 'class="mfa-qr"' in html
    for url in [
        reverse("dashboard:overview"),
        reverse("accounts:security"),
        reverse("password_change"),
        reverse("admin:index"),
        reverse("org:unit-home", args=["OPS-AAA"]),
    ]:
        blocked = client.get(url)
        assert blocked.status_code == 302, url
        assert blocked["Location"].startswith(SETUP), url
    assert client.post(reverse("set_language"), {"language": "th"}).status_code == 302
    assert client.post(reverse("logout"))["Location"] == reverse("login")


def test_once_set_up_the_central_administrator_reaches_the_overview(client, cast, cycle, mfa_on):
    sign_in(client, "central")
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=cast.central)
    client.post(SETUP, {"code": app_code(device)})

    response = client.get(reverse("dashboard:overview"))

    assert response.status_code == 200
    assert "OPS-AAA" in response.content.decode()


def test_with_an_app_the_evaluator_must_give_a_code_in_every_new_session(
    client, cast, cycle, mfa_on
):
    device, _codes = enrol(cast.evaluator)
    sign_in(client, "evaluator")
    client.post(reverse("accounts:verify"), {"code": app_code(device)})
    assert client.get(reverse("dashboard:overview")).status_code == 200

    other = Client()
    sign_in(other, "evaluator")
    response = other.get(reverse("dashboard:overview"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:verify"))


def test_a_coordinator_may_skip_it(client, cast, cycle, mfa_on):
    response = sign_in(client, "coord.a", follow=True)

    assert response.redirect_chain[-1][0] == reverse("org:unit-home", args=["OPS-AAA"])
    security = client.get(reverse("accounts:security")).content.decode()
    assert "ยังไม่เปิดใช้" in security
    assert "ต้องใช้การยืนยันตัวตนสองขั้นตอนเสมอ" not in security


def test_a_superuser_is_held_to_it_too(client, db, mfa_on):
    UserFactory(username="root", is_superuser=True, is_staff=True)
    response = sign_in(client, "root")
    assert client.get(response["Location"])["Location"].startswith(SETUP)


def test_with_enforcement_off_the_central_roles_are_not_forced(client, cast, cycle, settings):
    settings.MFA_ENFORCE = False
    response = sign_in(client, "central", follow=True)
    assert response.redirect_chain[-1][0] == reverse("dashboard:overview")


def test_a_central_role_cannot_turn_it_off(client, cast, mfa_on):
    device, _codes = enrol(cast.central)
    sign_in(client, "central")
    client.post(reverse("accounts:verify"), {"code": app_code(device)})

    security = client.get(reverse("accounts:security")).content.decode()
    assert reverse("accounts:mfa-disable") not in security
    assert "จึงปิดไม่ได้" in security
    assert client.get(reverse("accounts:mfa-disable")).status_code == 403
    response = client.post(reverse("accounts:mfa-disable"), {"password": "pw-for-tests"})
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=cast.central, confirmed=True).exists()


def test_an_app_deleted_in_the_admin_sends_a_central_role_back_to_set_up(client, cast, mfa_on):
    """An app deleted in the admin (a lost phone): the next page asks for a new one."""
    device, _codes = enrol(cast.evaluator)
    sign_in(client, "evaluator")
    TOTPDevice.objects.filter(pk=device.pk).delete()
    response = client.get(reverse("dashboard:overview"))
    assert response["Location"].startswith(SETUP)
    assert client.session[mfa.SESSION_STATE] == mfa.SETUP


def test_a_fragment_of_the_set_up_page_is_not_sent_back_to_the_page_it_is_on(
    client, cast, cycle, mfa_on
):
    """The bell's count loads with htmx on every page, the set-up page included: sending that
    page to itself would reload it for ever."""
    sign_in(client, "evaluator")
    bell = reverse("notifications:count")
    elsewhere = client.get(bell, HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL="http://t/central/")
    assert elsewhere["HX-Redirect"] == SETUP
    on_setup = client.get(bell, HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL="http://t" + SETUP)
    assert on_setup.status_code == 204 and "HX-Redirect" not in on_setup
