import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from pmqa4.core.testing.factories import (
    AttendanceFactory,
    CycleFactory,
    MeetingFactory,
    RosterFactory,
    TeamMemberFactory,
    UnitFactory,
    bangkok,
)
from pmqa4.teams.models import Meeting
from pmqa4.teams.selectors import AttendanceRate, attendance_rates

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("position", "phone", "email", "complete"),
    [
        ("นักวิเคราะห์", "0 2232 1234", "", True),
        ("นักวิเคราะห์", "", "a@example.go.th", True),
        ("", "0 2232 1234", "a@example.go.th", False),
        ("นักวิเคราะห์", "", "", False),
        ("   ", "0 2232 1234", "", False),
    ],
)
def test_a_member_needs_a_position_and_a_phone_or_an_email(position, phone, email, complete):
    member = TeamMemberFactory.build(position=position, phone=phone, email=email)
    assert member.is_complete is complete


def test_a_meeting_must_end_after_it_starts():
    meeting = MeetingFactory.build(
        cycle=CycleFactory(),
        starts_at=bangkok("2024-12-20 12:00"),
        ends_at=bangkok("2024-12-20 09:00"),
    )
    with pytest.raises(ValidationError):
        meeting.full_clean()


def test_each_meeting_gets_its_own_unguessable_checkin_token():
    first, second = MeetingFactory(), MeetingFactory()
    assert first.checkin_token != second.checkin_token
    assert len(first.checkin_token) >= 32


def test_no_meeting_held_means_no_rate_yet():
    assert AttendanceRate(0, 0).percent is None


def test_attendance_counts_required_meetings_held_by_the_day_with_one_member_present():
    cycle = CycleFactory()
    unit = UnitFactory()
    roster = RosterFactory(unit=unit, cycle=cycle)
    first, second = TeamMemberFactory(roster=roster), TeamMemberFactory(roster=roster)
    held = [MeetingFactory(cycle=cycle, held_on=dt.date(2024, 12, d)) for d in (10, 11, 12, 13)]
    optional = MeetingFactory(cycle=cycle, held_on=dt.date(2024, 12, 14), required=False)
    later = MeetingFactory(cycle=cycle, held_on=dt.date(2025, 1, 20))
    AttendanceFactory(meeting=held[0], member=first)
    AttendanceFactory(meeting=held[0], member=second)  # two present: still one meeting
    AttendanceFactory(meeting=held[1], member=second)
    AttendanceFactory(meeting=held[2], member=first)
    AttendanceFactory(meeting=optional, member=first)
    AttendanceFactory(meeting=later, member=first)

    rate = attendance_rates(cycle, on=dt.date(2024, 12, 31), unit_ids=[unit.pk])[unit.pk]

    assert (rate.attended, rate.held) == (3, 4)
    assert rate.percent == Decimal(75)


def test_a_unit_that_attended_nothing_has_a_rate_of_zero():
    cycle = CycleFactory()
    unit = UnitFactory()
    MeetingFactory(cycle=cycle)
    rate = attendance_rates(cycle, on=dt.date(2025, 1, 1), unit_ids=[unit.pk])[unit.pk]
    assert rate.percent == 0


def test_attendance_rates_take_two_queries_for_any_number_of_units(django_assert_num_queries):
    cycle = CycleFactory()
    meetings = [MeetingFactory(cycle=cycle) for _ in range(3)]
    units = []
    for _ in range(12):
        roster = RosterFactory(cycle=cycle)
        member = TeamMemberFactory(roster=roster)
        for meeting in meetings:
            AttendanceFactory(meeting=meeting, member=member)
        units.append(roster.unit_id)
    # 1: count the required meetings held; 2: attended meetings grouped by unit
    with django_assert_num_queries(2):
        rates = attendance_rates(cycle, on=dt.date(2025, 9, 30), unit_ids=units)
    assert all(r.percent == 100 for r in rates.values())
    assert Meeting.objects.count() == 3
