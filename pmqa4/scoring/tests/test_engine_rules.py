"""SCORING.md's deductions for steps 1, 3 and 4, and when a submission is late.

Each case changes worked example A (a perfect year) as little as possible and states the
step's expected points and deductions.
"""

import pytest

from .engine_facts import ABSENT, HALF, LATE, changed, charged, step

NO_POSITION = {"name": "นายไม่มี ตำแหน่ง", "position": "", "phone": "1", "email": ""}
NO_CONTACT = {"name": "นายไม่มี ติดต่อ", "position": "นักวิชาการ", "phone": "", "email": None}
RETURNED = {"at": "2025-01-30T15:00:00+07:00", "returned_at": "2025-02-03T10:00:00+07:00"}
DUE_FEB_7 = {**RETURNED, "correction_due": "2025-02-07"}

CASES = {
    # step 1 — roster
    "roster one day late": (
        1,
        [("team.submissions", [{"at": "2024-11-30T09:00:00+07:00"}])],
        "0.95",
        [LATE],
    ),
    "member without position": (1, [("team.members[1]", NO_POSITION)], "0.95", [LATE]),
    "member without phone or e-mail": (1, [("team.members[0]", NO_CONTACT)], "0.95", [LATE]),
    "roster late and incomplete costs once": (
        1,
        [("team.submissions[0].at", "2024-12-02T09:00:00+07:00"), ("team.members[0]", NO_CONTACT)],
        "0.95",
        [LATE],
    ),
    "roster with no member is not done": (1, [("team.members", [])], "0.00", []),
    "roster with no member and late takes no deduction": (
        1,
        [("team.members", []), ("team.submissions[0].at", "2024-12-02T09:00:00+07:00")],
        "0.00",
        [],
    ),
    "team absent": (1, [("team", ABSENT)], "0.00", []),
    "team null": (1, [("team", None)], "0.00", []),
    "roster never submitted": (1, [("team.submissions", [])], "0.00", []),
    # step 3 — plans
    "plans not signed off": (3, [("plans.signed_off", False)], "0.00", []),
    "plans signed off but never submitted": (3, [("plans.submissions", [])], "0.00", []),
    "kpi without form 3 sheet": (3, [("plans.kpis[0].sheet", "missing")], "0.95", [LATE]),
    "form 3 sheet incomplete": (3, [("plans.kpis[2].sheet", "incomplete")], "0.95", [LATE]),
    "plans late and sheets incomplete cost once": (
        3,
        [
            ("plans.submissions[0].at", "2025-02-01T08:00:00+07:00"),
            ("plans.kpis[0].sheet", "missing"),
            ("plans.kpis[1].sheet", "incomplete"),
        ],
        "0.95",
        [LATE],
    ),
    "plans not unit-wide": (
        3,
        [("plans.findings", ["not_unit_wide"])],
        "0.50",
        [("not_unit_wide", HALF)],
    ),
    "plans not as prescribed": (
        3,
        [("plans.findings", ["not_as_prescribed"])],
        "0.50",
        [("not_as_prescribed", HALF)],
    ),
    "both findings on plans": (
        3,
        [("plans.findings", ["not_unit_wide", "not_as_prescribed"])],
        "0.00",
        [("not_unit_wide", HALF), ("not_as_prescribed", HALF)],
    ),
    "a finding recorded twice costs once": (
        3,
        [("plans.findings", ["not_unit_wide", "not_unit_wide"])],
        "0.50",
        [("not_unit_wide", HALF)],
    ),
    "dimension missing from form 1": (
        3,
        [("plans.form1_dimensions", [1, 2])],
        "0.50",
        [("missing_dimension", HALF)],
    ),
    "dimension missing from both forms costs once": (
        3,
        [("plans.form1_dimensions", [1, 3]), ("plans.form2_dimensions", [1, 3])],
        "0.50",
        [("missing_dimension", HALF)],
    ),
    "different dimensions missing from each form": (
        3,
        [("plans.form1_dimensions", [1, 3]), ("plans.form2_dimensions", [2, 3])],
        "0.00",
        [("missing_dimension", HALF), ("missing_dimension", HALF)],
    ),
    "every deduction together floors plans at zero": (
        3,
        [
            ("plans.submissions[0].at", "2025-02-01T08:00:00+07:00"),
            ("plans.findings", ["not_unit_wide", "not_as_prescribed"]),
            ("plans.form1_dimensions", []),
            ("plans.form2_dimensions", []),
        ],
        "0.00",
        [LATE, ("not_unit_wide", HALF), ("not_as_prescribed", HALF)]
        + [("missing_dimension", HALF)] * 3,
    ),
    "late plans and one missing dimension": (
        3,
        [("plans.submissions[0].at", "2025-02-01T08:00:00+07:00"), ("plans.form2_dimensions", [1])],
        "0.00",
        [LATE, ("missing_dimension", HALF), ("missing_dimension", HALF)],
    ),
    "plans absent": (3, [("plans", ABSENT)], "0.00", []),
    "plans null": (3, [("plans", None)], "0.00", []),
    # step 4 — report
    "report late": (4, [("report.submissions[0].at", "2025-09-25T00:00:00+07:00")], "0.95", [LATE]),
    "activity without form 4": (4, [("report.activities[1].reported", False)], "0.95", [LATE]),
    "report not unit-wide": (
        4,
        [("report.findings", ["not_unit_wide"])],
        "0.50",
        [("not_unit_wide", HALF)],
    ),
    "report not as prescribed and late": (
        4,
        [
            ("report.findings", ["not_as_prescribed"]),
            ("report.submissions[0].at", "2025-09-26T10:00:00+07:00"),
        ],
        "0.45",
        [LATE, ("not_as_prescribed", HALF)],
    ),
    "report not signed off": (4, [("report.signed_off", False)], "0.00", []),
    "report absent": (4, [("report", ABSENT)], "0.00", []),
}


