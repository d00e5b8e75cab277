import datetime as dt

from pmqa4.scoring.advice import advise
from pmqa4.scoring.compare import score_changes
from pmqa4.scoring.engine import score_document


def facts(**parts):
    document = {
        "version": 1,
        "unit": "X",
        "fiscal_year": 2568,
        "as_of": "2025-01-10T09:00:00+07:00",
        "team": None,
        "meetings": [
            {"held_on": "2024-12-20", "required": True, "attended": True},
            {"held_on": "2025-02-14", "required": True, "attended": False},
            {"held_on": "2025-05-16", "required": True, "attended": False},
        ],
        "plans": None,
        "report": None,
    }
    document.update(parts)
    return document


DUES = {
    1: dt.date(2024, 11, 29),
    2: dt.date(2025, 9, 30),
    3: dt.date(2025, 1, 31),
    4: dt.date(2025, 9, 24),
    5: dt.date(2025, 9, 30),
}


def advice_for(document, today):
    return advise(document, score_document(document), today=today, step_dues=DUES)


def test_a_step_not_yet_due_and_not_done_is_advised_with_its_due_date():
    advice = advice_for(
        facts(plans={"due": "2025-01-31", "submissions": [], "kpis": []}), dt.date(2025, 1, 10)
    )
    texts = [a.text for a in advice if a.step == 3]
    assert texts == ["ส่งแบบฟอร์ม ๑–๓ ที่ผู้บริหารลงนามแล้ว ภายใน 31 ม.ค. 2568 เพื่อไม่ให้ถูกหัก 0.05 คะแนน"]


def test_a_step_past_its_due_date_gets_no_advice():
    advice = advice_for(
        facts(team={"due": "2024-11-29", "submissions": [], "members": []}), dt.date(2025, 1, 10)
    )
    assert [a for a in advice if a.step == 1] == []


def test_attendance_advice_says_how_many_more_meetings_are_needed():
    (advice,) = [a for a in advice_for(facts(), dt.date(2025, 1, 10)) if a.step == 2]
    # 1 of 3 so far; 85 % of 3 needs 3: both remaining meetings
    assert "อีก 2 ครั้ง" in advice.text and "อย่างน้อย 2 ครั้ง" in advice.text


def test_attendance_advice_says_so_when_the_threshold_is_out_of_reach():
    document = facts()
    document["meetings"][0]["attended"] = False
    (advice,) = [a for a in advice_for(document, dt.date(2025, 1, 10)) if a.step == 2]
    assert "แม้เข้าร่วมครบก็ไม่ถึงเกณฑ์" in advice.text


def test_kpis_without_actuals_or_below_threshold_are_named():
    plans = {
        "due": "2025-01-31",
        "submissions": [{"at": "2025-01-20T10:00:00+07:00"}],
        "signed_off": True,
        "form1_dimensions": [1, 2, 3],
        "form2_dimensions": [1, 2, 3],
        "kpis": [
            {
                "id": "K1",
                "named_in": ["form2"],
                "sheet": "complete",
                "direction": "higher",
                "target": "10",
                "actual": "5",
            },
            {
                "id": "K2",
                "named_in": ["form2"],
                "sheet": "complete",
                "direction": "higher",
                "target": "10",
                "actual": None,
            },
        ],
        "findings": [],
    }
    texts = [a.text for a in advice_for(facts(plans=plans), dt.date(2025, 6, 1)) if a.step == 5]
    assert any("K1" in t and "50.00" in t for t in texts)
    assert any(t.startswith("รายงานผลตัวชี้วัด K2") for t in texts)


def _breakdown(points, deductions=()):
    return {
        "steps": [
            {"step": n, "points": p, "deductions": list(deductions) if n == 4 else []}
            for n, p in enumerate(points, start=1)
        ],
        "round1": "3.00",
        "year": f"{sum(float(p) for p in points):.2f}",
    }


def test_changes_between_publications_name_the_step_and_the_deduction():
    before = _breakdown(
        ["1.00"] * 3 + ["0.50", "1.00"], [{"rule": "not_unit_wide", "amount": "0.50"}]
    )
    after = _breakdown(["1.00"] * 5)
    assert score_changes(before, after) == [
        "ขั้นตอนที่ 4: 0.50 → 1.00 คะแนน",
        "ขั้นตอนที่ 4: ยกเลิกการหัก 0.50 (not_unit_wide)",
        "คะแนนทั้งปี: 4.50 → 5.00",
    ]
    assert score_changes(after, after) == []
