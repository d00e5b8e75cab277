"""Scoring one unit's year: five steps, each worth ``step_points`` less its deductions.

SCORING.md, "Steps and points": a step's points are never below 0, and a step that was not done
scores 0 and takes no deductions. Round 1 = steps 1–3, year = steps 1–5 (see Breakdown).
"""

import decimal
from decimal import Decimal

from .breakdown import Breakdown, Deduction, KpiResult, StepResult
from .facts import Facts, Member, Plans, Report, Team
from .kpis import achievement, action_plan_kpis, below_threshold
from .rules import Rules
from .timeline import SubmissionState, submission_state
from .wording import dimension, plain, two_decimals

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


def score(facts: Facts) -> Breakdown:
    with decimal.localcontext(decimal.Context(prec=34)):
        tz = facts.rules.tz
        return Breakdown(
            unit=facts.unit,
            fiscal_year=facts.fiscal_year,
            as_of=facts.as_of.astimezone(tz),
            steps=(
                _team_step(facts),
                _attendance_step(facts),
                _plans_step(facts),
                _report_step(facts),
                _kpi_step(facts),
            ),
            kpis=_kpi_results(facts),
        )


def _step(number: int, done: bool, rules: Rules, deductions: list, note: str | None, **details):
    """Points = step_points − deductions, floored at 0; a step not done takes no deductions."""
    kept = tuple(deductions) if done else ()
    points = max(Decimal(0), rules.step_points - sum((d.amount for d in kept), Decimal(0)))
    return StepResult(
        step=number,
        done=done,
        points=points if done else Decimal(0),
        deductions=kept,
        details={"title": TITLES[number], "note": None if done else note, **details},
    )


def _state(part: Team | Plans | Report | None, facts: Facts) -> SubmissionState:
    if part is None:
        return submission_state((), None, facts.as_of, facts.rules.tz)
    return submission_state(part.submissions, part.due, facts.as_of, facts.rules.tz)


def _not_submitted_note(state: SubmissionState) -> str | None:
    if state.awaiting_resubmission:
        return "ถูกส่งคืนให้แก้ไขและยังไม่ได้ส่งใหม่"
    if state.submitted_at is None:
        return "ยังไม่ได้ส่ง"
    return None


def _late_or_incomplete(rules: Rules, state: SubmissionState, gaps: list[str]) -> list:
    """One 0.05 per step whether late, incomplete, or both (SCORING.md, "Deductions")."""
    parts = list(state.late_reasons) + (["ไม่ครบถ้วน: " + "; ".join(gaps)] if gaps else [])
    if not parts:
        return []
    return [Deduction("late_or_incomplete", rules.late_or_incomplete, "; ".join(parts))]


def _findings(rules: Rules, findings: frozenset[str]) -> list:
    return [
        Deduction(f, getattr(rules, f), FINDING_REASONS[f])
        for f in ("not_unit_wide", "not_as_prescribed")
        if f in findings
    ]


def _submission_details(state: SubmissionState, tz) -> dict:
    """Times shown in the rules' zone, so the same facts in other offsets explain the same."""

    def local(moment):
        return None if moment is None else moment.astimezone(tz)

    return {
        "submitted_at": local(state.submitted_at),
        "last_submitted_at": local(state.last_submitted_at),
        "returned": state.awaiting_resubmission,
        "late": state.late,
    }


def _team_step(facts: Facts) -> StepResult:
    """Step 1: done when the roster was submitted with at least one member."""
    team = facts.team
    state = _state(team, facts)
    members = team.members if team else ()
    gaps = [gap for i, m in enumerate(members, start=1) if (gap := _member_gap(i, m))]
    note = _not_submitted_note(state) or (None if members else "ส่งรายชื่อโดยไม่มีสมาชิก")
    return _step(
        1,
        state.submitted and bool(members),
        facts.rules,
        _late_or_incomplete(facts.rules, state, gaps),
        note,
        **_submission_details(state, facts.rules.tz),
        incomplete=bool(gaps),
        members=len(members),
    )


def _member_gap(number: int, member: Member) -> str | None:
    lacks = []
    if not member.position.strip():
        lacks.append("ตำแหน่ง")
    if not member.phone.strip() and not member.email.strip():
        lacks.append("ทั้งโทรศัพท์และอีเมล")
    if not lacks:
        return None
    who = member.name.strip() or f"สมาชิกลำดับที่ {number}"
    return f"{who} ไม่มี{'และ'.join(lacks)}"


def _attendance_step(facts: Facts) -> StepResult:
    """Step 2: required meetings held by as_of's local date, attended ÷ held ≥ the threshold."""
    today = facts.as_of.astimezone(facts.rules.tz).date()
    held = [m for m in facts.meetings if m.required and m.held_on <= today]
    attended = sum(1 for m in held if m.attended)
    rate = Decimal(attended) / Decimal(len(held)) * 100 if held else None
    threshold = facts.rules.attendance_threshold
    done = rate is not None and rate >= threshold
    if rate is None:
        note = "ยังไม่มีการประชุมที่ต้องเข้าร่วม จึงยังประเมินไม่ได้"
    else:
        note = (
            f"เข้าร่วม {attended} จาก {len(held)} ครั้ง คิดเป็นร้อยละ {two_decimals(rate)}"
            f" ต่ำกว่าเกณฑ์ร้อยละ {plain(threshold)}"
        )
    return _step(
        2,
        done,
        facts.rules,
        [],
        note,
        attendance_rate=rate,
        meetings_held=len(held),
        meetings_attended=attended,
    )


