"""Turns the demo scenarios into rows, idempotently: every row is found by its natural key."""

import datetime as dt
from decimal import Decimal

from pmqa4.core.fiscal import BANGKOK
from pmqa4.cycles.models import Cycle, Step
from pmqa4.framework.models import Dimension
from pmqa4.org.models import Role, RoleGrant, Unit, User
from pmqa4.plans.models import (
    ActionPlan,
    Activity,
    ActivityStep,
    Kpi,
    KpiActual,
    KpiBaseline,
    KpiSheet,
    KpiSheetStep,
    PlanItem,
    ThreeYearPlan,
)
from pmqa4.reports.models import ResultsReport
from pmqa4.scoring.models import ScoreKind, ScoreRecord
from pmqa4.scoring.services import scores_publish
from pmqa4.submissions.models import (
    EventKind,
    Finding,
    SignOff,
    State,
    Submission,
    SubmissionEvent,
    SubmissionVersion,
)
from pmqa4.submissions.snapshots import SNAPSHOTS
from pmqa4.teams.models import Attendance, Meeting, Roster, TeamMember

from .people import CENTRAL_LOGINS, DEMO_PASSWORD, EXECUTIVE_TITLES, FIRST_NAMES, LAST_NAMES
from .specs import Scenario, StepRun
from .units_content import report_fields


def build_login(username, *, title, first, last, position, unit, roles, granted_by=None) -> User:
    user, created = User.objects.update_or_create(
        username=username,
        defaults={
            "title": title,
            "first_name": first,
            "last_name": last,
            "position": position,
            "unit": unit,
            "email": f"{username.replace('.', '-')}@mol.mail.go.th",
            "is_active": True,
        },
    )
    if created:  # hashing is slow on purpose: only for new logins
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    for role in roles:
        RoleGrant.objects.get_or_create(
            user=user, unit=unit, role=role, defaults={"granted_by": granted_by}
        )
    return user


def build_central_logins(units: dict[str, Unit]) -> dict[str, User]:
    users = {}
    for username, title, first, last, position, code, roles in CENTRAL_LOGINS:
        users[username] = build_login(
            username,
            title=title,
            first=first,
            last=last,
            position=position,
            unit=units[code],
            roles=roles,
        )
    return users


def build_unit_logins(unit: Unit, index: int, granted_by: User) -> tuple[User, User]:
    """A coordinator and an executive for a demo unit: `<suffix>.coord` and `<suffix>.exec`."""
    suffix = unit.code.split("-", 1)[1].lower()
    title, first = FIRST_NAMES[(index * 7 + 2) % len(FIRST_NAMES)]
    coordinator = build_login(
        f"{suffix}.coord",
        title=title,
        first=first,
        last=LAST_NAMES[(index * 3 + 1) % len(LAST_NAMES)],
        position="นักวิเคราะห์นโยบายและแผนชำนาญการ",
        unit=unit,
        roles=[Role.COORDINATOR],
        granted_by=granted_by,
    )
    title, first = FIRST_NAMES[(index * 5 + 3) % len(FIRST_NAMES)]
    position = EXECUTIVE_TITLES[unit.kind].format(
        name=unit.name_th, province=unit.province.name_th if unit.province else ""
    )
    executive = build_login(
        f"{suffix}.exec",
        title=title,
        first=first,
        last=LAST_NAMES[(index * 11 + 4) % len(LAST_NAMES)],
        position=position,
        unit=unit,
        roles=[Role.EXECUTIVE],
        granted_by=granted_by,
    )
    return coordinator, executive


