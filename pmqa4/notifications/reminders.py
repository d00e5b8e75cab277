"""Reminders before a step's due date to the units that have not submitted it.

A cycle's ``reminder_days`` (e.g. "7,1") are the days before the due date on which a unit's
coordinators and executives are reminded; each unit's own due date counts where it was granted
an extension. "Today" is the calendar day in Bangkok. A day the scheduled run missed is caught
up: a unit 5 days from its due date that never had its 7-day reminder gets it (once), and one
reminder per threshold is ever sent, whatever the number of runs.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pmqa4.core.thai import format_be_date
from pmqa4.cycles.models import Cycle, Step
from pmqa4.cycles.selectors import due_dates_for
from pmqa4.org.models import Role, RoleGrant, Unit
from pmqa4.submissions.models import State, Submission
from pmqa4.submissions.pages import step_page_url

from .models import Kind
from .notify import Message

# Step 2 is attendance at the central group's meetings: there is nothing for a unit to submit.
REMINDED_STEPS = frozenset({1, 3, 4, 5})
# Not yet submitted: no submission, a draft, or forms the executive has not signed yet.
NOT_SUBMITTED = frozenset({None, State.DRAFT, State.AWAITING_SIGN_OFF})
REMINDED_ROLES = (Role.COORDINATOR, Role.EXECUTIVE)


def reminder_days(cycle: Cycle) -> list[int]:
    """The cycle's reminder days, largest first (bad parts ignored: the form refuses them)."""
    days = set()
    for part in (cycle.reminder_days or "").split(","):
        part = part.strip()
        if part.isdigit():
            days.add(int(part))
    return sorted(days, reverse=True)


def threshold_for(days_left: int, days: list[int]) -> int | None:
    """The reminder a unit ``days_left`` from its due date is owed: the nearest threshold at or
    above it (7 for 7…2 days left with "7,1"), None before the first or after the due date."""
    if days_left < 0:
        return None
    owed = [d for d in days if d >= days_left]
    return min(owed) if owed else None


@dataclass
class Reminder:
    unit: Unit
    step: Step
    due_on: dt.date
    days_left: int
    threshold: int
    extended: bool
    state: str | None
    people: dict[str, list] = field(default_factory=dict)  # role → users

    @property
    def key(self) -> str:
        """The event: this unit, step, due date and threshold (a new due date is a new event)."""
        return f"reminder:{self.step.pk}:{self.unit.pk}:{self.due_on.isoformat()}:{self.threshold}"

    @property
    def recipients(self) -> list:
        seen, found = set(), []
        for users in self.people.values():
            for user in users:
                if user.pk not in seen:
                    seen.add(user.pk)
                    found.append(user)
        return found


def _cycles(today: dt.date):
    """Cycles with a due date (a step's or a unit's extension) still ahead."""
    return (
        Cycle.objects.filter(Q(steps__due_on__gte=today) | Q(steps__extensions__due_on__gte=today))
        .distinct()
        .prefetch_related("steps")
    )


def due_reminders(today: dt.date) -> list[Reminder]:
    """Every reminder owed on ``today``, with its recipients: a handful of queries whatever the
    number of units (cycles with steps, units, then per cycle extensions and submissions, and
    the role grants)."""
    units = list(Unit.objects.filter(takes_part=True, is_active=True).order_by("code"))
    found: list[Reminder] = []
    for cycle in _cycles(today):
        days = reminder_days(cycle)
        steps = [s for s in cycle.steps.all() if s.number in REMINDED_STEPS]
        if not days or not steps:
            continue
        extensions = due_dates_for(cycle)
        states = dict(
            ((unit_id, step_id), state)
            for unit_id, step_id, state in Submission.objects.filter(step__cycle=cycle).values_list(
                "unit_id", "step_id", "state"
            )
        )
        for step in sorted(steps, key=lambda s: s.number):
            for unit in units:
                due_on = extensions.get((unit.pk, step.number), step.due_on)
                days_left = (due_on - today).days
                threshold = threshold_for(days_left, days)
                state = states.get((unit.pk, step.pk))
                if threshold is None or state not in NOT_SUBMITTED:
                    continue
                found.append(
                    Reminder(unit, step, due_on, days_left, threshold, due_on != step.due_on, state)
                )
    _add_people(found)
    return [r for r in found if r.recipients]


def _add_people(reminders: list[Reminder]) -> None:
    unit_ids = {r.unit.pk for r in reminders}
    people: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    grants = (
        RoleGrant.objects.filter(
            unit_id__in=unit_ids, role__in=REMINDED_ROLES, user__is_active=True
        )
        .select_related("user")
        .order_by("role", "user__username")
    )
    for grant in grants:
        people[grant.unit_id][grant.role].append(grant.user)
    for reminder in reminders:
        reminder.people = {role: list(users) for role, users in people[reminder.unit.pk].items()}


def _when(days_left: int) -> str:
    if days_left == 0:
        return _("ครบกำหนดส่งวันนี้")
    if days_left == 1:
        return _("ครบกำหนดส่งพรุ่งนี้")
    return _("ครบกำหนดส่งในอีก %(days)s วัน") % {"days": days_left}


STATE_TEXT = {
    None: gettext_lazy("ยังไม่เริ่ม"),
    State.DRAFT: gettext_lazy("ร่าง ยังไม่ได้ส่ง"),
    State.AWAITING_SIGN_OFF: gettext_lazy("รอผู้บริหารลงนาม (ยังไม่นับว่าส่ง)"),
}


def messages_for(reminder: Reminder) -> list[tuple[list, Message]]:
    """(recipients, message) pairs: the executives of a step waiting for their signature get
    the page where they sign, everyone else the step's page."""
    step, unit = reminder.step, reminder.unit
    fiscal_year = step.cycle.fiscal_year
    with translation.override(settings.LANGUAGE_CODE):
        about = {
            "step": step.get_number_display(),
            "when": _when(reminder.days_left),
            "unit": unit.name_th,
            "date": format_be_date(reminder.due_on, "long"),
        }
        lines = [
            _("%(unit)s ยังไม่ได้ส่ง %(step)s") % about,
            _("กำหนดส่ง: %(date)s ภายในเวลา 23:59 น.") % about,
            _("สถานะปัจจุบัน: %(state)s") % {"state": str(STATE_TEXT[reminder.state])},
        ]
        if reminder.extended:
            lines.append(_("(กำหนดส่งนี้เป็นวันที่ขยายให้หน่วยงานของท่านเป็นการเฉพาะ)"))
        base = {
            "kind": Kind.REMINDER,
            "key": reminder.key,
            "title": _("เตือน: %(step)s %(when)s") % about,
            "body": "\n".join(lines),
        }
        step_page = step_page_url(unit, fiscal_year, step.number)
        if reminder.state == State.AWAITING_SIGN_OFF:
            sign_page = reverse(
                "submissions:sign",
                kwargs={"code": unit.code, "year": fiscal_year, "step": step.number},
            )
            executives = reminder.people.get(Role.EXECUTIVE, [])
            others = [u for u in reminder.recipients if u not in executives]
            return [
                (executives, Message(**base, link=sign_page)),
                (others, Message(**base, link=step_page)),
            ]
    return [(reminder.recipients, Message(**base, link=step_page))]
