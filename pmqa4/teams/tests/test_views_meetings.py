import datetime as dt

import pytest
from django.urls import reverse

from pmqa4.core.testing.factories import (
    AttendanceFactory,
    MeetingFactory,
    RosterFactory,
    TeamMemberFactory,
    UnitFactory,
    bangkok,
)
from pmqa4.teams.models import Meeting

pytestmark = pytest.mark.django_db
LIST = reverse("teams:meetings", args=[2568])


def meeting_data(**changes):
    data = {
        "title": "ประชุมเชิงปฏิบัติการจัดทำแผน",
        "kind": "activity",
        "held_on": "2025-01-17",
        "starts_time": "09:00",
        "ends_time": "16:30",
        "location": "ห้องประชุมกระทรวงแรงงาน ชั้น ๓",
        "required": "on",
    }
    data.update(changes)
    return data


def test_the_central_administrator_adds_a_meeting_in_bangkok_time(client, cast, cycle):
    client.force_login(cast.central)
    response = client.post(LIST, meeting_data())
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.starts_at, meeting.ends_at) == (
        bangkok("2025-01-17 09:00"),
        bangkok("2025-01-17 16:30"),
    )
    assert (meeting.kind, meeting.required, meeting.cycle) == ("activity", True, cycle)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "กรุณากรอกชื่อการประชุม/กิจกรรม"),
        ({"ends_time": "08:00"}, "ends_time", "เวลาสิ้นสุดต้องอยู่หลังเวลาเริ่ม"),
        ({"held_on": "2025-13-01"}, "held_on", "วันที่ไม่ถูกต้อง"),
        ({"held_on": "2025-10-01"}, "held_on", "วันที่จัดต้องอยู่ในปีงบประมาณ พ.ศ. 2568"),
    ],
)
def test_a_bad_meeting_is_refused_with_a_thai_message(client, cast, cycle, changes, field, message):
    client.force_login(cast.central)
    response = client.post(LIST, meeting_data(**changes))
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert not Meeting.objects.exists()


def test_editing_a_meeting_keeps_its_checkin_token(client, cast, cycle):
    meeting = MeetingFactory(cycle=cycle)
    token = meeting.checkin_token
    client.force_login(cast.central)
    edit = reverse("teams:meeting-edit", args=[meeting.pk])
    assert client.get(edit).context["form"].initial["starts_time"] == dt.time(9, 30)
    response = client.post(edit, meeting_data(required=""))
    meeting.refresh_from_db()
    assert response.status_code == 302
    assert (meeting.title, meeting.required, meeting.checkin_token) == (
        "ประชุมเชิงปฏิบัติการจัดทำแผน",
        False,
        token,
    )


def test_the_evaluator_reads_the_list_without_the_form(client, cast, cycle):
    MeetingFactory(cycle=cycle)
    client.force_login(cast.evaluator)
    response = client.get(LIST)
    assert response.status_code == 200
    assert "เพิ่มการประชุม/กิจกรรม" not in response.content.decode()
    assert client.post(LIST, meeting_data()).status_code == 403


def test_the_list_counts_units_that_attended(client, cast, cycle):
    meeting = MeetingFactory(cycle=cycle)
    roster = RosterFactory(unit=cast.unit_a, cycle=cycle)
    for member in TeamMemberFactory.create_batch(2, roster=roster):
        AttendanceFactory(meeting=meeting, member=member)
    AttendanceFactory(
        meeting=meeting,
        member=TeamMemberFactory(roster=RosterFactory(unit=cast.unit_b, cycle=cycle)),
    )
    client.force_login(cast.central)
    [listed] = client.get(LIST).context["meetings"]
    assert listed.units_attended == 2


@pytest.mark.parametrize("count", [2, 20])
def test_the_meetings_list_takes_the_same_queries_for_2_or_20_meetings(
    client, cast, cycle, count, django_assert_num_queries
):
    for n in range(count):
        meeting = MeetingFactory(cycle=cycle, held_on=dt.date(2024, 12, 1) + dt.timedelta(days=n))
        AttendanceFactory(
            meeting=meeting,
            member=TeamMemberFactory(roster=RosterFactory(unit=UnitFactory(), cycle=cycle)),
        )
    client.force_login(cast.central)
    # session, user, role grants, the cycle, the meetings with their attended-unit counts
    with django_assert_num_queries(5):
        response = client.get(LIST)
    assert len(response.context["meetings"]) == count


def test_the_qr_page_shows_the_checkin_link_as_an_inline_svg(client, cast, cycle):
    meeting = MeetingFactory(cycle=cycle)
    client.force_login(cast.central)
    page = client.get(reverse("teams:checkin-qr", args=[meeting.pk])).content.decode()
    assert f"http://testserver/meetings/checkin/{meeting.checkin_token}/" in page
    assert '<svg viewBox="' in page and 'class="qr-code"' in page
    assert "style=" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "ลงชื่อได้ตั้งแต่ 20 ธ.ค. 2567 09:00 น. ถึง 20 ธ.ค. 2567 12:00 น." in page


def test_the_unit_sees_which_meetings_it_attended_and_its_rate(client, cast, cycle):
    roster = RosterFactory(unit=cast.unit_a, cycle=cycle)
    first, second = (
        TeamMemberFactory(roster=roster, full_name="นายหนึ่ง"),
        TeamMemberFactory(roster=roster, full_name="นางสอง"),
    )
    attended = MeetingFactory(cycle=cycle, held_on=dt.date(2024, 12, 10))
    MeetingFactory(cycle=cycle, held_on=dt.date(2024, 12, 11))
    AttendanceFactory(meeting=attended, member=first)
    AttendanceFactory(meeting=attended, member=second)
    client.force_login(cast.executive_a)
    response = client.get(reverse("teams:unit-meetings", args=["OPS-AAA", 2568]))
    rows = response.context["rows"]
    assert [[m.full_name for m in row.present] for row in rows] == [["นายหนึ่ง", "นางสอง"], []]
    rate = response.context["rate"]
    assert (rate.attended, rate.held, rate.reached) == (1, 2, False)
    assert "เข้าร่วม 1 จาก 2 ครั้งที่จัดไปแล้ว (ร้อยละ 50)" in response.content.decode()


@pytest.mark.parametrize("count", [2, 20])
def test_the_unit_meetings_page_takes_the_same_queries_for_2_or_20_meetings(
    client, cast, cycle, count, django_assert_num_queries
):
    member = TeamMemberFactory(roster=RosterFactory(unit=cast.unit_a, cycle=cycle))
    for n in range(count):
        meeting = MeetingFactory(cycle=cycle, held_on=dt.date(2024, 12, 1) + dt.timedelta(days=n))
        AttendanceFactory(meeting=meeting, member=member)
    client.force_login(cast.coordinator_a)
    # session, user, role grants, the unit, the cycle, required meetings held, attended
    # meetings grouped by unit, the unit's attendance with its members, the meetings
    with django_assert_num_queries(9):
        response = client.get(reverse("teams:unit-meetings", args=["OPS-AAA", 2568]))
    assert len(response.context["rows"]) == count
    assert response.context["rate"].attended == count