class UnitYearBuilder:
    """Writes one scenario of one unit into one cycle."""

    def __init__(self, *, cycle: Cycle, unit: Unit, scenario: Scenario, people: dict):
        self.cycle = cycle
        self.unit = unit
        self.scenario = scenario
        self.coordinator = people["coordinator"]
        self.executive = people["executive"]
        self.central = people["central"]
        self.evaluator = people["evaluator"]
        self.steps = {s.number: s for s in Step.objects.filter(cycle=cycle)}
        self.dimensions = {d.number: d for d in Dimension.objects.all()}

    def build(self) -> None:
        s = self.scenario
        if s.members:
            roster = self.build_roster()
            self.build_attendance(roster)
        if s.roster:
            self.build_submission(1, s.roster)
        if s.kpis:
            self.build_plans()
        if s.plans:
            self.build_submission(3, s.plans)
        if s.report:
            self.build_reports()
            self.build_submission(4, s.report)
        if s.actuals_reported_at:
            self.build_actuals()
            self.build_submission(5, StepRun(s.actuals_reported_at))

    # Step 1 and 2 -------------------------------------------------------------------------
    def build_roster(self) -> Roster:
        roster, _ = Roster.objects.get_or_create(unit=self.unit, cycle=self.cycle)
        for order, member in enumerate(self.scenario.members, start=1):
            TeamMember.objects.update_or_create(
                roster=roster,
                order=order,
                defaults={
                    "full_name": member.name,
                    "position": member.position,
                    "team_role": member.role,
                    "phone": member.phone,
                    "email": member.email,
                },
            )
        return roster

    def build_attendance(self, roster: Roster) -> None:
        first_member = roster.members.order_by("order").first()
        meetings = Meeting.objects.filter(cycle=self.cycle, held_on__in=self.scenario.attended)
        for meeting in meetings:
            Attendance.objects.get_or_create(
                meeting=meeting, member=first_member, defaults={"recorded_by": self.central}
            )

    # Step 3 -------------------------------------------------------------------------------
    def build_plans(self) -> None:
        s = self.scenario
        kpis = {spec.code: self.build_kpi(spec) for spec in s.kpis}
        plan, _ = ThreeYearPlan.objects.get_or_create(
            unit=self.unit, cycle=self.cycle, defaults={"first_year": self.cycle.plan_first_year}
        )
        for number, dimension, spec in self.numbered(s.form1):
            item, _ = PlanItem.objects.update_or_create(
                plan=plan,
                dimension=dimension,
                number=number,
                defaults={
                    "name": spec.name,
                    "in_year1": spec.years[0],
                    "in_year2": spec.years[1],
                    "in_year3": spec.years[2],
                },
            )
            item.kpis.set([kpis[code] for code in spec.kpis])
        action_plan, _ = ActionPlan.objects.get_or_create(unit=self.unit, cycle=self.cycle)
        for number, dimension, spec in self.numbered(s.form2):
            activity, _ = Activity.objects.update_or_create(
                action_plan=action_plan,
                dimension=dimension,
                number=number,
                defaults={
                    "name": spec.name,
                    "months": list(spec.months),
                    "responsible": spec.responsible,
                },
            )
            activity.kpis.set([kpis[code] for code in spec.kpis])
            for step_number, (name, months) in enumerate(spec.steps, start=1):
                ActivityStep.objects.update_or_create(
                    activity=activity,
                    number=step_number,
                    defaults={"name": name, "months": list(months)},
                )

    def numbered(self, specs):
        """Number rows within their dimension: 1.1, 1.2 … 2.1 … as on the official forms."""
        counters: dict[int, int] = {}
        for spec in specs:
            counters[spec.dimension] = counters.get(spec.dimension, 0) + 1
            yield counters[spec.dimension], self.dimensions[spec.dimension], spec

    def build_kpi(self, spec) -> Kpi:
        kpi, _ = Kpi.objects.update_or_create(
            unit=self.unit, cycle=self.cycle, code=spec.code, defaults={"name": spec.name}
        )
        if spec.sheet == "missing":
            return kpi
        complete = spec.sheet == "complete"
        sheet, _ = KpiSheet.objects.update_or_create(
            kpi=kpi,
            defaults={
                "dimension": self.dimensions[spec.dimension],
                "unit_of_measure": spec.unit_of_measure,
                "calculation": f"({spec.unit_of_measure}) นับจากข้อมูลผลการดำเนินงานสะสม"
                " ณ สิ้นไตรมาส เทียบกับค่าเป้าหมายของปี",
                "definition": "ตัวชี้วัดนี้วัดผลสำเร็จของแผนงานตามนิยามของหน่วยงาน" if complete else "",
                "collection_method": "รวบรวมจากรายงานผลการดำเนินงานของกลุ่มงานที่รับผิดชอบ",
                "collection_frequency": "รายไตรมาส" if complete else "",
                "data_source": "ระบบรายงานผลการดำเนินงานของหน่วยงาน",
                "supervisor_name": self.executive.display_name,
                "supervisor_phone": "0 2232 1400",
                "supervisor_email": self.executive.email,
                "collector_name": self.coordinator.display_name,
                "collector_phone": "0 2232 1401",
                "collector_email": self.coordinator.email,
                "target": Decimal(spec.target),
                "direction": spec.direction,
            },
        )
        base_year = self.cycle.fiscal_year - 3
        for offset, value in enumerate(spec.baseline):
            KpiBaseline.objects.update_or_create(
                sheet=sheet,
                fiscal_year=base_year + offset,
                defaults={"value": Decimal(value) if value is not None else None},
            )
        for number, (detail, evidence) in enumerate(
            [
                ("จัดทำแผนและกำหนดผู้รับผิดชอบ", "คำสั่งแต่งตั้งคณะทำงาน"),
                ("ดำเนินการตามแผนและเก็บข้อมูล", "รายงานความก้าวหน้ารายไตรมาส"),
                ("สรุปผลและรายงานผู้บริหาร", "บันทึกข้อความรายงานผล"),
            ],
            start=1,
        ):
            KpiSheetStep.objects.update_or_create(
                sheet=sheet, number=number, defaults={"detail": detail, "evidence": evidence}
            )
        return kpi

    # Step 4 and 5 -------------------------------------------------------------------------
    def build_reports(self) -> None:
        unit_wide = not any(k == "not_unit_wide" for k, _ in self.scenario.report.findings)
        reported = {spec.name for spec in self.scenario.form2 if spec.reported}
        activities = Activity.objects.filter(
            action_plan__unit=self.unit, action_plan__cycle=self.cycle, name__in=reported
        ).select_related("dimension")
        for activity in activities:
            ResultsReport.objects.update_or_create(
                activity=activity, defaults=report_fields(activity, unit_wide=unit_wide)
            )

    def build_actuals(self) -> None:
        reported_at = self.scenario.actuals_reported_at
        for spec in self.scenario.kpis:
            if spec.actual is None:
                continue
            kpi = Kpi.objects.get(unit=self.unit, cycle=self.cycle, code=spec.code)
            KpiActual.objects.update_or_create(
                kpi=kpi,
                reported_at=reported_at,
                defaults={
                    "value": Decimal(spec.actual),
                    "measured_on": reported_at.date() - dt.timedelta(days=1),
                    "note": "ผลสะสม ณ สิ้นปีงบประมาณ",
                    "cause": spec.cause,
                    "remedy": spec.remedy,
                    "reported_by": self.coordinator,
                },
            )

    # The workflow -------------------------------------------------------------------------
    def build_submission(self, step_number: int, run: StepRun) -> None:
        """The step's submission with its history; every version holds what the unit stores now,
        frozen as the workflow freezes it (submissions/snapshots.py)."""
        step = self.steps[step_number]
        submission, _ = Submission.objects.get_or_create(unit=self.unit, step=step)
        snapshot = SNAPSHOTS[step_number](self.unit, self.cycle)
        version = self.version(submission, 1, snapshot, run.submitted_at)
        needs_sign_off = submission.needs_sign_off
        state = State.DRAFT
        if run.awaiting_sign_off:
            self.event(submission, EventKind.SENT_FOR_SIGN_OFF, step.due_on, version)
            state = State.AWAITING_SIGN_OFF
        if run.submitted_at:
            self.submit(submission, version, run.submitted_at, EventKind.SUBMITTED, needs_sign_off)
            state = State.SUBMITTED
            submission.first_submitted_at = run.submitted_at
            submission.last_submitted_at = run.submitted_at
        for number, ret in enumerate(run.returns, start=2):
            self.event(
                submission,
                EventKind.RETURNED,
                ret.returned_at,
                version,
                actor=self.central,
                comment=ret.comment,
                correction_due=ret.correction_due,
            )
            state = State.RETURNED
            if ret.resubmitted_at:
                version = self.version(submission, number, snapshot, ret.resubmitted_at)
                kind = EventKind.RESUBMITTED
                self.submit(submission, version, ret.resubmitted_at, kind, needs_sign_off)
                state = State.RESUBMITTED
                submission.last_submitted_at = ret.resubmitted_at
        if run.accepted_at:
            self.event(submission, EventKind.ACCEPTED, run.accepted_at, version, actor=self.central)
            state = State.ACCEPTED
        for kind, note in run.findings:
            Finding.objects.update_or_create(
                submission=submission,
                kind=kind,
                recorded_at=run.submitted_at + dt.timedelta(days=3),
                defaults={"note": note, "recorded_by": self.evaluator},
            )
        submission.state = state
        submission.save()

    def version(self, submission, number, snapshot, at) -> SubmissionVersion:
        version, _ = SubmissionVersion.objects.update_or_create(
            submission=submission,
            number=number,
            defaults={"snapshot": snapshot, "created_by": self.coordinator},
        )
        if at is not None:  # made when it was sent, not when the demo was loaded
            SubmissionVersion.objects.filter(pk=version.pk).update(created_at=at)
        return version

    def submit(self, submission, version, at, kind, needs_sign_off) -> None:
        if needs_sign_off:
            self.event(submission, EventKind.SENT_FOR_SIGN_OFF, at - dt.timedelta(days=1), version)
            self.event(submission, EventKind.SIGNED_OFF, at, version, actor=self.executive)
            SignOff.objects.update_or_create(
                version=version,
                defaults={
                    "submission": submission,
                    "executive": self.executive,
                    "signed_at": at,
                    "signer_name": self.executive.display_name,
                    "signer_position": self.executive.position,
                },
            )
        self.event(submission, kind, at, version)

    def event(self, submission, kind, at, version, *, actor=None, comment="", correction_due=None):
        if isinstance(at, dt.date) and not isinstance(at, dt.datetime):
            at = dt.datetime.combine(at, dt.time(9, 0), tzinfo=self.steps[1].due_at.tzinfo)
        SubmissionEvent.objects.update_or_create(
            submission=submission,
            kind=kind,
            at=at,
            defaults={
                "actor": actor or self.coordinator,
                "version": version,
                "comment": comment,
                "correction_due": correction_due,
            },
        )


# FY2568 is over: the central group published its round 1 and its year (Bangkok times).
PUBLISHED = {
    2568: (
        (ScoreKind.ROUND1, dt.datetime(2025, 4, 3, 10, 0, tzinfo=BANGKOK)),
        (ScoreKind.YEAR, dt.datetime(2025, 10, 20, 10, 0, tzinfo=BANGKOK)),
    )
}


def publish_demo_scores(cycles: dict[int, Cycle], central: User) -> None:
    """Publish as the central administrator would have, so that the public pages, the API and
    the ministry summary have something to show; once (a second run finds the records)."""
    for year, publications in PUBLISHED.items():
        for kind, at in publications:
            if not ScoreRecord.objects.filter(cycle=cycles[year], kind=kind).exists():
                scores_publish(cycle=cycles[year], kind=kind, actor=central, now=at)
