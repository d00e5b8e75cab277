"""Unit score page, central scoreboard, findings and publishing: who may, what it shows."""

from unittest import mock

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from pmqa4.cycles.models import Cycle
from pmqa4.demo.specs import StepRun, at
from pmqa4.scoring.models import ScoreKind, ScoreRecord
from pmqa4.submissions.models import Finding, FindingKind

from .builders import complete_scenario, meetings, unit_with_year

pytestmark = pytest.mark.django_db


@pytest.fixture
def year(cast, cycle):
    """Two units with a whole FY2568 of work, each with a standing finding on step 4."""
    meetings(cycle)
    a = unit_with_year(cycle, complete_scenario("SCA"), central=cast.central)
    b = unit_with_year(cycle, complete_scenario("SCB"), central=cast.central)
    return a, b


def score_url(unit, year=2568):
    return reverse("scoring:unit", kwargs={"code": unit.code}) + f"?year={year}"


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator_a", 200),
        ("executive_a", 200),
        ("central", 200),
        ("evaluator", 200),
        ("coordinator_b", 404),
        ("staff_a", 404),
    ],
)
def test_the_unit_score_page_is_for_the_units_people_and_the_central_roles(
    client, cast, cycle, who, status
):
    client.force_login(getattr(cast, who))
    assert client.get(score_url(cast.unit_a)).status_code == status


def test_the_score_page_explains_each_deduction_in_thai(client, cast, year):
    unit, _ = year
    client.force_login(cast.central)
    content = client.get(score_url(unit)).content.decode()
    assert "0.50" in content and "ไม่ส่งตามช่องทางที่กำหนด (ข้อ ๒)" in content
    assert "4.50" in content  # 5 − the finding on step 4


def test_the_score_page_runs_a_fixed_number_of_queries(
    client, cast, year, django_assert_num_queries
):
    unit, _ = year
    client.force_login(cast.central)
    # session, user, grants, unit, cycles + steps + rounds (3), the facts (13), the
    # extensions for the advice, KPI names, findings, publications
    with django_assert_num_queries(24):
        assert client.get(score_url(unit)).status_code == 200


def test_a_coordinator_cannot_record_a_finding(client, cast, year):
    client.force_login(cast.coordinator_a)
    url = reverse("scoring:finding-create", kwargs={"code": cast.unit_a.code})
    assert client.post(url, {"step": 3, "kind": "not_unit_wide", "note": "x"}).status_code == 403
    client.force_login(cast.coordinator_b)
    assert client.post(url, {"step": 3, "kind": "not_unit_wide", "note": "x"}).status_code == 404


def test_an_evaluators_finding_shows_in_the_breakdown_at_once_and_is_audited(client, cast, year):
    unit, _ = year
    client.force_login(cast.evaluator)
    url = reverse("scoring:finding-create", kwargs={"code": unit.code}) + "?year=2568"
    response = client.post(
        url, {"step": 3, "kind": FindingKind.NOT_UNIT_WIDE, "note": "แผนมีเฉพาะงานของกลุ่มเดียว"}
    )
    assert response.status_code == 302
    finding = Finding.objects.get(submission__unit=unit, submission__step__number=3)
    assert finding.recorded_by == cast.evaluator
    entry = LogEntry.objects.get_for_object(finding).get()
    assert entry.actor == cast.evaluator
    page = client.get(score_url(unit)).content.decode()
    assert "ข้อมูลไม่เป็นภาพรวมของหน่วยงาน (ข้อ ๑)" in page
    assert "แผนมีเฉพาะงานของกลุ่มเดียว" in page


def test_the_same_finding_twice_gets_a_thai_message_and_costs_once(client, cast, year):
    unit, _ = year
    client.force_login(cast.evaluator)
    url = reverse("scoring:finding-create", kwargs={"code": unit.code}) + "?year=2568"
    data = {"step": 4, "kind": FindingKind.NOT_AS_PRESCRIBED, "note": "ซ้ำ"}
    response = client.post(url, data, follow=True)
    assert "มีข้อค้นพบประเภทนี้อยู่แล้ว" in response.content.decode()
    assert Finding.objects.filter(submission__unit=unit, submission__step__number=4).count() == 1


def test_a_finding_on_a_step_not_submitted_is_refused(client, cast, cycle):
    meetings(cycle)
    unit = unit_with_year(cycle, complete_scenario("SCC", report=None), central=cast.central)
    client.force_login(cast.evaluator)
    url = reverse("scoring:finding-create", kwargs={"code": unit.code}) + "?year=2568"
    response = client.post(url, {"step": 4, "kind": "not_unit_wide", "note": "x"}, follow=True)
    assert "ยังไม่ได้ส่งขั้นตอนนี้" in response.content.decode()
    assert not Finding.objects.filter(submission__unit=unit).exists()


