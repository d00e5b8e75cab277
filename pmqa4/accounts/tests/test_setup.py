"""Setting up an authenticator app: QR code and secret, a real code, recovery codes shown once."""

from base64 import b32encode
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from pmqa4.accounts import mfa

from .utils import app_code, enrol, messages_of

SETUP = reverse("accounts:mfa-setup")


@pytest.fixture
def coordinator(client, cast):
    client.force_login(cast.coordinator_a)
    return cast.coordinator_a


def test_the_setup_page_shows_a_qr_code_and_the_secret_of_a_new_unconfirmed_app(
    client, coordinator
):
    response = client.get(SETUP)

    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=coordinator)
    assert device.confirmed is False
    html = response.content.decode()
    secret = b32encode(device.bin_key).decode().rstrip("=")
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in html
    # The QR code is an inline SVG of the otpauth:// link, which carries the same secret.
    assert '<svg width="' in html and 'class="mfa-qr"' in html
    assert mfa.qr_svg(device) in html
    link = urlparse(device.config_url)
    assert link.scheme == "otpauth" and link.netloc == "totp"
    assert unquote(link.path) == "/PMQA 4.0:coord.a"
    assert parse_qs(link.query)["secret"] == [secret]
    assert parse_qs(link.query)["issuer"] == ["PMQA 4.0"]
    assert "ตั้งค่าแอปยืนยันตัวตน" in html
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    )


def test_reloading_the_page_keeps_the_secret_already_scanned(client, coordinator):
    client.get(SETUP)
    client.get(SETUP)
    assert TOTPDevice.objects.filter(user=coordinator).count() == 1


def test_a_real_code_confirms_the_app_and_shows_ten_recovery_codes_once(client, coordinator):
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=coordinator)
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"

    response = client.post(SETUP, {"code": code})

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:recovery-codes")
    device.refresh_from_db()
    assert device.confirmed is True
    # The session that set it up is already past the second step.
    assert client.session["otp_device_id"] == device.persistent_id

    shown = client.get(reverse("accounts:recovery-codes"))
    assert shown.status_code == 200
    codes = [c.replace("-", "") for c in shown.context["codes"]]
    assert len(codes) == 10 == len(set(codes))
    stored = set(
        StaticToken.objects.filter(device__user=coordinator).values_list("token", flat=True)
    )
    assert set(codes) == stored
    html = shown.content.decode()
    assert shown.context["codes"][0] in html and "แสดงรหัสสำรองเพียงครั้งเดียว" in html

    again = client.get(reverse("accounts:recovery-codes"), follow=True)
    assert again.redirect_chain[-1][0] == reverse("accounts:security")
    assert codes[0] not in again.content.decode()
    assert "แสดงได้ครั้งเดียว" in " ".join(messages_of(again))


def test_thai_digits_and_spaces_are_read_as_the_code(client, coordinator):
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=coordinator)
    code = app_code(device)
    typed = (code[:3] + " " + code[3:]).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))

    client.post(SETUP, {"code": typed})

    device.refresh_from_db()
    assert device.confirmed is True


def test_a_wrong_code_is_refused_in_thai_and_the_app_stays_unconfirmed(client, coordinator):
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=coordinator)
    wrong = f"{(int(app_code(device)) + 1) % 1_000_000:06d}"

    response = client.post(SETUP, {"code": wrong})

    assert response.status_code == 200
    assert "รหัสยืนยันตัวตนไม่ถูกต้องหรือหมดเวลาแล้ว" in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed is False
    assert device.throttling_failure_count == 1
    assert not StaticToken.objects.filter(device__user=coordinator).exists()


def test_letters_instead_of_six_digits_are_refused_without_counting_a_failure(client, coordinator):
    client.get(SETUP)
    response = client.post(SETUP, {"code": "12ab"})
    assert "กรุณากรอกรหัสตัวเลข ๖ หลัก" in response.content.decode()
    assert TOTPDevice.objects.get(user=coordinator).throttling_failure_count == 0


def test_after_a_wrong_code_even_the_right_one_must_wait(client, coordinator):
    """django-otp's throttling: 1, 2, 4 … seconds after each wrong code."""
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=coordinator)
    wrong = f"{(int(app_code(device)) + 1) % 1_000_000:06d}"
    client.post(SETUP, {"code": wrong})

    response = client.post(SETUP, {"code": app_code(device)})

    assert "กรุณารอ" in response.content.decode() and "วินาที" in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed is False

    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timezone.timedelta(seconds=5)
    )
    client.post(SETUP, {"code": app_code(device)})
    device.refresh_from_db()
    assert device.confirmed is True


def test_moving_to_a_new_phone_replaces_the_old_app_and_the_old_recovery_codes(client, coordinator):
    old_app, old_codes = enrol(coordinator)
    session = client.session
    session["otp_device_id"] = old_app.persistent_id
    session[mfa.SESSION_STATE] = mfa.OK
    session.save()

    response = client.get(SETUP)
    assert "ย้ายแอปยืนยันตัวตนไปโทรศัพท์เครื่องใหม่" in response.content.decode()
    new_app = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    client.post(SETUP, {"code": app_code(new_app)})

    assert list(TOTPDevice.objects.filter(user=coordinator)) == [new_app]
    new_codes = set(
        StaticToken.objects.filter(device__user=coordinator).values_list("token", flat=True)
    )
    assert len(new_codes) == 10 and not new_codes & set(old_codes)


def test_someone_with_an_app_who_has_not_given_a_code_cannot_replace_it(client, coordinator):
    enrol(coordinator)
    response = client.get(SETUP)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:verify"))
    assert not TOTPDevice.objects.filter(user=coordinator, confirmed=False).exists()
