"""The second step at sign-in: nothing else until an app code or a recovery code is given."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken

from pmqa4.accounts import mfa

from .utils import app_code, enrol, messages_of, sign_in

VERIFY = reverse("accounts:verify")


@pytest.fixture
def enrolled(cast):
    device, codes = enrol(cast.coordinator_a)
    return device, codes


def test_after_the_password_a_person_with_an_app_is_asked_for_a_code_first(
    client, cast, cycle, enrolled
):
    response = sign_in(client, "coord.a", follow=True)

    assert response.redirect_chain[-1][0] == VERIFY + "?next=%2F"
    assert "ใส่รหัสยืนยันตัวตน" in response.content.decode()
    # Every other page sends them back to the code, with where they were going.
    unit_page = client.get(reverse("org:unit-home", args=["OPS-AAA"]))
    assert unit_page.status_code == 302
    assert unit_page["Location"] == VERIFY + "?next=%2Funits%2FOPS-AAA%2F"
    assert client.get(reverse("password_change"))["Location"].startswith(VERIFY)
    assert client.get(reverse("accounts:security"))["Location"].startswith(VERIFY)


def test_the_app_code_lets_them_through_to_where_they_were_going(client, cast, cycle, enrolled):
    device, _codes = enrolled
    sign_in(client, "coord.a")
    key_before = client.session.session_key

    response = client.post(VERIFY, {"code": app_code(device), "next": "/units/OPS-AAA/"})

    assert response.status_code == 302 and response["Location"] == "/units/OPS-AAA/"
    assert client.session.session_key != key_before  # a new session id for the stronger sign-in
    page = client.get(reverse("org:unit-home", args=["OPS-AAA"]))
    assert page.status_code == 200 and "กองทดสอบเอ" in page.content.decode()


def test_a_wrong_code_is_refused_in_thai_and_nothing_opens(client, cast, enrolled):
    device, _codes = enrolled
    sign_in(client, "coord.a")
    wrong = f"{(int(app_code(device)) + 1) % 1_000_000:06d}"

    response = client.post(VERIFY, {"code": wrong})

    assert response.status_code == 200
    assert "รหัสยืนยันตัวตนไม่ถูกต้องหรือหมดเวลาแล้ว" in response.content.decode()
    assert client.get(reverse("org:unit-home", args=["OPS-AAA"]))["Location"].startswith(VERIFY)


def test_a_code_already_used_does_not_work_again(client, cast, enrolled):
    device, _codes = enrolled
    code = app_code(device)
    sign_in(client, "coord.a")
    client.post(VERIFY, {"code": code})
    client.post(reverse("logout"))

    sign_in(client, "coord.a")
    response = client.post(VERIFY, {"code": code})

    assert "ไม่ถูกต้องหรือหมดเวลาแล้ว" in response.content.decode()


def test_a_recovery_code_works_once(client, cast, cycle, enrolled):
    _device, codes = enrolled
    code = codes[0]

    sign_in(client, "coord.a")
    response = client.post(VERIFY, {"code": mfa.format_recovery_code(code).upper()}, follow=True)
    assert response.status_code == 200
    assert "เหลือรหัสสำรองอีก 9 รหัส" in " ".join(messages_of(response))
    assert not StaticToken.objects.filter(token=code).exists()
    client.post(reverse("logout"))

    sign_in(client, "coord.a")
    again = client.post(VERIFY, {"code": code})
    assert "ไม่ถูกต้องหรือหมดเวลาแล้ว" in again.content.decode()
    assert client.get(reverse("org:unit-home", args=["OPS-AAA"]))["Location"].startswith(VERIFY)
    assert StaticToken.objects.filter(device__user=cast.coordinator_a).count() == 9


def test_neither_six_digits_nor_a_recovery_code_gets_a_thai_explanation(client, cast, enrolled):
    sign_in(client, "coord.a")
    response = client.post(VERIFY, {"code": "hello"})
    assert "รหัส ๖ หลักจากแอปยืนยันตัวตน หรือรหัสสำรอง ๘ ตัวอักษร" in response.content.decode()


def test_an_address_on_another_site_is_not_followed_after_the_code(client, cast, cycle, enrolled):
    device, _codes = enrolled
    sign_in(client, "coord.a")
    response = client.post(VERIFY, {"code": app_code(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("home")


def test_an_htmx_request_is_sent_to_the_code_page_by_a_full_page_load(client, cast, enrolled):
    sign_in(client, "coord.a")
    response = client.get(reverse("org:unit-home", args=["OPS-AAA"]), HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == VERIFY


def test_signing_out_and_switching_language_still_work_before_the_code(client, cast, enrolled):
    sign_in(client, "coord.a")
    assert client.post(reverse("set_language"), {"language": "th", "next": "/"}).status_code == 302
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert "_auth_user_id" not in client.session


def test_without_an_app_the_code_page_just_moves_on(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    response = client.get(VERIFY)
    assert response.status_code == 302 and response["Location"] == reverse("home")


def test_the_code_page_needs_a_signed_in_person(client, db):
    response = client.get(VERIFY)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_person_without_an_app_meets_no_extra_step_and_no_extra_query(client, cast, cycle):
    """The usual page costs nothing more: the session already says the sign-in is complete."""
    client.force_login(cast.coordinator_a)
    assert client.session[mfa.SESSION_STATE] == mfa.OK
    url = reverse("org:unit-home", args=["OPS-AAA"])
    client.get(url)

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200

    assert not [q for q in queries.captured_queries if "otp_" in q["sql"]]
