"""Stored rows → facts: boundaries, returns, findings, extensions, and a fixed query count."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pmqa4.core.fiscal import end_of_day
from pmqa4.core.testing.factories import CycleFactory, bangkok, person
from pmqa4.cycles.models import StepExtension
from pmqa4.demo.specs import Return, StepRun
from pmqa4.org.models import Role
from pmqa4.plans.models import KpiActual
from pmqa4.scoring.adapter import cycle_facts, unit_facts
from pmqa4.scoring.engine import score_document
from pmqa4.submissions.models import Finding, SignOff

from .builders import complete_scenario, light_scenario, meetings, unit_with_year

pytestmark = pytest.mark.django_db
YEAR_END = end_of_day(dt.date(2025, 9, 30))


@pytest.fixture
def cycle():
    cycle = CycleFactory()
    meetings(cycle)
    return cycle


def score(cycle, unit, as_of=YEAR_END):
    return score_document(unit_facts(cycle, unit, as_of=as_of))


def deductions(breakdown, step):
    return [(d["rule"], d["amount"]) for d in breakdown["steps"][step - 1]["deductions"]]


def test_a_complete_unit_with_one_finding_loses_only_that(cycle):
    unit = unit_with_year(cycle, complete_scenario("U1"))
    breakdown = score(cycle, unit)
    assert [s["points"] for s in breakdown["steps"]] == ["1.00", "1.00", "1.00", "0.50", "1.00"]
    assert deductions(breakdown, 4) == [("not_as_prescribed", "0.50")]


@pytest.mark.parametrize(
    ("submitted", "late"),
    [("2024-11-29 23:59:59", False), ("2024-11-30 00:00:00", True), ("2024-11-30 00:00:01", True)],
)
def test_the_roster_is_late_from_midnight_in_bangkok(cycle, submitted, late):
    unit = unit_with_year(cycle, complete_scenario("U1", roster=StepRun(bangkok(submitted))))
    assert (deductions(score(cycle, unit), 1) == [("late_or_incomplete", "0.05")]) is late


def test_a_units_extension_is_its_due_date(cycle):
    unit = unit_with_year(
        cycle, complete_scenario("U1", roster=StepRun(bangkok("2024-12-05 10:00")))
    )
    assert deductions(score(cycle, unit), 1) == [("late_or_incomplete", "0.05")]
    StepExtension.objects.create(
        step=cycle.steps.get(number=1),
        unit=unit,
        due_on=dt.date(2024, 12, 6),
        reason="น้ำท่วมพื้นที่",
        granted_by=person(Role.CENTRAL_ADMIN, unit),
    )
    facts = unit_facts(cycle, unit, as_of=YEAR_END)
    assert facts["team"]["due"] == "2024-12-06"
    assert deductions(score_document(facts), 1) == []


def _returned(resubmitted_at):
    return StepRun(
        bangkok("2025-01-30 15:00"),
        returns=(
            Return(
                bangkok("2025-02-05 10:00"),
                "กรุณาแก้ไข",
                correction_due=dt.date(2025, 2, 14),
                resubmitted_at=resubmitted_at,
            ),
        ),
    )


@pytest.mark.parametrize(
    ("resubmitted", "points"),
    [
        ("2025-02-14 23:59:59", "1.00"),  # by the correction due date: keeps its on-time status
        ("2025-02-15 00:00:00", "0.95"),  # after it: late
        (None, "0.00"),  # never resubmitted: not done
    ],
)
def test_a_returned_plan_is_judged_by_its_correction_due_date(cycle, resubmitted, points):
    run = _returned(bangkok(resubmitted) if resubmitted else None)
    unit = unit_with_year(cycle, complete_scenario("U1", plans=run))
    facts = unit_facts(cycle, unit, as_of=YEAR_END)
    assert facts["plans"]["submissions"][0]["correction_due"] == "2025-02-14"
    assert score_document(facts)["steps"][2]["points"] == points


def test_a_finding_counts_until_it_is_withdrawn_whenever_it_was_recorded(cycle):
    unit = unit_with_year(cycle, complete_scenario("U1"))
    finding = Finding.objects.get(submission__unit=unit)
    assert deductions(score(cycle, unit), 4) == [("not_as_prescribed", "0.50")]
    # step 4 is due on 24 September: its findings often come after the year's end
    finding.recorded_at = bangkok("2025-10-15 10:00")
    finding.save()
    assert deductions(score(cycle, unit), 4) == [("not_as_prescribed", "0.50")]
    finding.withdrawn_at = bangkok("2025-10-20 10:00")
    finding.withdrawn_by = finding.recorded_by
    finding.save()
    assert deductions(score(cycle, unit), 4) == []


def test_a_sign_off_after_the_assessment_time_does_not_count(cycle):
    unit = unit_with_year(cycle, complete_scenario("U1"))
    sign_off = SignOff.objects.get(submission__unit=unit, submission__step__number=3)
    facts = unit_facts(cycle, unit, as_of=sign_off.signed_at - dt.timedelta(seconds=1))
    assert facts["plans"]["signed_off"] is False
    assert unit_facts(cycle, unit, as_of=YEAR_END)["plans"]["signed_off"] is True


def test_the_latest_actual_reported_by_the_assessment_time_counts(cycle):
    unit = unit_with_year(cycle, complete_scenario("U1"))
    actual = KpiActual.objects.get(kpi__code="U1-1")
    KpiActual.objects.create(
        kpi=actual.kpi,
        value=60,
        measured_on=dt.date(2025, 9, 29),
        reported_at=bangkok("2025-09-29 09:00"),
    )
    kpis = {k["id"]: k for k in unit_facts(cycle, unit, as_of=YEAR_END)["plans"]["kpis"]}
    assert kpis["U1-1"]["actual"] == "60.0000"
    early = unit_facts(cycle, unit, as_of=bangkok("2025-09-20 00:00"))["plans"]["kpis"]
    assert {k["id"]: k["actual"] for k in early}["U1-1"] == "80.0000"
    before_any = unit_facts(cycle, unit, as_of=bangkok("2025-09-01 00:00"))["plans"]["kpis"]
    assert all(k["actual"] is None for k in before_any)


def test_meetings_carry_attendance_and_the_required_flag(cycle):
    unit = unit_with_year(cycle, complete_scenario("U1", attended=(dt.date(2024, 12, 20),)))
    facts = unit_facts(cycle, unit, as_of=YEAR_END)
    assert [(m["held_on"], m["required"], m["attended"]) for m in facts["meetings"]] == [
        ("2024-12-20", True, True),
        ("2025-02-14", True, False),
        ("2025-05-16", True, False),
    ]


def test_a_unit_with_nothing_stored_has_no_parts(cycle):
    from pmqa4.core.testing.factories import UnitFactory

    facts = unit_facts(cycle, UnitFactory(), as_of=YEAR_END)
    assert (facts["team"], facts["plans"], facts["report"]) == (None, None, None)
    assert score_document(facts)["year"] == "0.00"


def test_timestamps_are_written_in_bangkok_time(cycle):
    unit = unit_with_year(cycle, complete_scenario("U1"))
    facts = unit_facts(cycle, unit, as_of=timezone.now())
    assert facts["team"]["submissions"][0]["at"] == "2024-11-28T10:00:00+07:00"


def _count_queries(cycle, units):
    with CaptureQueriesContext(connection) as queries:
        facts = cycle_facts(cycle, as_of=YEAR_END, units=units)
    assert len(facts) == len(units)
    return len(queries)


def test_a_cycles_facts_take_the_same_queries_for_10_and_200_units(cycle):
    central = person(Role.CENTRAL_ADMIN, unit_with_year(cycle, complete_scenario("C0")))
    units = [
        unit_with_year(cycle, light_scenario(f"U{n:03d}"), central=central) for n in range(200)
    ]
    # extensions, team members, meetings, attendance, submission events, sign-offs, findings,
    # Form 1 dimensions, Form 1 KPI links, Form 2 KPI links, activities, KPIs with sheets,
    # latest actuals (+1 for the cycle's steps when not prefetched)
    assert _count_queries(cycle, units[:10]) == _count_queries(cycle, units) == 14
