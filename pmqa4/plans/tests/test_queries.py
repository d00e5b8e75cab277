"""Step 3's pages cost the same number of queries for 3 activities and KPIs as for 30 activities
and 40 KPIs: the selectors prefetch, the templates never query."""

import pytest
from django.urls import reverse

from pmqa4.plans.models import KpiSheet

from .test_builders import unit_with_plans

pytestmark = pytest.mark.django_db

# Every page starts with the same eight: the session, the user, the user's role grants, the unit,
# the cycle, step 3, the unit's step 3 submission and its due-date extensions (the step panel).
# The live checklist adds four: the dimensions, Form 1's dimensions, Form 2's activities, the KPIs
# with their sheets' scoring fields and whether Form 1 or Form 2 names them.
PAGE, CHECKLIST = 8, 4
QUERIES = {
    "overview": PAGE + CHECKLIST,
    "kpis": PAGE + CHECKLIST,
    # the plan, its items, the items' KPIs, the dimensions and their categories, the unit's KPIs
    "form1": PAGE + 6 + CHECKLIST,
    # the action plan, its activities, their KPIs, their steps, how many Form 1 items of this
    # year have no activity yet, the dimensions and their categories, the unit's KPIs
    "form2": PAGE + 8 + CHECKLIST,
    # the KPI with its sheet and dimension, the baseline, the steps, the dimension choices
    "kpi-sheet": PAGE + 4 + CHECKLIST,
}


@pytest.fixture
def units(cast, cycle):
    unit_with_plans(cast.unit_a, cycle, activities=3, kpis=3)
    unit_with_plans(cast.unit_b, cycle, activities=30, kpis=40)
    for unit, steps in ((cast.unit_a, 3), (cast.unit_b, 30)):
        sheet = KpiSheet.objects.get(kpi__unit=unit, kpi__code="K1")
        for year in (2565, 2566, 2567):
            sheet.baselines.create(fiscal_year=year, value=year - 2500)
        for number in range(1, steps + 1):
            sheet.steps.create(number=number, detail=f"ขั้นตอน {number}")


def page_url(name, code):
    args = [code, 2568] + (["K1"] if name == "kpi-sheet" else [])
    return reverse(f"plans:{name}", args=args)


@pytest.mark.parametrize("name", QUERIES)
@pytest.mark.parametrize("who", ["coordinator", "evaluator"])
def test_each_page_costs_the_same_queries_for_a_small_and_a_large_unit(
    client, cast, units, django_assert_num_queries, name, who
):
    expected = QUERIES[name]
    if name == "kpi-sheet" and who == "evaluator":
        expected -= 1  # a reader sees the sheet as text: no dimension choices to render
    for unit, coordinator in ((cast.unit_a, cast.coordinator_a), (cast.unit_b, cast.coordinator_b)):
        client.force_login(coordinator if who == "coordinator" else cast.evaluator)
        with django_assert_num_queries(expected):
            assert client.get(page_url(name, unit.code)).status_code == 200


def test_the_large_unit_really_is_large(cast, units):
    assert cast.unit_b.kpis.count() == 40
    assert sum(p.activities.count() for p in cast.unit_b.action_plans.all()) == 30
