import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from pmqa4.core.fiscal import BANGKOK
from pmqa4.core.testing.factories import CycleFactory, UnitFactory, person
from pmqa4.cycles.models import Cycle, Step, StepExtension
from pmqa4.cycles.selectors import current_cycle
from pmqa4.org.models import Role

pytestmark = pytest.mark.django_db


def test_a_new_cycle_runs_from_1_october_to_30_september():
    cycle = Cycle.objects.create(fiscal_year=2568)
    assert cycle.starts_on == dt.date(2024, 10, 1)
    assert cycle.ends_on == dt.date(2025, 9, 30)
    assert cycle.plan_years == (2568, 2569, 2570)


def test_rule_values_default_to_fy2568s():
    cycle = Cycle.objects.create(fiscal_year=2568)
    assert cycle.rules() == {
        "late_or_incomplete": Decimal("0.05"),
        "not_unit_wide": Decimal("0.50"),
        "not_as_prescribed": Decimal("0.50"),
        "missing_dimension": Decimal("0.50"),
        "kpi_below": Decimal("0.50"),
        "kpi_threshold": Decimal("85"),
        "attendance_threshold": Decimal("85"),
        "step_points": Decimal("1.00"),
    }


def test_a_step_is_due_until_the_last_microsecond_of_its_day_in_bangkok():
    step = CycleFactory().steps.get(number=3)
    assert step.due_at == dt.datetime(2025, 1, 31, 23, 59, 59, 999999, tzinfo=BANGKOK)
    assert step.due_at.astimezone(dt.UTC) == dt.datetime(
        2025, 1, 31, 16, 59, 59, 999999, tzinfo=dt.UTC
    )


def test_steps_belong_to_their_round():
    cycle = CycleFactory()
    assert [s.round_number for s in cycle.steps.order_by("number")] == [1, 1, 1, 2, 2]


def test_a_step_due_outside_its_fiscal_year_is_refused():
    step = CycleFactory().steps.get(number=1)
    step.due_on = dt.date(2025, 10, 1)
    with pytest.raises(ValidationError) as error:
        step.full_clean()
    assert "due_on" in error.value.message_dict


def test_a_step_that_opens_after_its_due_date_is_refused_by_the_database():
    cycle = CycleFactory()
    with pytest.raises(IntegrityError):
        Step.objects.filter(cycle=cycle, number=1).update(opens_on=dt.date(2024, 12, 1))


def test_two_cycles_cannot_share_a_fiscal_year():
    Cycle.objects.create(fiscal_year=2568)
    with pytest.raises(IntegrityError):
        Cycle.objects.create(fiscal_year=2568)


@pytest.mark.parametrize("value", ["7,1", "14, 7, 1", "0"])
def test_reminder_days_accept_comma_separated_numbers(value):
    cycle = Cycle(fiscal_year=2570, plan_first_year=2570, reminder_days=value)
    cycle.save()
    cycle.full_clean()


@pytest.mark.parametrize("value", ["seven", "7;1", "120", "-1"])
def test_reminder_days_refuse_anything_else_with_a_thai_message(value):
    cycle = Cycle(fiscal_year=2570, plan_first_year=2570, reminder_days=value)
    cycle.save()
    with pytest.raises(ValidationError) as error:
        cycle.full_clean()
    assert "คั่นด้วยจุลภาค" in error.value.message_dict["reminder_days"][0]


def test_the_three_year_plan_must_cover_the_cycles_year():
    cycle = Cycle(fiscal_year=2571, plan_first_year=2568)
    cycle.save()
    with pytest.raises(ValidationError) as error:
        cycle.full_clean()
    assert "plan_first_year" in error.value.message_dict


def test_an_extension_must_move_the_due_date_later():
    step = CycleFactory().steps.get(number=1)
    unit = UnitFactory()
    central = person(Role.CENTRAL_ADMIN, unit)
    extension = StepExtension(
        step=step, unit=unit, due_on=step.due_on, reason="น้ำท่วม", granted_by=central
    )
    with pytest.raises(ValidationError):
        extension.full_clean()
    extension.due_on = step.due_on + dt.timedelta(days=7)
    extension.full_clean()


@pytest.mark.parametrize(
    ("today", "fiscal_year"),
    [
        (dt.date(2025, 9, 30), 2568),
        (dt.date(2025, 10, 1), 2569),
        (dt.date(2024, 10, 1), 2568),
        (dt.date(2024, 9, 30), 2568),  # before any cycle: the earliest one
    ],
)
def test_the_current_cycle_changes_on_1_october(today, fiscal_year):
    Cycle.objects.create(fiscal_year=2568)
    Cycle.objects.create(fiscal_year=2569)
    assert current_cycle(today).fiscal_year == fiscal_year


def test_after_the_last_cycle_ends_the_latest_stays_current():
    Cycle.objects.create(fiscal_year=2568)
    assert current_cycle(dt.date(2026, 1, 1)).fiscal_year == 2568


def test_there_is_no_current_cycle_without_cycles():
    assert current_cycle(dt.date(2026, 1, 1)) is None
