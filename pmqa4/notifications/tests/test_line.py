"""LINE through a local fake of the Messaging API: the request, failures, retries, giving up."""

import datetime as dt

import pytest
from django.core import mail

from pmqa4.core.testing.factories import bangkok
from pmqa4.notifications.delivery import deliver_due, retry_delay
from pmqa4.notifications.models import Channel, Delivery, DeliveryStatus, Kind, Preference
from pmqa4.notifications.notify import Message, notify

from .conftest import LINE_ID_A, LINE_ID_B, TOKEN

pytestmark = pytest.mark.django_db
NOW = bangkok("2025-01-24 08:00")


@pytest.fixture
def on_line(cast):
    """Unit A's coordinator has LINE on (with e-mail), unit B's coordinator LINE only."""
    for user, line_id, email in (
        (cast.coordinator_a, LINE_ID_A, True),
        (cast.coordinator_b, LINE_ID_B, False),
    ):
        user.line_user_id = line_id
        user.save()
        Preference.objects.create(user=user, email=email, line=True)
    return cast


def tell(users, key="k1"):
    message = Message(
        kind=Kind.ACCEPTED,
        key=key,
        title="ผ่านการตรวจรับ: ขั้นตอนที่ ๑",
        body="กลุ่มพัฒนาระบบบริหารตรวจรับงานแล้ว",
        link="/units/OPS-AAA/2568/roster/",
    )
    return notify(users, message, send=False)


def line_delivery(user) -> Delivery:
    return Delivery.objects.get(channel=Channel.LINE, notification__recipient=user)


def test_a_push_carries_the_token_the_user_id_and_the_thai_text(on_line, line_on, settings):
    settings.SITE_URL = "https://pmqa.mol.go.th"
    tell([on_line.coordinator_a])
    outcomes = deliver_due(now=NOW)
    assert sorted((o.delivery.channel, o.status) for o in outcomes) == [
        ("email", "sent"),
        ("line", "sent"),
    ]
    [push] = line_on.pushes
    assert push["headers"]["authorization"] == f"Bearer {TOKEN}"
    assert push["headers"]["content-type"].startswith("application/json")
    assert push["headers"]["x-line-retry-key"] == str(
        line_delivery(on_line.coordinator_a).retry_key
    )
    assert push["json"] == {
        "to": LINE_ID_A,
        "messages": [
            {
                "type": "text",
                "text": "ผ่านการตรวจรับ: ขั้นตอนที่ ๑\n\nกลุ่มพัฒนาระบบบริหารตรวจรับงานแล้ว\n\n"
                "https://pmqa.mol.go.th/units/OPS-AAA/2568/roster/",
            }
        ],
    }
    assert len(mail.outbox) == 1


def test_each_persons_choice_of_channels_is_kept(on_line, line_on):
    tell([on_line.coordinator_a, on_line.coordinator_b, on_line.executive_a])
    channels = sorted(
        Delivery.objects.values_list("notification__recipient__username", "channel", "address")
    )
    assert channels == [
        ("coord.a", "email", "coord.a@example.go.th"),
        ("coord.a", "line", LINE_ID_A),
        ("coord.b", "line", LINE_ID_B),  # e-mail switched off
        ("exec.a", "email", "exec.a@example.go.th"),  # no preference: e-mail only
    ]


def test_line_switched_off_sends_nothing_by_line(on_line, fake_line, settings):
    settings.LINE_ENABLED = False
    settings.LINE_API_BASE = fake_line.url
    tell([on_line.coordinator_a, on_line.coordinator_b])
    deliver_due(now=NOW)
    assert not Delivery.objects.filter(channel=Channel.LINE).exists()
    assert fake_line.requests == []
    assert [m.to for m in mail.outbox] == [["coord.a@example.go.th"]]


def test_line_switched_off_after_queueing_fails_visibly_without_a_request(
    on_line, line_on, settings
):
    tell([on_line.coordinator_b])
    settings.LINE_ENABLED = False
    [outcome] = deliver_due(now=NOW)
    assert outcome.status == DeliveryStatus.FAILED
    delivery = line_delivery(on_line.coordinator_b)
    assert (delivery.status, delivery.last_error) == (
        "failed",
        "LINE_ENABLED is off: LINE messages are not sent",
    )
    assert line_on.requests == []


