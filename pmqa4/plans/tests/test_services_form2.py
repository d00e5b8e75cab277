"""Form 2 services: activities and steps, the months grid, a draft from Form 1."""

import pytest
from django.core.exceptions import ValidationError

from pmqa4.core.errors import WorkflowError
from pmqa4.core.testing.factories import CycleFactory
from pmqa4.plans import services
from pmqa4.plans.models import ActionPlan, Activity, ActivityStep
from pmqa4.reports.models import ResultsReport

from .test_builders import dimension, form1, form2, kpi

pytestmark = pytest.mark.django_db


@pytest.fixture
def who(cast, cycle):
    return {"unit": cast.unit_a, "cycle": cycle, "actor": cast.coordinator_a}


def version(who) -> int:
    plan = ActionPlan.objects.filter(unit=who["unit"], cycle=who["cycle"]).first()
    return plan.version if plan else 0


def add(who, dim, name, months=(1,), responsible="กลุ่มงาน"):
    return services.activity_add(
        **who,
        version=version(who),
        dimension=dimension(dim),
        name=name,
        months=list(months),
        responsible=responsible,
        kpi_codes=[],
        new_kpi=("", ""),
    )


def labels(who):
    rows = Activity.objects.filter(action_plan__unit=who["unit"]).select_related("dimension")
    return [(a.label, a.name) for a in rows.order_by("dimension__number", "number")]


def test_the_months_grid_is_stored_as_sorted_fiscal_month_numbers(who):
    activity = add(who, 1, "ก", months=[12, 1, 4])
    assert Activity.objects.get(pk=activity.pk).months == [1, 4, 12]


@pytest.mark.parametrize("months", [[0], [13]])
def test_a_month_outside_october_to_september_is_refused_by_the_models_validator(who, months):
    with pytest.raises(ValidationError) as error:
        add(who, 1, "ก", months=months)
    assert error.value.message_dict["months"] == ["เดือนต้องเป็นเลข ๑–๑๒ (ต.ค. = ๑ … ก.ย. = ๑๒)"]
    assert not Activity.objects.exists()


def test_activities_are_numbered_in_their_dimension_and_renumbered_after_a_delete(who):
    for dim, name in [(2, "ก"), (2, "ข"), (2, "ค"), (1, "ง")]:
        add(who, dim, name)
    services.activity_delete(
        **who, version=version(who), seen=None, activity=Activity.objects.get(name="ก")
    )
    assert labels(who) == [("1.1", "ง"), ("2.1", "ข"), ("2.2", "ค")]


def test_an_update_sets_months_responsible_and_kpis(who, cycle):
    kpi(who["unit"], cycle, "K1")
    activity = add(who, 1, "ก", months=[], responsible="")
    services.activity_update(
        **who,
        version=version(who),
        seen=None,
        activity=activity,
        name=" ก ใหม่ ",
        months=[3, 2],
        responsible=" กลุ่มข้อมูล ",
        kpi_codes=["K1"],
        new_kpi=("K2", "ตัวชี้วัดใหม่"),
    )
    activity.refresh_from_db()
    assert (activity.name, activity.months, activity.responsible) == ("ก ใหม่", [2, 3], "กลุ่มข้อมูล")
    assert sorted(activity.kpis.values_list("code", flat=True)) == ["K1", "K2"]


def test_an_activity_with_a_form_4_report_is_not_deleted(who):
    activity = add(who, 1, "ก")
    ResultsReport.objects.create(activity=activity, objective="เพื่อทดสอบ")
    with pytest.raises(WorkflowError, match="มีรายงานผลการดำเนินงาน"):
        services.activity_delete(**who, version=version(who), seen=None, activity=activity)
    assert Activity.objects.filter(pk=activity.pk).exists() and version(who) == 1


def test_steps_are_numbered_under_their_activity_and_renumbered_after_a_delete(who):
    activity = add(who, 1, "ก")
    for name in ["เตรียม", "ดำเนินการ", "สรุปผล"]:
        services.activity_step_add(
            **who, version=version(who), activity=activity, name=name, months=[2]
        )
    services.activity_step_delete(
        **who, version=version(who), seen=None, step=ActivityStep.objects.get(name="เตรียม")
    )
    steps = ActivityStep.objects.filter(activity=activity).order_by("number")
    assert list(steps.values_list("number", "name")) == [(1, "ดำเนินการ"), (2, "สรุปผล")]


