"""The demo's units, read from the database, score what their facts imply."""

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from pmqa4.core.fiscal import end_of_day
from pmqa4.cycles.models import Cycle
from pmqa4.scoring.services import cycle_scores

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"
YEAR_END = end_of_day(dt.date(2025, 9, 30))

# unit: (step points 1–5, round 1, year), as SCORING.md's rules give for each demo story
EXPECTED = {
    "OPS-SPD": (["1.00", "1.00", "1.00", "1.00", "1.00"], "3.00", "5.00"),  # example A
    "OPS-ICT": (["0.95", "0.00", "0.50", "1.00", "0.50"], "1.45", "2.95"),  # example B
    "OPS-GAD": (["1.00", "1.00", "1.00", "1.00", "1.00"], "3.00", "5.00"),
    "OPS-PER": (["1.00", "1.00", "0.95", "1.00", "1.00"], "2.95", "4.95"),  # plans a day late
    "OPS-FIN": (["1.00", "1.00", "1.00", "1.00", "1.00"], "3.00", "5.00"),  # resubmitted in time
    "OPS-LEG": (["1.00", "1.00", "0.00", "1.00", "1.00"], "2.00", "4.00"),  # never resubmitted
    "OPS-IED": (["1.00", "1.00", "0.50", "1.00", "1.00"], "2.50", "4.50"),  # a dimension missing
    "PLO-CNX": (["1.00", "1.00", "1.00", "1.00", "0.50"], "3.00", "4.50"),  # a KPI at 60 %
    "PLO-KKN": (["1.00", "1.00", "1.00", "1.00", "0.50"], "3.00", "4.50"),  # lower KPI above target
    "PLO-SKA": (["0.00", "0.00", "0.00", "0.00", "0.00"], "0.00", "0.00"),  # not started
    "OPS-FAD": (["1.00", "0.00", "0.00", "0.00", "0.00"], "1.00", "1.00"),  # awaiting sign-off
    "PLO-NMA": (["1.00", "1.00", "1.00", "0.50", "1.00"], "3.00", "4.50"),  # finding on step 4
    "PLO-UBN": (["1.00", "1.00", "0.95", "0.95", "0.45"], "2.95", "4.35"),  # gaps everywhere
    "PLO-CRI": (["1.00", "0.00", "0.00", "0.00", "0.00"], "1.00", "1.00"),  # plans a draft
}


@pytest.fixture(scope="module")
def scores(django_db_setup, django_db_blocker):
    """Seed once for the module, score, and roll the demo back out of the test database."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", "--quiet")
        cycle = Cycle.objects.get(fiscal_year=2568)
        scored = {s.unit.code: s for s in cycle_scores(cycle, as_of=YEAR_END)}
        transaction.set_rollback(True)
    return scored


def _shape(breakdown):
    return {
        "steps": [
            {
                "step": s["step"],
                "done": s["done"],
                "points": s["points"],
                "deductions": [(d["rule"], d["amount"]) for d in s["deductions"]],
                "attendance_rate": s.get("attendance_rate"),
            }
            for s in breakdown["steps"]
        ],
        "kpis": breakdown["kpis"],
        "round1": breakdown["round1"],
        "year": breakdown["year"],
    }


@pytest.mark.parametrize(("code", "example"), [("OPS-SPD", "A"), ("OPS-ICT", "B")])
def test_the_example_units_score_exactly_their_expected_breakdowns(scores, code, example):
    expected = json.loads((DATA / f"{example}.expected.json").read_text())
    for step in expected["steps"]:
        step.setdefault("attendance_rate", None)
    assert _shape(scores[code].breakdown) == _shape(expected)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_each_demo_unit_scores_what_its_story_implies(scores, code):
    points, round1, year = EXPECTED[code]
    breakdown = scores[code].breakdown
    assert [s["points"] for s in breakdown["steps"]] == points
    assert (breakdown["round1"], breakdown["year"]) == (round1, year)


def test_the_example_units_facts_match_the_worked_examples(scores):
    stored = scores["OPS-ICT"].facts
    example = json.loads((DATA / "B.facts.json").read_text())
    assert stored["team"]["due"] == example["team"]["due"]
    assert [dt.datetime.fromisoformat(s["at"]) for s in stored["team"]["submissions"]] == [
        dt.datetime.fromisoformat(s["at"]) for s in example["team"]["submissions"]
    ]
    assert stored["team"]["members"] == example["team"]["members"]
    required = [m for m in stored["meetings"] if m["required"]]
    assert [(m["held_on"], m["attended"]) for m in required] == [
        (m["held_on"], m["attended"]) for m in example["meetings"]
    ]
    for part in ("form1_dimensions", "form2_dimensions", "signed_off"):
        assert stored["plans"][part] == example["plans"][part]
    assert _kpi_facts(stored) == _kpi_facts(example)


def _kpi_facts(facts):
    """The KPIs as values: stored targets carry four decimal places, the example's none."""
    return [
        (
            k["id"],
            k["named_in"],
            k["sheet"],
            k["direction"],
            Decimal(k["target"]),
            Decimal(k["actual"]),
        )
        for k in facts["plans"]["kpis"]
    ]
