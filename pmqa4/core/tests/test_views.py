from unittest import mock

import pytest
from django.db import OperationalError
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_reports_the_database_as_json(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_does_not(client):
    with mock.patch("pmqa4.core.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "database": "unavailable",
        "detail": "OperationalError",
    }


def test_healthz_needs_no_login_and_only_answers_get(client):
    assert client.post("/healthz").status_code == 405


def test_the_login_page_is_in_thai(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="th"' in content
    assert "ชื่อผู้ใช้" in content and "รหัสผ่าน" in content


def test_a_wrong_password_gets_a_thai_message(client, cast):
    response = client.post(reverse("login"), {"username": "coord.a", "password": "wrong"})
    assert response.status_code == 200
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in response.content.decode()


def test_english_can_be_chosen(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert client.cookies["django_language"].value == "en"


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("who", "lands_on"),
    [
        ("central", "/central/"),
        ("evaluator", "/central/"),
        ("coordinator_a", "/units/OPS-AAA/"),
        ("executive_a", "/units/OPS-AAA/"),
        ("coordinator_b", "/units/OPS-BBB/"),
        ("staff_a", "/cycles/"),
    ],
)
def test_each_role_lands_on_its_own_page(client, cast, cycle, who, lands_on):
    client.force_login(getattr(cast, who))
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == lands_on
    assert response.status_code == 200


def test_password_reset_sends_a_thai_email(client, cast, mailoutbox):
    cast.coordinator_a.email = "coord.a@example.go.th"
    cast.coordinator_a.save()
    response = client.post(reverse("password_reset"), {"email": "coord.a@example.go.th"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "รหัสผ่าน" in mailoutbox[0].subject + mailoutbox[0].body


def test_pages_are_thai_even_for_a_browser_set_to_english(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="th"' in response.content.decode()
    assert response["Content-Language"] == "th"


def test_a_person_who_chose_english_gets_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("login"))
    assert '<html lang="en"' in response.content.decode()
