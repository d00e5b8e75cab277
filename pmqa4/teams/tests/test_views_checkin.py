import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from pmqa4.core.testing.factories import (
    MeetingFactory,
    RosterFactory,
    TeamMemberFactory,
    bangkok,
)
from pmqa4.teams.models import Attendance, AttendanceMethod

pytestmark = pytest.mark.django_db
START, END = bangkok("2024-12-20 09:30"), bangkok("2024-12-20 12:00")
ONE_SECOND = dt.timedelta(seconds=1)


@pytest.fixture
def meeting(cycle):
    return MeetingFactory(cycle=cycle, held_on=dt.date(2024, 12, 20), starts_at=START, ends_at=END)


@pytest.fixture
def linked(cast, cycle):
    """staff_a has an account linked to a member of unit A's team (TeamMember.user)."""
    roster = RosterFactory(unit=cast.unit_a, cycle=cycle)
    return TeamMemberFactory(roster=roster, user=cast.staff_a, full_name="นางสาวลงชื่อ เอง")


def at(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


def checkin_url(meeting):
    return reverse("teams:checkin", args=[meeting.checkin_token])


def test_a_linked_member_checks_in_once_with_one_button(client, cast, meeting, linked, monkeypatch):
    at(monkeypatch, START)
    client.force_login(cast.staff_a)
    page = client.get(checkin_url(meeting)).content.decode()
    assert "ลงชื่อเข้าร่วม</button>" in page and "นางสาวลงชื่อ เอง" in page
    response = client.post(checkin_url(meeting), {"member": linked.pk})
    assert response.status_code == 302
    row = Attendance.objects.get()
    assert (row.member, row.method, row.recorded_by) == (
        linked,
        AttendanceMethod.CHECKIN,
        cast.staff_a,
    )
    client.post(checkin_url(meeting), {"member": linked.pk})
    assert Attendance.objects.count() == 1
    page = client.get(checkin_url(meeting)).content.decode()
    assert "ลงชื่อไว้แล้ว ไม่มีการเปลี่ยนแปลง" in page
    assert "นางสาวลงชื่อ เอง ลงชื่อเข้าร่วมแล้ว" in page


@pytest.mark.parametrize(
    ("moment", "message"),
    [
        (
            START - dt.timedelta(minutes=30) - ONE_SECOND,
            "ยังไม่เปิดให้ลงชื่อ เปิดให้ลงชื่อตั้งแต่ 20 ธ.ค. 2567 09:00 น.",
        ),
        (END + ONE_SECOND, "ปิดรับการลงชื่อแล้ว เมื่อ 20 ธ.ค. 2567 12:00 น."),
    ],
)
def test_outside_the_window_the_page_says_when_and_nothing_is_recorded(
    client, cast, meeting, linked, monkeypatch, moment, message
):
    at(monkeypatch, moment)
    client.force_login(cast.staff_a)
    page = client.get(checkin_url(meeting)).content.decode()
    assert message in page and "</button>" not in page.split("checkin-card", 1)[1]
    client.post(checkin_url(meeting), {"member": linked.pk})
    assert not Attendance.objects.exists()
    assert message in [str(m) for m in client.get(checkin_url(meeting)).context["messages"]]


@pytest.mark.parametrize("moment", [START - dt.timedelta(minutes=30), END])
def test_at_the_edges_of_the_window_check_in_is_accepted(
    client, cast, meeting, linked, monkeypatch, moment
):
    at(monkeypatch, moment)
    client.force_login(cast.staff_a)
    client.post(checkin_url(meeting), {"member": linked.pk})
    assert Attendance.objects.filter(member=linked).exists()


def test_a_coordinator_picks_which_members_of_their_unit_are_present(
    client, cast, cycle, meeting, linked, monkeypatch
):
    at(monkeypatch, START)
    second = TeamMemberFactory(roster=linked.roster, full_name="นายมา ด้วย")
    TeamMemberFactory(roster=linked.roster, full_name="นายไม่ได้ มา")
    TeamMemberFactory(roster=RosterFactory(unit=cast.unit_b, cycle=cycle), full_name="นายหน่วยอื่น")
    client.force_login(cast.coordinator_a)
    page = client.get(checkin_url(meeting)).content.decode()
    assert "นายไม่ได้ มา" in page and "นายหน่วยอื่น" not in page
    client.post(checkin_url(meeting), {"member": [linked.pk, second.pk]})
    assert set(Attendance.objects.values_list("member__full_name", flat=True)) == {
        "นางสาวลงชื่อ เอง",
        "นายมา ด้วย",
    }


def test_someone_in_no_team_is_told_whom_to_ask_and_cannot_post(
    client, cast, meeting, linked, monkeypatch
):
    at(monkeypatch, START)
    client.force_login(cast.executive_a)
    page = client.get(checkin_url(meeting)).content.decode()
    assert "ยังไม่ได้เชื่อมกับรายชื่อทีมงาน" in page
    assert client.post(checkin_url(meeting), {"member": linked.pk}).status_code == 403
    assert not Attendance.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in_and_back(client, meeting):
    response = client.get(checkin_url(meeting))
    assert response["Location"] == f"{reverse('login')}?next={checkin_url(meeting)}"


def test_a_member_listed_with_the_accounts_email_checks_in_without_being_linked(
    client, cast, meeting, monkeypatch
):
    cast.staff_a.email = "Staff.A@mol.mail.go.th"
    cast.staff_a.save()
    roster = RosterFactory(unit=cast.unit_a, cycle=meeting.cycle)
    member = TeamMemberFactory(roster=roster, email="staff.a@mol.mail.go.th", user=None)
    other = TeamMemberFactory(roster=roster, email="someone.else@mol.mail.go.th", user=None)
    at(monkeypatch, START)
    client.force_login(cast.staff_a)
    page = client.get(checkin_url(meeting)).content.decode()
    assert member.full_name in page and other.full_name not in page
    client.post(checkin_url(meeting), {"member": member.pk})
    assert Attendance.objects.get().member == member
    response = client.post(checkin_url(meeting), {"member": other.pk}, follow=True)
    assert "ท่านลงชื่อแทนได้เฉพาะสมาชิกทีมงานของหน่วยงานของท่าน" in response.content.decode()
    assert Attendance.objects.count() == 1
