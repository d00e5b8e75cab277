import pytest
from django.urls import reverse

from pmqa4.core.testing.factories import (
    AttendanceFactory,
    MeetingFactory,
    RosterFactory,
    TeamMemberFactory,
    UnitFactory,
)
from pmqa4.teams.models import Attendance, AttendanceMethod

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(cycle):
    return MeetingFactory(cycle=cycle)


@pytest.fixture
def teams(cast, cycle):
    a = TeamMemberFactory.create_batch(2, roster=RosterFactory(unit=cast.unit_a, cycle=cycle))
    b = [TeamMemberFactory(roster=RosterFactory(unit=cast.unit_b, cycle=cycle))]
    return a, b


def sheet_url(meeting):
    return reverse("teams:attendance", args=[meeting.pk])


def present(meeting):
    return set(Attendance.objects.filter(meeting=meeting).values_list("member_id", flat=True))


def test_the_tick_list_groups_every_taking_part_unit_and_skips_the_central_group(
    client, cast, meeting, teams
):
    client.force_login(cast.central)
    sheet = client.get(sheet_url(meeting)).context["sheet"]
    assert [team.unit.code for team in sheet.teams] == ["OPS-AAA", "OPS-BBB"]
    assert [len(team.members) for team in sheet.teams] == [2, 1]


def test_the_list_is_filtered_by_unit_name_or_code(client, cast, meeting, teams):
    client.force_login(cast.central)
    assert [
        t.unit.code for t in client.get(sheet_url(meeting), {"q": "bbb"}).context["sheet"].teams
    ] == ["OPS-BBB"]
    assert [
        t.unit.code for t in client.get(sheet_url(meeting), {"q": "ทดสอบเอ"}).context["sheet"].teams
    ] == ["OPS-AAA"]


def test_saving_ticks_records_them_and_saving_again_is_idempotent(client, cast, meeting, teams):
    a, b = teams
    client.force_login(cast.central)
    data = {"shown": [m.pk for m in a + b], "present": [a[0].pk, b[0].pk]}
    response = client.post(sheet_url(meeting), data)
    assert response.status_code == 302
    assert present(meeting) == {a[0].pk, b[0].pk}
    assert set(Attendance.objects.values_list("method", "recorded_by")) == {
        (AttendanceMethod.RECORDED, cast.central.pk)
    }
    client.post(sheet_url(meeting), {**data, "was": [a[0].pk, b[0].pk]})
    assert present(meeting) == {a[0].pk, b[0].pk}
    messages = [str(m) for m in client.get(sheet_url(meeting)).context["messages"]]
    assert messages[-1] == "บันทึกการเข้าร่วมแล้ว: เพิ่ม 0 คน นำออก 0 คน"


def test_tick_all_of_a_unit_and_tick_all_shown(client, cast, meeting, teams):
    a, b = teams
    client.force_login(cast.central)
    shown = [m.pk for m in a + b]
    client.post(sheet_url(meeting), {"shown": shown, "tick_unit": cast.unit_a.pk})
    assert present(meeting) == {m.pk for m in a}
    client.post(sheet_url(meeting), {"shown": [b[0].pk], "tick_all": "1", "q": "BBB"})
    assert present(meeting) == set(shown)


def test_a_filtered_save_leaves_hidden_units_alone(client, cast, meeting, teams):
    a, b = teams
    AttendanceFactory(meeting=meeting, member=a[0])
    client.force_login(cast.central)
    response = client.post(
        sheet_url(meeting), {"q": "BBB", "shown": [b[0].pk], "present": [b[0].pk]}
    )
    assert response["Location"] == sheet_url(meeting) + "?q=BBB"
    assert present(meeting) == {a[0].pk, b[0].pk}


def test_the_evaluator_reads_the_list_but_cannot_save(client, cast, meeting, teams):
    a, _ = teams
    client.force_login(cast.evaluator)
    page = client.get(sheet_url(meeting)).content.decode()
    assert "disabled" in page and "บันทึกการเข้าร่วม</button>" not in page
    assert (
        client.post(sheet_url(meeting), {"shown": [a[0].pk], "present": [a[0].pk]}).status_code
        == 403
    )
    assert not Attendance.objects.exists()


def test_a_self_check_in_is_marked_on_the_list(client, cast, meeting, teams):
    a, _ = teams
    AttendanceFactory(meeting=meeting, member=a[0], method=AttendanceMethod.CHECKIN)
    client.force_login(cast.central)
    assert "ลงชื่อเอง" in client.get(sheet_url(meeting)).content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_the_tick_list_takes_the_same_queries_for_3_or_30_units(
    client, cast, cycle, meeting, count, django_assert_num_queries
):
    for _ in range(count):
        roster = RosterFactory(unit=UnitFactory(), cycle=cycle)
        for member in TeamMemberFactory.create_batch(2, roster=roster):
            AttendanceFactory(meeting=meeting, member=member)
    client.force_login(cast.central)
    # session, user, role grants, the meeting with its cycle, the units, who is present,
    # the units' team members
    with django_assert_num_queries(7):
        response = client.get(sheet_url(meeting))
    assert len(response.context["sheet"].teams) == count + 2  # plus the cast's two units
