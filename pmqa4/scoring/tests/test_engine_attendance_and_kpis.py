"""Step 2 (attendance) and step 5 (KPI achievement), per SCORING.md."""

import pytest

from pmqa4.scoring.engine import score_document

from .engine_facts import ABSENT, HALF, LATE, A, changed, charged, step


# Step 2 — attendance: required meetings held by as_of's local date.
def meetings(*attended: bool, held_on: str = "2025-01-15", **extra) -> list[dict]:
    return [{"held_on": held_on, "attended": a, **extra} for a in attended]


def test_meetings_after_as_of_do_not_count():
    later = meetings(False, False, False, held_on="2025-10-01")
    result = step(changed(("meetings", A["meetings"] + later)), 2)
    assert (result["attendance_rate"], result["meetings_held"], result["done"]) == (
        "90.00",
        10,
        True,
    )


def test_a_meeting_on_as_of_counts_by_its_local_date():
    # 17:00 UTC on 30 Sep is already 1 Oct in Bangkok: that day's meeting has been held.
    facts = changed(
        ("as_of", "2025-09-30T17:00:00Z"),
        ("meetings", A["meetings"] + meetings(False, held_on="2025-10-01")),
    )
    assert step(facts, 2)["meetings_held"] == 11


def test_missed_meetings_that_are_not_required_do_not_count():
    optional = meetings(False, False, False, required=False)
    result = step(changed(("meetings", A["meetings"] + optional)), 2)
    assert (result["attendance_rate"], result["done"]) == ("90.00", True)


def test_no_meeting_held_means_attendance_is_not_assessable():
    result = step(changed(("meetings", meetings(True, held_on="2025-10-05"))), 2)
    assert (result["done"], result["points"], result["attendance_rate"]) == (False, "0.00", None)


def test_only_optional_meetings_held_means_attendance_is_not_assessable():
    result = step(changed(("meetings", meetings(True, required=False))), 2)
    assert (result["done"], result["attendance_rate"]) == (False, None)


def test_attendance_exactly_at_the_threshold_passes():
    result = step(changed(("meetings", meetings(*[True] * 17, *[False] * 3))), 2)
    assert (result["attendance_rate"], result["done"], result["points"]) == ("85.00", True, "1.00")


def test_attendance_just_below_the_threshold_fails_without_deductions():
    result = step(changed(("meetings", meetings(*[True] * 84, *[False] * 16))), 2)
    assert (result["done"], result["points"], result["deductions"]) == (False, "0.00", [])


def test_meetings_absent_means_attendance_is_not_assessable():
    assert step(changed(("meetings", ABSENT)), 2)["attendance_rate"] is None


# Step 5 — KPIs of the action plan (named in Form 2).
def kpi(target, actual, direction="higher", kpi_id="K9", named_in=("form2",)) -> dict:
    return {
        "id": kpi_id,
        "named_in": list(named_in),
        "sheet": "complete",
        "direction": direction,
        "target": target,
        "actual": actual,
    }


def kpi_result(one_kpi: dict) -> tuple[dict, dict]:
    breakdown = score_document(changed(("plans.kpis", [one_kpi])))
    return breakdown["kpis"][0], breakdown["steps"][4]


LOWER_IS_BETTER = {
    "at target": ("10", "10", "100.00", False),
    "better than target": ("10", "4", "100.00", False),
    "a little worse than target": ("10", "11", "90.91", False),
    "much worse than target": ("10", "20", "50.00", True),
    "target zero, actual zero": ("0", "0", "100.00", False),
    "target zero, actual above": ("0", "3", "0.00", True),
}


@pytest.mark.parametrize(
    ("target", "actual", "achievement", "below"), LOWER_IS_BETTER.values(), ids=LOWER_IS_BETTER
)
def test_lower_is_better_kpis_reach_100_at_or_under_target(target, actual, achievement, below):
    result, _ = kpi_result(kpi(target, actual, "lower"))
    assert (result["achievement"], result["below_threshold"]) == (achievement, below)


def test_higher_is_better_kpi_just_under_threshold_is_below():
    result, step5 = kpi_result(kpi("100", "84.99"))
    assert (result["achievement"], result["below_threshold"]) == ("84.99", True)
    assert charged(step5) == [("kpi_below", HALF)]


def test_achievement_is_rounded_half_up_only_when_shown():
    result, _ = kpi_result(kpi("3", "2"))
    assert result["achievement"] == "66.67"
    assert kpi_result(kpi("8", "6.6604"))[0]["achievement"] == "83.26"  # 83.255 → 83.26


def test_a_kpi_without_actual_counts_as_below_and_makes_step_5_incomplete():
    facts = changed(("plans.kpis[1].actual", None))
    breakdown = score_document(facts)
    assert breakdown["kpis"][1] == {"id": "K2", "achievement": None, "below_threshold": True}
    assert charged(breakdown["steps"][4]) == [LATE, ("kpi_below", HALF)]
    assert breakdown["steps"][4]["points"] == "0.45"


def test_no_kpi_with_an_actual_means_step_5_is_not_done():
    facts = changed(*[(f"plans.kpis[{i}].actual", None) for i in range(4)])
    breakdown = score_document(facts)
    assert (breakdown["steps"][4]["done"], breakdown["steps"][4]["points"]) == (False, "0.00")
    assert [k["below_threshold"] for k in breakdown["kpis"]] == [True] * 4


def test_kpis_below_threshold_floor_step_5_at_zero():
    low = [kpi("100", "10", kpi_id=f"K{i}") for i in range(3)]
    _, step5 = kpi_result(low[0])
    assert step5["points"] == "0.50"
    result = step(changed(("plans.kpis", low)), 5)
    assert (result["done"], result["points"], len(result["deductions"])) == (True, "0.00", 3)


def test_a_kpi_named_only_in_form_1_is_not_scored_in_step_5():
    only_form1 = kpi("100", "10", kpi_id="K0", named_in=("form1",))
    breakdown = score_document(changed(("plans.kpis", A["plans"]["kpis"] + [only_form1])))
    assert [k["id"] for k in breakdown["kpis"]] == ["K1", "K2", "K3", "K4"]
    assert breakdown["steps"][4]["points"] == "1.00"


def test_a_kpi_without_target_cannot_reach_the_threshold():
    no_sheet = {"id": "K9", "named_in": ["form2"], "sheet": "missing", "actual": "50"}
    result, step5 = kpi_result(no_sheet)
    assert (result["achievement"], result["below_threshold"]) == (None, True)
    assert charged(step5) == [("kpi_below", HALF)]


def test_plans_absent_leave_step_5_not_done_with_no_kpis():
    breakdown = score_document(changed(("plans", None)))
    assert (breakdown["steps"][4]["done"], breakdown["kpis"]) == (False, [])
