"""The central admin shows sign-in records in Thai: unlock there, reset a lost phone there."""

from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .test_lockout import fail
from .utils import enrol, sign_in


def test_the_admin_lists_failed_sign_ins_in_thai_and_unlocks_from_there(client, cast, axes_on):
    stranger = Client()
    fail(stranger, "coord.a", 3)
    client.force_login(cast.central)

    index = client.get(reverse("admin:index")).content.decode()
    assert "การเข้าสู่ระบบที่ผิดพลาด (การล็อกบัญชี)" in index
    assert "แอปยืนยันตัวตน" in index and "ประวัติการเข้าสู่ระบบ" in index
    changelist = client.get(reverse("admin:accounts_failedlogin_changelist"))
    assert changelist.status_code == 200
    html = changelist.content.decode()
    assert "coord.a" in html and "จำนวนครั้งที่ผิด" in html
    attempt = AccessAttempt.objects.get(username="coord.a")

    client.post(
        reverse("admin:accounts_failedlogin_changelist"),
        {"action": "unlock_selected", "_selected_action": [attempt.pk]},
    )

    assert not AccessAttempt.objects.filter(username="coord.a").exists()
    assert sign_in(stranger, "coord.a").status_code == 302


def test_the_admin_shows_who_has_an_app_but_never_the_secret_or_the_codes(client, cast):
    device, codes = enrol(cast.evaluator)
    client.force_login(cast.central)

    listing = client.get(reverse("admin:accounts_authenticatorapp_changelist")).content.decode()
    assert "evaluator" in listing
    detail = client.get(reverse("admin:accounts_authenticatorapp_change", args=[device.pk]))
    assert detail.status_code == 200
    assert device.key not in detail.content.decode()
    recovery = StaticDevice.objects.get(user=cast.evaluator)
    page = client.get(reverse("admin:accounts_recoverycodeset_change", args=[recovery.pk]))
    assert page.status_code == 200
    assert not any(code in page.content.decode() for code in codes)
    assert client.get(reverse("admin:accounts_authenticatorapp_add")).status_code == 403


def test_deleting_an_app_in_the_admin_resets_a_lost_phone(client, cast):
    device, _codes = enrol(cast.evaluator)
    client.force_login(cast.central)

    response = client.post(
        reverse("admin:accounts_authenticatorapp_delete", args=[device.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=cast.evaluator).exists()


def test_django_otp_s_english_admin_pages_are_gone(client, cast):
    client.force_login(cast.central)
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404
    assert client.get("/admin/axes/accessattempt/").status_code == 404


def test_the_admin_is_not_there_for_an_evaluator(client, cast):
    client.force_login(cast.evaluator)
    assert client.get(reverse("admin:accounts_failedlogin_changelist")).status_code == 404
    assert client.get(reverse("admin:accounts_authenticatorapp_changelist")).status_code == 404
