"""The units × steps matrix: who may see it, each cell's status and link, the counts, the
filters and the search."""

import random

import pytest
from django.urls import reverse

from pmqa4.submissions.status import StepStatus

from .bulk import populate

pytestmark = pytest.mark.django_db
URL = reverse("dashboard:overview")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("central", 200),
        ("evaluator", 200),
        ("coordinator_a", 403),
        ("executive_a", 403),
        ("coordinator_b", 403),
        ("staff_a", 403),
    ],
)
def test_only_the_central_roles_see_every_unit(client, cast, cycle, who, status):
    client.force_login(getattr(cast, who))
    assert client.get(URL).status_code == status


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, cycle):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def statuses(response) -> dict[str, dict[int, str]]:
    """unit code → step number → status, as the view gave them to the template."""
    return {
        row.unit.code: {n: cell.status for n, cell in row.cells.items()}
        for row in response.context["rows"]
    }


def test_every_status_is_read_against_the_units_own_due_date(client, world):
    client.force_login(world.cast.central)
    seen = statuses(client.get(URL))
    assert seen["OPS-AAA"][1] == StepStatus.ON_TIME
    assert seen["OPS-AAA"][3] == StepStatus.DRAFT
    assert seen["OPS-BBB"][1] == StepStatus.LATE
    assert seen["OPS-BBB"][3] == StepStatus.AWAITING_SIGN_OFF
    assert seen["PLO-CNX"][1] == StepStatus.OVERDUE
    assert seen["PLO-CNX"][3] == StepStatus.NOT_STARTED
    assert seen["PLO-KKN"][1] == StepStatus.RETURNED
    assert seen["PLO-KKN"][3] == StepStatus.ON_TIME
    assert seen["CTR-001"][1] == StepStatus.ACCEPTED
    assert seen["CTR-001"][3] == StepStatus.NOT_STARTED
    assert {seen[code][5] for code in seen} == {StepStatus.NOT_STARTED}
    assert "OPS-ASD" not in seen  # the central group does not take part


def test_each_cell_says_its_status_in_words_with_its_colour_and_note(client, world):
    client.force_login(world.cast.central)
    content = client.get(URL).content.decode()
    assert 'class="dash-badge dash-status-overdue"' in content
    assert "เลยกำหนดส่ง (ยังไม่ส่ง)" in content
    assert 'class="dash-badge dash-status-accepted"' in content
    # the accepted step was first sent late; the overdue one was never started
    assert "ส่งครั้งแรกล่าช้า" in content
    assert '<span class="dash-note">ยังไม่เริ่ม</span>' in content
    assert "ขยายถึง 28 ก.พ. 2568" in content  # CTR-001's own due date for step 3
    for label in ("ส่งแล้วตรงเวลา", "ส่งล่าช้า", "ร่าง", "รอผู้บริหารลงนาม", "ส่งกลับแก้ไข"):
        assert label in content


def test_each_cell_links_to_its_submission_or_to_the_units_step_page(client, world):
    client.force_login(world.cast.central)
    rows = {row.unit.code: row for row in client.get(URL).context["rows"]}
    assert rows["PLO-KKN"].cells[1].url == reverse("submissions:review", args=[world.subs.kkn1.pk])
    assert rows["OPS-AAA"].cells[3].url == reverse("submissions:review", args=[world.subs.a3.pk])
    assert rows["PLO-CNX"].cells[1].url == "/units/PLO-CNX/2568/roster/"
    assert rows["PLO-CNX"].cells[3].url == "/units/PLO-CNX/2568/plans/"
    content = client.get(URL).content.decode()
    assert f'href="{reverse("submissions:review", args=[world.subs.b1.pk])}"' in content


def test_counts_per_status_per_step_and_overall(client, world):
    client.force_login(world.cast.central)
    matrix = client.get(URL).context["matrix"]
    counts = {c.status: (c.per_step, c.total) for c in matrix.counts}
    assert counts[StepStatus.ON_TIME] == ({1: 1, 3: 1, 4: 0, 5: 0}, 2)
    assert counts[StepStatus.LATE] == ({1: 1, 3: 0, 4: 0, 5: 0}, 1)
    assert counts[StepStatus.OVERDUE] == ({1: 1, 3: 0, 4: 0, 5: 0}, 1)
    assert counts[StepStatus.DRAFT] == ({1: 0, 3: 1, 4: 0, 5: 0}, 1)
    assert counts[StepStatus.NOT_STARTED] == ({1: 0, 3: 2, 4: 5, 5: 5}, 12)
    assert matrix.step_totals == {1: 5, 3: 5, 4: 5, 5: 5}
    assert matrix.total_cells == 20 and matrix.counted_units == 5


