"""Scoring a whole cycle from the database: the adapter's queries, the facts and the engine.

Usage, from the project root (PostgreSQL, as the issue asks; the URL names a database the
benchmark may create its own test database next to):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/score_bench.py [N]

Creates a throw-away test database, fills it with N synthetic units that each have a whole
year of work (roster, attendance at 10 meetings, plans with 5 KPIs and their sheets and
actuals, submissions with sign-offs, a report per activity), then times ``cycle_scores`` for
the cycle (best of 3) and prints units per second. The database is dropped afterwards.
"""

import datetime as dt
import os
import random
import sys
import time
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from pmqa4.core.fiscal import BANGKOK, end_of_day  # noqa: E402
from pmqa4.core.testing.factories import CycleFactory, UnitFactory, person  # noqa: E402
from pmqa4.framework.models import Dimension  # noqa: E402
from pmqa4.org.models import Role, Unit  # noqa: E402
from pmqa4.plans import models as plans  # noqa: E402
from pmqa4.reports.models import ResultsReport  # noqa: E402
from pmqa4.scoring.services import cycle_scores  # noqa: E402
from pmqa4.submissions import models as subs  # noqa: E402
from pmqa4.teams import models as teams  # noqa: E402

BATCH = 2000


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=BANGKOK)


def build(n: int, rng: random.Random):
    cycle = CycleFactory()
    steps = {s.number: s for s in cycle.steps.all()}
    dims = {d.number: d for d in Dimension.objects.all()}
    template = UnitFactory(code="BENCH-0")
    central = person(Role.CENTRAL_ADMIN, template)
    department = template.department
    meetings = teams.Meeting.objects.bulk_create(
        teams.Meeting(
            cycle=cycle,
            title=f"ประชุมครั้งที่ {i + 1}",
            held_on=dt.date(2024, 12, 20) + dt.timedelta(days=30 * i),
            starts_at=at(dt.date(2024, 12, 20) + dt.timedelta(days=30 * i), 9),
            ends_at=at(dt.date(2024, 12, 20) + dt.timedelta(days=30 * i), 12),
            checkin_token=f"bench-{i}",
        )
        for i in range(10)
    )
    units = Unit.objects.bulk_create(
        Unit(department=department, code=f"B{i:05d}", name_th=f"หน่วยงาน {i}", kind="division")
        for i in range(n)
    )
    create = lambda model, rows: model.objects.bulk_create(rows, batch_size=BATCH)  # noqa: E731
    rosters = create(teams.Roster, [teams.Roster(unit=u, cycle=cycle) for u in units])
    members = create(
        teams.TeamMember,
        [
            teams.TeamMember(
                roster=r, order=k, full_name=f"สมาชิก {k}", position="นักวิเคราะห์", phone="0 2232 1234"
            )
            for r in rosters
            for k in range(3)
        ],
    )
    create(
        teams.Attendance,
        [
            teams.Attendance(meeting=m, member=members[3 * i])
            for i in range(n)
            for m in meetings
            if rng.random() < 0.9
        ],
    )
    three_year = create(
        plans.ThreeYearPlan,
        [plans.ThreeYearPlan(unit=u, cycle=cycle, first_year=2568) for u in units],
    )
    action = create(plans.ActionPlan, [plans.ActionPlan(unit=u, cycle=cycle) for u in units])
    kpis = create(
        plans.Kpi,
        [
            plans.Kpi(unit=u, cycle=cycle, code=f"K{k}", name=f"ตัวชี้วัด {k}")
            for u in units
            for k in range(5)
        ],
    )
    create(
        plans.KpiSheet,
        [
            plans.KpiSheet(
                kpi=k,
                dimension=dims[1 + j % 3],
                unit_of_measure="ร้อยละ",
                calculation="ก ÷ ข × 100",
                definition="นิยาม",
                collection_method="รายงาน",
                collection_frequency="รายไตรมาส",
                data_source="ระบบ",
                supervisor_name="ผู้กำกับ",
                supervisor_phone="0 2232 1000",
                target=Decimal(80),
            )
            for j, k in enumerate(kpis)
        ],
    )
    create(
        plans.KpiActual,
        [
            plans.KpiActual(
                kpi=k,
                value=Decimal(rng.randint(55, 120)),
                measured_on=dt.date(2025, 9, 15),
                reported_at=at(dt.date(2025, 9, 16), 10),
            )
            for k in kpis
        ],
    )
    items = create(
        plans.PlanItem,
        [
            plans.PlanItem(plan=p, dimension=dims[d], number=1, name="รายการ", in_year1=True)
            for p in three_year
            for d in (1, 2, 3)
        ],
    )
    activities = create(
        plans.Activity,
        [
            plans.Activity(action_plan=a, dimension=dims[d], number=1, name="กิจกรรม", months=[1, 2])
            for a in action
            for d in (1, 2, 3)
        ],
    )
    create(
        plans.PlanItem.kpis.through,
        [
            plans.PlanItem.kpis.through(planitem=items[3 * i + j], kpi=kpis[5 * i + j])
            for i in range(n)
            for j in range(3)
        ],
    )
    create(
        plans.Activity.kpis.through,
        [
            plans.Activity.kpis.through(activity=activities[3 * i + j % 3], kpi=kpis[5 * i + j])
            for i in range(n)
            for j in range(5)
        ],
    )
    create(ResultsReport, [ResultsReport(activity=a, objective="วัตถุประสงค์") for a in activities])
    for number, day in (
        (1, dt.date(2024, 11, 28)),
        (3, dt.date(2025, 1, 30)),
        (4, dt.date(2025, 9, 22)),
    ):
        submissions = create(
            subs.Submission,
            [
                subs.Submission(
                    unit=u,
                    step=steps[number],
                    state="submitted",
                    first_submitted_at=at(day + dt.timedelta(days=rng.choice((0, 0, 0, 2))), 10),
                )
                for u in units
            ],
        )
        versions = create(
            subs.SubmissionVersion,
            [
                subs.SubmissionVersion(submission=s, number=1, snapshot={}, created_by=central)
                for s in submissions
            ],
        )
        create(
            subs.SubmissionEvent,
            [
                subs.SubmissionEvent(
                    submission=s,
                    kind="submitted",
                    at=s.first_submitted_at,
                    actor=central,
                    version=v,
                )
                for s, v in zip(submissions, versions, strict=True)
            ],
        )
        if number in (3, 4):
            create(
                subs.SignOff,
                [
                    subs.SignOff(
                        submission=s,
                        version=v,
                        executive=central,
                        signed_at=s.first_submitted_at,
                        signer_name="ผู้อำนวยการ",
                        signer_position="ผู้อำนวยการกอง",
                    )
                    for s, v in zip(submissions, versions, strict=True)
                ],
            )
    return cycle, units


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        cycle, units = build(n, random.Random(2568))
        print(f"built {n} units of synthetic data in {time.perf_counter() - started:.1f} s")
        as_of = end_of_day(dt.date(2025, 9, 30))
        best = None
        for _ in range(3):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                scores = cycle_scores(cycle, as_of=as_of, units=units)
                elapsed = time.perf_counter() - started
            best = elapsed if best is None else min(best, elapsed)
        years = sorted(Decimal(s.breakdown["year"]) for s in scores)
        print(
            f"score_cycle ({connection.vendor}): {len(scores)} units in {best:.2f} s = "
            f"{len(scores) / best:,.0f} units/s, {len(queries)} queries; "
            f"year scores {years[0]}–{years[-1]}"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
