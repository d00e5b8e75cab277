"""The live checklist: each warning from plain facts, then the same facts read from the database."""

from decimal import Decimal

import pytest

from pmqa4.plans import checklist, selectors
from pmqa4.plans.checklist import ActivityFact, Facts, KpiFact

from .test_builders import form1, form2, kpi

DIMENSIONS = ((1, "มิติเปิดกว้างและเชื่อมโยง"), (2, "มิติยึดประชาชนเป็นศูนย์กลาง"), (3, "มิติสมรรถนะสูง"))
RULES = {"missing_dimension": Decimal("0.50"), "late_or_incomplete": Decimal("0.05")}


def activity(dim, number=1, *, months=True, responsible=True):
    return ActivityFact(
        dim * 10 + number, dim, number, f"กิจกรรม {dim}.{number}", months, responsible
    )


def good_kpi(code="K1"):
    return KpiFact(code, f"ตัวชี้วัด {code}", True, True, True)


def build(form1_dims=(1, 2, 3), activities=None, kpis=()):
    activities = (activity(1), activity(2), activity(3)) if activities is None else activities
    facts = Facts(DIMENSIONS, tuple(form1_dims), tuple(activities), tuple(kpis))
    return checklist.build(facts, **RULES)


def test_complete_plans_have_no_warning_and_cost_nothing():
    result = build(kpis=[good_kpi()])
    assert result.ok and result.warning_count == 0 and result.deduction == 0


def test_a_dimension_missing_from_form_1_is_named_and_costs_half_a_point():
    result = build(form1_dims=(1, 3, 3))
    assert [(d.number, d.missing_from) for d in result.missing_dimensions] == [(2, (1,))]
    assert result.dimension_deduction == Decimal("0.50")


def test_a_dimension_missing_from_form_2_is_named_and_costs_half_a_point():
    result = build(activities=[activity(1), activity(1, 2), activity(3)])
    assert [(d.name, d.missing_from) for d in result.missing_dimensions] == [
        ("มิติยึดประชาชนเป็นศูนย์กลาง", (2,))
    ]
    assert result.deduction == Decimal("0.50")


def test_a_dimension_missing_from_both_forms_costs_half_a_point_once():
    result = build(form1_dims=(1, 2), activities=[activity(1), activity(2)])
    assert [(d.number, d.missing_from) for d in result.missing_dimensions] == [(3, (1, 2))]
    assert result.dimension_deduction == Decimal("0.50")


def test_empty_plans_miss_all_three_dimensions():
    result = build(form1_dims=(), activities=[])
    assert len(result.missing_dimensions) == 3 and result.deduction == Decimal("1.50")


def test_a_named_kpi_without_a_sheet_is_listed_and_makes_the_step_incomplete():
    result = build(kpis=[good_kpi(), KpiFact("K2", "ไม่มีแผ่น", False, True, False)])
    assert [k.code for k in result.without_sheet] == ["K2"]
    assert result.is_incomplete and result.deduction == Decimal("0.05")


def test_an_incomplete_sheet_names_each_missing_field_with_its_anchor():
    gaps = ("dimension", "definition", "target", "supervisor_contact")
    result = build(kpis=[KpiFact("K3", "ไม่ครบ", True, False, True, gaps)])
    (entry,) = result.incomplete
    assert entry.kpi.code == "K3"
    assert [(g.label, g.anchor) for g in entry.gaps] == [
        ("๑. มิติเป้าหมายการพัฒนา", "id_dimension"),
        ("๕. คำอธิบาย/นิยามศัพท์", "id_definition"),
        ("ค่าเป้าหมาย", "id_target"),
        ("๙. โทรศัพท์หรืออีเมลของผู้กำกับตัวชี้วัด", "id_supervisor_phone"),
    ]


def test_several_incomplete_sheets_still_cost_the_late_or_incomplete_amount_once():
    bad = [KpiFact(f"K{n}", "ไม่ครบ", True, True, n % 2 == 0, ("target",)) for n in range(4)]
    assert build(kpis=bad).deduction == Decimal("0.05")


def test_a_kpi_no_plan_names_is_only_noted_because_scoring_ignores_it():
    result = build(kpis=[good_kpi(), KpiFact("K9", "ไม่ได้ใช้", False, False, False)])
    assert [k.code for k in result.not_named] == ["K9"]
    assert result.ok and not result.without_sheet


def test_activities_without_months_or_responsible_are_listed():
    rows = [activity(1), activity(2, months=False), activity(3, responsible=False)]
    result = build(activities=rows)
    assert [a.label for a in result.without_months] == ["2.1"]
    assert [a.label for a in result.without_responsible] == ["3.1"]
    assert result.warning_count == 2 and result.deduction == 0


@pytest.mark.django_db
def test_the_facts_read_from_the_database_give_the_same_warnings(cast, cycle):
    k1, k2 = kpi(cast.unit_a, cycle, "K1"), kpi(cast.unit_a, cycle, "K2", target=None)
    kpi(cast.unit_a, cycle, "K3", sheet=None)
    k4 = kpi(cast.unit_a, cycle, "K4", sheet=None)
    form1(cast.unit_a, cycle, [(1, "ก", (1, 1, 1), [k1]), (3, "ข", (1, 0, 0), [k2])])
    form2(cast.unit_a, cycle, [(1, "ค", [], "", [k1, k4]), (2, "ง", [1, 2], "กลุ่ม", [])])
    facts = selectors.checklist_facts(cast.unit_a, cycle)
    result = checklist.build(facts, **RULES)
    assert [(d.number, d.missing_from) for d in result.missing_dimensions] == [(2, (1,)), (3, (2,))]
    assert [k.code for k in result.without_sheet] == ["K4"]
    assert [(e.kpi.code, [g.field for g in e.gaps]) for e in result.incomplete] == [
        ("K2", ["target"])
    ]
    assert [k.code for k in result.not_named] == ["K3"]
    assert [a.label for a in result.without_months] == ["1.1"]
    assert [a.label for a in result.without_responsible] == ["1.1"]
    assert result.deduction == Decimal("1.05")
