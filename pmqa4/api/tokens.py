"""Making, finding, revoking and logging personal access tokens.

A token is ``pmqa4_`` and 43 URL-safe random characters (256 bits). The database keeps its
SHA-256 and its first ten characters (to tell tokens apart in a list), never the token.
"""

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from pmqa4.core.client_address import client_ip
from pmqa4.core.errors import WorkflowError

from .models import ApiToken, ApiTokenUse

PREFIX = "pmqa4_"
HINT_LENGTH = len(PREFIX) + 4
LONGEST = 200  # anything longer in the header is not one of ours, and is not hashed
ACTIVE_LIMIT = 20  # a person's usable tokens at one time


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Issued:
    """A new token: ``secret`` is shown once and then exists only with its owner."""

    token: ApiToken
    secret: str


def issue(*, user, name: str, scope: str, expires_at: dt.datetime | None, now) -> Issued:
    if expires_at is not None and expires_at <= now:
        raise WorkflowError(_("วันหมดอายุต้องอยู่หลังวันนี้"))
    active = [t for t in ApiToken.objects.filter(user=user) if t.state(now) == "active"]
    if len(active) >= ACTIVE_LIMIT:
        raise WorkflowError(
            _("มีโทเค็นที่ใช้งานอยู่ครบ %(limit)s รายการแล้ว กรุณายกเลิกโทเค็นที่ไม่ใช้ก่อน")
            % {"limit": ACTIVE_LIMIT}
        )
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip(),
        scope=scope,
        secret_hash=hash_token(secret),
        hint=secret[:HINT_LENGTH],
        created_at=now,
        expires_at=expires_at,
    )
    return Issued(token=token, secret=secret)


def revoke(token: ApiToken, *, now) -> bool:
    """Revoke a token at once; False when it already was (revoking twice changes nothing)."""
    if token.revoked_at is not None:
        return False
    token.revoked_at = now
    token.save(update_fields=["revoked_at"])
    return True


def find(secret: str) -> ApiToken | None:
    """The token with this secret, with its user, whatever its state (None: no such token)."""
    if not secret.startswith(PREFIX) or len(secret) > LONGEST:
        return None
    return ApiToken.objects.select_related("user").filter(secret_hash=hash_token(secret)).first()


def touch(token: ApiToken, *, now) -> None:
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now


def record_use(token: ApiToken, request, status: int, *, now) -> None:
    """One insert per call, after the commit of whatever the call did (as the access log)."""
    row = ApiTokenUse(
        token_id=token.pk,
        method=request.method[:10],
        path=request.path[:500],
        status=status,
        at=now,
        ip=client_ip(request),
    )
    transaction.on_commit(row.save, robust=True)