def test_a_step_update_from_an_old_version_names_the_step_and_what_changed(who):
    activity = add(who, 1, "ก")
    step = services.activity_step_add(
        **who, version=version(who), activity=activity, name="เดิม", months=[1]
    )
    seen = {"name": "เดิม", "months": "ต.ค."}
    stale_version = version(who)
    services.activity_step_update(
        **who, version=stale_version, seen=seen, step=step, name="เดิม", months=[1, 2]
    )
    with pytest.raises(services.StaleEdit) as stale:
        services.activity_step_update(
            **who, version=stale_version, seen=seen, step=step, name="ใหม่", months=[1]
        )
    assert stale.value.changes == [("ขั้นตอน ๑.๑.๑ · เดือนที่ดำเนินการ", "ต.ค.", "ต.ค. พ.ย.")]


@pytest.fixture
def form1_of_this_year(who, cycle):
    """FY2568 is year 1 of the 2568–2570 plan: 1.1 and 2.1 run in it, 1.2 does not."""
    k1 = kpi(who["unit"], cycle, "K1")
    rows = [
        (1, "เชื่อมโยงข้อมูล", (True, True, True), [k1]),
        (1, "ทำในปีหน้า", (False, True, False), []),
        (2, "ลดขั้นตอน", (True, False, False), []),
    ]
    return form1(who["unit"], cycle, rows)


def test_a_draft_from_form_1_adds_an_activity_for_each_item_of_this_year(who, form1_of_this_year):
    created = services.action_plan_draft_from_form1(**who, version=0)
    assert [(a.label, a.name, a.plan_item.name) for a in created] == [
        ("1.1", "เชื่อมโยงข้อมูล", "เชื่อมโยงข้อมูล"),
        ("2.1", "ลดขั้นตอน", "ลดขั้นตอน"),
    ]
    assert [k.code for k in created[0].kpis.all()] == ["K1"]
    assert created[0].months == [] and created[0].responsible == ""


def test_a_second_draft_skips_items_that_already_have_an_activity(who, cycle, form1_of_this_year):
    form2(who["unit"], cycle, [(1, "มีอยู่แล้ว", [1], "กลุ่ม", [])])
    services.action_plan_draft_from_form1(**who, version=version(who))
    services.activity_delete(
        **who, version=version(who), seen=None, activity=Activity.objects.get(name="ลดขั้นตอน")
    )
    created = services.action_plan_draft_from_form1(**who, version=version(who))
    assert [a.name for a in created] == ["ลดขั้นตอน"]
    assert labels(who) == [("1.1", "มีอยู่แล้ว"), ("1.2", "เชื่อมโยงข้อมูล"), ("2.1", "ลดขั้นตอน")]


def test_a_draft_with_nothing_left_to_add_is_refused(who, form1_of_this_year):
    services.action_plan_draft_from_form1(**who, version=0)
    with pytest.raises(WorkflowError, match="ไม่มีรายการในแผนระยะ ๓ ปีของปีนี้"):
        services.action_plan_draft_from_form1(**who, version=version(who))
    assert version(who) == 1


def test_a_draft_reads_the_years_column_of_the_plans_own_first_year(cast):
    """FY2569 with a 2568–2570 plan: the second year's ticks are this year's."""
    fy2569 = CycleFactory(fiscal_year=2569, plan_first_year=2568)
    who = {"unit": cast.unit_a, "cycle": fy2569, "actor": cast.coordinator_a}
    rows = [(1, "ปีแรกเท่านั้น", (True, False, False), []), (3, "ปีที่สอง", (False, True, True), [])]
    form1(cast.unit_a, fy2569, rows)
    created = services.action_plan_draft_from_form1(**who, version=0)
    assert [(a.label, a.name) for a in created] == [("3.1", "ปีที่สอง")]
