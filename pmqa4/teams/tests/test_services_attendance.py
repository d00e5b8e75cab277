import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from pmqa4.core.errors import WorkflowError
from pmqa4.core.testing.factories import (
    AttendanceFactory,
    CycleFactory,
    MeetingFactory,
    RosterFactory,
    TeamMemberFactory,
    UnitFactory,
    bangkok,
    person,
)
from pmqa4.org.models import Role
from pmqa4.teams.models import Attendance, AttendanceMethod
from pmqa4.teams.services import attendance_check_in, attendance_record, meeting_create

pytestmark = pytest.mark.django_db
ONE_SECOND = dt.timedelta(seconds=1)


@pytest.fixture
def meeting(cycle):
    return MeetingFactory(
        cycle=cycle,
        held_on=dt.date(2024, 12, 20),
        starts_at=bangkok("2024-12-20 09:30"),
        ends_at=bangkok("2024-12-20 12:00"),
    )


@pytest.fixture
def team(cast, cycle):
    roster = RosterFactory(unit=cast.unit_a, cycle=cycle)
    return [TeamMemberFactory(roster=roster) for _ in range(3)]


def present(meeting):
    return set(Attendance.objects.filter(meeting=meeting).values_list("member_id", flat=True))


def test_recording_ticks_adds_them_by_the_central_group(cast, meeting, team):
    ids = {m.pk for m in team}
    change = attendance_record(
        meeting=meeting,
        actor=cast.central,
        shown_ids=ids,
        present_ids={team[0].pk},
        was_present_ids=set(),
    )
    assert (change.added, change.removed) == (1, 0)
    row = Attendance.objects.get()
    assert (row.member, row.method, row.recorded_by) == (
        team[0],
        AttendanceMethod.RECORDED,
        cast.central,
    )


def test_saving_the_same_tick_list_twice_changes_nothing_the_second_time(cast, meeting, team):
    ids = {m.pk for m in team}
    ticked = {team[0].pk, team[1].pk}
    attendance_record(
        meeting=meeting,
        actor=cast.central,
        shown_ids=ids,
        present_ids=ticked,
        was_present_ids=set(),
    )
    again = attendance_record(
        meeting=meeting,
        actor=cast.central,
        shown_ids=ids,
        present_ids=ticked,
        was_present_ids=set(),
    )
    assert (again.added, again.removed) == (0, 0)
    assert present(meeting) == ticked


def test_unticking_removes_only_what_was_ticked_when_the_list_was_loaded(cast, meeting, team):
    ids = {m.pk for m in team}
    AttendanceFactory(meeting=meeting, member=team[0])
    AttendanceFactory(
        meeting=meeting, member=team[1], method=AttendanceMethod.CHECKIN
    )  # after load
    change = attendance_record(
        meeting=meeting,
        actor=cast.central,
        shown_ids=ids,
        present_ids=set(),
        was_present_ids={team[0].pk},
    )
    assert (change.added, change.removed) == (0, 1)
    assert present(meeting) == {team[1].pk}


def test_members_not_shown_or_of_another_year_are_left_alone(cast, meeting, team):
    AttendanceFactory(meeting=meeting, member=team[2])
    stranger = TeamMemberFactory(roster=RosterFactory(cycle=CycleFactory(fiscal_year=2569)))
    attendance_record(
        meeting=meeting,
        actor=cast.central,
        shown_ids={team[0].pk, stranger.pk},
        present_ids={team[0].pk, stranger.pk},
        was_present_ids={team[2].pk},
    )
    assert present(meeting) == {team[0].pk, team[2].pk}


def test_a_whole_unit_is_ticked_at_once(cast, cycle, meeting, team):
    other = TeamMemberFactory(roster=RosterFactory(unit=cast.unit_b, cycle=cycle))
    ids = {m.pk for m in team} | {other.pk}
    attendance_record(
        meeting=meeting,
        actor=cast.central,
        shown_ids=ids,
        present_ids=set(),
        was_present_ids=set(),
        whole_unit_ids={cast.unit_a.pk},
    )
    assert present(meeting) == {m.pk for m in team}


