"""Who gets what from each page of the app (MFA_ENFORCE off, nobody has an app yet)."""

import pytest
from django.urls import reverse

from .utils import enrol

WHO = ["anonymous", "coordinator_a", "executive_a", "staff_a", "evaluator", "central"]

# url name, method, expected status per WHO (302 for the anonymous visitor is to the login page)
MATRIX = [
    ("accounts:security", "get", [302, 200, 200, 200, 200, 200]),
    ("accounts:mfa-setup", "get", [302, 200, 200, 200, 200, 200]),
    ("accounts:recovery-codes", "get", [302, 302, 302, 302, 302, 302]),
    ("accounts:recovery-regenerate", "get", [302, 405, 405, 405, 405, 405]),
    ("accounts:recovery-regenerate", "post", [302, 302, 302, 302, 302, 302]),
    ("accounts:mfa-disable", "get", [302, 302, 302, 302, 302, 302]),
    ("accounts:verify", "get", [302, 302, 302, 302, 302, 302]),
    ("accounts:lockouts", "get", [302, 403, 403, 403, 403, 200]),
    ("accounts:unlock", "post", [302, 403, 403, 403, 403, 302]),
    ("admin:accounts_failedlogin_changelist", "get", [302, 404, 404, 404, 404, 200]),
    ("admin:accounts_failedloginlog_changelist", "get", [302, 404, 404, 404, 404, 200]),
    ("admin:accounts_loginlog_changelist", "get", [302, 404, 404, 404, 404, 200]),
    ("admin:accounts_authenticatorapp_changelist", "get", [302, 404, 404, 404, 404, 200]),
    ("admin:accounts_recoverycodeset_changelist", "get", [302, 404, 404, 404, 404, 200]),
]


@pytest.mark.parametrize(("name", "method", "statuses"), MATRIX)
def test_each_role_gets_the_expected_answer(client, cast, name, method, statuses):
    url = reverse(name)
    data = {"username": "coord.b", "ip_address": "127.0.0.1"} if name == "accounts:unlock" else {}
    for who, expected in zip(WHO, statuses, strict=True):
        client.logout()
        if who != "anonymous":
            client.force_login(getattr(cast, who))
        response = getattr(client, method)(url, data)
        assert response.status_code == expected, (name, method, who)
        if who == "anonymous":
            login = reverse("admin:login") if name.startswith("admin:") else reverse("login")
            assert response["Location"].startswith(login), (name, who)


def test_the_disable_page_is_a_403_for_a_central_role_that_must_keep_it(client, cast, settings):
    settings.MFA_ENFORCE = True
    enrol(cast.evaluator)
    enrol(cast.coordinator_a)
    session_for = {}
    for user in (cast.evaluator, cast.coordinator_a):
        client.logout()
        client.force_login(user)
        session = client.session
        session["pmqa4_mfa_state"] = "ok"
        session.save()
        session_for[user.username] = client.get(reverse("accounts:mfa-disable")).status_code
    assert session_for == {"evaluator": 403, "coord.a": 200}
