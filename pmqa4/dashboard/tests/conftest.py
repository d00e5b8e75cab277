"""A small world in which every dashboard status occurs, seen on 15 January 2025 (step 1 is
past its due date of 29 November 2024, step 3 is due on 31 January 2025)."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from pmqa4.core.testing.factories import (
    AttendanceFactory,
    KpiFactory,
    KpiSheetFactory,
    MeetingFactory,
    RosterFactory,
    SubmissionFactory,
    TeamMemberFactory,
    UnitFactory,
    bangkok,
)
from pmqa4.cycles.models import StepExtension
from pmqa4.framework.models import Dimension
from pmqa4.org.models import Province, UnitKind
from pmqa4.plans.models import ActionPlan, Activity, KpiActual, PlanItem, ThreeYearPlan
from pmqa4.submissions.models import State

NOW = bangkok("2025-01-15 10:00")


@pytest.fixture
def frozen(monkeypatch):
    """timezone.now() (and so localdate()) is 15 January 2025, 10:00 in Bangkok."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


def _submit(unit, step, state, at=None):
    return SubmissionFactory(
        unit=unit,
        step=step,
        state=state,
        first_submitted_at=bangkok(at) if at else None,
        last_submitted_at=bangkok(at) if at else None,
    )


def provincial(code, province_code, name):
    return UnitFactory(
        code=code,
        name_th=name,
        kind=UnitKind.PROVINCIAL_OFFICE,
        province=Province.objects.get(code=province_code),
    )


@pytest.fixture
def world(cast, cycle, frozen):
    """Five units; each status of step 1 and step 3 in at least one of them:

    OPS-AAA  step 1 on time            step 3 draft             attended 2/2
    OPS-BBB  step 1 late               step 3 awaiting sign-off attended 1/2
    PLO-CNX  step 1 overdue (nothing)  step 3 not started       attended 0/2
    PLO-KKN  step 1 returned           step 3 submitted on time attended 2/2
    CTR-001  step 1 accepted, first sent late; step 3 extended to 28 Feb 2025, not started
    """
    step1 = cycle.steps.get(number=1)
    step3 = cycle.steps.get(number=3)
    cnx = provincial("PLO-CNX", "CNX", "สำนักงานแรงงานจังหวัดเชียงใหม่")
    kkn = provincial("PLO-KKN", "KKN", "สำนักงานแรงงานจังหวัดขอนแก่น")
    centre = UnitFactory(code="CTR-001", name_th="ศูนย์ทดสอบระบบ", kind=UnitKind.CENTER)
    a, b = cast.unit_a, cast.unit_b
    subs = SimpleNamespace(
        a1=_submit(a, step1, State.SUBMITTED, "2024-11-28 10:00"),
        a3=_submit(a, step3, State.DRAFT),
        b1=_submit(b, step1, State.SUBMITTED, "2024-12-03 09:00"),
        b3=_submit(b, step3, State.AWAITING_SIGN_OFF),
        kkn1=_submit(kkn, step1, State.RETURNED, "2024-11-27 15:00"),
        kkn3=_submit(kkn, step3, State.SUBMITTED, "2025-01-10 11:00"),
        c1=_submit(centre, step1, State.ACCEPTED, "2024-12-05 08:30"),
    )
    StepExtension.objects.create(
        step=step3,
        unit=centre,
        due_on=dt.date(2025, 2, 28),
        reason="ย้ายที่ทำการ",
        granted_by=cast.central,
    )
    meetings = [
        MeetingFactory(cycle=cycle, held_on=dt.date(2024, 12, 20)),
        MeetingFactory(cycle=cycle, held_on=dt.date(2025, 1, 10)),
        MeetingFactory(cycle=cycle, held_on=dt.date(2025, 3, 10)),  # not held yet
    ]
    for unit, attended in ((a, 2), (b, 1), (cnx, 0), (kkn, 2), (centre, 0)):
        member = TeamMemberFactory(roster=RosterFactory(unit=unit, cycle=cycle))
        for meeting in meetings[:attended]:
            AttendanceFactory(meeting=meeting, member=member)
    _plans(cycle, a, dimensions=(1, 2, 3), actuals=(Decimal(90), Decimal(40)))
    _plans(cycle, kkn, dimensions=(1,), actuals=(Decimal(100), None))
    return SimpleNamespace(
        cast=cast, cycle=cycle, cnx=cnx, kkn=kkn, centre=centre, subs=subs, meetings=meetings
    )


def _plans(cycle, unit, *, dimensions, actuals):
    """Form 1 and Form 2 rows in ``dimensions``; a KPI (target 80) per actual."""
    plan = ThreeYearPlan.objects.create(unit=unit, cycle=cycle, first_year=2568)
    action = ActionPlan.objects.create(unit=unit, cycle=cycle)
    for number in dimensions:
        dimension = Dimension.objects.get(number=number)
        PlanItem.objects.create(plan=plan, dimension=dimension, number=1, name="แผน")
        Activity.objects.create(
            action_plan=action, dimension=dimension, number=1, name="กิจกรรม", months=[1]
        )
    for value in actuals:
        sheet = KpiSheetFactory(kpi=KpiFactory(unit=unit, cycle=cycle), target=Decimal(80))
        if value is not None:
            KpiActual.objects.create(
                kpi=sheet.kpi,
                value=value,
                measured_on=dt.date(2025, 1, 5),
                reported_at=bangkok("2025-01-05 10:00"),
            )
