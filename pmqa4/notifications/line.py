"""The LINE Messaging API's push message, with the standard library's HTTP client.

POST {LINE_API_BASE}/v2/bot/message/push with the channel access token of our LINE Official
Account (LINE Notify closed in March 2025; this is its replacement). Every request carries an
X-Line-Retry-Key: LINE accepts a key once and answers 409 to a repeat, so a retry after a timeout
never sends the message twice and a 409 means it was sent.
"""

import http.client
import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings

PUSH_PATH = "/v2/bot/message/push"
MAX_TEXT = 5000  # LINE's limit for one text message
# Answers that another try will not change: a malformed request, a user ID LINE does not know.
PERMANENT = frozenset({400, 404})


@dataclass
class LineError(Exception):
    """A push LINE did not accept: ``retry`` says whether trying later may succeed."""

    message: str
    status: int | None = None
    retry: bool = True

    def __str__(self):
        return self.message


def _detail(error: urllib.error.HTTPError) -> str:
    try:
        body = json.loads(error.read().decode("utf-8", "replace") or "{}")
    except (ValueError, OSError):
        return ""
    return str(body.get("message", "")) if isinstance(body, dict) else ""


def push_text(to: str, text: str, *, retry_key: str) -> None:
    """Send one text message to a LINE user ID; LineError when LINE did not take it."""
    token = settings.LINE_CHANNEL_ACCESS_TOKEN
    if not token:
        raise LineError("LINE_CHANNEL_ACCESS_TOKEN is not set", retry=True)
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 1] + "…"
    payload = {"to": to, "messages": [{"type": "text", "text": text}]}
    request = urllib.request.Request(
        settings.LINE_API_BASE.rstrip("/") + PUSH_PATH,
        data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "Authorization": f"Bearer {token}",
            "X-Line-Retry-Key": retry_key,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.LINE_TIMEOUT_SECONDS) as response:
            response.read()
    except urllib.error.HTTPError as error:
        if error.code == 409:
            return  # an earlier try with this retry key was accepted: already sent
        detail = _detail(error)
        raise LineError(
            f"LINE HTTP {error.code}" + (f": {detail}" if detail else ""),
            status=error.code,
            retry=error.code not in PERMANENT,
        ) from error
    except (OSError, http.client.HTTPException) as error:  # URLError and timeouts are OSErrors
        reason = getattr(error, "reason", error)
        raise LineError(f"LINE unreachable: {reason}", retry=True) from error