@pytest.mark.parametrize("status", [500, 429, 503])
def test_a_failed_push_is_logged_kept_and_retried_after_the_back_off(
    on_line, line_on, caplog, status
):
    tell([on_line.coordinator_b])
    line_on.answer(status)
    [outcome] = deliver_due(now=NOW)
    delivery = line_delivery(on_line.coordinator_b)
    assert outcome.will_retry
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert delivery.last_error == f"LINE HTTP {status}: fake error {status}"
    assert delivery.next_attempt_at == NOW + dt.timedelta(minutes=10)
    assert "failed (attempt 1), retrying" in caplog.text
    # not before its time; then again, with the same retry key
    assert deliver_due(now=NOW + dt.timedelta(minutes=9)) == []
    [again] = deliver_due(now=NOW + dt.timedelta(minutes=10))
    assert again.status == DeliveryStatus.SENT
    first, second = line_on.pushes
    assert first["headers"]["x-line-retry-key"] == second["headers"]["x-line-retry-key"]
    assert first["json"] == second["json"]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.sent_at) == (
        "sent",
        2,
        NOW + dt.timedelta(minutes=10),
    )


def test_a_retry_that_line_had_already_accepted_counts_as_sent(on_line, line_on):
    """The first try timed out on our side but reached LINE: LINE answers 409 to the retry."""
    tell([on_line.coordinator_b])
    line_on.answer(500, 409)
    deliver_due(now=NOW)
    deliver_due(now=NOW + dt.timedelta(hours=1))
    assert line_delivery(on_line.coordinator_b).status == "sent"
    assert len(line_on.pushes) == 2


def test_a_timeout_is_a_failure_to_retry(on_line, line_on, settings):
    settings.LINE_TIMEOUT_SECONDS = 0.2
    tell([on_line.coordinator_b])
    line_on.answer(200, delay=0.6)
    [outcome] = deliver_due(now=NOW)
    assert outcome.will_retry
    assert "LINE unreachable" in outcome.error and "timed out" in outcome.error


def test_back_off_doubles_and_gives_up_after_the_maximum_visible_as_failed(
    on_line, line_on, settings, caplog
):
    settings.NOTIFY_MAX_ATTEMPTS = 4
    tell([on_line.coordinator_b])
    line_on.answer(500, 500, 500, 500, 500)
    waits, now = [], NOW
    for _attempt in range(4):
        [outcome] = deliver_due(now=now)
        delivery = line_delivery(on_line.coordinator_b)
        if delivery.next_attempt_at:
            waits.append(delivery.next_attempt_at - now)
            now = delivery.next_attempt_at
    assert waits == [dt.timedelta(minutes=m) for m in (10, 20, 40)]
    assert outcome.status == DeliveryStatus.FAILED
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == ("failed", 4, None)
    assert delivery.last_error == "LINE HTTP 500: fake error 500"
    assert "failed for good after 4 attempt(s)" in caplog.text
    assert deliver_due(now=now + dt.timedelta(days=2)) == []  # given up: never tried again
    assert len(line_on.pushes) == 4


def test_the_back_off_is_capped_at_a_day(settings):
    settings.NOTIFY_RETRY_MINUTES = 10
    assert retry_delay(1) == dt.timedelta(minutes=10)
    assert retry_delay(4) == dt.timedelta(minutes=80)
    assert retry_delay(20) == dt.timedelta(days=1)


def test_an_unknown_user_id_fails_at_once_without_retrying(on_line, line_on):
    tell([on_line.coordinator_b])
    line_on.answer(400)
    [outcome] = deliver_due(now=NOW)
    assert outcome.status == DeliveryStatus.FAILED
    assert line_delivery(on_line.coordinator_b).attempts == 1


def test_two_runs_at_once_send_a_delivery_once(on_line, line_on):
    """The second run read the row before the first claimed it: its claim finds it taken."""
    from pmqa4.notifications.delivery import attempt

    tell([on_line.coordinator_b])
    stale = line_delivery(on_line.coordinator_b)
    same_row = Delivery.objects.get(pk=stale.pk)
    assert attempt(stale, NOW).status == DeliveryStatus.SENT
    assert attempt(same_row, NOW) is None
    assert len(line_on.pushes) == 1


def test_a_person_told_of_an_event_is_not_told_again(on_line, line_on):
    assert len(tell([on_line.coordinator_b], key="same")) == 1
    assert tell([on_line.coordinator_b], key="same") == []
    deliver_due(now=NOW)
    deliver_due(now=NOW + dt.timedelta(days=1))
    assert len(line_on.pushes) == 1
