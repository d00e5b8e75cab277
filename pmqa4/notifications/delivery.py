"""Sending the deliveries: claim, send, record; a failure is logged and tried again later.

Each delivery is claimed with one conditional UPDATE (pending, due, the attempt count we read),
so two runs at once (the scheduled run and a notice sent as a change is saved) never both send
it. A failed attempt waits NOTIFY_RETRY_MINUTES × 2^(attempt−1) before the next (capped at a
day); after NOTIFY_MAX_ATTEMPTS attempts, or an answer that another try will not change, the
delivery is marked failed with its error, where the central administrator sees it (admin).
"""

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from . import line, mail
from .models import Channel, Delivery, DeliveryStatus

log = logging.getLogger(__name__)
MAX_WAIT = dt.timedelta(days=1)


class Refused(Exception):
    """A send that no retry can make work (e.g. LINE switched off since it was queued)."""


def retry_delay(attempts: int) -> dt.timedelta:
    """How long to wait after the ``attempts``-th failed attempt: doubling, at most a day."""
    minutes = settings.NOTIFY_RETRY_MINUTES * 2 ** max(attempts - 1, 0)
    return min(dt.timedelta(minutes=minutes), MAX_WAIT)


@dataclass(frozen=True)
class Outcome:
    delivery: Delivery
    status: str  # DeliveryStatus, after this attempt
    error: str = ""

    @property
    def will_retry(self) -> bool:
        return self.status == DeliveryStatus.PENDING


def due(now: dt.datetime):
    """Pending deliveries whose (next) attempt is due."""
    return Delivery.objects.filter(status=DeliveryStatus.PENDING).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )


def _claim(delivery: Delivery, now: dt.datetime) -> bool:
    """Take the delivery for this attempt; False when another run has it or it moved on. Until
    this attempt is recorded it is not due again (if the process dies, after the back-off)."""
    claimed = (
        due(now)
        .filter(pk=delivery.pk, attempts=delivery.attempts)
        .update(
            attempts=F("attempts") + 1, next_attempt_at=now + retry_delay(delivery.attempts + 1)
        )
    )
    if claimed:
        delivery.attempts += 1
    return bool(claimed)


def _send(delivery: Delivery) -> None:
    notification = delivery.notification
    if delivery.channel == Channel.EMAIL:
        mail.build(notification, delivery.address).send(fail_silently=False)
    elif delivery.channel == Channel.LINE:
        if not settings.LINE_ENABLED:
            raise Refused("LINE_ENABLED is off: LINE messages are not sent")
        line.push_text(
            delivery.address, mail.line_text(notification), retry_key=str(delivery.retry_key)
        )
    else:
        raise Refused(f"unknown channel {delivery.channel!r}")


def _record(delivery: Delivery, **fields) -> None:
    for name, value in fields.items():
        setattr(delivery, name, value)
    Delivery.objects.filter(pk=delivery.pk).update(**fields)


def attempt(delivery: Delivery, now: dt.datetime) -> Outcome | None:
    """Try one delivery now; None when it was not ours to try (already taken or not due)."""
    if not _claim(delivery, now):
        return None
    try:
        _send(delivery)
    except Exception as error:  # any failure is recorded on the row, never lost
        return _failed(delivery, error, now)
    _record(delivery, status=DeliveryStatus.SENT, sent_at=now, next_attempt_at=None, last_error="")
    log.info("notification delivery %s sent by %s", delivery.pk, delivery.channel)
    return Outcome(delivery, DeliveryStatus.SENT)


def _failed(delivery: Delivery, error: Exception, now: dt.datetime) -> Outcome:
    text = (str(error) or error.__class__.__name__)[:2000]
    final = (
        isinstance(error, Refused)
        or (isinstance(error, line.LineError) and not error.retry)
        or delivery.attempts >= settings.NOTIFY_MAX_ATTEMPTS
    )
    if final:
        _record(delivery, status=DeliveryStatus.FAILED, last_error=text, next_attempt_at=None)
        log.error(
            "notification delivery %s by %s failed for good after %s attempt(s): %s",
            delivery.pk,
            delivery.channel,
            delivery.attempts,
            text,
        )
        return Outcome(delivery, DeliveryStatus.FAILED, text)
    retry_at = now + retry_delay(delivery.attempts)
    _record(delivery, last_error=text, next_attempt_at=retry_at)
    log.warning(
        "notification delivery %s by %s failed (attempt %s), retrying at %s: %s",
        delivery.pk,
        delivery.channel,
        delivery.attempts,
        retry_at.isoformat(),
        text,
    )
    return Outcome(delivery, DeliveryStatus.PENDING, text)


def deliver_due(*, now: dt.datetime | None = None, ids=None) -> list[Outcome]:
    """Try every pending delivery that is due (only ``ids`` when given), oldest first."""
    now = now or timezone.now()
    deliveries = due(now).select_related("notification__recipient").order_by("created_at", "pk")
    if ids is not None:
        deliveries = deliveries.filter(pk__in=ids)
    outcomes = []
    for delivery in deliveries:
        outcome = attempt(delivery, now)
        if outcome is not None:
            outcomes.append(outcome)
    return outcomes
