"""Permission matrix of every teams URL: (url, method, who, expected status).

Unit pages: another unit's coordinator and a unit member without a role get 404 (the unit is
not confirmed to exist); a reader without the editor role gets 403 on an edit. Central pages
are not a unit's objects: every unit role gets 403; the evaluator reads, only the central
administrator changes.
"""

import pytest
from django.urls import reverse

from pmqa4.core.testing.factories import MeetingFactory, RosterFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db
EVERYONE = (
    "anonymous",
    "coordinator_b",
    "staff_a",
    "executive_a",
    "evaluator",
    "central",
    "coordinator_a",
)


def rows(name, method, *statuses):
    return [(name, method, who, status) for who, status in zip(EVERYONE, statuses, strict=True)]


LOGIN = "login"
# fmt: off
MATRIX = [
    # unit pages                       anon   coord_b staff exec  eval  central coord_a
    *rows("roster", "get",             LOGIN, 404, 404, 200, 200, 200, 200),
    *rows("unit-meetings", "get",      LOGIN, 404, 404, 200, 200, 200, 200),
    *rows("member-row", "get",         LOGIN, 404, 404, 302, 302, 302, 302),
    *rows("member-add", "get",         LOGIN, 404, 404, 403, 403, 403, 200),
    *rows("member-add", "post",        LOGIN, 404, 404, 403, 403, 403, 302),
    *rows("member-edit", "get",        LOGIN, 404, 404, 403, 403, 403, 200),
    *rows("member-edit", "post",       LOGIN, 404, 404, 403, 403, 403, 302),
    *rows("member-remove", "get",      LOGIN, 404, 404, 403, 403, 403, 200),
    *rows("member-remove", "post",     LOGIN, 404, 404, 403, 403, 403, 302),
    # central pages
    *rows("meetings", "get",           LOGIN, 403, 403, 403, 200, 200, 403),
    *rows("meetings", "post",          LOGIN, 403, 403, 403, 403, 302, 403),
    *rows("meeting-edit", "get",       LOGIN, 403, 403, 403, 403, 200, 403),
    *rows("meeting-edit", "post",      LOGIN, 403, 403, 403, 403, 302, 403),
    *rows("attendance", "get",         LOGIN, 403, 403, 403, 200, 200, 403),
    *rows("attendance", "post",        LOGIN, 403, 403, 403, 403, 302, 403),
    *rows("checkin-qr", "get",         LOGIN, 403, 403, 403, 403, 200, 403),
    # self check-in: any signed-in person reads; only a team member or a coordinator posts
    *rows("checkin", "get",            LOGIN, 200, 200, 200, 200, 200, 200),
    *rows("checkin", "post",           LOGIN, 302, 403, 403, 403, 403, 302),
]
# fmt: on


@pytest.fixture
def objects(cast, cycle):
    member = TeamMemberFactory(roster=RosterFactory(unit=cast.unit_a, cycle=cycle))
    TeamMemberFactory(roster=RosterFactory(unit=cast.unit_b, cycle=cycle))
    return member, MeetingFactory(cycle=cycle)


def url_of(name, member, meeting):
    unit = ["OPS-AAA", 2568]
    return {
        "roster": lambda: reverse("teams:roster", args=unit),
        "unit-meetings": lambda: reverse("teams:unit-meetings", args=unit),
        "member-add": lambda: reverse("teams:member-add", args=unit),
        "member-row": lambda: reverse("teams:member-row", args=[*unit, member.pk]),
        "member-edit": lambda: reverse("teams:member-edit", args=[*unit, member.pk]),
        "member-remove": lambda: reverse("teams:member-remove", args=[*unit, member.pk]),
        "meetings": lambda: reverse("teams:meetings", args=[2568]),
        "meeting-edit": lambda: reverse("teams:meeting-edit", args=[meeting.pk]),
        "attendance": lambda: reverse("teams:attendance", args=[meeting.pk]),
        "checkin-qr": lambda: reverse("teams:checkin-qr", args=[meeting.pk]),
        "checkin": lambda: reverse("teams:checkin", args=[meeting.checkin_token]),
    }[name]()


def valid_post(name, member, meeting):
    return {
        "member-add": {"full_name": "นายใหม่ ในทีม", "team_role": "member", "version": 1},
        "member-edit": {"full_name": "นายแก้ ชื่อ", "team_role": "member", "version": 1},
        "member-remove": {"version": 1},
        "meetings": {
            "title": "ประชุม",
            "kind": "meeting",
            "held_on": "2025-01-10",
            "starts_time": "09:00",
            "ends_time": "12:00",
        },
        "meeting-edit": {
            "title": "ประชุม",
            "kind": "meeting",
            "held_on": "2025-01-10",
            "starts_time": "09:00",
            "ends_time": "12:00",
        },
        "attendance": {"shown": [member.pk], "present": [member.pk]},
        "checkin": {"member": [member.pk]},
    }.get(name, {})


@pytest.mark.parametrize(("name", "method", "who", "expected"), MATRIX)
def test_permission_matrix(client, cast, objects, name, method, who, expected):
    member, meeting = objects
    if who != "anonymous":
        client.force_login(getattr(cast, who))
    url = url_of(name, member, meeting)
    if method == "get":
        response = client.get(url)
    else:
        response = client.post(url, valid_post(name, member, meeting))
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == expected


def test_an_unknown_year_or_unit_is_not_found(client, cast, cycle):
    client.force_login(cast.central)
    assert client.get(reverse("teams:roster", args=["OPS-AAA", 2590])).status_code == 404
    assert client.get(reverse("teams:roster", args=["NOPE", 2568])).status_code == 404
    assert client.get(reverse("teams:meetings", args=[2590])).status_code == 404
    assert client.get(reverse("teams:checkin", args=["not-a-token"])).status_code == 404
