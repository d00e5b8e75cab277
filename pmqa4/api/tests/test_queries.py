"""Every list costs the same number of queries for 5 rows and for 50 (no query per row).

The fixed part of every call: the token (1), its last use (1), its user's role grants (1).
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pmqa4.api.models import Scope
from pmqa4.core.testing.factories import KpiFactory, KpiSheetFactory, UnitFactory, bangkok, person
from pmqa4.framework.models import Characteristic, Dimension
from pmqa4.org.models import Role
from pmqa4.plans.models import (
    ActionPlan,
    Activity,
    ActivityStep,
    KpiActual,
    PlanItem,
    ThreeYearPlan,
)
from pmqa4.scoring.models import ScoreRecord
from pmqa4.submissions.models import State, Submission

pytestmark = pytest.mark.django_db

A = "/units/OPS-AAA/cycles/2568"
ALL = {"page_size": 100}


def counted(caller, path, params=ALL):
    with CaptureQueriesContext(connection) as queries:
        response = caller.get(path, params)
    assert response.status_code == 200, response.content
    return len(queries), response.json()


@pytest.fixture
def central(cast, issue, caller):
    return caller(issue(cast.central, Scope.READ))


@pytest.fixture
def coordinator(cast, issue, caller):
    return caller(issue(cast.coordinator_a, Scope.READ))


def _units(n, cycle):
    for _ in range(n):
        unit = UnitFactory()
        person(Role.COORDINATOR, unit)
        at = bangkok("2024-11-25 10:00")
        Submission.objects.create(
            unit=unit,
            step=cycle.steps.get(number=1),
            state=State.SUBMITTED,
            first_submitted_at=at,
            last_submitted_at=at,
        )


def test_units_and_their_step_status(central, cycle):
    _units(2, cycle)  # with the cast's three: 5
    few_units, body = counted(central, "/units")
    few_status, status = counted(central, "/cycles/2568/step-status")
    assert body["count"] == 5 and len(status["items"]) == 5
    _units(45, cycle)
    many_units, body = counted(central, "/units")
    many_status, status = counted(central, "/cycles/2568/step-status")
    assert body["count"] == 50 and len(status["items"]) == 50
    assert status["items"][-1]["steps"][0]["status"] == "on_time"
    assert (few_units, few_status) == (many_units, many_status) == (5, 10)
    print(f"\nqueries: /units {many_units}, /step-status {many_status} (5 and 50 units)")


def _plans(unit, cycle, start, n):
    dimensions = list(Dimension.objects.order_by("number"))
    plan, _ = ThreeYearPlan.objects.get_or_create(unit=unit, cycle=cycle, first_year=2568)
    action_plan, _ = ActionPlan.objects.get_or_create(unit=unit, cycle=cycle)
    for i in range(start, start + n):
        dimension = dimensions[i % len(dimensions)]
        kpi = KpiFactory(unit=unit, cycle=cycle, code=f"K{i:03d}")
        KpiSheetFactory(kpi=kpi, dimension=dimension, target=Decimal("80"))
        for day in (1, 2):
            KpiActual.objects.create(
                kpi=kpi,
                value=Decimal(70 + i % 30),
                measured_on=dt.date(2025, 3, day),
                reported_at=bangkok(f"2025-03-0{day} 10:00"),
            )
        item = PlanItem.objects.create(
            plan=plan, dimension=dimension, number=i, name=f"แผนงานที่ {i}", in_year1=True
        )
        item.kpis.set([kpi])
        item.characteristics.set(Characteristic.objects.filter(dimension=dimension)[:2])
        activity = Activity.objects.create(
            action_plan=action_plan,
            dimension=dimension,
            number=i,
            name=f"กิจกรรมที่ {i}",
            months=[1, 2],
            plan_item=item,
        )
        activity.kpis.set([kpi])
        activity.characteristics.set(Characteristic.objects.filter(dimension=dimension)[:1])
        ActivityStep.objects.create(activity=activity, number=1, name="ขั้นแรก", months=[1])
        ActivityStep.objects.create(activity=activity, number=2, name="ขั้นที่สอง", months=[2])


@pytest.mark.parametrize("path, expected", [("/plan-items", 9), ("/activities", 10), ("/kpis", 7)])
def test_a_units_plans_and_kpis(coordinator, cast, cycle, path, expected):
    _plans(cast.unit_a, cycle, 1, 5)
    few, body = counted(coordinator, A + path)
    assert body["count"] == 5
    _plans(cast.unit_a, cycle, 6, 45)
    many, body = counted(coordinator, A + path)
    assert body["count"] == 50 and len(body["items"]) == 50
    assert few == many == expected
    print(f"\nqueries: {path} {many} (5 and 50 rows)")


def _scores(cast, cycle, n):
    for _ in range(n):
        ScoreRecord.objects.create(
            unit=UnitFactory(),
            cycle=cycle,
            kind=1,
            as_of=bangkok("2025-02-01 00:00"),
            round1=Decimal("2.5"),
            year=Decimal("2.5"),
            facts={},
            breakdown={"steps": []},
            published_at=bangkok("2025-02-10 09:00"),
            published_by=cast.central,
        )


def test_published_scores(central, cast, cycle):
    _scores(cast, cycle, 5)
    few, body = counted(central, "/scores")
    assert body["count"] == 5
    _scores(cast, cycle, 45)
    many, body = counted(central, "/scores")
    assert body["count"] == 50 and body["items"][0]["round1"] == "2.50"
    assert few == many == 5
    print(f"\nqueries: /scores {many} (5 and 50 records)")
