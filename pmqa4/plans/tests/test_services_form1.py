"""Form 1 services: numbering, renumbering, KPIs, optimistic locking, who may edit, carry-over."""

import pytest

from pmqa4.core.errors import WorkflowError
from pmqa4.core.locking import StaleEdit
from pmqa4.core.testing.factories import CycleFactory
from pmqa4.plans import services
from pmqa4.plans.models import Kpi, KpiSheet, PlanItem, ThreeYearPlan
from pmqa4.submissions.models import State

from .test_builders import dimension, form1, kpi, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def who(cast, cycle):
    return {"unit": cast.unit_a, "cycle": cycle, "actor": cast.coordinator_a}


def version(who) -> int:
    return ThreeYearPlan.objects.get(unit=who["unit"], cycle=who["cycle"]).version


def add(who, dim, name, *, codes=(), new_kpi=("", "")):
    plan = ThreeYearPlan.objects.filter(unit=who["unit"], cycle=who["cycle"]).first()
    return services.plan_item_add(
        **who,
        version=plan.version if plan else 0,
        dimension=dimension(dim),
        name=name,
        years=(True, False, True),
        kpi_codes=list(codes),
        new_kpi=new_kpi,
    )


def labels(who) -> list[tuple[str, str]]:
    items = PlanItem.objects.filter(plan__unit=who["unit"], plan__cycle=who["cycle"])
    items = items.select_related("dimension")
    return [(i.label, i.name) for i in items.order_by("dimension__number", "number")]


def test_the_first_item_creates_the_plan_over_the_cycles_three_years(who, cycle):
    item = add(who, 1, "เชื่อมโยงข้อมูล")
    assert item.plan.first_year == cycle.plan_first_year == 2568
    assert (item.in_year1, item.in_year2, item.in_year3) == (True, False, True)
    assert version(who) == 1


def test_new_items_take_the_next_number_of_their_dimension(who):
    for dim, name in [(1, "ก"), (2, "ข"), (1, "ค"), (3, "ง"), (1, "จ")]:
        add(who, dim, name)
    assert labels(who) == [("1.1", "ก"), ("1.2", "ค"), ("1.3", "จ"), ("2.1", "ข"), ("3.1", "ง")]


def test_deleting_an_item_moves_the_later_items_of_its_dimension_up(who):
    for dim, name in [(1, "ก"), (1, "ข"), (1, "ค"), (1, "ง"), (2, "จ")]:
        add(who, dim, name)
    item = PlanItem.objects.get(name="ข")
    services.plan_item_delete(**who, version=version(who), seen=None, item=item)
    assert labels(who) == [("1.1", "ก"), ("1.2", "ค"), ("1.3", "ง"), ("2.1", "จ")]


def test_an_item_names_chosen_kpis_and_creates_a_new_one_by_code_and_name(who, cycle):
    kpi(who["unit"], cycle, "K1")
    item = add(who, 1, "ก", codes=["K1"], new_kpi=("K9", "ร้อยละของข้อมูลที่เปิดเผย"))
    assert sorted(item.kpis.values_list("code", "name")) == [
        ("K1", "ตัวชี้วัด K1"),
        ("K9", "ร้อยละของข้อมูลที่เปิดเผย"),
    ]


def test_a_new_kpi_whose_code_exists_is_refused_and_nothing_is_saved(who, cycle):
    kpi(who["unit"], cycle, "K1")
    with pytest.raises(WorkflowError, match="มีตัวชี้วัดรหัส K1 อยู่แล้ว"):
        add(who, 1, "ก", new_kpi=("K1", "ซ้ำ"))
    assert not PlanItem.objects.exists() and not ThreeYearPlan.objects.exists()


def test_a_kpi_of_another_unit_cannot_be_named(who, cast, cycle):
    kpi(cast.unit_b, cycle, "KB")
    with pytest.raises(WorkflowError, match="ไม่พบตัวชี้วัดที่เลือก"):
        add(who, 1, "ก", codes=["KB"])


def test_a_save_from_an_old_version_is_refused_and_says_what_the_other_save_changed(who):
    item = add(who, 1, "ชื่อเดิม")
    seen = {"name": "ชื่อเดิม", "years": "2568, 2570", "kpis": "—"}
    fields = {"years": (True, True, True), "kpi_codes": [], "new_kpi": ("", "")}
    services.plan_item_update(**who, version=1, seen=seen, item=item, name="ชื่อของคนแรก", **fields)
    with pytest.raises(StaleEdit) as stale:
        services.plan_item_update(**who, version=1, seen=seen, item=item, name="คนที่สอง", **fields)
    assert stale.value.changes == [
        ("รายการ ๑.๑ · ชื่อแผนงาน/โครงการ/กิจกรรม", "ชื่อเดิม", "ชื่อของคนแรก"),
        ("รายการ ๑.๑ · ปีงบประมาณที่ดำเนินการ", "2568, 2570", "2568, 2569, 2570"),
    ]
    assert PlanItem.objects.get().name == "ชื่อของคนแรก" and version(who) == 2


