"""What a unit can still do before the next due date to avoid a deduction.

Read from the facts and the breakdown of the same scoring, so the advice never disagrees with
the score. Only steps whose due date has not passed get advice: after it, the points are set.
"""

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal

from pmqa4.core.thai import format_be_date

ACTION = {
    1: "ส่งรายชื่อทีมงาน PMQA Team (สมาชิกทุกคนมีตำแหน่ง และโทรศัพท์หรืออีเมล)",
    3: "ส่งแบบฟอร์ม ๑–๓ ที่ผู้บริหารลงนามแล้ว",
    4: "ส่งรายงานผลการดำเนินงาน (แบบฟอร์ม ๔) ที่ผู้บริหารลงนามแล้ว ครบทุกกิจกรรม",
}
PART = {1: "team", 3: "plans", 4: "report"}


@dataclass(frozen=True)
class Advice:
    step: int
    due: dt.date | None
    text: str


def _due(facts: dict, step: int) -> dt.date | None:
    part = facts.get(PART.get(step, "plans")) or {}
    return dt.date.fromisoformat(part["due"]) if part.get("due") else None


def advise(facts: dict, breakdown: dict, *, today: dt.date, step_dues: dict[int, dt.date]):
    """A list of Advice, most urgent first."""
    advice = []
    steps = {s["step"]: s for s in breakdown["steps"]}
    rules = facts.get("rules", {})
    late_amount = rules.get("late_or_incomplete", "0.05")
    for number in (1, 3, 4):
        due = _due(facts, number) or step_dues.get(number)
        if due is None or due < today:
            continue
        step = steps[number]
        when = format_be_date(due, "short")
        if not step["done"]:
            advice.append(
                Advice(
                    number, due, f"{ACTION[number]} ภายใน {when} เพื่อไม่ให้ถูกหัก {late_amount} คะแนน"
                )
            )
            continue
        for deduction in step["deductions"]:
            if deduction["rule"] in ("late_or_incomplete", "missing_dimension"):
                advice.append(Advice(number, due, f"แก้ไขก่อน {when}: {deduction['reason']}"))
    advice.extend(_attendance_advice(facts, steps[2], today, step_dues.get(2)))
    advice.extend(_kpi_advice(facts, breakdown, today, step_dues.get(5)))
    return sorted(advice, key=lambda a: (a.due or dt.date.max, a.step))


def _attendance_advice(facts, step, today, due):
    required = [m for m in facts.get("meetings", []) if m.get("required", True)]
    remaining = [m for m in required if dt.date.fromisoformat(m["held_on"]) > today]
    if not remaining:
        return []
    held = len(required) - len(remaining)
    attended = sum(1 for m in required if m.get("attended") and m not in remaining)
    threshold = Decimal(facts.get("rules", {}).get("attendance_threshold", "85"))
    needed = max(0, math.ceil(threshold * len(required) / 100 - attended))
    first = format_be_date(dt.date.fromisoformat(remaining[0]["held_on"]), "short")
    if needed > len(remaining):
        text = (
            f"ยังมีการประชุมที่ต้องเข้าร่วมอีก {len(remaining)} ครั้ง (ครั้งถัดไป {first}) "
            f"แต่แม้เข้าร่วมครบก็ไม่ถึงเกณฑ์ร้อยละ {threshold:g}"
        )
    else:
        text = (
            f"ยังมีการประชุมที่ต้องเข้าร่วมอีก {len(remaining)} ครั้ง (ครั้งถัดไป {first}) "
            f"ต้องเข้าร่วมอย่างน้อย {needed} ครั้งเพื่อให้ถึงเกณฑ์ร้อยละ {threshold:g} "
            f"(ขณะนี้ {attended}/{held} ครั้ง)"
        )
    return [Advice(2, dt.date.fromisoformat(remaining[0]["held_on"]), text)]


def _kpi_advice(facts, breakdown, today, due):
    if due is None or due < today:
        return []
    when = format_be_date(due, "short")
    advice = []
    for kpi in breakdown["kpis"]:
        if kpi["achievement"] is None:
            advice.append(Advice(5, due, f"รายงานผลตัวชี้วัด {kpi['id']} ภายใน {when}"))
        elif kpi["below_threshold"]:
            advice.append(
                Advice(
                    5,
                    due,
                    f"ตัวชี้วัด {kpi['id']} ขณะนี้ได้ร้อยละ {kpi['achievement']} ของค่าเป้าหมาย "
                    f"ต่ำกว่าเกณฑ์: เร่งดำเนินการและรายงานผลล่าสุดภายใน {when}",
                )
            )
    return advice
