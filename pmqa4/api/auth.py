"""Bearer-token authentication and the per-token rate limit.

The token's user acts with their own role grants (read fresh on each call, so a role taken
away stops the token at once), narrowed by the token's scope.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import HttpBearer
from ninja.throttling import AuthRateThrottle

from pmqa4.org.permissions import Actor

from . import tokens
from .errors import ApiError, not_authenticated


class TokenAuth(HttpBearer):
    """``Authorization: Bearer pmqa4_…``: a missing, unknown, revoked or expired token is a 401
    whose ``code`` says which."""

    openapi_bearerFormat = "pmqa4_…"
    openapi_description = "โทเค็นการเข้าถึงส่วนบุคคล สร้างได้ที่หน้า /accounts/tokens/"

    def __call__(self, request):
        header = request.headers.get(self.header, "")
        scheme, _space, secret = header.partition(" ")
        if not header:
            raise not_authenticated()
        if scheme.lower() != self.openapi_scheme or not secret.strip():
            raise not_authenticated(
                _("ส่วนหัว Authorization ต้องอยู่ในรูป Bearer ตามด้วยโทเค็น"), code="token_malformed"
            )
        return self.authenticate(request, secret.strip())

    def authenticate(self, request, token):
        found = tokens.find(token)
        if found is None:
            raise not_authenticated(_("โทเค็นไม่ถูกต้อง"), code="token_invalid")
        request.api_token = found  # logged whatever happens next
        now = timezone.now()
        state = found.state(now)
        if state == "revoked":
            raise not_authenticated(_("โทเค็นนี้ถูกยกเลิกแล้ว"), code="token_revoked")
        if state == "expired":
            raise not_authenticated(_("โทเค็นนี้หมดอายุแล้ว"), code="token_expired")
        if not found.user.is_active:
            raise not_authenticated(_("บัญชีผู้ใช้ของโทเค็นนี้ถูกระงับ"), code="user_inactive")
        tokens.touch(found, now=now)
        request.api_actor = Actor(found.user)
        return found


def actor(request) -> Actor:
    return request.api_actor


def require_write_scope(request) -> None:
    if not request.auth.can_write_actuals:
        raise ApiError(
            403,
            "insufficient_scope",
            _("โทเค็นนี้มีสิทธิ์อ่านอย่างเดียว ต้องใช้โทเค็นที่มีสิทธิ์บันทึกผลตัวชี้วัด"),
        )


class TokenRateThrottle(AuthRateThrottle):
    """At most API_RATE_LIMIT calls per token (e.g. "120/m"), read on every call so that the
    setting can change without a restart of the throttle.

    ninja keeps one throttle object for every request, so nothing about a request is kept on
    it (its own AuthRateThrottle stores the history on ``self``, which threads would share).
    Counts live in Django's cache: per process with the default local-memory cache, shared by
    every worker with a shared cache (Redis, Memcached, the database cache).
    """

    scope = "api-token"

    def __init__(self):
        self.rate = None

    def allow_request(self, request) -> bool:
        count, duration = self.parse_rate(settings.API_RATE_LIMIT)
        token = getattr(request, "auth", None)
        if token is None or count is None:
            return True
        key = f"throttle_{self.scope}_{token.secret_hash[:32]}"
        now = time.time()
        history = [at for at in cache.get(key, []) if at > now - duration]
        if len(history) >= count:
            request.api_retry_after = max(1.0, history[-1] + duration - now)
            return False
        cache.set(key, [now, *history], duration)
        return True

    def wait(self):
        return None  # the 429 handler sets Retry-After from the request