def test_a_stale_delete_of_a_row_already_deleted_says_it_was_deleted(who):
    item = add(who, 1, "ก")
    services.plan_item_delete(**who, version=1, seen=None, item=item)
    with pytest.raises(StaleEdit) as stale:
        services.plan_item_delete(**who, version=1, seen={"name": "ก"}, item=item)
    assert stale.value.changes == [("รายการ ๑.๑", "ก", "ถูกลบแล้ว")]


def test_creating_the_plan_twice_from_an_empty_page_is_stale_the_second_time(who):
    add(who, 1, "ก")
    with pytest.raises(StaleEdit):
        services.plan_item_add(
            **who,
            version=0,
            dimension=dimension(2),
            name="ข",
            years=(True, False, False),
            kpi_codes=[],
            new_kpi=("", ""),
        )
    assert labels(who) == [("1.1", "ก")]


@pytest.mark.parametrize("role", ["executive_a", "evaluator", "central", "coordinator_b"])
def test_nobody_but_the_units_coordinator_may_edit(who, cast, role):
    with pytest.raises(WorkflowError, match="เฉพาะผู้ประสานงานของหน่วยงาน"):
        add({**who, "actor": getattr(cast, role)}, 1, "ก")
    assert not PlanItem.objects.exists()


@pytest.mark.parametrize("state", [State.AWAITING_SIGN_OFF, State.SUBMITTED, State.ACCEPTED])
def test_no_edit_once_the_step_awaits_sign_off_or_is_submitted(who, cycle, state):
    submitted(who["unit"], cycle, state)
    with pytest.raises(WorkflowError, match="ขั้นตอนที่ ๓ เสนอผู้บริหารลงนามหรือส่งแล้ว"):
        add(who, 1, "ก")
    assert not PlanItem.objects.exists()


@pytest.mark.parametrize("state", [State.DRAFT, State.RETURNED])
def test_a_draft_or_a_returned_step_is_editable(who, cycle, state):
    submitted(who["unit"], cycle, state)
    assert add(who, 1, "ก").label == "1.1"


@pytest.fixture
def last_year(cast):
    """FY2567's plan (2567–2569): 1.1 runs 2567–2568, 1.2 in 2569 only, 2.1 every year."""
    earlier = CycleFactory(fiscal_year=2567)
    k1, k2 = kpi(cast.unit_a, earlier, "K1"), kpi(cast.unit_a, earlier, "K2", sheet=None)
    rows = [
        (1, "เชื่อมโยงข้อมูล", (True, True, False), [k1]),
        (1, "เปิดเผยข้อมูล", (False, False, True), [k1, k2]),
        (2, "ลดขั้นตอน", (True, True, True), []),
    ]
    return form1(cast.unit_a, earlier, rows)


def test_carry_over_copies_last_years_items_and_kpis_keeping_the_be_years(who, cycle, last_year):
    plan = services.three_year_plan_carry_over(**who, version=0)
    assert plan.carried_from == last_year and plan.years == (2568, 2569, 2570)
    items = plan.items.select_related("dimension").prefetch_related("kpis").order_by("id")
    assert [
        (i.label, i.name, (i.in_year1, i.in_year2, i.in_year3), [k.code for k in i.kpis.all()])
        for i in items
    ] == [
        ("1.1", "เชื่อมโยงข้อมูล", (True, False, False), ["K1"]),
        ("1.2", "เปิดเผยข้อมูล", (False, True, False), ["K1", "K2"]),
        ("2.1", "ลดขั้นตอน", (True, True, False), []),
    ]
    this_years = Kpi.objects.filter(unit=who["unit"], cycle=cycle)
    assert sorted(this_years.values_list("code", "name")) == [
        ("K1", "ตัวชี้วัด K1"),
        ("K2", "ตัวชี้วัด K2"),
    ]
    assert not KpiSheet.objects.filter(kpi__cycle=cycle).exists()


def test_carry_over_is_refused_once_this_years_plan_has_items(who, last_year):
    add(who, 3, "ของปีนี้")
    with pytest.raises(WorkflowError, match="คัดลอกได้เฉพาะเมื่อแผนของปีนี้ยังว่าง"):
        services.three_year_plan_carry_over(**who, version=version(who))
    assert labels(who) == [("3.1", "ของปีนี้")]


def test_carry_over_without_an_earlier_plan_is_refused(who):
    with pytest.raises(WorkflowError):
        services.three_year_plan_carry_over(**who, version=0)
    assert not ThreeYearPlan.objects.exists()