@pytest.mark.parametrize(
    ("now", "message"),
    [
        (
            bangkok("2024-12-20 09:00") - ONE_SECOND,
            "ยังไม่เปิดให้ลงชื่อ เปิดให้ลงชื่อตั้งแต่ 20 ธ.ค. 2567 09:00 น.",
        ),
        (bangkok("2024-12-20 12:00") + ONE_SECOND, "ปิดรับการลงชื่อแล้ว เมื่อ 20 ธ.ค. 2567 12:00 น."),
    ],
)
def test_check_in_is_refused_a_second_outside_its_window(cast, meeting, team, now, message):
    team[0].user = cast.staff_a
    team[0].save()
    with pytest.raises(WorkflowError) as error:
        attendance_check_in(meeting=meeting, actor=cast.staff_a, member_ids={team[0].pk}, now=now)
    assert error.value.message == message
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("now", [bangkok("2024-12-20 09:00"), bangkok("2024-12-20 12:00")])
def test_check_in_is_open_from_half_an_hour_before_the_start_to_the_end(cast, meeting, team, now):
    team[0].user = cast.staff_a
    team[0].save()
    created = attendance_check_in(
        meeting=meeting, actor=cast.staff_a, member_ids={team[0].pk}, now=now
    )
    row = Attendance.objects.get()
    assert (created, row.member, row.method, row.recorded_by) == (
        1,
        team[0],
        AttendanceMethod.CHECKIN,
        cast.staff_a,
    )


def test_checking_in_twice_changes_nothing(cast, meeting, team):
    now = bangkok("2024-12-20 10:00")
    team[0].user = cast.staff_a
    team[0].save()
    attendance_check_in(meeting=meeting, actor=cast.staff_a, member_ids={team[0].pk}, now=now)
    again = attendance_check_in(
        meeting=meeting, actor=cast.staff_a, member_ids={team[0].pk}, now=now
    )
    assert (again, Attendance.objects.count()) == (0, 1)


def test_a_coordinator_checks_in_members_of_their_own_unit_only(cast, cycle, meeting, team):
    now = bangkok("2024-12-20 10:00")
    attendance_check_in(
        meeting=meeting, actor=cast.coordinator_a, member_ids={team[0].pk, team[1].pk}, now=now
    )
    assert present(meeting) == {team[0].pk, team[1].pk}
    other = TeamMemberFactory(roster=RosterFactory(unit=cast.unit_b, cycle=cycle))
    with pytest.raises(WorkflowError, match="เฉพาะสมาชิกทีมงานของหน่วยงานของท่าน"):
        attendance_check_in(
            meeting=meeting, actor=cast.coordinator_a, member_ids={other.pk}, now=now
        )


def test_someone_outside_every_team_cannot_check_in(cast, meeting, team):
    outsider = person(Role.COORDINATOR, UnitFactory())
    with pytest.raises(WorkflowError):
        attendance_check_in(
            meeting=meeting,
            actor=outsider,
            member_ids={team[0].pk},
            now=bangkok("2024-12-20 10:00"),
        )


def test_a_meeting_is_kept_in_bangkok_time_within_its_fiscal_year(cast, cycle):
    fields = {
        "title": "ประชุมชี้แจง",
        "kind": "meeting",
        "held_on": dt.date(2024, 12, 20),
        "starts_time": dt.time(9, 30),
        "ends_time": dt.time(12, 0),
        "location": "ห้องประชุม ๑",
        "required": True,
    }
    meeting = meeting_create(cycle=cycle, actor=cast.central, fields=fields)
    assert meeting.starts_at == bangkok("2024-12-20 09:30")
    assert meeting.starts_at.astimezone(dt.UTC).hour == 2
    with pytest.raises(ValidationError) as error:
        meeting_create(
            cycle=cycle, actor=cast.central, fields={**fields, "held_on": dt.date(2025, 10, 1)}
        )
    assert (
        "ปีงบประมาณ พ.ศ. 2568 (1 ต.ค. 2567 – 30 ก.ย. 2568)" in error.value.message_dict["held_on"][0]
    )
