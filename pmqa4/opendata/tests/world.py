"""The opendata tests' world: unit A with a roster, Forms 1–3 and a step-3 submission taken
through the real workflow (frozen, signed, accepted); unit B with plans signed and submitted
but never accepted. Both carry personal data in the places a unit types it, which must never
reach a public page."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from pmqa4.core.testing.factories import KpiFactory, KpiSheetFactory, TeamMemberFactory, bangkok
from pmqa4.plans.models import ActionPlan, Activity, ActivityStep, PlanItem, ThreeYearPlan
from pmqa4.scoring.models import ScoreKind
from pmqa4.scoring.services import scores_publish
from pmqa4.submissions.workflow import (
    submission_for,
    submission_request_sign_off,
    submission_sign_off,
    submission_submit,
)
from pmqa4.teams.models import Roster

# Personal data typed into the unit's forms (all of it must stay private).
MEMBER_WITH_GAPS = "นางสาวปิยะนุช ทดสอบสิทธิ์"
RESPONSIBLE = "กลุ่มงานบริการ / นายสมชาย ใจดีมาก"
SUPERVISOR = "นายผู้กำกับ ตัวชี้วัดหนึ่ง"
SUPERVISOR_PHONE = "0 2232 1999"
SUPERVISOR_EMAIL = "supervisor.k1@example.go.th"
COLLECTOR = "นางผู้จัดเก็บ ข้อมูลดี"
COLLECTOR_EMAIL = "collector.k1@example.go.th"
STEP_WITH_CONTACTS = f"รายงานผลต่อ{SUPERVISOR} โทร 081 999 1234 LINE ID: kpi.report"
ACCEPTED_AT = bangkok("2025-02-10 14:00")
PUBLISHED_AT = bangkok("2025-10-15 10:00")


def roster(unit, cycle, coordinator):
    """Two members; the second has no position, phone or e-mail (a step-1 gap that the engine
    words with her name)."""
    team = Roster.objects.create(unit=unit, cycle=cycle)
    TeamMemberFactory(roster=team, order=1, full_name="นายสมาชิก คนแรกครบถ้วน")
    TeamMemberFactory(
        roster=team, order=2, full_name=MEMBER_WITH_GAPS, position="", phone="", email=""
    )
    submission_submit(
        submission=submission_for(unit=unit, step=cycle.steps.get(number=1)),
        actor=coordinator,
        now=bangkok("2024-11-25 10:00"),
    )


def plans(unit, cycle, dimensions, letter):
    """Form 1 (two items), Form 2 (one activity in Oct–Dec with a step in Nov), KPI K1 with a
    full Form 3 sheet, supervisor and collector included."""
    k1 = KpiFactory(unit=unit, cycle=cycle, code="K1", name=f"ร้อยละของบริการออนไลน์ {letter}")
    KpiSheetFactory(
        kpi=k1,
        dimension=dimensions[1],
        target=Decimal("80"),
        supervisor_name=SUPERVISOR,
        supervisor_phone=SUPERVISOR_PHONE,
        supervisor_email=SUPERVISOR_EMAIL,
        collector_name=COLLECTOR,
        collector_phone="08 1234 5678",
        collector_email=COLLECTOR_EMAIL,
    )
    plan = ThreeYearPlan.objects.create(unit=unit, cycle=cycle, first_year=2568)
    item1 = PlanItem.objects.create(
        plan=plan,
        dimension=dimensions[1],
        number=1,
        name=f"พัฒนาบริการออนไลน์ {letter}",
        in_year1=True,
        in_year2=True,
    )
    item1.kpis.set([k1])
    PlanItem.objects.create(
        plan=plan, dimension=dimensions[2], number=1, name="เปิดเผยข้อมูลภาครัฐ", in_year3=True
    )
    activity = Activity.objects.create(
        action_plan=ActionPlan.objects.create(unit=unit, cycle=cycle),
        dimension=dimensions[1],
        number=1,
        name=f"ยื่นคำขอออนไลน์ {letter}",
        months=[1, 2, 3],
        responsible=RESPONSIBLE,
        plan_item=item1,
    )
    activity.kpis.set([k1])
    ActivityStep.objects.create(activity=activity, number=1, name="ออกแบบแบบฟอร์ม", months=[2])
    # free text that names a person the system knows, with a phone and a LINE ID
    ActivityStep.objects.create(activity=activity, number=2, name=STEP_WITH_CONTACTS, months=[])
    return SimpleNamespace(k1=k1, item1=item1, activity=activity)


def sign_step3(unit, cycle, coordinator, executive, *, at: dt.datetime):
    submission = submission_for(unit=unit, step=cycle.steps.get(number=3))
    submission_request_sign_off(submission=submission, actor=coordinator, now=at)
    submission_sign_off(submission=submission, actor=executive, now=at + dt.timedelta(hours=2))
    return submission


def publish(cycle, central, kind=ScoreKind.ROUND1, now=PUBLISHED_AT):
    return scores_publish(cycle=cycle, kind=kind, actor=central, now=now)
