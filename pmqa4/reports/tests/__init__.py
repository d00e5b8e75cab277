"""Builders for the reports tests: an action plan with activities, KPIs, actuals and reports.

The shared cast (conftest.py) gives the people and FY2568; these add the plan data around them.
"""

import datetime as dt
from decimal import Decimal

from pmqa4.core.testing.factories import KpiFactory, KpiSheetFactory, bangkok
from pmqa4.framework.models import Dimension
from pmqa4.org.permissions import Actor
from pmqa4.plans.models import ActionPlan, Activity, KpiActual
from pmqa4.reports.models import ResultsReport
from pmqa4.submissions.models import Submission
from pmqa4.submissions.selectors import step_panel

NOW = bangkok("2025-09-20 10:00")  # within FY2568, before step 4's and step 5's due dates


def plan_of(unit, cycle) -> ActionPlan:
    return ActionPlan.objects.get_or_create(unit=unit, cycle=cycle)[0]


def add_activity(unit, cycle, *, dimension=1, number=1, name="เผยแพร่ข้อมูลเปิด", kpis=()):
    activity = Activity.objects.create(
        action_plan=plan_of(unit, cycle),
        dimension=Dimension.objects.get(number=dimension),
        number=number,
        name=name,
        months=[1, 2, 3],
        responsible="กลุ่มแผนงาน",
    )
    activity.kpis.set(kpis)
    return activity


def add_kpi(unit, cycle, *, code="K1", name="ร้อยละของชุดข้อมูล", target="80", direction="higher"):
    kpi = KpiFactory(unit=unit, cycle=cycle, code=code, name=name)
    KpiSheetFactory(
        kpi=kpi, target=None if target is None else Decimal(target), direction=direction
    )
    return kpi


def add_actual(kpi, value, *, at=NOW, measured_on=dt.date(2025, 9, 1), cause="", remedy=""):
    return KpiActual.objects.create(
        kpi=kpi,
        value=Decimal(value),
        measured_on=measured_on,
        cause=cause,
        remedy=remedy,
        reported_at=at,
    )


def add_report(activity, **fields):
    return ResultsReport.objects.create(activity=activity, **fields)


def plan_with(unit, cycle, *, activities: int, kpis_each: int = 1):
    """``activities`` activities spread over the three dimensions, each with its KPIs, each KPI
    with two actuals (history), and every other activity with a report: the volume the
    query-count tests compare."""
    made = []
    for index in range(activities):
        kpis = []
        for k in range(kpis_each):
            kpi = add_kpi(unit, cycle, code=f"K{index + 1}-{k + 1}")
            add_actual(kpi, "60", at=bangkok("2025-06-01 09:00"), cause="ช้า", remedy="เร่ง")
            add_actual(kpi, "90")
            kpis.append(kpi)
        activity = add_activity(
            unit,
            cycle,
            dimension=index % 3 + 1,
            number=index // 3 + 1,
            name=f"กิจกรรมที่ {index + 1}",
            kpis=kpis,
        )
        if index % 2 == 0:
            add_report(activity, objective="เพื่อทดสอบ")
        made.append(activity)
    return made


def panel(user, unit, cycle, number, *, now=NOW):
    return step_panel(unit=unit, step=cycle.steps.get(number=number), actor=Actor(user), now=now)


def set_state(unit, cycle, number, state, *, at=NOW):
    """Put a step's submission in ``state`` directly (the workflow itself is not under test)."""
    submitted = None if state in ("draft", "awaiting_sign_off") else at
    return Submission.objects.update_or_create(
        unit=unit,
        step=cycle.steps.get(number=number),
        defaults={"state": state, "first_submitted_at": submitted, "last_submitted_at": submitted},
    )[0]
