"""One run of the reminders: what the command and the scheduled task both call.

It records today's reminders (a person already reminded of the same event is skipped), then
sends every delivery that is due: the new ones and earlier failures whose retry time has come.
A dry run records and sends nothing and says what a real run would do.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import delivery
from .models import Notification
from .notify import notify
from .reminders import Reminder, due_reminders, messages_for


@dataclass
class Planned:
    reminder: Reminder
    users: list  # the people this run tells (already told ones left out)


@dataclass
class RunReport:
    today: dt.date
    dry_run: bool
    planned: list[Planned] = field(default_factory=list)
    outcomes: list[delivery.Outcome] = field(default_factory=list)
    retries_due: int = 0  # dry run: earlier failures a real run would try again
    reminding: bool = True  # False before NOTIFY_REMINDER_HOUR: only retries

    @property
    def notified(self) -> int:
        return sum(len(p.users) for p in self.planned)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


def _untold(reminders: list[Reminder]) -> dict[str, set[int]]:
    """key → ids of the people already told of it (one query)."""
    told: dict[str, set[int]] = {}
    rows = Notification.objects.filter(key__in=[r.key for r in reminders]).values_list(
        "key", "recipient_id"
    )
    for key, user_id in rows:
        told.setdefault(key, set()).add(user_id)
    return told


def send_reminders(
    *, today: dt.date | None = None, now: dt.datetime | None = None, dry_run: bool = False
) -> RunReport:
    """Remind for ``today`` (Bangkok) and send what is due at ``now``. Without a ``today`` given,
    reminders wait for NOTIFY_REMINDER_HOUR (nobody's phone rings at midnight); retries do not."""
    now = now or timezone.now()
    if today is None:
        today = timezone.localdate(now)
        reminding = timezone.localtime(now).hour >= settings.NOTIFY_REMINDER_HOUR
    else:
        reminding = True  # a day given by hand is reminded whatever the hour
    report = RunReport(today=today, dry_run=dry_run, reminding=reminding)
    reminders = due_reminders(today) if reminding else []
    told = _untold(reminders)
    for reminder in reminders:
        already = told.get(reminder.key, set())
        users = [u for u in reminder.recipients if u.pk not in already]
        if users:
            report.planned.append(Planned(reminder, users))
    if dry_run:
        report.retries_due = delivery.due(now).filter(attempts__gt=0).count()
        return report
    for planned in report.planned:
        with transaction.atomic():
            for users, message in messages_for(planned.reminder):
                notify([u for u in users if u in planned.users], message, send=False)
    report.outcomes = delivery.deliver_due(now=now)
    return report
