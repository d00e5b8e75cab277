"""The timeline page: the Gantt chart's content for each viewer, today's line, the fiscal-year
boundary in Bangkok, and a fixed number of queries."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pmqa4.core.testing.factories import (
    AttendanceFactory,
    CycleFactory,
    SubmissionFactory,
    TeamMemberFactory,
    UnitFactory,
    bangkok,
)
from pmqa4.cycles import gantt
from pmqa4.cycles.models import StepNumber
from pmqa4.submissions.models import State

from .timeline_world import clock, extend, meetings, seed_dates, signed_in

pytestmark = pytest.mark.django_db
URL = reverse("cycles:timeline", args=[2568])
APRIL_FIRST = bangkok("2025-04-01 12:00")  # half way through FY2568 (182.5 of 365 days)


@pytest.fixture
def year(cycle):
    return seed_dates(cycle)


def chart_of(response) -> str:
    page = response.content.decode()
    match = re.search(
        r'<svg xmlns="http://www.w3.org/2000/svg" class="gantt-chart".*?</svg>', page, re.S
    )
    assert match, "no Gantt chart on the page"
    return match.group(0)


def row_notes(svg: str) -> list[str]:
    return re.findall(
        r'<text x="12" y="[\d.]+" fill="#495057" font-size="11.5">([^<]*)</text>', svg
    )


def test_the_chart_has_a_bar_for_every_step_the_months_and_the_rounds(client, year):
    meetings(year)
    with clock(APRIL_FIRST):
        response = client.get(URL)
    assert response.status_code == 200
    svg = chart_of(response)
    bars = re.findall(r'<rect class="gantt-bar"[^>]*><title>([^<]*)</title>', svg)
    assert bars == [str(label) for label in StepNumber.labels]
    months = re.findall(r'text-anchor="middle" fill="#212529" font-weight="bold">([^<]*)<', svg)
    assert months == [
        "ต.ค.",
        "พ.ย.",
        "ธ.ค.",
        "ม.ค.",
        "ก.พ.",
        "มี.ค.",
        "เม.ย.",
        "พ.ค.",
        "มิ.ย.",
        "ก.ค.",
        "ส.ค.",
        "ก.ย.",
    ]
    assert "พ.ศ. 2567" in svg and "พ.ศ. 2568" in svg
    for text in (
        "ส่ง 29 พ.ย. 67",
        "ส่ง 31 ม.ค. 68",
        "ส่ง 24 ก.ย. 68",
        "รอบที่ 1 · 31 มี.ค. 68",
        "รอบที่ 2 · 30 ก.ย. 68",
    ):
        assert text in svg
    assert svg.count('class="gantt-meeting"') == 2
    # where the bars are: step 3 from 17 to the end of 31 January
    scale = gantt.Scale(dt.date(2024, 10, 1), dt.date(2025, 9, 30))
    step3 = re.search(
        r'<rect class="gantt-bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*><title>ขั้นตอนที่ ๓',
        svg,
    )
    assert float(step3[1]) == pytest.approx(scale.start(dt.date(2025, 1, 17)), abs=0.1)
    assert float(step3[1]) + float(step3[2]) == pytest.approx(
        scale.end(dt.date(2025, 1, 31)), abs=0.2
    )
    # the table alternative is still under the chart
    assert "ขั้นตอนที่ ๓ แผนระยะ ๓ ปี แผนปฏิบัติการ และรายละเอียดตัวชี้วัด" in response.content.decode()


def test_todays_line_is_half_way_across_on_1_april(client, year):
    with clock(APRIL_FIRST):
        svg = chart_of(client.get(URL))
    x = float(re.search(r'<line id="today-line" x1="([\d.]+)"', svg)[1])
    assert x == pytest.approx((gantt.CHART_LEFT + gantt.CHART_RIGHT) / 2, abs=0.1)
    assert "วันนี้ 1 เม.ย. 68" in svg
    # the windows read against today: step 1 is over, step 2 under way, step 4 not open yet
    notes = row_notes(svg)
    assert notes[:5] == ["สิ้นสุดแล้ว", "อยู่ในช่วงดำเนินการ", "สิ้นสุดแล้ว", "ยังไม่เปิดรับ", "ยังไม่เปิดรับ"]


def test_a_year_that_is_not_today_has_no_today_line(client, year):
    with clock(bangkok("2026-01-15 09:00")):
        response = client.get(URL)
    assert 'id="today-line"' not in chart_of(response)
    assert "วันนี้อยู่นอกปีงบประมาณนี้" in response.content.decode()


@pytest.mark.parametrize(
    ("moment", "shown", "today"),
    [
        ("2025-09-30 23:59:59", 2568, dt.date(2025, 9, 30)),
        ("2025-10-01 00:00:00", 2569, dt.date(2025, 10, 1)),
    ],
)
def test_the_current_timeline_turns_over_at_midnight_in_bangkok(client, year, moment, shown, today):
    CycleFactory(
        fiscal_year=2569,
        steps={
            1: dt.date(2025, 11, 28),
            2: dt.date(2026, 9, 30),
            3: dt.date(2026, 1, 30),
            4: dt.date(2026, 9, 24),
            5: dt.date(2026, 9, 30),
        },
    )
    at = bangkok(moment)
    assert at.astimezone(dt.UTC).date() == dt.date(2025, 9, 30)  # still 30 Sep in UTC both times
    with clock(at):
        response = client.get(reverse("cycles:current"))
    assert response.context["cycle"].fiscal_year == shown
    page = response.content.decode()
    assert f"ปฏิทินการดำเนินงาน ปีงบประมาณ พ.ศ. {shown}" in page
    svg = chart_of(response)
    first = dt.date(2024, 10, 1) if shown == 2568 else dt.date(2025, 10, 1)
    scale = gantt.Scale(first, dt.date(first.year + 1, 9, 30))
    x = float(re.search(r'<line id="today-line" x1="([\d.]+)"', svg)[1])
    assert x == pytest.approx(scale.middle(today), abs=0.1)


def test_a_units_people_see_their_own_due_dates_and_status(cast, year):
    extend(year, cast.unit_a, cast.central)  # step 1 until 6 December
    SubmissionFactory(
        unit=cast.unit_a,
        step=year.steps.get(number=1),
        state=State.SUBMITTED,
        first_submitted_at=bangkok("2024-12-05 10:00"),  # after the cycle's date, before its own
    )
    with clock(APRIL_FIRST):
        own = signed_in(cast.coordinator_a).get(URL)
        other = signed_in(cast.coordinator_b).get(URL)
    assert own.context["timeline"].unit == cast.unit_a
    svg = chart_of(own)
    assert "ขยายถึง 6 ธ.ค. 67" in svg
    assert "กำหนดส่งเดิม 29 พฤศจิกายน 2567" in svg
    notes = row_notes(svg)
    assert notes[0] == "ส่งแล้วตรงเวลา · ขยายกำหนดส่ง"
    assert notes[2] == "เลยกำหนดส่ง"  # step 3: nothing sent by 31 January
    assert notes[1] == "ยังไม่มีการประชุมที่ต้องเข้าร่วม"
    assert "แสดงกำหนดส่งและสถานะงานของ <strong>กองทดสอบเอ</strong>" in own.content.decode()
    # unit B: the cycle's date, its own status; unit A's extension is listed, not applied
    svg_b = chart_of(other)
    assert "ขยายถึง" not in svg_b and "ส่ง 29 พ.ย. 67" in svg_b
    assert row_notes(svg_b)[0] == "เลยกำหนดส่ง"
    assert "OPS-AAA" in other.content.decode()


def test_step_2_shows_the_units_attendance(cast, year):
    held = meetings(year, days=[dt.date(2024, 12, 20), dt.date(2025, 2, 14)])
    member = TeamMemberFactory(roster__unit=cast.unit_a, roster__cycle=year)
    AttendanceFactory(meeting=held[0], member=member)
    with clock(APRIL_FIRST):
        svg = chart_of(signed_in(cast.executive_a).get(URL))
    assert row_notes(svg)[1] == "เข้าร่วม 1/2 ครั้ง (ร้อยละ 50.0)"


def test_the_central_group_sees_the_cycles_dates_and_who_has_extensions(cast, year):
    extend(year, cast.unit_a, cast.central, reason="จังหวัดห่างไกล")
    with clock(APRIL_FIRST):
        response = signed_in(cast.central).get(URL)
    assert response.context["timeline"].unit is None
    svg = chart_of(response)
    assert row_notes(svg)[0] == "สิ้นสุดแล้ว · ขยายกำหนดส่ง 1 หน่วยงาน"
    assert re.search(
        r'class="gantt-triangle"[^>]*><title>ขยายกำหนดส่งถึง 6 ธันวาคม 2567: OPS-AAA กองทดสอบเอ</title>',
        svg,
    )
    page = response.content.decode()
    assert "จังหวัดห่างไกล" in page
    assert reverse("cycles:dates", args=[2568]) in page  # the administrator's buttons
    assert reverse("cycles:extensions", args=[2568]) in page
    evaluator = signed_in(cast.evaluator).get(URL).content.decode()
    assert reverse("cycles:dates", args=[2568]) not in evaluator
    assert "จังหวัดห่างไกล" in evaluator


def test_the_central_group_may_look_at_one_units_dates(cast, year):
    extend(year, cast.unit_a, cast.central)
    with clock(APRIL_FIRST):
        response = signed_in(cast.evaluator).get(URL, {"unit": "OPS-AAA"})
    assert response.context["timeline"].unit == cast.unit_a
    assert "ขยายถึง 6 ธ.ค. 67" in chart_of(response)


@pytest.mark.parametrize("who", ["coordinator_a", "staff_a", None])
def test_another_units_dates_are_not_found(client, cast, year, who):
    if who:
        client.force_login(getattr(cast, who))
    assert client.get(URL, {"unit": "OPS-BBB"}).status_code == 404


def test_a_person_without_a_unit_role_sees_the_cycles_dates(cast, year):
    response = signed_in(cast.staff_a).get(URL)
    assert response.status_code == 200
    assert response.context["timeline"].unit is None


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(("who", "most"), [("central", 8), ("coordinator_a", 14)])
def test_the_timeline_runs_the_same_queries_however_many_meetings_and_extensions(
    cast, year, who, most
):
    """The session and grants, the cycle with its steps and rounds, meetings, extensions; for a
    unit also its own units, submissions, extensions and attendance."""
    client = signed_in(getattr(cast, who))
    meetings(year, days=[dt.date(2024, 12, 20)])
    extend(year, cast.unit_a, cast.central)
    few = _queries(client, URL)
    meetings(year, days=[dt.date(2025, m, 10) for m in range(1, 9)])
    for n in range(6):
        extend(
            year,
            UnitFactory(code=f"OPS-X{n:02d}"),
            cast.central,
            number=3,
            due_on=dt.date(2025, 2, 5),
        )
    SubmissionFactory(unit=cast.unit_a, step=year.steps.get(number=3))
    assert _queries(client, URL) == few
    assert few <= most, few
