"""KPI achievement arithmetic (SCORING.md "KPI achievement"), table-driven, and its agreement
with the scoring engine, which works the same sums out for the score."""

import ast
import inspect
from decimal import Decimal

import pytest

from pmqa4.reports import achievement as module
from pmqa4.reports.achievement import achievement, assess, plain, two_decimals
from pmqa4.scoring.engine import kpis as engine_kpis
from pmqa4.scoring.engine.facts import Kpi as EngineKpi

D = Decimal

CASES = [
    # direction, target, actual, percent
    ("higher", "80", "80", "100"),  # at target
    ("higher", "80", "85", "106.25"),  # above
    ("higher", "80", "68", "85"),  # below target, exactly at the threshold
    ("higher", "80", "60", "75"),  # below
    ("higher", "80", "0", "0"),
    ("lower", "10", "10", "100"),  # at target
    ("lower", "10", "8", "100"),  # better than target: capped at 100
    ("lower", "10", "12.5", "80"),  # worse than target
    ("lower", "0", "0", "100"),  # a zero target met exactly
    ("lower", "0", "3", "0"),  # a zero target missed
]


@pytest.mark.parametrize(("direction", "target", "actual", "percent"), CASES)
def test_achievement_follows_the_scoring_rules(direction, target, actual, percent):
    assert achievement(actual=D(actual), target=D(target), direction=direction) == D(percent)


@pytest.mark.parametrize(("direction", "target", "actual", "percent"), CASES)
def test_achievement_agrees_with_the_scoring_engine(direction, target, actual, percent):
    engine = engine_kpis.achievement(
        EngineKpi(
            id="K1",
            named_in=frozenset({"form2"}),
            sheet="complete",
            direction=direction,
            target=D(target),
            actual=D(actual),
        )
    )
    assert achievement(actual=D(actual), target=D(target), direction=direction) == engine


def test_a_higher_is_better_target_of_zero_has_no_achievement():
    assert achievement(actual=D("5"), target=D("0"), direction="higher") is None


def test_no_target_means_no_achievement():
    assert achievement(actual=D("5"), target=None, direction="higher") is None
    assert assess(actual=D("5"), target=None, direction="lower", threshold=D("85")) is None


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("84.995", "85.00"),  # half up at .005
        ("84.985", "84.99"),  # also up, never to even
        ("84.9949", "84.99"),
        ("106.25", "106.25"),
        ("100", "100.00"),
    ],
)
def test_shown_percentages_round_half_up_to_two_decimals(value, shown):
    assert str(two_decimals(D(value))) == shown


def test_reaching_the_threshold_compares_the_unrounded_percentage_as_the_score_does():
    # 67.996 / 80 = 84.995 %: shown as 85.00, yet below 85 for the score, so below here too.
    nearly = assess(actual=D("67.996"), target=D("80"), direction="higher", threshold=D("85"))
    assert str(nearly.shown) == "85.00" and not nearly.reaches
    exactly = assess(actual=D("68"), target=D("80"), direction="higher", threshold=D("85"))
    assert exactly.reaches


def test_the_meter_stops_at_150_percent():
    far = assess(actual=D("400"), target=D("80"), direction="higher", threshold=D("85"))
    assert far.shown == D("500.00") and far.meter_value == D("150")


def test_stored_values_are_written_as_people_write_them():
    assert plain(D("85.0000")) == "85"
    assert plain(D("80.5000")) == "80.5"
    assert plain(D("1250.0000")) == "1,250"
    assert plain(D("100.0000")) == "100"


def test_the_arithmetic_module_imports_nothing_from_django():
    tree = ast.parse(inspect.getsource(module))
    imported = [
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]
    assert not [name for name in imported if name and name.startswith("django")]
