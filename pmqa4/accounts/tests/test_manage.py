"""The account security page: new recovery codes (old ones stop working), turning it off."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from pmqa4.accounts import mfa

from .utils import app_code, enrol, messages_of, sign_in

SECURITY = reverse("accounts:security")
DISABLE = reverse("accounts:mfa-disable")


@pytest.fixture
def verified(client, cast):
    """coord.a signed in with password and app code."""
    device, codes = enrol(cast.coordinator_a)
    sign_in(client, "coord.a")
    client.post(reverse("accounts:verify"), {"code": app_code(device)})
    return device, codes


def test_the_page_says_whether_it_is_on_and_how_many_codes_are_left(client, cast, verified):
    StaticToken.objects.filter(device__user=cast.coordinator_a).first().delete()
    response = client.get(SECURITY)
    html = response.content.decode()
    assert response.status_code == 200
    assert "ความปลอดภัยของบัญชี" in html and "เปิดใช้อยู่" in html
    assert "9 จาก 10 รหัส" in html
    assert reverse("accounts:mfa-disable") in html


def test_a_page_without_an_app_offers_to_set_one_up(client, cast):
    client.force_login(cast.executive_a)
    html = client.get(SECURITY).content.decode()
    assert "ยังไม่เปิดใช้" in html and reverse("accounts:mfa-setup") in html
    assert reverse("accounts:lockouts") not in html


def test_new_recovery_codes_replace_the_old_ones(client, cast, verified):
    _device, old_codes = verified

    response = client.post(reverse("accounts:recovery-regenerate"), follow=True)

    new_codes = [c.replace("-", "") for c in response.context["codes"]]
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    assert "รหัสชุดเดิมใช้ไม่ได้อีกต่อไป" in " ".join(messages_of(response))
    stored = set(
        StaticToken.objects.filter(device__user=cast.coordinator_a).values_list("token", flat=True)
    )
    assert stored == set(new_codes)
    assert StaticDevice.objects.filter(user=cast.coordinator_a).count() == 1


def test_new_codes_are_made_only_by_post(client, verified):
    assert client.get(reverse("accounts:recovery-regenerate")).status_code == 405


def test_without_an_app_there_are_no_recovery_codes_to_make(client, cast):
    client.force_login(cast.coordinator_a)
    response = client.post(reverse("accounts:recovery-regenerate"), follow=True)
    assert "ต้องเปิดใช้การยืนยันตัวตนสองขั้นตอนก่อน" in " ".join(messages_of(response))
    assert not StaticToken.objects.exists()


def test_turning_it_off_with_an_app_code(client, cast, verified):
    device, _codes = verified
    response = client.post(DISABLE, {"code": app_code(device)}, follow=True)
    assert "ปิดการยืนยันตัวตนสองขั้นตอนแล้ว" in " ".join(messages_of(response))
    assert not TOTPDevice.objects.filter(user=cast.coordinator_a).exists()
    assert not StaticDevice.objects.filter(user=cast.coordinator_a).exists()
    client.post(reverse("logout"))
    # Next time the password is enough.
    after = sign_in(client, "coord.a", follow=True)
    assert after.redirect_chain[-1][0] == reverse("org:unit-home", args=["OPS-AAA"])


def test_turning_it_off_with_the_password(client, cast, verified):
    client.post(DISABLE, {"password": "pw-for-tests"})
    assert not TOTPDevice.objects.filter(user=cast.coordinator_a).exists()
    assert client.session.get("otp_device_id") is None
    assert client.session[mfa.SESSION_STATE] == mfa.OK


def test_a_wrong_password_keeps_it_on_and_counts_as_a_wrong_code(client, cast, verified):
    device, _codes = verified
    response = client.post(DISABLE, {"password": "not-my-password"})
    assert response.status_code == 200
    assert "รหัสผ่านไม่ถูกต้อง" in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed and device.throttling_failure_count == 1
    # Straight after, even the right password waits.
    again = client.post(DISABLE, {"password": "pw-for-tests"})
    assert "กรุณารอ" in again.content.decode()
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_turning_it_off_needs_a_code_or_the_password(client, cast, verified):
    response = client.post(DISABLE, {})
    assert "อย่างใดอย่างหนึ่ง" in response.content.decode()
    assert TOTPDevice.objects.filter(user=cast.coordinator_a).exists()


def test_these_pages_need_a_signed_in_person(client, db):
    for name in ["security", "mfa-setup", "recovery-codes", "mfa-disable"]:
        response = client.get(reverse(f"accounts:{name}"))
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("login")), name
    response = client.post(reverse("accounts:recovery-regenerate"))
    assert response["Location"].startswith(reverse("login"))
