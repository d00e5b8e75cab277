"""Scoring one unit's year: five steps, each worth ``step_points`` less its deductions.

SCORING.md, "Steps and points": a step's points are never below 0, and a step that was not done
scores 0 and takes no deductions. Round 1 = steps 1–3, year = steps 1–5 (see Breakdown).

Speed: a step's deductions are only worded when the step is done and its note only when it is
not, since the other is never shown (wording them cannot fail either way).
"""

import decimal
from decimal import Decimal

from .breakdown import Breakdown, Deduction, KpiResult, StepResult
from .facts import Facts, Member, Plans, Report, Team
from .kpis import achievement, action_plan_kpis, below_threshold
from .rules import Rules
from .timeline import NOT_SUBMITTED, SubmissionState, submission_state
from .wording import missing_dimensions, plain, two_decimals

ZERO = Decimal(0)
TITLES = {
    1: "แต่งตั้งคณะทำงาน (PMQA Team)",
    2: "การเข้าร่วมประชุม/กิจกรรม",
    3: "แผนพัฒนาฯ 3 ปี แผนปฏิบัติการ และรายละเอียดตัวชี้วัด (แบบฟอร์ม 1–3)",
    4: "รายงานผลการดำเนินงาน (แบบฟอร์ม 4)",
    5: "ผลสำเร็จตามตัวชี้วัด",
}
FINDING_REASONS = {
    "not_unit_wide": "ผู้ประเมินพบว่าข้อมูลไม่แสดงภาพรวมของหน่วยงาน",
    "not_as_prescribed": "ผู้ประเมินพบว่าไม่ได้ส่งผ่านช่องทางที่กำหนด",
}
NOT_SIGNED = "ผู้บริหารหน่วยงานยังไม่ได้ลงนาม"


def score(facts: Facts) -> Breakdown:
    with decimal.localcontext(decimal.Context(prec=34)):
        tz = facts.rules.tz
        as_of = facts.as_of.astimezone(tz)
        steps = [
            _team_step(facts, tz),
            _attendance_step(facts, as_of.date()),
            _plans_step(facts, tz),
            _report_step(facts, tz),
        ]
        kpi_step, kpis = _kpi_step(facts)
        steps.append(kpi_step)
        return Breakdown(facts.unit, facts.fiscal_year, as_of, tuple(steps), kpis)


def _step(number: int, done: bool, rules: Rules, deductions, details: dict) -> StepResult:
    """Points = step_points − deductions, floored at 0; a step not done takes no deductions."""
    if not done:
        return StepResult(number, False, ZERO, (), details)
    taken = ZERO
    for deduction in deductions:
        taken += deduction.amount
    return StepResult(number, True, max(ZERO, rules.step_points - taken), deductions, details)


def _state(part: Team | Plans | Report | None, facts: Facts, tz) -> SubmissionState:
    if part is None or not part.submissions:
        return NOT_SUBMITTED
    return submission_state(part.submissions, part.due, facts.as_of, tz)


def _not_submitted_note(state: SubmissionState) -> str | None:
    if state.awaiting_resubmission:
        return "ถูกส่งคืนให้แก้ไขและยังไม่ได้ส่งใหม่"
    if state.submitted_at is None:
        return "ยังไม่ได้ส่ง"
    return None


def _late_or_incomplete(rules: Rules, state: SubmissionState, gaps: list[str]) -> tuple:
    """One 0.05 per step whether late, incomplete, or both (SCORING.md, "Deductions")."""
    if not state.late_reasons and not gaps:
        return ()
    parts = list(state.late_reasons) + (["ไม่ครบถ้วน: " + "; ".join(gaps)] if gaps else [])
    return (Deduction("late_or_incomplete", rules.late_or_incomplete, "; ".join(parts)),)


def _findings(rules: Rules, findings: frozenset[str]) -> tuple:
    if not findings:
        return ()
    return tuple(
        Deduction(f, getattr(rules, f), FINDING_REASONS[f])
        for f in ("not_unit_wide", "not_as_prescribed")
        if f in findings
    )


def _submission_details(title: str, note, state: SubmissionState, tz, incomplete: bool) -> dict:
    """Times shown in the rules' zone, so the same facts in other offsets explain the same."""
    first, last = state.submitted_at, state.last_submitted_at
    if first is not None:
        single = last is first  # one submission is both the first and the last: convert once
        first = first.astimezone(tz)
        last = first if single else last.astimezone(tz)
    return {
        "title": title,
        "note": note,
        "submitted_at": first,
        "last_submitted_at": last,
        "returned": state.awaiting_resubmission,
        "late": bool(state.late_reasons),
        "incomplete": incomplete,
    }


def _team_step(facts: Facts, tz) -> StepResult:
    """Step 1: done when the roster was submitted with at least one member."""
    team = facts.team
    state = _state(team, facts, tz)
    members = team.members if team else ()
    gaps = [
        _member_gap(number, member)
        for number, member in enumerate(members, start=1)
        if not member.position.strip() or not (member.phone.strip() or member.email.strip())
    ]
    done = state.submitted and bool(members)
    note = None if done else _not_submitted_note(state) or "ส่งรายชื่อโดยไม่มีสมาชิก"
    details = _submission_details(TITLES[1], note, state, tz, bool(gaps))
    details["members"] = len(members)
    deductions = _late_or_incomplete(facts.rules, state, gaps) if done else ()
    return _step(1, done, facts.rules, deductions, details)


def _member_gap(number: int, member: Member) -> str:
    lacks = []
    if not member.position.strip():
        lacks.append("ตำแหน่ง")
    if not member.phone.strip() and not member.email.strip():
        lacks.append("ทั้งโทรศัพท์และอีเมล")
    who = member.name.strip() or f"สมาชิกลำดับที่ {number}"
    return f"{who} ไม่มี{'และ'.join(lacks)}"


