"""Invalid facts are refused with a FactsError naming the field (SCORING-FACTS.md)."""

import copy
import json
from pathlib import Path

import pytest

from pmqa4.scoring.engine import FactsError, parse_facts, score_document

A = json.loads((Path(__file__).parent / "data" / "A.facts.json").read_text(encoding="utf-8"))
ABSENT = object()


def with_values(*changes) -> dict:
    """A copy of example A with (path tuple, value) pairs applied; ABSENT deletes the key."""
    facts = copy.deepcopy(A)
    for path, value in changes:
        parent = facts
        for key in path[:-1]:
            parent = parent[key]
        if value is ABSENT:
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
    return facts


KPI = ("plans", "kpis")
INVALID = {
    "version 2": (("version",), 2, "version"),
    "version as text": (("version",), "1", "version"),
    "version true": (("version",), True, "version"),
    "no version": (("version",), ABSENT, "version"),
    "no as_of": (("as_of",), ABSENT, "as_of"),
    "naive as_of": (("as_of",), "2025-09-30T23:59:59", "as_of"),
    "as_of a date": (("as_of",), "2025-09-30", "as_of"),
    "as_of garbage": (("as_of",), "yesterday", "as_of"),
    "as_of a number": (("as_of",), 1759251599, "as_of"),
    "naive submission": (
        ("plans", "submissions", 0, "at"),
        "2025-01-30T15:00:00",
        "plans.submissions[0].at",
    ),
    "submission without at": (("team", "submissions", 0), {}, "team.submissions[0].at"),
    "naive return": (
        ("report", "submissions", 0, "returned_at"),
        "2025-09-23T10:00:00",
        "report.submissions[0].returned_at",
    ),
    "correction due with a time": (
        ("plans", "submissions", 0, "correction_due"),
        "2025-02-07T23:59:59+07:00",
        "plans.submissions[0].correction_due",
    ),
    "due in Thai order": (("team", "due"), "29/11/2024", "team.due"),
    "due compact": (("team", "due"), "20241129", "team.due"),
    "due not a day": (("report", "due"), "2025-02-30", "report.due"),
    "held_on with time": (("meetings", 3, "held_on"), "2025-03-14T10:00:00", "meetings[3].held_on"),
    "meeting without held_on": (("meetings", 0), {"attended": True}, "meetings[0].held_on"),
    "missing plans due": (("plans", "due"), ABSENT, "plans.due"),
    "null team due": (("team", "due"), None, "team.due"),
    "higher with target 0": ((*KPI, 2, "target"), "0", "plans.kpis[2].target"),
    "higher with numeric target 0.0": ((*KPI, 1, "target"), 0.0, "plans.kpis[1].target"),
    "target not a number": ((*KPI, 2, "target"), "eighty", "plans.kpis[2].target"),
    "target NaN": ((*KPI, 2, "target"), "NaN", "plans.kpis[2].target"),
    "target infinite": ((*KPI, 2, "target"), "Infinity", "plans.kpis[2].target"),
    "target a bool": ((*KPI, 0, "target"), True, "plans.kpis[0].target"),
    "actual not a number": ((*KPI, 3, "actual"), "13%", "plans.kpis[3].actual"),
    "actual a list": ((*KPI, 3, "actual"), [13], "plans.kpis[3].actual"),
    "unknown finding": (("plans", "findings"), ["late"], "plans.findings[0]"),
    "unknown report finding": (
        ("report", "findings"),
        ["not_unit_wide", "paper"],
        "report.findings[1]",
    ),
    "dimension 4": (("plans", "form1_dimensions"), [1, 2, 4], "plans.form1_dimensions[2]"),
    "dimension 0": (("plans", "form2_dimensions"), [0], "plans.form2_dimensions[0]"),
    "dimension as text": (("plans", "form2_dimensions"), ["1"], "plans.form2_dimensions[0]"),
    "dimension true": (("plans", "form2_dimensions"), [True], "plans.form2_dimensions[0]"),
    "direction up": ((*KPI, 1, "direction"), "up", "plans.kpis[1].direction"),
    "no direction with a target": ((*KPI, 1, "direction"), ABSENT, "plans.kpis[1].direction"),
    "sheet done": ((*KPI, 0, "sheet"), "done", "plans.kpis[0].sheet"),
    "no sheet": ((*KPI, 0, "sheet"), ABSENT, "plans.kpis[0].sheet"),
    "named in form 3": ((*KPI, 0, "named_in"), ["form3"], "plans.kpis[0].named_in[0]"),
    "kpi without id": ((*KPI, 0, "id"), ABSENT, "plans.kpis[0].id"),
    "negative late amount": (
        ("rules",),
        {"late_or_incomplete": "-0.05"},
        "rules.late_or_incomplete",
    ),
    "negative threshold": (("rules",), {"kpi_threshold": -1}, "rules.kpi_threshold"),
    "negative step points": (("rules",), {"step_points": "-1"}, "rules.step_points"),
    "unknown rule": (("rules",), {"late_amount": "0.1"}, "rules.late_amount"),
    "rule not a number": (("rules",), {"kpi_below": "half"}, "rules.kpi_below"),
    "unknown time zone": (("rules",), {"timezone": "Mars/Olympus"}, "rules.timezone"),
    "rules a list": (("rules",), ["kpi_below"], "rules"),
    "team a list": (("team",), [], "team"),
    "members not a list": (("team", "members"), "everyone", "team.members"),
    "member position a number": (("team", "members", 1, "position"), 7, "team.members[1].position"),
    "signed_off as text": (("plans", "signed_off"), "yes", "plans.signed_off"),
    "attended as number": (("meetings", 2, "attended"), 1, "meetings[2].attended"),
    "required as text": (("meetings", 2, "required"), "no", "meetings[2].required"),
    "reported as text": (
        ("report", "activities", 0, "reported"),
        "true",
        "report.activities[0].reported",
    ),
    "fiscal year as text": (("fiscal_year",), "2568", "fiscal_year"),
}


