import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from pmqa4.org.models import Role, RoleGrant, Unit

from .models import Attendance, Meeting, Roster, TeamMember, TeamRole


@dataclass(frozen=True)
class AttendanceRate:
    attended: int
    held: int
    threshold: Decimal = Decimal(85)

    @property
    def percent(self) -> Decimal | None:
        """None while no required meeting has been held: step 2 is not assessable yet."""
        if not self.held:
            return None
        return Decimal(self.attended) * 100 / Decimal(self.held)

    @property
    def reached(self) -> bool | None:
        """Step 2 passes at the cycle's threshold (SCORING.md); None while not assessable."""
        percent = self.percent
        return None if percent is None else percent >= self.threshold


def attendance_rates(cycle, *, on: dt.date, unit_ids=None) -> dict[int, AttendanceRate]:
    """Per unit: required meetings held by ``on`` at which one of its team was present.

    Two queries whatever the number of units: the meetings held, and the attended ones grouped
    by unit.
    """
    held = Meeting.objects.filter(cycle=cycle, required=True, held_on__lte=on).count()
    present = Attendance.objects.filter(
        meeting__cycle=cycle, meeting__required=True, meeting__held_on__lte=on
    )
    if unit_ids is not None:
        present = present.filter(member__roster__unit_id__in=unit_ids)
    rows = present.values("member__roster__unit_id").annotate(
        meetings=Count("meeting", distinct=True)
    )
    attended = {row["member__roster__unit_id"]: row["meetings"] for row in rows}
    ids = unit_ids if unit_ids is not None else attended.keys()
    threshold = cycle.attendance_threshold
    return {unit_id: AttendanceRate(attended.get(unit_id, 0), held, threshold) for unit_id in ids}


# ---- Step 1: the roster ------------------------------------------------------------------------


def roster_of(*, unit, cycle) -> Roster | None:
    """The unit's roster for the cycle, or None before its first member is saved."""
    return Roster.objects.filter(unit=unit, cycle=cycle).first()


def roster_members(*, unit, cycle) -> list[TeamMember]:
    """The team in the order of the printed roster (ลำดับ), in one query."""
    return list(
        TeamMember.objects.filter(roster__unit=unit, roster__cycle=cycle).order_by("order", "id")
    )


@dataclass(frozen=True)
class IncompleteMember:
    number: int
    member: TeamMember
    reasons: tuple[str, ...]


def incomplete_members(members: list[TeamMember]) -> list[IncompleteMember]:
    """Members that make step 1 incomplete (SCORING.md: a member without a position, or with
    neither phone nor e-mail, costs the step 0.05). Shown as a warning; saving is never refused."""
    rows = []
    for number, member in enumerate(members, start=1):
        if member.is_complete:
            continue
        reasons = []
        if not member.position.strip():
            reasons.append(_("ไม่มีตำแหน่ง"))
        if not (member.phone.strip() or member.email.strip()):
            reasons.append(_("ไม่มีทั้งโทรศัพท์และอีเมล"))
        rows.append(IncompleteMember(number, member, tuple(reasons)))
    return rows


def member_differences(member: TeamMember, values: dict) -> list[tuple[str, str, str]]:
    """(field label, value typed, value stored) where a refused edit differs from the stored
    member: what the editor needs to see after a stale save (409)."""
    roles = dict(TeamRole.choices)
    rows = []
    for name, typed in values.items():
        stored = getattr(member, name)
        if typed != stored:
            if name == "team_role":
                typed, stored = roles.get(typed, typed), roles.get(stored, stored)
            rows.append((str(TeamMember._meta.get_field(name).verbose_name), typed, stored))
    return rows


# ---- Step 2: meetings and attendance ----------------------------------------------------------


def meetings_of(cycle) -> list[Meeting]:
    """The cycle's meetings in date order, each with ``units_attended``: one query."""
    return list(
        Meeting.objects.filter(cycle=cycle)
        .annotate(units_attended=Count("attendances__member__roster__unit", distinct=True))
        .order_by("held_on", "starts_at", "id")
    )