def _attendance_step(facts: Facts, today) -> StepResult:
    """Step 2: required meetings held by as_of's local date, attended ÷ held ≥ the threshold."""
    held = attended = 0
    for meeting in facts.meetings:
        if meeting.required and meeting.held_on <= today:
            held += 1
            if meeting.attended:
                attended += 1
    rate = Decimal(attended) / Decimal(held) * 100 if held else None
    threshold = facts.rules.attendance_threshold
    done = rate is not None and rate >= threshold
    if done:
        note = None
    elif rate is None:
        note = "ยังไม่มีการประชุมที่ต้องเข้าร่วม จึงยังประเมินไม่ได้"
    else:
        note = (
            f"เข้าร่วม {attended} จาก {held} ครั้ง คิดเป็นร้อยละ {two_decimals(rate)}"
            f" ต่ำกว่าเกณฑ์ร้อยละ {plain(threshold)}"
        )
    details = {
        "title": TITLES[2],
        "note": note,
        "attendance_rate": rate,
        "meetings_held": held,
        "meetings_attended": attended,
    }
    return _step(2, done, facts.rules, (), details)


def _plans_step(facts: Facts, tz) -> StepResult:
    """Step 3: Forms 1–3 submitted and signed off; four kinds of deduction."""
    plans, rules = facts.plans, facts.rules
    state = _state(plans, facts, tz)
    signed = bool(plans and plans.signed_off)
    missing, gaps = (), []
    if plans is not None:
        gaps = [_sheet_gap(k.id, k.sheet) for k in plans.kpis if k.sheet != "complete"]
        missing = missing_dimensions(plans.form1_dimensions, plans.form2_dimensions)
    done = state.submitted and signed
    note = None if done else _not_submitted_note(state) or (None if signed else NOT_SIGNED)
    details = _submission_details(TITLES[3], note, state, tz, bool(gaps))
    details["signed_off"] = signed
    details["missing_dimensions"] = [number for number, _ in missing]
    deductions = ()
    if done:  # done means plans is not None
        deductions = (
            _late_or_incomplete(rules, state, gaps)
            + _findings(rules, plans.findings)
            + tuple(
                Deduction("missing_dimension", rules.missing_dimension, reason)
                for _, reason in missing
            )
        )
    return _step(3, done, rules, deductions, details)


def _sheet_gap(kpi_id: str, sheet: str) -> str:
    if sheet == "missing":
        return f"ตัวชี้วัด {kpi_id} ไม่มีแบบฟอร์ม 3"
    return f"แบบฟอร์ม 3 ของตัวชี้วัด {kpi_id} กรอกไม่ครบ"


def _report_step(facts: Facts, tz) -> StepResult:
    """Step 4: Form 4 submitted and signed off; an unreported activity makes it incomplete."""
    report, rules = facts.report, facts.rules
    state = _state(report, facts, tz)
    signed = bool(report and report.signed_off)
    gaps = []
    if report is not None:
        gaps = [f"กิจกรรม {a.id} ไม่มีรายงานผล" for a in report.activities if not a.reported]
    done = state.submitted and signed
    note = None if done else _not_submitted_note(state) or (None if signed else NOT_SIGNED)
    details = _submission_details(TITLES[4], note, state, tz, bool(gaps))
    details["signed_off"] = signed
    deductions = ()
    if done:
        deductions = _late_or_incomplete(rules, state, gaps) + _findings(rules, report.findings)
    return _step(4, done, rules, deductions, details)


def _kpi_step(facts: Facts) -> tuple[StepResult, tuple[KpiResult, ...]]:
    """Step 5: done when a KPI of the action plan has an actual; each one below costs kpi_below.

    Also the KPIs' own results, so that each achievement is worked out once.
    """
    rules = facts.rules
    threshold, threshold_text = rules.kpi_threshold, rules.kpi_threshold_text
    unreported, deductions, results = [], [], []
    for kpi in action_plan_kpis(facts.plans):
        if kpi.actual is None:
            unreported.append(kpi.id)
        value = achievement(kpi)
        below = below_threshold(value, threshold)
        results.append(KpiResult(kpi.id, value, below))
        if not below:
            continue
        if kpi.actual is None:
            reason = f"ตัวชี้วัด {kpi.id} ยังไม่รายงานผล นับเป็นต่ำกว่าเกณฑ์ร้อยละ {threshold_text}"
        elif value is None:
            reason = f"ตัวชี้วัด {kpi.id} ไม่มีค่าเป้าหมาย นับเป็นต่ำกว่าเกณฑ์ร้อยละ {threshold_text}"
        else:
            reason = (
                f"ตัวชี้วัด {kpi.id} ได้ร้อยละ {two_decimals(value)} ของค่าเป้าหมาย"
                f" ต่ำกว่าเกณฑ์ร้อยละ {threshold_text}"
            )
        deductions.append(Deduction("kpi_below", rules.kpi_below, reason))
    if unreported:  # the incomplete deduction comes first
        reason = "ไม่ครบถ้วน: ตัวชี้วัด " + ", ".join(unreported) + " ยังไม่รายงานผล"
        deductions.insert(0, Deduction("late_or_incomplete", rules.late_or_incomplete, reason))
    reported = len(results) - len(unreported)
    details = {
        "title": TITLES[5],
        "note": None if reported else "ยังไม่มีตัวชี้วัดในแผนปฏิบัติการที่รายงานผล",
        "incomplete": bool(unreported),
        "kpis_total": len(results),
        "kpis_reported": reported,
    }
    return _step(5, reported > 0, rules, tuple(deductions), details), tuple(results)
