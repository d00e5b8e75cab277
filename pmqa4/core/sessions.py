"""How long a signed-in session lasts: it ends after SESSION_IDLE_MINUTES without a request, and
after SESSION_MAX_HOURS whatever happens (ASVS 5.0 V7.3.1, V7.3.2).

The session records when it signed in and when it was last used. The last use is rewritten at
most once a minute, so a page does not cost a session write on every request. Logging out,
changing the password and these limits all end the session on the server (logout flushes it);
the cookie alone never brings it back.
"""

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import ImproperlyConfigured
from django.dispatch import receiver
from django.shortcuts import resolve_url
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

SIGNED_IN_AT = "pmqa4_signed_in_at"
LAST_SEEN = "pmqa4_last_seen"
TOUCH_EVERY = dt.timedelta(seconds=60)


def _stamp(moment: dt.datetime) -> int:
    return int(moment.timestamp())


def _moment(value) -> dt.datetime | None:
    if not isinstance(value, int | float):
        return None
    return dt.datetime.fromtimestamp(value, tz=dt.UTC)


@receiver(user_logged_in, dispatch_uid="pmqa4_session_signed_in")
def session_signed_in(sender, request, user, **kwargs):
    """Start both clocks at sign-in (login() has already given the session a new key)."""
    if request is None or not hasattr(request, "session"):
        return
    now = _stamp(timezone.now())
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now


def _positive(name: str) -> int:
    value = getattr(settings, name)
    if not isinstance(value, int) or value < 1:
        raise ImproperlyConfigured(f"{name} must be a whole number of at least 1, not {value!r}")
    return value


def limits() -> tuple[dt.timedelta, dt.timedelta]:
    """(idle, absolute) from the settings, read on each request so a test can change them."""
    idle = dt.timedelta(minutes=_positive("SESSION_IDLE_MINUTES"))
    return idle, dt.timedelta(hours=_positive("SESSION_MAX_HOURS"))


class SessionLimitsMiddleware:
    """Signs out a session that was idle too long or is older than the absolute limit.

    After AuthenticationMiddleware and MessageMiddleware: the person then meets the login page
    (or, on an htmx request, is sent there by a full page load) with a Thai message saying why.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        limits()  # a bad value stops the server when it starts

    def __call__(self, request):
        if request.user.is_authenticated:
            reason = session_end_reason(request.session, timezone.now(), *limits())
            if reason:
                logout(request)
                messages.warning(request, reason)
                htmx = HtmxDetails(request)
                if htmx:
                    query = urlencode({"next": htmx.current_url_abs_path or "/"})
                    return HttpResponseClientRedirect(f"{resolve_url(settings.LOGIN_URL)}?{query}")
        return self.get_response(request)


def session_end_reason(session, now: dt.datetime, idle: dt.timedelta, longest: dt.timedelta):
    """Why this session must end now, or "" (and the last use recorded when it is due)."""
    signed_in = _moment(session.get(SIGNED_IN_AT))
    last_seen = _moment(session.get(LAST_SEEN))
    if signed_in is None or last_seen is None:
        # A session from before these limits: its clocks start now.
        session[SIGNED_IN_AT] = session.get(SIGNED_IN_AT) or _stamp(now)
        session[LAST_SEEN] = _stamp(now)
        return ""
    if now - signed_in > longest:
        hours = longest // dt.timedelta(hours=1)
        return _("เข้าสู่ระบบต่อเนื่องนานเกิน %(hours)s ชั่วโมง กรุณาเข้าสู่ระบบอีกครั้ง") % {"hours": hours}
    if now - last_seen > idle:
        minutes = idle // dt.timedelta(minutes=1)
        return _(
            "ไม่มีการใช้งานนานเกิน %(minutes)s นาที ระบบจึงออกจากระบบให้เพื่อความปลอดภัย กรุณาเข้าสู่ระบบอีกครั้ง"
        ) % {"minutes": minutes}
    if now - last_seen >= TOUCH_EVERY:
        session[LAST_SEEN] = _stamp(now)
    return ""