@pytest.mark.parametrize(("path", "value", "field"), INVALID.values(), ids=INVALID)
def test_invalid_facts_are_refused_naming_the_field(path, value, field):
    with pytest.raises(FactsError) as refused:
        parse_facts(with_values((path, value)))
    assert refused.value.field == field
    assert str(refused.value).startswith(f"{field}: ")


def test_submissions_out_of_time_order_are_refused():
    backwards = [{"at": "2025-01-30T15:00:00+07:00"}, {"at": "2025-01-29T15:00:00+07:00"}]
    with pytest.raises(FactsError) as refused:
        score_document(with_values((("plans", "submissions"), backwards)))
    assert refused.value.field == "plans.submissions[1].at"


def test_a_document_that_is_not_an_object_is_refused():
    with pytest.raises(FactsError, match="expected an object"):
        parse_facts([A])


def test_lower_is_better_with_a_negative_target_is_refused():
    facts = with_values(((*KPI, 0, "direction"), "lower"), ((*KPI, 0, "target"), "-5"))
    with pytest.raises(FactsError) as refused:
        parse_facts(facts)
    assert refused.value.field == "plans.kpis[0].target"


def test_an_error_inside_an_array_of_documents_carries_its_index():
    error = FactsError("plans.due", "required when there are submissions").within("[1]")
    assert (error.field, str(error)) == (
        "[1].plans.due",
        "[1].plans.due: required when there are submissions",
    )


VALID = {
    "numbers as JSON numbers": [((*KPI, 0, "target"), 80)],
    "numbers as floats": [((*KPI, 0, "actual"), 80.0)],
    "timestamps in UTC": [(("as_of",), "2025-09-30T16:59:59Z")],
    "timestamps with a negative offset": [(("as_of",), "2025-09-30T11:59:59-05:00")],
    "lower is better with target 0": [
        ((*KPI, 0, "direction"), "lower"),
        ((*KPI, 0, "target"), "0"),
    ],
    "no due date without submissions": [(("team",), {"submissions": [], "members": []})],
    "a KPI without sheet, target or direction": [
        ((*KPI, 0), {"id": "K1", "named_in": ["form1"], "sheet": "missing"})
    ],
    "a zero amount": [(("rules",), {"not_unit_wide": "0"})],
    "integer KPI ids": [((*KPI, 0, "id"), 7)],
    "null meetings": [(("meetings",), None)],
    "absent unit": [(("unit",), ABSENT)],
}


@pytest.mark.parametrize("changes", VALID.values(), ids=VALID)
def test_valid_variations_are_accepted(changes):
    assert len(score_document(with_values(*changes))["steps"]) == 5


def test_numbers_given_as_json_numbers_score_like_strings():
    facts = with_values(((*KPI, 1, "actual"), 23), ((*KPI, 1, "target"), 25.0))
    assert score_document(facts)["kpis"][1]["achievement"] == "92.00"