def test_withdrawing_a_finding_restores_the_points_and_is_audited(client, cast, year):
    unit, _ = year
    finding = Finding.objects.get(submission__unit=unit)
    client.force_login(cast.evaluator)
    url = reverse("scoring:finding-withdraw", kwargs={"code": unit.code, "pk": finding.pk})
    assert client.post(url, {"note": ""}, follow=True).status_code == 200
    finding.refresh_from_db()
    assert finding.withdrawn_at is None  # no reason given: refused
    assert client.post(url, {"note": "หน่วยงานส่งผ่านระบบแล้ว"}).status_code == 302
    finding.refresh_from_db()
    assert finding.withdrawn_by == cast.evaluator
    assert "5.00" in client.get(score_url(unit)).content.decode()
    changes = LogEntry.objects.get_for_object(finding).filter(action=LogEntry.Action.UPDATE).get()
    assert "withdrawn_at" in changes.changes_dict


def test_another_units_finding_cannot_be_withdrawn_through_this_unit(client, cast, year):
    unit_a, unit_b = year
    finding_b = Finding.objects.get(submission__unit=unit_b)
    client.force_login(cast.evaluator)
    url = reverse("scoring:finding-withdraw", kwargs={"code": unit_a.code, "pk": finding_b.pk})
    assert client.post(url, {"note": "x"}).status_code == 404


@pytest.mark.parametrize(
    ("who", "status"),
    [("central", 200), ("evaluator", 200), ("coordinator_a", 403), ("executive_a", 403)],
)
def test_the_scoreboard_is_for_the_central_roles(client, cast, cycle, who, status):
    client.force_login(getattr(cast, who))
    assert client.get(reverse("scoring:board")).status_code == status


@pytest.mark.parametrize("count", [1, 20])
def test_the_scoreboard_takes_the_same_queries_for_1_or_20_units(
    client, cast, cycle, count, django_assert_num_queries
):
    meetings(cycle)
    for n in range(count):
        unit_with_year(cycle, complete_scenario(f"B{n:02d}"), central=cast.central)
    client.force_login(cast.central)
    # session, user, grants, cycles + steps + rounds, units, the facts (13), provinces
    with django_assert_num_queries(21):
        response = client.get(reverse("scoring:board") + "?year=2568")
    assert len(response.context["scores"]) == count + 2


def test_the_scoreboard_sorts_and_filters(client, cast, year):
    client.force_login(cast.central)
    response = client.get(reverse("scoring:board"), {"year": 2568, "sort": "year"})
    years = [s.breakdown["year"] for s in response.context["scores"]]
    assert years == sorted(years, key=float, reverse=True)
    response = client.get(reverse("scoring:board"), {"year": 2568, "kind": "center"})
    assert response.context["scores"] == []


def test_publishing_freezes_scores_and_republishing_keeps_the_earlier_one(client, cast, year):
    unit, _ = year
    client.force_login(cast.central)
    publish = reverse("scoring:publish") + "?year=2568"
    assert client.post(publish, {"kind": ScoreKind.YEAR}).status_code == 302
    first = ScoreRecord.objects.get(unit=unit, kind=ScoreKind.YEAR)
    assert (str(first.year), first.published_by) == ("4.50", cast.central)
    assert first.facts["unit"] == unit.code and first.breakdown["year"] == "4.50"

    Finding.objects.filter(submission__unit=unit).update(
        withdrawn_at=first.published_at, withdrawn_by=cast.evaluator
    )
    first.refresh_from_db()
    assert str(first.year) == "4.50"  # a published score does not move with later edits

    client.post(publish, {"kind": ScoreKind.YEAR})
    records = ScoreRecord.objects.filter(unit=unit, kind=ScoreKind.YEAR).order_by("published_at")
    assert [str(r.year) for r in records] == ["4.50", "5.00"]
    page = client.get(score_url(unit)).content.decode()
    assert "ขั้นตอนที่ 4: 0.50 → 1.00 คะแนน" in page


def test_only_the_central_administrator_publishes(client, cast, year):
    client.force_login(cast.evaluator)
    response = client.post(reverse("scoring:publish"), {"kind": ScoreKind.ROUND1})
    assert response.status_code == 403
    assert not ScoreRecord.objects.exists()


def test_a_new_rule_value_takes_effect_at_the_next_computation_and_is_audited(client, cast, year):
    unit, _ = year
    client.force_login(cast.central)
    cycle = Cycle.objects.get(fiscal_year=2568)
    cycle.not_as_prescribed = "0.25"
    cycle.save()
    assert "4.75" in client.get(score_url(unit)).content.decode()
    entry = LogEntry.objects.get_for_object(cycle).filter(action=LogEntry.Action.UPDATE).get()
    assert "not_as_prescribed" in entry.changes_dict


def test_a_unit_with_time_left_is_told_what_it_can_still_do(client, cast, cycle):
    meetings(cycle)
    unit = unit_with_year(
        cycle,
        complete_scenario("SCD", roster=StepRun(at("2024-11-20 10:00")), plans=None, report=None),
        central=cast.central,
    )
    client.force_login(cast.central)
    with mock.patch("django.utils.timezone.now", return_value=at("2025-01-10 09:00")):
        content = client.get(score_url(unit)).content.decode()
    assert "สิ่งที่หน่วยงานยังทำได้ก่อนกำหนดส่ง" in content
    assert "ภายใน 31 ม.ค. 2568" in content
