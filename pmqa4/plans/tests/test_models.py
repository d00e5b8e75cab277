from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from pmqa4.core.testing.factories import CycleFactory, KpiFactory, KpiSheetFactory, UnitFactory
from pmqa4.framework.models import Dimension
from pmqa4.plans.models import ActionPlan, Activity, Direction, PlanItem, ThreeYearPlan

pytestmark = pytest.mark.django_db


def test_a_higher_is_better_target_of_zero_is_refused_with_a_thai_message():
    sheet = KpiSheetFactory.build(kpi=KpiFactory(), target=Decimal("0"))
    with pytest.raises(ValidationError) as error:
        sheet.full_clean()
    assert error.value.message_dict["target"] == ["ตัวชี้วัดแบบค่ามากดีต้องมีค่าเป้าหมายมากกว่า ๐"]


def test_the_database_refuses_a_higher_is_better_target_of_zero_too():
    with pytest.raises(IntegrityError):
        KpiSheetFactory(target=Decimal("0"))


def test_a_lower_is_better_target_of_zero_is_allowed():
    sheet = KpiSheetFactory(target=Decimal("0"), direction=Direction.LOWER)
    sheet.full_clean()


def test_a_complete_sheet_misses_nothing():
    sheet = KpiSheetFactory(dimension=Dimension.objects.get(number=1))
    assert sheet.missing_fields() == []


def test_a_sheet_names_each_missing_field_that_scoring_needs():
    sheet = KpiSheetFactory(
        dimension=None, definition="", target=None, supervisor_phone="", supervisor_email=""
    )
    assert sheet.missing_fields() == ["dimension", "definition", "target", "supervisor_contact"]


def test_the_collector_block_is_not_needed_for_a_complete_sheet():
    """SCORING.md counts fields 1–5, 8, 9 and the target; field 10 (collector) is not among them."""
    sheet = KpiSheetFactory(dimension=Dimension.objects.get(number=2), collector_name="")
    assert sheet.missing_fields() == []


def _activity(months):
    plan = ActionPlan.objects.create(unit=UnitFactory(), cycle=CycleFactory())
    return Activity(
        action_plan=plan,
        dimension=Dimension.objects.get(number=1),
        number=1,
        name="เชื่อมโยงข้อมูล",
        months=months,
    )


@pytest.mark.parametrize("months", [[], [1], [1, 2, 12], list(range(1, 13))])
def test_activity_months_are_fiscal_month_numbers(months):
    _activity(months).full_clean()


@pytest.mark.parametrize("months", [[0], [13], [1, 1], ["ต.ค."], [True], "1,2", {"1": 1}])
def test_activity_months_refuse_anything_else(months):
    with pytest.raises(ValidationError) as error:
        _activity(months).full_clean()
    assert "months" in error.value.message_dict


def test_plan_items_are_labelled_by_dimension_and_number():
    plan = ThreeYearPlan.objects.create(unit=UnitFactory(), cycle=CycleFactory(), first_year=2568)
    item = PlanItem.objects.create(
        plan=plan,
        dimension=Dimension.objects.get(number=2),
        number=3,
        name="สำรวจความพึงพอใจ",
        in_year1=True,
        in_year3=True,
    )
    assert item.label == "2.3"
    assert [item.runs_in(year) for year in (2567, 2568, 2569, 2570, 2571)] == [
        False,
        True,
        False,
        True,
        False,
    ]


def test_two_items_cannot_share_a_number_in_a_dimension():
    plan = ThreeYearPlan.objects.create(unit=UnitFactory(), cycle=CycleFactory(), first_year=2568)
    dimension = Dimension.objects.get(number=1)
    PlanItem.objects.create(plan=plan, dimension=dimension, number=1, name="ก")
    with pytest.raises(IntegrityError):
        PlanItem.objects.create(plan=plan, dimension=dimension, number=1, name="ข")
