"""Many units with a year of work each, written with bulk_create: for the query-count tests
(90 and 900 units) and bench/dashboard_bench.py. Every status of the matrix occurs."""

import datetime as dt
import random
from decimal import Decimal

from pmqa4.core.fiscal import BANGKOK
from pmqa4.cycles.models import StepExtension
from pmqa4.framework.models import Dimension
from pmqa4.org.models import Department, Ministry, Province, Unit, UnitKind
from pmqa4.plans import models as plans
from pmqa4.scoring.models import ScoreKind, ScoreRecord
from pmqa4.submissions.models import State, Submission
from pmqa4.teams.models import Attendance, Meeting, Roster, TeamMember

BATCH = 2000
KINDS = (UnitKind.DIVISION, UnitKind.BUREAU, UnitKind.CENTER, UnitKind.GROUP)
# (state, days after the due date of the first submission; None: never submitted)
OUTCOMES = (
    (State.SUBMITTED, -2),
    (State.SUBMITTED, -1),
    (State.SUBMITTED, 3),
    (State.ACCEPTED, -5),
    (State.ACCEPTED, 4),
    (State.RETURNED, -1),
    (State.RESUBMITTED, 1),
    (State.DRAFT, None),
    (State.AWAITING_SIGN_OFF, None),
    (None, None),
)


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=BANGKOK)


def populate(cycle, n: int, *, actor, rng: random.Random, prefix="G", published=False):
    """``n`` taking-part units with rosters, attendance, plans, KPIs and submissions of steps
    1, 3 and 4 in every state; a tenth are provincial offices. Returns the units."""
    create = lambda model, rows: model.objects.bulk_create(rows, batch_size=BATCH)  # noqa: E731
    ministry, _ = Ministry.objects.get_or_create(name_th="กระทรวงแรงงาน")
    department, _ = Department.objects.get_or_create(
        ministry=ministry, name_th="สำนักงานปลัดกระทรวงแรงงาน"
    )
    provinces = list(Province.objects.order_by("code"))
    used = set(Unit.objects.filter(province__isnull=False).values_list("province_id", flat=True))
    free = [p for p in provinces if p.pk not in used]
    units = []
    for i in range(n):
        if i % 10 == 9 and free:
            kind, province = UnitKind.PROVINCIAL_OFFICE, free.pop()
        else:
            kind, province = KINDS[i % len(KINDS)], None
        units.append(
            Unit(
                department=department,
                code=f"{prefix}{i:05d}",
                name_th=f"หน่วยงานทดสอบที่ {i}",
                kind=kind,
                province=province,
            )
        )
    units = create(Unit, units)
    steps = {s.number: s for s in cycle.steps.all()}
    dims = {d.number: d for d in Dimension.objects.all()}
    meetings = list(Meeting.objects.filter(cycle=cycle, required=True)) or create(
        Meeting,
        [
            Meeting(
                cycle=cycle,
                title=f"ประชุมครั้งที่ {k + 1}",
                held_on=cycle.starts_on + dt.timedelta(days=60 + 45 * k),
                starts_at=at(cycle.starts_on + dt.timedelta(days=60 + 45 * k), 9),
                ends_at=at(cycle.starts_on + dt.timedelta(days=60 + 45 * k), 12),
                checkin_token=f"{prefix}-{cycle.fiscal_year}-{k}",
            )
            for k in range(6)
        ],
    )
    rosters = create(Roster, [Roster(unit=u, cycle=cycle) for u in units])
    members = create(
        TeamMember,
        [
            TeamMember(roster=r, order=k, full_name=f"สมาชิก {k}", position="นักวิเคราะห์")
            for r in rosters
            for k in range(2)
        ],
    )
    create(
        Attendance,
        [
            Attendance(meeting=m, member=members[2 * i])
            for i in range(n)
            for m in meetings
            if rng.random() < 0.85
        ],
    )
    three_year = create(
        plans.ThreeYearPlan,
        [plans.ThreeYearPlan(unit=u, cycle=cycle, first_year=cycle.plan_first_year) for u in units],
    )
    action = create(plans.ActionPlan, [plans.ActionPlan(unit=u, cycle=cycle) for u in units])
    create(
        plans.PlanItem,
        [
            plans.PlanItem(plan=p, dimension=dims[d], number=1, name="แผน", in_year1=True)
            for p in three_year
            for d in (1, 2, 3)
        ],
    )
    create(
        plans.Activity,
        [
            plans.Activity(action_plan=a, dimension=dims[d], number=1, name="กิจกรรม", months=[1])
            for i, a in enumerate(action)
            for d in (1, 2, 3)
            if d != 3 or i % 4
        ],
    )
    kpis = create(
        plans.Kpi,
        [
            plans.Kpi(unit=u, cycle=cycle, code=f"K{k}", name=f"ตัวชี้วัด {k}")
            for u in units
            for k in range(3)
        ],
    )
    create(
        plans.KpiSheet,
        [plans.KpiSheet(kpi=k, dimension=dims[1], target=Decimal(80)) for k in kpis],
    )
    create(
        plans.KpiActual,
        [
            plans.KpiActual(
                kpi=k,
                value=Decimal(rng.randint(30, 110)),
                measured_on=cycle.starts_on + dt.timedelta(days=300),
                reported_at=at(cycle.starts_on + dt.timedelta(days=300)),
            )
            for k in kpis
            if rng.random() < 0.8
        ],
    )
    rows = []
    for i, unit in enumerate(units):
        for number in (1, 3, 4):
            state, offset = OUTCOMES[(i + number) % len(OUTCOMES)]
            if state is None:
                continue
            first = (
                at(steps[number].due_on + dt.timedelta(days=offset)) if offset is not None else None
            )
            rows.append(
                Submission(
                    unit=unit,
                    step=steps[number],
                    state=state,
                    first_submitted_at=first,
                    last_submitted_at=first,
                )
            )
    create(Submission, rows)
    create(
        StepExtension,
        [
            StepExtension(
                step=steps[3],
                unit=u,
                due_on=steps[3].due_on + dt.timedelta(days=14),
                reason="พื้นที่ห่างไกล",
                granted_by=actor,
            )
            for u in units[::15]
        ],
    )
    if published:
        create(
            ScoreRecord,
            [
                ScoreRecord(
                    unit=u,
                    cycle=cycle,
                    kind=ScoreKind.YEAR,
                    as_of=at(cycle.ends_on),
                    round1=Decimal(rng.randint(150, 300)) / 100,
                    year=Decimal(rng.randint(200, 500)) / 100,
                    facts={},
                    breakdown={},
                    published_at=at(cycle.ends_on),
                    published_by=actor,
                )
                for u in units
            ],
        )
    return units
