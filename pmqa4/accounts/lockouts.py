"""Lock-out after repeated wrong passwords (django-axes): who is locked, unlocking, the Thai page.

A lock is per user name *and* address (AXES_LOCKOUT_PARAMETERS): someone guessing a colleague's
password from elsewhere does not lock the colleague out of their own office PC. An attempt while
locked does not extend the lock (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False), so the
time the page gives is the real one.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone

from pmqa4.core.client_address import client_ip
from pmqa4.org.models import User

log = logging.getLogger("pmqa4.security")


@dataclass(frozen=True)
class LockedAccount:
    username: str
    ip_address: str | None
    failures: int
    last_failure: datetime
    unlocks_at: datetime | None
    user: User | None


def cool_off() -> timedelta | None:
    return get_cool_off()


def cool_off_minutes() -> int | None:
    delta = cool_off()
    return None if delta is None else max(1, round(delta.total_seconds() / 60))


def locked_accounts(now: datetime | None = None) -> list[LockedAccount]:
    """Every (user name, address) at or over the failure limit within the cool-off, newest first;
    two queries whatever their number."""
    now = now or timezone.now()
    delta = cool_off()
    attempts = AccessAttempt.objects.all()
    if delta is not None:
        attempts = attempts.filter(attempt_time__gte=now - delta)
    rows = list(
        attempts.values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last_failure=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last_failure", "username")
    )
    names = {row["username"] for row in rows if row["username"]}
    users = {
        user.username: user
        for user in User.objects.filter(username__in=names).select_related("unit")
    }
    return [
        LockedAccount(
            username=row["username"] or "",
            ip_address=row["ip_address"],
            failures=row["failures"],
            last_failure=row["last_failure"],
            unlocks_at=None if delta is None else row["last_failure"] + delta,
            user=users.get(row["username"]),
        )
        for row in rows
    ]


def unlock(*, username: str, ip_address: str | None, by) -> int:
    """Forget the failures of one (user name, address): they may try again at once."""
    attempts = AccessAttempt.objects.filter(username=username)
    if ip_address:
        attempts = attempts.filter(ip_address=ip_address)
    else:
        attempts = attempts.filter(ip_address__isnull=True)
    count, _ = attempts.delete()
    log.warning("User %s unlocked %r from %s (%d records)", by.pk, username, ip_address, count)
    return count


def unlocks_at(username: str | None, ip_address: str | None) -> datetime | None:
    delta = cool_off()
    if delta is None or not username:
        return None
    last = (
        AccessAttempt.objects.filter(username=username, ip_address=ip_address)
        .aggregate(last=Max("attempt_time"))
        .get("last")
    )
    return None if last is None else last + delta


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the Thai page with how long the lock lasts and whom to call."""
    username = get_client_username(request, credentials) or ""
    ip_address = getattr(request, "axes_ip_address", None) or client_ip(request)
    context = {
        "username": username,
        "minutes": cool_off_minutes(),
        "unlocks_at": unlocks_at(username, ip_address),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    return render(
        request,
        "accounts/lockout.html",
        context,
        status=getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429),
    )
