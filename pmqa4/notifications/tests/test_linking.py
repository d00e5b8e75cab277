"""Linking a LINE account by sending a one-time code to the Official Account (the webhook)."""

import base64
import datetime as dt
import hashlib
import hmac
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from pmqa4.notifications.linking import new_code
from pmqa4.notifications.models import Preference

from .conftest import LINE_ID_A, LINE_ID_B, TOKEN

pytestmark = pytest.mark.django_db
SECRET = "test-channel-secret"
WEBHOOK = reverse("notifications:line-webhook")


@pytest.fixture
def linking(settings, line_on):
    settings.LINE_CHANNEL_SECRET = SECRET
    return line_on


def signed(body: bytes, secret=SECRET) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def deliver(client, events, secret=SECRET):
    body = json.dumps({"destination": "Uxxx", "events": events}).encode()
    return client.post(
        WEBHOOK, body, content_type="application/json", HTTP_X_LINE_SIGNATURE=signed(body, secret)
    )


def text_event(text, user_id=LINE_ID_A, token="reply-1"):
    return {
        "type": "message",
        "replyToken": token,
        "source": {"type": "user", "userId": user_id},
        "message": {"type": "text", "id": "1", "text": text},
    }


def test_a_code_is_issued_on_the_preferences_page(client, cast, linking):
    client.force_login(cast.coordinator_a)
    page = client.post(reverse("notifications:line-code"), follow=True).content.decode()
    code = Preference.objects.get(user=cast.coordinator_a).line_link_code
    assert re.fullmatch(r"PMQA-[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    assert code in page and "ใช้ได้ถึง" in page
    client.post(reverse("notifications:line-code"))
    assert Preference.objects.get(user=cast.coordinator_a).line_link_code != code


def test_sending_the_code_links_the_account_and_switches_line_on(client, cast, linking):
    code = new_code(cast.coordinator_a).line_link_code
    response = deliver(client, [text_event(f"รหัส {code.lower()}", token="tok-9")])
    assert response.status_code == 200
    cast.coordinator_a.refresh_from_db()
    assert cast.coordinator_a.line_user_id == LINE_ID_A
    preference = Preference.objects.get(user=cast.coordinator_a)
    assert (preference.line, preference.line_link_code, preference.line_link_expires) == (
        True,
        "",
        None,
    )
    [reply] = [r for r in linking.requests if r["path"] == "/v2/bot/message/reply"]
    assert reply["headers"]["authorization"] == f"Bearer {TOKEN}"
    assert reply["json"]["replyToken"] == "tok-9"
    assert reply["json"]["messages"][0]["text"].startswith("เชื่อมบัญชี LINE กับระบบ PMQA 4.0 ของ")


def test_a_code_works_once(client, cast, linking):
    code = new_code(cast.coordinator_a).line_link_code
    deliver(client, [text_event(code, LINE_ID_A)])
    deliver(client, [text_event(code, LINE_ID_B)])
    cast.coordinator_a.refresh_from_db()
    assert cast.coordinator_a.line_user_id == LINE_ID_A
    last = linking.requests[-1]["json"]["messages"][0]["text"]
    assert last.startswith("ไม่พบรหัสเชื่อมบัญชีนี้ หรือรหัสหมดอายุแล้ว")


def test_an_expired_code_links_nothing(client, cast, linking):
    preference = new_code(cast.coordinator_a)
    preference.line_link_expires = timezone.now() - dt.timedelta(seconds=1)
    preference.save()
    deliver(client, [text_event(preference.line_link_code)])
    cast.coordinator_a.refresh_from_db()
    assert cast.coordinator_a.line_user_id == ""


def test_a_body_not_signed_with_our_secret_is_refused_and_links_nothing(client, cast, linking):
    code = new_code(cast.coordinator_a).line_link_code
    assert deliver(client, [text_event(code)], secret="someone-else").status_code == 403
    body = json.dumps({"events": [text_event(code)]}).encode()
    assert client.post(WEBHOOK, body, content_type="application/json").status_code == 403
    cast.coordinator_a.refresh_from_db()
    assert cast.coordinator_a.line_user_id == ""
    assert linking.requests == []


def test_other_messages_and_a_new_friend_get_the_instructions(client, cast, linking):
    follow = {"type": "follow", "replyToken": "f", "source": {"type": "user", "userId": LINE_ID_B}}
    group = {**text_event("PMQA-AAAA-BBBB"), "source": {"type": "group", "groupId": "C1"}}
    assert deliver(client, [follow, text_event("สวัสดีครับ"), group, "junk"]).status_code == 200
    replies = [r["json"]["messages"][0]["text"] for r in linking.requests]
    assert len(replies) == 2  # nothing to a group, nothing for junk
    assert all("สร้างรหัสเชื่อมบัญชี" in text for text in replies)


def test_lines_verify_call_and_bad_bodies(client, linking):
    assert deliver(client, []).status_code == 200  # the console's "Verify" sends no events
    body = b"not json"
    response = client.post(
        WEBHOOK, body, content_type="application/json", HTTP_X_LINE_SIGNATURE=signed(body)
    )
    assert response.status_code == 400
    assert client.get(WEBHOOK).status_code == 405


def test_without_a_channel_secret_the_webhook_is_not_there(client, settings):
    settings.LINE_CHANNEL_SECRET = ""
    body = b"{}"
    assert (
        client.post(
            WEBHOOK, body, content_type="application/json", HTTP_X_LINE_SIGNATURE=signed(body)
        ).status_code
        == 404
    )


def test_without_a_channel_secret_no_code_is_issued(client, cast, settings):
    settings.LINE_CHANNEL_SECRET = ""
    client.force_login(cast.coordinator_a)
    page = client.post(reverse("notifications:line-code"), follow=True).content.decode()
    assert "ระบบยังไม่เปิดการเชื่อมบัญชี LINE ด้วยรหัส" in page
    assert not Preference.objects.exists()
