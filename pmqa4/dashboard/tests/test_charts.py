"""The charts page: each figure's numbers (what the chart draws and its table says), the
published-or-live scores, the years compared, permissions and query counts."""

import datetime as dt
import json
import random
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pmqa4.core.testing.factories import CycleFactory, SubmissionFactory, bangkok
from pmqa4.framework.models import Dimension
from pmqa4.scoring.models import ScoreKind, ScoreRecord
from pmqa4.submissions.models import State

from .bulk import populate

pytestmark = pytest.mark.django_db
URL = reverse("dashboard:charts")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("central", 200),
        ("evaluator", 200),
        ("coordinator_a", 403),
        ("executive_a", 403),
        ("staff_a", 403),
    ],
)
def test_only_the_central_roles_see_the_charts(client, cast, cycle, who, status):
    client.force_login(getattr(cast, who))
    assert client.get(URL).status_code == status


def chart(response, name) -> dict:
    """The chart's data as the page hands it to dashboard-charts.js (a json_script tag)."""
    match = re.search(
        rf'<script id="chart-{name}-data" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert match, f"no data for chart {name}"
    return json.loads(match.group(1))


def test_the_page_loads_chart_js_from_our_static_files_and_no_inline_script(client, world):
    client.force_login(world.cast.central)
    content = client.get(URL).content.decode()
    assert '<script src="/static/vendor/chartjs/chart.umd.min.js" defer></script>' in content
    assert '<script src="/static/js/dashboard-charts.js" defer></script>' in content
    scripts = re.findall(r"<script(?![^>]*(?:src=|application/json))[^>]*>", content)
    assert scripts == []
    for name in ("statuses", "timeline", "attendance", "kpis", "scores"):
        assert f'<canvas id="chart-{name}" role="img" aria-label="' in content


def test_submissions_over_time_against_the_due_dates(client, world):
    client.force_login(world.cast.central)
    response = client.get(URL)
    data = chart(response, "timeline")
    step1 = next(s for s in data["steps"] if s["label"] == "ขั้นที่ 1")
    assert step1["points"][-1]["y"] == 4  # AAA, BBB, KKN, CTR first sent; CNX never
    assert data["labels"][0] == "1 ต.ค. 2567"  # from the start of the fiscal year
    due1 = next(d for d in data["due"] if d["label"] == "กำหนดส่งขั้นที่ 1")
    assert data["labels"][due1["x"]] == "29 พ.ย. 2567"
    table = response.context["tables"]["timeline"]
    rows = {row[0]: row for row in table.rows}
    assert rows["29 พ.ย. 2567"][1:3] == [2, 0] and rows["29 พ.ย. 2567"][-1] == "กำหนดส่งขั้นที่ 1"
    assert rows["5 ธ.ค. 2567"][1] == 4
    assert rows["10 ม.ค. 2568"][2] == 1
    assert "ขั้นที่ 1: ส่งภายในกำหนด 2 ส่งหลังกำหนด 2 เลยกำหนดยังไม่ส่ง 1 ยังไม่ถึงกำหนด 0" in table.notes


def test_attendance_per_unit_against_the_threshold(client, world):
    client.force_login(world.cast.central)
    response = client.get(URL)
    data = chart(response, "attendance")
    assert data["labels"] == ["CTR-001", "PLO-CNX", "OPS-BBB", "OPS-AAA", "PLO-KKN"]
    assert data["values"] == [0.0, 0.0, 50.0, 100.0, 100.0]
    assert data["reached"] == [False, False, False, True, True]
    assert data["threshold"] == 85.0
    table = response.context["tables"]["attendance"]
    assert table.rows[2] == [
        "OPS-BBB",
        "กองทดสอบบี",
        1,
        2,
        Decimal("50.0"),
        Decimal("85.00"),
        "ต่ำกว่าเกณฑ์",
    ]
    assert "ถึงเกณฑ์ร้อยละ 85: 2 จาก 5 หน่วยงาน" in table.notes


def test_dimension_by_category_coverage_as_a_heat_map(client, world):
    client.force_login(world.cast.central)
    response = client.get(URL)
    heat = response.context["heatmap"]
    one = Dimension.objects.get(number=1)
    mapped = {c.number for c in one.categories.all()}
    first = heat["rows"][0]
    for category, cell in zip(heat["categories"], first["cells"], strict=True):
        if category.number in mapped:
            assert (cell.value, cell.level) == (2, 2)  # 2 of 5 units: 40 %
        else:
            assert cell.value is None
    assert (first["form1"], first["form2"]) == (2, 2)
    content = response.content.decode()
    assert '<td class="heat-2">2<span class="small d-block">40%</span></td>' in content
    table = response.context["tables"]["coverage"]
    assert table.rows[0][-1] == Decimal("40.0")


def test_kpi_achievement_histogram(client, world):
    client.force_login(world.cast.central)
    response = client.get(URL)
    data = chart(response, "kpis")
    counts = dict(zip(data["labels"], data["values"], strict=True))
    # 40/80 = 50 %, 90/80 = 112.5 %, 100/80 = 125 %, one KPI with no result yet
    assert counts["50–60"] == 1 and counts["110–120"] == 1 and counts["≥ 120"] == 1
    assert counts["ยังไม่รายงานผล"] == 1
    assert sum(data["values"]) == 4
    assert data["reaches"][data["labels"].index("80–85")] is False
    assert data["reaches"][data["labels"].index("85–90")] is True
    note = response.context["tables"]["kpis"].notes[0]
    assert note == "ตัวชี้วัดที่มีค่าเป้าหมาย 4 ตัว ถึงเกณฑ์ร้อยละ 85 ของค่าเป้าหมาย 2 ตัว"


def test_scores_are_live_and_say_so_until_published(client, world):
    client.force_login(world.cast.central)
    response = client.get(URL)
    data = chart(response, "scores")
    assert data["live"] is True and data["source"] == "คะแนน ณ ปัจจุบัน (ยังไม่เผยแพร่)"
    assert sum(data["datasets"][0]["data"]) == 5  # every unit has a round 1 score
    assert "dash-live" in response.content.decode()


def test_published_scores_are_used_once_there_are_any(client, world):
    for unit, year in ((world.cast.unit_a, "4.50"), (world.cast.unit_b, "2.25")):
        ScoreRecord.objects.create(
            unit=unit,
            cycle=world.cycle,
            kind=ScoreKind.YEAR,
            as_of=bangkok("2025-09-30 23:59"),
            round1=Decimal("2.75"),
            year=Decimal(year),
            facts={},
            breakdown={},
            published_at=bangkok("2025-10-05 10:00"),
            published_by=world.cast.central,
        )
    client.force_login(world.cast.central)
    response = client.get(URL)
    data = chart(response, "scores")
    assert data["live"] is False and data["source"] == "คะแนนที่เผยแพร่แล้ว"
    year = dict(zip(data["labels"], data["datasets"][1]["data"], strict=True))
    assert year["4.5–5.0"] == 1 and year["2.0–2.5"] == 1 and sum(year.values()) == 2
    notes = response.context["tables"]["scores"].notes
    assert "คะแนนเฉลี่ยรอบที่ ๑: 2.75 จาก 3.00 · ทั้งปี: 3.38 จาก 5.00" in notes


def test_the_years_are_compared_when_there_are_several(client, world):
    client.force_login(world.cast.central)
    assert "chart-years" not in client.get(URL).content.decode()  # one year only
    dues = {
        1: (2023, 11, 29),
        2: (2024, 9, 30),
        3: (2024, 1, 31),
        4: (2024, 9, 24),
        5: (2024, 9, 30),
    }
    earlier = CycleFactory(fiscal_year=2567, steps={n: dt.date(*day) for n, day in dues.items()})
    SubmissionFactory(
        unit=world.cast.unit_a,
        step=earlier.steps.get(number=1),
        state=State.ACCEPTED,
        first_submitted_at=bangkok("2023-11-29 09:00"),
    )
    ScoreRecord.objects.create(
        unit=world.cast.unit_a,
        cycle=earlier,
        kind=ScoreKind.YEAR,
        as_of=bangkok("2024-09-30 23:59"),
        round1=Decimal("3.00"),
        year=Decimal("5.00"),
        facts={},
        breakdown={},
        published_at=bangkok("2024-10-05 10:00"),
        published_by=world.cast.central,
    )
    response = client.get(URL)
    data = chart(response, "years")
    assert data["labels"] == ["พ.ศ. 2567", "พ.ศ. 2568"]
    table = response.context["tables"]["years"]
    first, second = table.rows
    assert first[0] == "2567" and first[-1] == "คะแนนที่เผยแพร่แล้ว"
    assert first[8] == Decimal("5.00")  # the one published year score
    # FY2567: all its due dates passed, 1 of 20 unit-steps sent on time
    assert first[2:4] == [20, Decimal("5.0")]
    # FY2568 so far: step 1 due (2 of 5 on time) and KKN's step 3 sent early: 3 of 6
    assert second[2:4] == [6, Decimal("50.0")]
    assert second[-1] == "คะแนน ณ ปัจจุบัน (ยังไม่เผยแพร่)"
    assert data["scores"][1]["data"][0] == 5.0


def test_the_charts_follow_the_unit_filters(client, world):
    client.force_login(world.cast.central)
    response = client.get(URL, {"kind": "provincial"})
    assert chart(response, "attendance")["labels"] == ["PLO-CNX", "PLO-KKN"]
    assert response.context["units_count"] == 2
    content = response.content.decode()
    assert 'href="/central/export/attendance.csv?kind=provincial"' in content


@pytest.mark.parametrize("count", [90, 900])
def test_the_charts_take_the_same_queries_for_90_or_900_units(
    client, cast, cycle, count, django_assert_num_queries
):
    populate(cycle, count, actor=cast.central, rng=random.Random(count), published=True)
    client.force_login(cast.central)
    # session, user, grants, cycles, steps, provinces, units; the status counts: extensions,
    # submissions; the figures: extensions, submissions, meetings held, attendances, Form 1
    # and Form 2 dimensions, actuals, KPIs, scores, dimensions and their categories, categories
    with django_assert_num_queries(21):
        response = client.get(URL)
    assert response.context["units_count"] == count + 2
    assert chart(response, "scores")["live"] is False


def test_live_scores_too_take_the_same_queries_for_90_or_900_units(client, cast, cycle):
    """No publication: the year is scored live (scoring.services.cycle_scores), still in a
    fixed number of queries."""
    client.force_login(cast.central)
    populate(cycle, 90, actor=cast.central, rng=random.Random(1), prefix="A")
    with CaptureQueriesContext(connection) as small:
        first = client.get(URL)
    populate(cycle, 810, actor=cast.central, rng=random.Random(2), prefix="B")
    with CaptureQueriesContext(connection) as large:
        second = client.get(URL)
    assert chart(first, "scores")["live"] and chart(second, "scores")["live"]
    assert first.context["units_count"] == 92 and second.context["units_count"] == 902
    assert len(small) == len(large)


def test_without_any_cycle_the_pages_say_so_and_exports_are_not_found(client, cast):
    client.force_login(cast.central)
    for url in (reverse("dashboard:overview"), URL):
        response = client.get(url)
        assert response.status_code == 200
        assert "ยังไม่มีรอบปีงบประมาณในระบบ" in response.content.decode()
    assert client.get(reverse("dashboard:export", args=["matrix", "csv"])).status_code == 404
