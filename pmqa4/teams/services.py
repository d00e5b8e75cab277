"""Writing steps 1 and 2: the roster, the central group's meetings, and who attended.

Every service checks its precondition and writes in one transaction; the audit trail records each
row (pmqa4.core.audit). Roster saves claim the roster's version first (optimistic locking), so two
coordinators editing the same team never overwrite each other silently.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from pmqa4.core.errors import WorkflowError
from pmqa4.core.fiscal import BANGKOK
from pmqa4.core.locking import claim_version
from pmqa4.core.thai import format_be_date, format_be_datetime
from pmqa4.cycles.models import Cycle
from pmqa4.org.models import Unit, User
from pmqa4.submissions.models import State, Submission

from .models import Attendance, AttendanceMethod, Meeting, Roster, TeamMember
from .phones import PhoneError, format_phone
from .selectors import checkin_choices, eligible_member_ids

MEMBER_FIELDS = ("full_name", "position", "team_role", "phone", "email")
ROSTER_EDITABLE = (State.DRAFT, State.RETURNED)
# Check-in opens half an hour before a meeting starts (people arrive early to sign in) and closes
# when it ends: attendance is claimed in the room, not afterwards.
CHECKIN_OPENS_BEFORE = dt.timedelta(minutes=30)


# ---- Step 1: the roster ------------------------------------------------------------------------


def _ensure_roster_editable(unit_id: int, cycle_id: int) -> None:
    """A submitted roster changes only after the central group returns it (PROCESS.md)."""
    submission = (
        Submission.objects.select_for_update()
        .filter(unit_id=unit_id, step__cycle_id=cycle_id, step__number=1)
        .first()
    )
    if submission is not None and submission.state not in ROSTER_EDITABLE:
        raise WorkflowError(
            _(
                "ขั้นตอนที่ ๑ ส่งแล้ว จึงแก้ไขรายชื่อทีมงานไม่ได้ "
                "หากต้องแก้ไข กรุณาติดต่อกลุ่มพัฒนาระบบบริหารเพื่อส่งกลับให้แก้ไข"
            )
        )


def _member_values(fields: dict) -> dict:
    values = {name: str(fields.get(name) or "").strip() for name in MEMBER_FIELDS}
    values["full_name"] = " ".join(values["full_name"].split())
    try:
        values["phone"] = format_phone(values["phone"])
    except PhoneError as error:
        raise ValidationError({"phone": error.message}) from None
    return values


def _save(member: TeamMember) -> TeamMember:
    member.full_clean(exclude=["roster", "user"])
    member.save()
    return member


@transaction.atomic
def roster_member_add(
    *, unit: Unit, cycle: Cycle, actor: User, version: int, fields: dict
) -> TeamMember:
    """Adds a member at the end of the roster; the roster row is created on first use."""
    _ensure_roster_editable(unit.pk, cycle.pk)
    values = _member_values(fields)
    roster, _created = Roster.objects.get_or_create(unit=unit, cycle=cycle)
    claim_version(roster, version)
    last = roster.members.aggregate(last=Max("order"))["last"] or 0
    return _save(TeamMember(roster=roster, order=last + 1, **values))


@transaction.atomic
def roster_member_update(
    *, member: TeamMember, actor: User, version: int, fields: dict
) -> TeamMember:
    roster = member.roster
    _ensure_roster_editable(roster.unit_id, roster.cycle_id)
    values = _member_values(fields)
    claim_version(roster, version)
    for name, value in values.items():
        setattr(member, name, value)
    return _save(member)


@transaction.atomic
def roster_member_remove(*, member: TeamMember, actor: User, version: int) -> None:
    """Removes a member and their attendance records (they were never on this team)."""
    roster = member.roster
    _ensure_roster_editable(roster.unit_id, roster.cycle_id)
    claim_version(roster, version)
    member.delete()


# ---- Step 2: meetings ---------------------------------------------------------------------------


def held_on_refusal(cycle: Cycle, day: dt.date) -> str | None:
    """A meeting counts for the cycle's step 2 only if it is held within the fiscal year."""
    if cycle.contains(day):
        return None
    return _("วันที่จัดต้องอยู่ในปีงบประมาณ พ.ศ. %(year)s (%(first)s – %(last)s)") % {
        "year": cycle.fiscal_year,
        "first": format_be_date(cycle.starts_on, "short"),
        "last": format_be_date(cycle.ends_on, "short"),
    }