def taking_part_units(query: str = ""):
    """Units that run the indicator this year, optionally those whose name or code matches."""
    units = Unit.objects.filter(takes_part=True, is_active=True)
    query = query.strip()
    if query:
        units = units.filter(
            Q(name_th__icontains=query) | Q(code__icontains=query) | Q(short_name__icontains=query)
        )
    return units.order_by("code")


@dataclass
class UnitTeam:
    unit: Unit
    members: list[TeamMember] = field(default_factory=list)
    present: int = 0


@dataclass(frozen=True)
class AttendanceSheet:
    """The central group's tick list for one meeting: every shown unit with its team."""

    teams: list[UnitTeam]
    methods: dict[int, str]  # member id → how the present ones were recorded

    @property
    def present_ids(self) -> frozenset[int]:
        return frozenset(self.methods)

    @property
    def shown_count(self) -> int:
        return sum(len(team.members) for team in self.teams)

    @property
    def present_count(self) -> int:
        return sum(team.present for team in self.teams)


def attendance_sheet(*, meeting: Meeting, query: str = "") -> AttendanceSheet:
    """Three queries for any number of units: the units, their teams, who is present."""
    units = list(taking_part_units(query))
    teams = {unit.pk: UnitTeam(unit) for unit in units}
    methods = dict(Attendance.objects.filter(meeting=meeting).values_list("member_id", "method"))
    members = TeamMember.objects.filter(
        roster__cycle_id=meeting.cycle_id, roster__unit_id__in=list(teams)
    ).select_related("roster")
    for member in members.order_by("order", "id"):
        member.present_method = methods.get(member.pk)  # None when not present
        team = teams[member.roster.unit_id]
        team.members.append(member)
        team.present += member.present_method is not None
    return AttendanceSheet(list(teams.values()), methods)


def eligible_member_ids(meeting: Meeting, member_ids) -> dict[int, int]:
    """member id → unit id for those of ``member_ids`` that may be recorded at this meeting:
    teams of taking-part units in the meeting's cycle (an id from another year or a made-up one
    is ignored)."""
    rows = TeamMember.objects.filter(
        pk__in=list(member_ids),
        roster__cycle_id=meeting.cycle_id,
        roster__unit__takes_part=True,
        roster__unit__is_active=True,
    ).values_list("pk", "roster__unit_id")
    return dict(rows)


def checkin_choices(*, meeting: Meeting, user) -> list[TeamMember]:
    """Whom this person may check in: themselves (a member linked to their account, or not yet
    linked but listed with their account's e-mail) and, for a unit coordinator, any member of
    their unit's team in the meeting's cycle."""
    if not user.is_authenticated:
        return []
    coordinated = RoleGrant.objects.filter(user=user, role=Role.COORDINATOR).values("unit_id")
    themselves = Q(user=user)
    if user.email:
        themselves |= Q(user__isnull=True, email__iexact=user.email)
    return list(
        TeamMember.objects.filter(roster__cycle_id=meeting.cycle_id)
        .filter(themselves | Q(roster__unit_id__in=coordinated))
        .select_related("roster__unit")
        .order_by("roster__unit__code", "order", "id")
    )


def present_member_ids(meeting: Meeting, members: list[TeamMember]) -> set[int]:
    return set(
        Attendance.objects.filter(meeting=meeting, member__in=members).values_list(
            "member_id", flat=True
        )
    )


@dataclass(frozen=True)
class UnitMeetingRow:
    meeting: Meeting
    present: list[TeamMember]


def unit_meeting_rows(*, unit, cycle) -> list[UnitMeetingRow]:
    """The cycle's meetings with the unit's members recorded at each: two queries."""
    present: dict[int, list[TeamMember]] = {}
    attendances = (
        Attendance.objects.filter(meeting__cycle=cycle, member__roster__unit=unit)
        .select_related("member")
        .order_by("member__order", "member_id")
    )
    for attendance in attendances:
        present.setdefault(attendance.meeting_id, []).append(attendance.member)
    meetings = Meeting.objects.filter(cycle=cycle).order_by("held_on", "starts_at", "id")
    return [UnitMeetingRow(meeting, present.get(meeting.pk, [])) for meeting in meetings]
