import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from pmqa4.scoring.engine import score_document

from .builders import complete_scenario, meetings, unit_with_year

pytestmark = pytest.mark.django_db
AS_OF = "2025-09-30T23:59:59+07:00"


@pytest.fixture
def units(cycle):
    meetings(cycle)
    return [
        unit_with_year(cycle, complete_scenario("CMA")),
        unit_with_year(cycle, complete_scenario("CMB", report=None)),
    ]


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_score_cycle_prints_every_units_breakdown_as_json(units):
    breakdowns = json.loads(run("score_cycle", "2568", "--as-of", AS_OF))
    assert [(b["unit"], b["year"]) for b in breakdowns] == [("CMA", "4.50"), ("CMB", "4.00")]


def test_score_cycle_prints_csv_with_a_header(units):
    rows = list(
        csv.reader(io.StringIO(run("score_cycle", "2568", "--as-of", AS_OF, "--format", "csv")))
    )
    assert rows[0] == [
        "unit",
        "name",
        "step1",
        "step2",
        "step3",
        "step4",
        "step5",
        "round1",
        "year",
    ]
    assert rows[1][0] == "CMA" and rows[1][-2:] == ["3.00", "4.50"]
    assert len(rows) == 3


def test_exported_facts_rescored_by_hand_give_the_same_breakdown(units):
    facts = json.loads(run("export_facts", "2568", "--unit", "CMA", "--as-of", AS_OF))
    by_hand = score_document(facts)
    (from_cycle,) = [
        b for b in json.loads(run("score_cycle", "2568", "--as-of", AS_OF)) if b["unit"] == "CMA"
    ]
    assert by_hand == from_cycle


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("score_cycle", "2599"), "no cycle"),
        (("score_cycle", "2568", "--as-of", "2025-09-30T23:59:59"), "offset"),
        (("export_facts", "2568", "--unit", "NOPE-X"), "list_units"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_message(units, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
