"""Linking a person's LINE account: they send a one-time code to our LINE Official Account.

A LINE user ID is not something a person can look up in the LINE app: LINE gives it to the
Official Account's webhook with each message. So the preferences page issues a code (valid for
CODE_LIFETIME), the person sends it to the Official Account, and the webhook, after checking
LINE's signature (HMAC-SHA256 of the body with the channel secret), stores the sender's user ID
on the account the code was issued to and switches LINE on. The code is 8 characters from 31
(about 8.5 × 10^11 codes) so that guessing one in its half hour is hopeless. The webhook replies
through LINE's reply API (free of the monthly message quota); a failed reply is only logged.
"""

import base64
import datetime as dt
import hashlib
import hmac
import json
import logging
import re
import secrets
import urllib.request

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Preference

log = logging.getLogger(__name__)
CODE_LIFETIME_MINUTES = 30
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ2345679"  # no 0/O, 1/I, 8/B look-alikes
CODE = re.compile(r"PMQA-?([A-Z0-9]{4})-?([A-Z0-9]{4})")
REPLY_PATH = "/v2/bot/message/reply"


def new_code(user) -> Preference:
    """Issue a fresh code for ``user`` (replacing any earlier one)."""
    code = "PMQA-{}-{}".format(*("".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in "ab"))
    preference, _created = Preference.objects.get_or_create(user=user)
    preference.line_link_code = code
    preference.line_link_expires = timezone.now() + dt.timedelta(minutes=CODE_LIFETIME_MINUTES)
    preference.save(update_fields=["line_link_code", "line_link_expires"])
    return preference


def signature_ok(body: bytes, signature: str) -> bool:
    secret = settings.LINE_CHANNEL_SECRET
    if not secret or not signature:
        return False
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()
    return hmac.compare_digest(base64.b64encode(digest).decode("ascii"), signature.strip())


def link(text: str, line_user_id: str):
    """The user whose unexpired code ``text`` holds, now linked to ``line_user_id``; else None."""
    match = CODE.search(text.upper())
    if not match or not re.fullmatch(r"U[0-9a-f]{32}", line_user_id or ""):
        return None
    code = f"PMQA-{match[1]}-{match[2]}"
    with transaction.atomic():
        preference = (
            Preference.objects.select_for_update()
            .select_related("user")
            .filter(line_link_code=code, line_link_expires__gte=timezone.now())
            .first()
        )
        if preference is None:
            return None
        user = preference.user
        user.line_user_id = line_user_id
        user.save(update_fields=["line_user_id"])  # audited with the user
        preference.line = True
        preference.line_link_code = ""
        preference.line_link_expires = None
        preference.save(update_fields=["line", "line_link_code", "line_link_expires"])
    log.info("LINE account linked to user %s", user.pk)
    return user


def _reply(reply_token: str, text: str) -> None:
    if not (reply_token and settings.LINE_CHANNEL_ACCESS_TOKEN):
        return
    payload = {"replyToken": reply_token, "messages": [{"type": "text", "text": text}]}
    request = urllib.request.Request(
        settings.LINE_API_BASE.rstrip("/") + REPLY_PATH,
        data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "Authorization": f"Bearer {settings.LINE_CHANNEL_ACCESS_TOKEN}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.LINE_TIMEOUT_SECONDS) as response:
            response.read()
    except Exception as error:  # a reply is a courtesy: the link is made either way
        log.warning("LINE reply failed: %s", error)


def _greeting() -> str:
    return _(
        "นี่คือบัญชีแจ้งเตือนของระบบ PMQA 4.0 กระทรวงแรงงาน หากต้องการรับการแจ้งเตือนทาง LINE "
        "ให้กดสร้างรหัสเชื่อมบัญชีที่หน้า “ตั้งค่าการแจ้งเตือน” ในระบบ แล้วส่งรหัสนั้นมาที่นี่"
    )


def handle_events(payload: dict) -> int:
    """Act on a webhook's events; the number of accounts linked."""
    linked = 0
    for event in payload.get("events") or []:
        if not isinstance(event, dict):
            continue
        source = event.get("source") or {}
        message = event.get("message") or {}
        token = str(event.get("replyToken", ""))
        if source.get("type") != "user":
            continue
        if event.get("type") == "follow":
            _reply(token, _greeting())
            continue
        if event.get("type") != "message" or message.get("type") != "text":
            continue
        text = str(message.get("text", ""))[:200]
        if not CODE.search(text.upper()):
            _reply(token, _greeting())
            continue
        user = link(text, str(source.get("userId", "")))
        if user is None:
            _reply(
                token,
                _(
                    "ไม่พบรหัสเชื่อมบัญชีนี้ หรือรหัสหมดอายุแล้ว "
                    "กรุณาสร้างรหัสใหม่ที่หน้า “ตั้งค่าการแจ้งเตือน” ในระบบ PMQA 4.0"
                ),
            )
            continue
        linked += 1
        name = user.display_name or user.get_username()
        _reply(
            token,
            _("เชื่อมบัญชี LINE กับระบบ PMQA 4.0 ของ %(name)s แล้ว ท่านจะได้รับการแจ้งเตือนทาง LINE")
            % {"name": name},
        )
    return linked