def _plans_step(facts: Facts) -> StepResult:
    """Step 3: Forms 1–3 submitted and signed off; four kinds of deduction."""
    plans, rules = facts.plans, facts.rules
    state = _state(plans, facts)
    signed = bool(plans and plans.signed_off)
    deductions, missing, gaps = [], {}, []
    if plans is not None:
        gaps = [_sheet_gap(k.id, k.sheet) for k in plans.kpis if k.sheet != "complete"]
        deductions = _late_or_incomplete(rules, state, gaps) + _findings(rules, plans.findings)
        missing = _missing_dimensions(plans)
        deductions += [
            Deduction("missing_dimension", rules.missing_dimension, reason)
            for reason in missing.values()
        ]
    note = _not_submitted_note(state) or (None if signed else "ผู้บริหารหน่วยงานยังไม่ได้ลงนาม")
    return _step(
        3,
        state.submitted and signed,
        rules,
        deductions,
        note,
        **_submission_details(state, facts.rules.tz),
        incomplete=bool(gaps),
        signed_off=signed,
        missing_dimensions=sorted(missing),
    )


def _missing_dimensions(plans: Plans) -> dict[int, str]:
    """Each dimension absent from Form 1 or Form 2 costs once, even if absent from both."""
    forms_dimensions = (
        ("แบบฟอร์ม 1", plans.form1_dimensions),
        ("แบบฟอร์ม 2", plans.form2_dimensions),
    )
    missing = {}
    for number in (1, 2, 3):
        forms = [form for form, dims in forms_dimensions if number not in dims]
        if forms:
            missing[number] = f"{' และ '.join(forms)} ไม่มีรายการใน{dimension(number)}"
    return missing


def _sheet_gap(kpi_id: str, sheet: str) -> str:
    if sheet == "missing":
        return f"ตัวชี้วัด {kpi_id} ไม่มีแบบฟอร์ม 3"
    return f"แบบฟอร์ม 3 ของตัวชี้วัด {kpi_id} กรอกไม่ครบ"


def _report_step(facts: Facts) -> StepResult:
    """Step 4: Form 4 submitted and signed off; an unreported activity makes it incomplete."""
    report, rules = facts.report, facts.rules
    state = _state(report, facts)
    signed = bool(report and report.signed_off)
    deductions, gaps = [], []
    if report is not None:
        gaps = [f"กิจกรรม {a.id} ไม่มีรายงานผล" for a in report.activities if not a.reported]
        deductions = _late_or_incomplete(rules, state, gaps) + _findings(rules, report.findings)
    note = _not_submitted_note(state) or (None if signed else "ผู้บริหารหน่วยงานยังไม่ได้ลงนาม")
    return _step(
        4,
        state.submitted and signed,
        rules,
        deductions,
        note,
        **_submission_details(state, facts.rules.tz),
        incomplete=bool(gaps),
        signed_off=signed,
    )


def _kpi_step(facts: Facts) -> StepResult:
    """Step 5: done when a KPI of the action plan has an actual; each one below costs kpi_below."""
    rules = facts.rules
    kpis = action_plan_kpis(facts.plans)
    unreported = [k.id for k in kpis if k.actual is None]
    deductions = []
    if unreported:
        reason = "ไม่ครบถ้วน: ตัวชี้วัด " + ", ".join(unreported) + " ยังไม่รายงานผล"
        deductions.append(Deduction("late_or_incomplete", rules.late_or_incomplete, reason))
    threshold = plain(rules.kpi_threshold)
    for kpi in kpis:
        value = achievement(kpi)
        if not below_threshold(value, rules.kpi_threshold):
            continue
        if kpi.actual is None:
            reason = f"ตัวชี้วัด {kpi.id} ยังไม่รายงานผล นับเป็นต่ำกว่าเกณฑ์ร้อยละ {threshold}"
        elif value is None:
            reason = f"ตัวชี้วัด {kpi.id} ไม่มีค่าเป้าหมาย นับเป็นต่ำกว่าเกณฑ์ร้อยละ {threshold}"
        else:
            reason = (
                f"ตัวชี้วัด {kpi.id} ได้ร้อยละ {two_decimals(value)} ของค่าเป้าหมาย"
                f" ต่ำกว่าเกณฑ์ร้อยละ {threshold}"
            )
        deductions.append(Deduction("kpi_below", rules.kpi_below, reason))
    reported = len(kpis) - len(unreported)
    return _step(
        5,
        reported > 0,
        rules,
        deductions,
        "ยังไม่มีตัวชี้วัดในแผนปฏิบัติการที่รายงานผล",
        incomplete=bool(unreported),
        kpis_total=len(kpis),
        kpis_reported=reported,
    )


def _kpi_results(facts: Facts) -> tuple[KpiResult, ...]:
    threshold = facts.rules.kpi_threshold
    results = []
    for kpi in action_plan_kpis(facts.plans):
        value = achievement(kpi)
        results.append(KpiResult(kpi.id, value, below_threshold(value, threshold)))
    return tuple(results)
