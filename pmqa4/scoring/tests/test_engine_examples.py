"""The worked examples A and B of SCORING.md, scored from the copies in tests/data."""

import json
from pathlib import Path

import pytest

from pmqa4.scoring.engine import score_document

DATA = Path(__file__).parent / "data"


def load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def essentials(breakdown: dict) -> dict:
    """The parts the contract fixes; reasons and extra explanatory keys are free."""
    steps = []
    for step in breakdown["steps"]:
        kept = {k: step[k] for k in ("step", "done", "points") if k in step}
        if "attendance_rate" in step:
            kept["attendance_rate"] = step["attendance_rate"]
        kept["deductions"] = [
            {"rule": d["rule"], "amount": d["amount"]} for d in step["deductions"]
        ]
        steps.append(kept)
    return {
        "steps": steps,
        "kpis": breakdown["kpis"],
        "round1": breakdown["round1"],
        "year": breakdown["year"],
    }


@pytest.mark.parametrize("example", ["A", "B"])
def test_worked_example_scores_as_expected(example):
    breakdown = score_document(load(f"{example}.facts.json"))
    assert essentials(breakdown) == load(f"{example}.expected.json")


@pytest.mark.parametrize("example", ["A", "B"])
def test_worked_example_echoes_unit_year_and_assessment_time(example):
    facts = load(f"{example}.facts.json")
    breakdown = score_document(facts)
    assert breakdown["unit"] == facts["unit"]
    assert breakdown["fiscal_year"] == 2568
    assert breakdown["as_of"] == facts["as_of"]


def test_example_b_reasons_name_the_late_roster_the_dimension_and_the_kpi():
    steps = score_document(load("B.facts.json"))["steps"]
    assert steps[0]["deductions"][0]["reason"] == (
        "ส่งครั้งแรก 30 พ.ย. 2567 09:00 น. ช้ากว่ากำหนด 29 พ.ย. 2567 ไป 1 วัน"
    )
    assert "มิติยึดประชาชนเป็นศูนย์กลาง" in steps[2]["deductions"][0]["reason"]
    assert "แบบฟอร์ม 2" in steps[2]["deductions"][0]["reason"]
    assert "K5" in steps[4]["deductions"][0]["reason"]
    assert "70.00" in steps[4]["deductions"][0]["reason"]


def test_example_b_explains_attendance_with_counts():
    attendance = score_document(load("B.facts.json"))["steps"][1]
    assert attendance["meetings_held"] == 10
    assert attendance["meetings_attended"] == 8
    assert "80.00" in attendance["note"]


def test_every_step_keeps_the_contract_keys():
    for step in score_document(load("A.facts.json"))["steps"]:
        assert {"step", "done", "points", "deductions"} <= step.keys()
        assert list(step)[:3] == ["step", "done", "points"]


def test_a_cycle_at_once_scores_as_one_at_a_time_and_leaves_the_collector_as_it_was():
    import gc

    from pmqa4.scoring.engine import FactsError, score_documents

    documents = [load(f"{name}.facts.json") for name in "AB"]
    assert gc.isenabled()
    assert score_documents(iter(documents)) == [score_document(d) for d in documents]
    assert gc.isenabled()
    broken = {**documents[1], "as_of": "2025-09-30T23:59:59"}  # no offset
    with pytest.raises(FactsError, match="as_of"):
        score_documents([documents[0], broken])
    assert gc.isenabled()  # put back after an error too
    gc.disable()
    try:
        score_documents(documents)
        assert not gc.isenabled()  # and not switched on when it was off
    finally:
        gc.enable()