@pytest.mark.parametrize(("number", "changes", "points", "rules"), CASES.values(), ids=CASES)
def test_a_single_rule_costs_what_scoring_md_says(number, changes, points, rules):
    result = step(changed(*changes), number)
    assert (result["points"], charged(result)) == (points, rules)
    assert result["done"] == (points != "0.00" or bool(rules))


# Lateness: the due date lasts until 23:59:59.999999 in Bangkok, whatever offset a time is in.
ROSTER_TIMES = {
    "one second before the end of the due date": ("2024-11-29T23:59:58+07:00", False),
    "at 23:59:59": ("2024-11-29T23:59:59+07:00", False),
    "in the last microsecond": ("2024-11-29T23:59:59.999999+07:00", False),
    "at midnight after": ("2024-11-30T00:00:00+07:00", True),
    "one second after midnight": ("2024-11-30T00:00:01+07:00", True),
    "one second before, in UTC": ("2024-11-29T16:59:58Z", False),
    "at 23:59:59 Bangkok, in UTC": ("2024-11-29T16:59:59Z", False),
    "one second after, in UTC": ("2024-11-29T17:00:00Z", True),
    "early that day in UTC but already the 30th in Bangkok": ("2024-11-29T17:30:00+00:00", True),
}


@pytest.mark.parametrize(("at", "late"), ROSTER_TIMES.values(), ids=ROSTER_TIMES)
def test_roster_is_late_only_after_the_end_of_its_due_day_in_bangkok(at, late):
    result = step(changed(("team.submissions", [{"at": at}])), 1)
    assert result["late"] is late
    assert charged(result) == ([LATE] if late else [])


def test_roster_one_second_after_midnight_is_one_day_late():
    result = step(changed(("team.submissions", [{"at": "2024-11-30T00:00:01+07:00"}])), 1)
    assert "ไป 1 วัน" in result["deductions"][0]["reason"]
    assert "29 พ.ย. 2567" in result["deductions"][0]["reason"]


RESUBMISSIONS = {
    "before the correction due date": ([DUE_FEB_7], "2025-02-06T10:00:00+07:00", "1.00"),
    "at the end of the correction due date": ([DUE_FEB_7], "2025-02-07T23:59:59+07:00", "1.00"),
    "after the correction due date": ([DUE_FEB_7], "2025-02-08T00:00:00+07:00", "0.95"),
    "after a return without correction due": ([RETURNED], "2025-03-30T10:00:00+07:00", "1.00"),
}


@pytest.mark.parametrize(("first", "again", "points"), RESUBMISSIONS.values(), ids=RESUBMISSIONS)
def test_a_resubmission_keeps_the_on_time_status_only_by_its_correction_due(first, again, points):
    result = step(changed(("plans.submissions", [*first, {"at": again}])), 3)
    assert (result["done"], result["points"]) == (True, points)


def test_a_late_first_submission_stays_late_after_a_timely_resubmission():
    late_first = {**DUE_FEB_7, "at": "2025-02-01T09:00:00+07:00"}
    submissions = [late_first, {"at": "2025-02-05T09:00:00+07:00"}]
    result = step(changed(("plans.submissions", submissions)), 3)
    assert charged(result) == [LATE]
    assert "ส่งครั้งแรก" in result["deductions"][0]["reason"]


def test_a_return_without_correction_due_keeps_a_late_first_submission_late():
    late_first = {**RETURNED, "at": "2025-02-01T09:00:00+07:00"}
    submissions = [late_first, {"at": "2025-02-05T09:00:00+07:00"}]
    assert charged(step(changed(("plans.submissions", submissions)), 3)) == [LATE]


def test_a_late_resubmission_names_the_correction_due_date():
    submissions = [DUE_FEB_7, {"at": "2025-02-10T09:00:00+07:00"}]
    reason = step(changed(("plans.submissions", submissions)), 3)["deductions"][0]["reason"]
    assert "ส่งแก้ไขครั้งที่ 1" in reason
    assert "7 ก.พ. 2568" in reason
    assert "ไป 3 วัน" in reason


def test_a_return_never_resubmitted_means_the_step_is_not_done():
    result = step(changed(("plans.submissions", [DUE_FEB_7])), 3)
    assert (result["done"], result["points"], result["returned"]) == (False, "0.00", True)


def test_a_resubmission_after_as_of_leaves_the_step_returned():
    submissions = [DUE_FEB_7, {"at": "2025-10-02T09:00:00+07:00"}]
    result = step(changed(("plans.submissions", submissions)), 3)
    assert (result["done"], result["returned"]) == (False, True)


def test_a_return_after_as_of_has_not_happened_yet():
    returned_later = {**DUE_FEB_7, "returned_at": "2025-10-01T09:00:00+07:00"}
    result = step(changed(("plans.submissions", [returned_later])), 3)
    assert (result["done"], result["points"]) == (True, "1.00")


def test_a_submission_after_as_of_is_ignored():
    result = step(changed(("report.submissions", [{"at": "2025-10-01T08:00:00+07:00"}])), 4)
    assert (result["done"], result["submitted_at"]) == (False, None)


def test_a_late_submission_before_as_of_counts_but_one_after_does_not():
    facts = changed(
        ("as_of", "2024-11-30T12:00:00+07:00"),
        ("team.submissions", [{"at": "2024-11-30T11:00:00+07:00"}]),
    )
    assert step(facts, 1)["points"] == "0.95"
    facts["team"]["submissions"][0]["at"] = "2024-11-30T12:00:01+07:00"
    assert step(facts, 1)["done"] is False