def test_the_counts_link_to_the_matrix_filtered_on_their_status(client, world):
    client.force_login(world.cast.central)
    content = client.get(URL, {"kind": "division"}).content.decode()
    assert '?kind=division&amp;status=late&amp;step=1">1</a>' in content


def codes(response) -> list[str]:
    return [row.unit.code for row in response.context["rows"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "center"}, ["CTR-001"]),
        ({"kind": "provincial"}, ["PLO-CNX", "PLO-KKN"]),
        ({"region": "north"}, ["PLO-CNX"]),
        ({"province": "KKN"}, ["PLO-KKN"]),
        ({"status": "overdue"}, ["PLO-CNX"]),
        ({"status": "on_time"}, ["OPS-AAA", "PLO-KKN"]),
        ({"status": "on_time", "step": "3"}, ["PLO-KKN"]),
        ({"status": "not_started", "step": "3"}, ["CTR-001", "PLO-CNX"]),
        ({"q": "เชียงใหม่"}, ["PLO-CNX"]),
        ({"q": "ops-b"}, ["OPS-BBB"]),
        ({"q": "ไม่มีหน่วยงานนี้"}, []),
        ({"kind": "division", "status": "late"}, ["OPS-BBB"]),
    ],
)
def test_the_filters_and_the_search(client, world, params, expected):
    client.force_login(world.cast.central)
    assert sorted(codes(client.get(URL, params))) == expected


def test_the_step_filter_shows_that_steps_column_only(client, world):
    client.force_login(world.cast.central)
    response = client.get(URL, {"step": "3"})
    assert [s.number for s in response.context["matrix"].shown_steps] == [3]
    assert all([c.step_number for c in row.columns] == [3] for row in response.context["rows"])
    assert "การเข้าร่วมประชุม" not in response.content.decode()


def test_a_filter_value_it_does_not_know_is_dropped_with_a_thai_message(client, world):
    client.force_login(world.cast.central)
    response = client.get(URL, {"status": "lost", "kind": "<script>", "step": "2"})
    content = response.content.decode()
    assert response.status_code == 200
    assert len(codes(response)) == 5
    assert "ไม่รู้จักสถานะที่เลือก" in content and "ไม่รู้จักประเภทหน่วยงานที่เลือก" in content
    assert "ไม่รู้จักขั้นตอนที่เลือก" in content
    assert "<script>" not in content


def test_a_year_without_a_cycle_is_not_found(client, world):
    client.force_login(world.cast.central)
    assert client.get(URL, {"year": "2599"}).status_code == 404


def test_the_export_links_keep_the_filters(client, world):
    client.force_login(world.cast.central)
    content = client.get(URL, {"kind": "provincial", "q": "ขอน"}).content.decode()
    query = "?kind=provincial&amp;q=%E0%B8%82%E0%B8%AD%E0%B8%99"
    assert f'href="/central/export/matrix.csv{query}"' in content
    assert f'href="/central/export/counts.xlsx{query}"' in content


def test_the_matrix_shows_attendance_against_the_threshold(client, world):
    client.force_login(world.cast.central)
    rows = {row.unit.code: row for row in client.get(URL).context["rows"]}
    assert (rows["OPS-BBB"].rate.attended, rows["OPS-BBB"].rate.held) == (1, 2)
    assert rows["OPS-BBB"].rate.reached is False
    assert rows["OPS-AAA"].rate.reached is True


@pytest.mark.parametrize("count", [90, 900])
def test_the_dashboard_takes_the_same_queries_for_90_or_900_units(
    client, cast, cycle, count, django_assert_num_queries
):
    populate(cycle, count, actor=cast.central, rng=random.Random(count))
    client.force_login(cast.central)
    # session, user, role grants, cycles, their steps, provinces for the filter, units,
    # extensions, submissions, required meetings held, attended meetings grouped by unit
    with django_assert_num_queries(11):
        response = client.get(URL)
    assert len(response.context["rows"]) == count + 2  # plus the cast's two units
    assert response.context["matrix"].total_cells == (count + 2) * 4


@pytest.mark.parametrize("count", [90, 900])
def test_filtered_and_searched_the_queries_stay_the_same(
    client, cast, cycle, count, django_assert_num_queries
):
    populate(cycle, count, actor=cast.central, rng=random.Random(count))
    client.force_login(cast.central)
    with django_assert_num_queries(11):
        response = client.get(URL, {"kind": "division", "q": "หน่วยงาน", "status": "late"})
    assert response.context["rows"]
    assert all(row.unit.kind == "division" for row in response.context["rows"])