def _apply_meeting(meeting: Meeting, cycle: Cycle, fields: dict) -> Meeting:
    held_on = fields["held_on"]
    refusal = held_on_refusal(cycle, held_on)
    if refusal:
        raise ValidationError({"held_on": refusal})
    meeting.title = fields["title"]
    meeting.kind = fields["kind"]
    meeting.held_on = held_on
    meeting.starts_at = dt.datetime.combine(held_on, fields["starts_time"], tzinfo=BANGKOK)
    meeting.ends_at = dt.datetime.combine(held_on, fields["ends_time"], tzinfo=BANGKOK)
    meeting.location = fields["location"]
    meeting.required = fields["required"]
    meeting.full_clean(exclude=["cycle", "checkin_token"])
    meeting.save()
    return meeting


@transaction.atomic
def meeting_create(*, cycle: Cycle, actor: User, fields: dict) -> Meeting:
    return _apply_meeting(Meeting(cycle=cycle), cycle, fields)


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, actor: User, fields: dict, version: int | None = None
) -> Meeting:
    """``version`` is the one the edit page was loaded at: a save in between raises StaleEdit
    and writes nothing."""
    if version is not None:
        claim_version(meeting, version)
    return _apply_meeting(meeting, meeting.cycle, fields)


# ---- Step 2: attendance -------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceChange:
    added: int
    removed: int


@transaction.atomic
def attendance_record(
    *,
    meeting: Meeting,
    actor: User,
    shown_ids: set[int],
    present_ids: set[int],
    was_present_ids: set[int],
    whole_unit_ids: set[int] = frozenset(),
) -> AttendanceChange:
    """The central group's tick list for the members it was shown.

    A tick adds the member (``whole_unit_ids``: every shown member of those units); an untick
    removes only a record that was ticked when the list was loaded, so a self check-in made while
    the list was open is never lost. Saving the same list twice changes nothing the second time.
    """
    units = eligible_member_ids(meeting, shown_ids)
    shown = set(units)
    present = {pk for pk in shown if pk in present_ids or units[pk] in whole_unit_ids}
    was = was_present_ids & shown
    stored = set(
        Attendance.objects.filter(meeting=meeting, member_id__in=shown).values_list(
            "member_id", flat=True
        )
    )
    added = 0
    for member_id in sorted(present - stored):
        _row, created = Attendance.objects.get_or_create(
            meeting=meeting,
            member_id=member_id,
            defaults={"method": AttendanceMethod.RECORDED, "recorded_by": actor},
        )
        added += created
    gone = Attendance.objects.filter(meeting=meeting, member_id__in=(was - present) & stored)
    removed = 0
    for attendance in gone:  # one by one, so the audit trail records each removal
        attendance.delete()
        removed += 1
    return AttendanceChange(added, removed)


def checkin_window(meeting: Meeting) -> tuple[dt.datetime, dt.datetime]:
    return meeting.starts_at - CHECKIN_OPENS_BEFORE, meeting.ends_at


def checkin_refusal(meeting: Meeting, now: dt.datetime) -> str | None:
    """Why check-in is closed at ``now`` (both edges of the window are open), else None."""
    opens, closes = checkin_window(meeting)
    if now < opens:
        return _("ยังไม่เปิดให้ลงชื่อ เปิดให้ลงชื่อตั้งแต่ %(when)s") % {"when": format_be_datetime(opens)}
    if now > closes:
        return _("ปิดรับการลงชื่อแล้ว เมื่อ %(when)s") % {"when": format_be_datetime(closes)}
    return None


@transaction.atomic
def attendance_check_in(
    *, meeting: Meeting, actor: User, member_ids: set[int], now: dt.datetime
) -> int:
    """Members mark themselves present at the meeting (method "checkin"); returns how many were
    newly recorded. Checking in twice changes nothing."""
    refusal = checkin_refusal(meeting, now)
    if refusal:
        raise WorkflowError(refusal)
    allowed = {member.pk: member for member in checkin_choices(meeting=meeting, user=actor)}
    if not member_ids:
        raise WorkflowError(_("กรุณาเลือกผู้เข้าร่วมอย่างน้อย ๑ คน"))
    if not member_ids <= set(allowed):
        raise WorkflowError(_("ท่านลงชื่อแทนได้เฉพาะสมาชิกทีมงานของหน่วยงานของท่าน"))
    created = 0
    for member_id in sorted(member_ids):
        _row, new = Attendance.objects.get_or_create(
            meeting=meeting,
            member=allowed[member_id],
            defaults={"method": AttendanceMethod.CHECKIN, "recorded_by": actor},
        )
        created += new
    return created
