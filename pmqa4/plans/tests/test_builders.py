"""Builders for step 3's tests: plans, activities and KPIs of a unit's cycle, at any size.

Kept in a test module (the app's tests may add only test_*.py files); the two tests at the end
check the builders themselves.
"""

from decimal import Decimal

import pytest

from pmqa4.core.fiscal import end_of_day
from pmqa4.core.testing.factories import KpiFactory, KpiSheetFactory
from pmqa4.cycles.models import StepNumber
from pmqa4.framework.models import Dimension
from pmqa4.plans.models import ActionPlan, Activity, ActivityStep, PlanItem, ThreeYearPlan
from pmqa4.submissions.models import State, Submission


def dimension(number: int) -> Dimension:
    return Dimension.objects.get(number=number)


def kpi(unit, cycle, code, *, sheet="complete", **sheet_fields):
    """A KPI with a complete sheet, an incomplete one (``sheet_fields`` blanked), or none."""
    made = KpiFactory(unit=unit, cycle=cycle, code=code, name=f"ตัวชี้วัด {code}")
    if sheet:
        KpiSheetFactory(kpi=made, dimension=dimension(1), **sheet_fields)
    return made


def form1(unit, cycle, rows, *, first_year=None) -> ThreeYearPlan:
    """rows: (dimension number, name, (year1, year2, year3), [KPIs])."""
    plan, _ = ThreeYearPlan.objects.get_or_create(
        unit=unit, cycle=cycle, defaults={"first_year": first_year or cycle.plan_first_year}
    )
    for dim, name, years, kpis in rows:
        number = plan.items.filter(dimension__number=dim).count() + 1
        item = PlanItem.objects.create(
            plan=plan,
            dimension=dimension(dim),
            number=number,
            name=name,
            in_year1=years[0],
            in_year2=years[1],
            in_year3=years[2],
        )
        item.kpis.set(kpis)
    return plan


def form2(unit, cycle, rows, *, steps=0) -> ActionPlan:
    """rows: (dimension number, name, months, responsible, [KPIs]); ``steps`` under each."""
    plan, _ = ActionPlan.objects.get_or_create(unit=unit, cycle=cycle)
    for dim, name, months, responsible, kpis in rows:
        number = plan.activities.filter(dimension__number=dim).count() + 1
        activity = Activity.objects.create(
            action_plan=plan,
            dimension=dimension(dim),
            number=number,
            name=name,
            months=months,
            responsible=responsible,
        )
        activity.kpis.set(kpis)
        for step in range(1, steps + 1):
            ActivityStep.objects.create(activity=activity, number=step, name=f"ขั้นตอน {step}")
    return plan


def unit_with_plans(unit, cycle, *, activities: int, kpis: int):
    """Both plans over the three dimensions, ``activities`` rows in each and ``kpis`` KPIs
    (every KPI named by some row, every other sheet incomplete): for counting queries."""
    made = [
        kpi(unit, cycle, f"K{n}", **({"definition": ""} if n % 2 else {}))
        for n in range(1, kpis + 1)
    ]
    rows = [(n % 3 + 1, f"แผนงานที่ {n}", (True, n % 2 == 0, True)) for n in range(activities)]
    named = [made[n::activities] for n in range(activities)]
    form1(unit, cycle, [(*row, named[n]) for n, row in enumerate(rows)])
    form2(
        unit,
        cycle,
        [(d, name, [1, 2], "กลุ่มงาน", named[n]) for n, (d, name, _) in enumerate(rows)],
        steps=2,
    )


def submitted(unit, cycle, state=State.AWAITING_SIGN_OFF) -> Submission:
    step = cycle.steps.get(number=StepNumber.PLANS)
    at = None if state in (State.DRAFT, State.AWAITING_SIGN_OFF) else end_of_day(cycle.starts_on)
    return Submission.objects.create(unit=unit, step=step, state=state, first_submitted_at=at)


@pytest.mark.django_db
def test_the_builder_numbers_rows_within_their_dimension(cast, cycle):
    plan = form1(cast.unit_a, cycle, [(1, "ก", (1, 0, 0), []), (2, "ข", (1, 0, 0), [])])
    form1(cast.unit_a, cycle, [(1, "ค", (1, 0, 0), [])])
    assert sorted(i.label for i in plan.items.select_related("dimension")) == ["1.1", "1.2", "2.1"]


@pytest.mark.django_db
def test_a_built_unit_names_every_kpi_and_half_the_sheets_are_incomplete(cast, cycle):
    unit_with_plans(cast.unit_a, cycle, activities=3, kpis=4)
    sheets = [k.sheet.missing_fields() for k in cast.unit_a.kpis.select_related("sheet")]
    assert [bool(m) for m in sheets] == [True, False, True, False]
    assert Activity.objects.filter(kpis__isnull=False).distinct().count() == 3
    assert Decimal(cast.unit_a.kpis.first().sheet.target) == Decimal("80")
