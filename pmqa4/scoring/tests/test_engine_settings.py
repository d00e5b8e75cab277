"""The cycle's settings (rule overrides) and how points add up and are shown."""

import pytest

from pmqa4.scoring.engine import score_document

from .engine_facts import A, B, changed, charged, step


def points_with(facts: dict, rules: dict) -> list[str]:
    return [s["points"] for s in score_document({**facts, "rules": rules})["steps"]]


OVERRIDES = {
    "another KPI threshold": (A, {"kpi_threshold": "90"}, ["1.00"] * 4 + ["0.50"]),
    "a higher attendance threshold": (
        A,
        {"attendance_threshold": 95},
        ["1.00", "0.00"] + ["1.00"] * 3,
    ),
    "a lower attendance threshold": (
        B,
        {"attendance_threshold": "80"},
        ["0.95", "1.00", "0.50", "1.00", "0.50"],
    ),
    "another late amount": (
        B,
        {"late_or_incomplete": "0.1"},
        ["0.90", "0.00", "0.50", "1.00", "0.50"],
    ),
    "another dimension amount": (
        B,
        {"missing_dimension": 0.25},
        ["0.95", "0.00", "0.75", "1.00", "0.50"],
    ),
    "another KPI amount": (B, {"kpi_below": "0.3"}, ["0.95", "0.00", "0.50", "1.00", "0.70"]),
    "two points per step": (B, {"step_points": "2"}, ["1.95", "0.00", "1.50", "2.00", "1.50"]),
    "no overrides": (B, {}, ["0.95", "0.00", "0.50", "1.00", "0.50"]),
    "null rules": (B, None, ["0.95", "0.00", "0.50", "1.00", "0.50"]),
}


@pytest.mark.parametrize(("facts", "rules", "points"), OVERRIDES.values(), ids=OVERRIDES)
def test_rule_overrides_change_the_arithmetic(facts, rules, points):
    assert points_with(facts, rules) == points


def test_the_rules_time_zone_decides_which_day_a_submission_falls_on():
    facts = changed(("team.submissions[0].at", "2024-11-30T05:00:00+07:00"))  # 22:00 UTC, 29th
    assert step(facts, 1)["points"] == "0.95"
    facts["rules"] = {"timezone": "UTC"}
    assert step(facts, 1)["points"] == "1.00"


def test_finding_amounts_can_be_overridden():
    facts = changed(
        ("report.findings", ["not_unit_wide", "not_as_prescribed"]),
        ("rules", {"not_unit_wide": "0.2", "not_as_prescribed": "0.1"}),
    )
    assert charged(step(facts, 4)) == [("not_unit_wide", "0.20"), ("not_as_prescribed", "0.10")]
    assert step(facts, 4)["points"] == "0.70"


def test_round1_and_year_sum_unrounded_points():
    late = "2025-12-01T09:00:00+07:00"
    facts = changed(
        ("as_of", "2025-12-31T00:00:00+07:00"),
        ("rules", {"late_or_incomplete": "0.005"}),
        ("team.submissions[0].at", "2024-11-30T09:00:00+07:00"),
        ("plans.submissions[0].at", "2025-02-01T09:00:00+07:00"),
        ("report.submissions[0].at", late),
    )
    breakdown = score_document(facts)
    assert [s["points"] for s in breakdown["steps"]] == ["1.00", "1.00", "1.00", "1.00", "1.00"]
    assert (breakdown["round1"], breakdown["year"]) == ("2.99", "4.99")  # 2.990, 4.985


def test_a_year_with_nothing_in_it_scores_zero():
    breakdown = score_document({"version": 1, "as_of": "2025-09-30T23:59:59+07:00"})
    assert [s["done"] for s in breakdown["steps"]] == [False] * 5
    assert (breakdown["round1"], breakdown["year"], breakdown["kpis"]) == ("0.00", "0.00", [])


def test_as_of_is_shown_in_the_rules_time_zone():
    breakdown = score_document(changed(("as_of", "2025-09-30T16:59:59Z")))
    assert breakdown["as_of"] == "2025-09-30T23:59:59+07:00"
