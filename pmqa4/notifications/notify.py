"""Telling people something: the in-app notification and its e-mail and LINE deliveries.

``notify`` is the one way in (reminders, workflow notices, and any other part of the project
that has news for someone). It writes the rows in the caller's transaction, so a notice exists
exactly when the change it tells of was saved, and hands the deliveries to the sender once that
transaction commits. A person already told of an event key is not told again.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction

from .models import Channel, Delivery, Notification, Preference

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    """What to tell: ``key`` names the event (the same key is never told twice to a person),
    ``link`` is a path of this site (e-mail and LINE get it with SITE_URL in front)."""

    kind: str
    key: str
    title: str
    body: str
    link: str = ""


def channels_for(user, preference: Preference | None) -> list[tuple[str, str]]:
    """(channel, address) to send to: e-mail unless switched off, LINE when the system has it on
    and the person switched it on and gave a LINE user ID."""
    wants_email = preference.email if preference else True
    wants_line = preference.line if preference else False
    found = []
    if wants_email and user.email.strip():
        found.append((Channel.EMAIL, user.email.strip()))
    if settings.LINE_ENABLED and wants_line and user.line_user_id:
        found.append((Channel.LINE, user.line_user_id))
    return found


def _unique_active(users) -> list:
    seen, found = set(), []
    for user in users:
        if user.pk not in seen and user.is_active:
            seen.add(user.pk)
            found.append(user)
    return found


def _create(users, message: Message) -> list[Notification]:
    rows = [
        Notification(
            recipient=user,
            kind=message.kind,
            key=message.key,
            title=message.title[:200],
            body=message.body,
            link=message.link,
        )
        for user in users
    ]
    try:
        with transaction.atomic():
            return Notification.objects.bulk_create(rows)
    except IntegrityError:
        # Someone else told some of them at the same moment: keep only the ones still untold.
        created = []
        for row in rows:
            try:
                with transaction.atomic():
                    row.save()
            except IntegrityError:
                continue
            created.append(row)
        return created


def notify(users, message: Message, *, send: bool | None = None) -> list[Notification]:
    """Notify each active person in ``users`` who has not had ``message.key``; the new
    notifications. Their deliveries go out after the transaction commits when ``send`` (by
    default NOTIFY_SEND_IMMEDIATELY), else at the next send_reminders run."""
    users = _unique_active(users)
    if not users:
        return []
    told = set(
        Notification.objects.filter(key=message.key, recipient__in=users).values_list(
            "recipient_id", flat=True
        )
    )
    untold = [user for user in users if user.pk not in told]
    if not untold:
        return []
    created = _create(untold, message)
    preferences = {p.user_id: p for p in Preference.objects.filter(user__in=untold)}
    deliveries = [
        Delivery(notification=notification, channel=channel, address=address)
        for notification in created
        for channel, address in channels_for(
            notification.recipient, preferences.get(notification.recipient_id)
        )
    ]
    Delivery.objects.bulk_create(deliveries)
    if send is None:
        send = settings.NOTIFY_SEND_IMMEDIATELY
    if send and deliveries:
        ids = [d.pk for d in deliveries]
        transaction.on_commit(lambda: _send_now(ids), robust=True)
    return created


def _send_now(ids: list[int]) -> None:
    from .delivery import deliver_due

    deliver_due(ids=ids)
