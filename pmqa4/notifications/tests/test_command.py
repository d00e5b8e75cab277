"""`manage.py send_reminders`: idempotent, a dry run, Bangkok's midnight, and the task."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from pmqa4.core.testing.factories import bangkok
from pmqa4.notifications.models import Delivery, DeliveryStatus, Notification
from pmqa4.notifications.notify import Message, notify
from pmqa4.notifications.tasks import send_reminders_task

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out, err = StringIO(), StringIO()
    call_command("send_reminders", *args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def test_running_twice_on_one_day_sends_nothing_twice(cast, cycle):
    first = run("--today", "2025-01-24")
    assert len(mail.outbox) == 3
    assert "แจ้งเตือน: OPS-AAA ขั้นตอนที่ 3 กำหนดส่ง 2025-01-31 อีก 7 วัน → coord.a, exec.a" in first
    assert "สรุป: แจ้งเตือน 3 คน · ส่งสำเร็จ 3 · รอส่งใหม่ 0 · ส่งไม่สำเร็จ 0" in first
    second = run("--today", "2025-01-24")
    assert len(mail.outbox) == 3
    assert Notification.objects.count() == 3 and Delivery.objects.count() == 3
    assert "สรุป: แจ้งเตือน 0 คน · ส่งสำเร็จ 0" in second


def test_the_e_mail_is_thai_with_a_plain_text_body_an_html_alternative_and_the_link(
    cast, cycle, settings
):
    settings.SITE_URL = "https://pmqa.mol.go.th"
    run("--today", "2025-01-30")
    message = next(m for m in mail.outbox if m.to == ["coord.a@example.go.th"])
    assert message.subject == (
        "[PMQA 4.0] เตือน: ขั้นตอนที่ ๓ แผนระยะ ๓ ปี แผนปฏิบัติการ และรายละเอียดตัวชี้วัด ครบกำหนดส่งพรุ่งนี้"
    )
    assert "กองทดสอบเอ ยังไม่ได้ส่ง" in message.body
    assert "เปิดดูในระบบ: https://pmqa.mol.go.th/units/OPS-AAA/2568/plans/" in message.body
    assert "https://pmqa.mol.go.th/notifications/preferences/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert 'href="https://pmqa.mol.go.th/units/OPS-AAA/2568/plans/"' in html
    assert "กำหนดส่ง: 31 มกราคม 2568 ภายในเวลา 23:59 น.<br>" in html
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"


def test_a_dry_run_says_what_it_would_send_and_records_and_sends_nothing(cast, cycle):
    output = run("--dry-run", "--today", "2025-01-24")
    assert "จะแจ้งเตือน: OPS-AAA ขั้นตอนที่ 3" in output
    assert "จะแจ้งเตือน: OPS-BBB ขั้นตอนที่ 3" in output
    assert "จะแจ้งเตือน 3 คน และลองส่งซ้ำ 0 รายการ — ไม่ได้บันทึกหรือส่งจริง (--dry-run)" in output
    assert Notification.objects.count() == 0 and len(mail.outbox) == 0
    run("--today", "2025-01-24")
    assert "จะแจ้งเตือน 0 คน" in run("--dry-run", "--today", "2025-01-24")


def test_a_date_that_is_not_a_date_is_refused_in_thai(cast, cycle):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run("--today", "24/01/2568")
    assert Notification.objects.count() == 0


@pytest.mark.parametrize(
    ("ran_on", "moment", "new"),
    [
        (None, "2025-01-23 23:59:59", 0),  # still the 23rd in Bangkok: 8 days before
        (None, "2025-01-24 00:00:00", 3),  # the 24th in Bangkok (the 23rd, 17:00 in UTC): 7 days
        ("2025-01-24", "2025-01-29 23:59:59", 0),  # 2 days before: the 7-day one went out
        ("2025-01-24", "2025-01-30 00:00:00", 3),  # 1 day before, from its first second
    ],
)
def test_the_day_turns_at_midnight_in_bangkok(
    cast, cycle, monkeypatch, settings, ran_on, moment, new
):
    settings.NOTIFY_REMINDER_HOUR = 0  # remind from the day's first second
    if ran_on:
        run("--today", ran_on)
    before = Notification.objects.count()
    now = bangkok(moment)
    monkeypatch.setattr(timezone, "now", lambda: now)
    run()
    assert Notification.objects.count() - before == new


def test_reminders_wait_for_the_morning_but_retries_do_not(cast, cycle, monkeypatch, settings):
    settings.NOTIFY_REMINDER_HOUR = 8
    moments = iter([bangkok("2025-01-24 07:59:59"), bangkok("2025-01-24 08:00:00")])
    now = next(moments)
    monkeypatch.setattr(timezone, "now", lambda: now)
    notify(
        [cast.central], Message(kind="test", key="earlier", title="ก่อนหน้า", body="."), send=False
    )
    Delivery.objects.update(attempts=1, last_error="SMTP down", next_attempt_at=now)
    output = run()
    assert "ยังไม่ถึงเวลาแจ้งเตือนของวันนี้ (08:00 น.)" in output
    assert Notification.objects.filter(kind="reminder").count() == 0
    assert [m.to for m in mail.outbox] == [["central@example.go.th"]]  # the retry went out
    now = next(moments)
    run()
    assert Notification.objects.filter(kind="reminder").count() == 3


def test_midnight_with_today_given(cast, cycle):
    assert Notification.objects.count() == 0
    run("--today", "2025-01-23")
    assert Notification.objects.count() == 0
    run("--today", "2025-01-24")
    assert Notification.objects.count() == 3


def test_the_scheduled_task_runs_the_same_reminders(cast, cycle, monkeypatch, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    now = bangkok("2025-01-24 09:00")
    monkeypatch.setattr(timezone, "now", lambda: now)
    result = send_reminders_task.enqueue()
    assert result.return_value == {
        "today": "2025-01-24",
        "notified": 3,
        "sent": 3,
        "retrying": 0,
        "failed": 0,
    }
    send_reminders_task.enqueue()
    assert len(mail.outbox) == 3


def test_the_command_can_hand_the_run_to_the_task_queue(cast, cycle, monkeypatch):
    now = bangkok("2025-01-24 09:00")
    monkeypatch.setattr(timezone, "now", lambda: now)
    output = run("--enqueue")  # the test settings run queued tasks at once
    assert output.startswith("ส่งงานแจ้งเตือนเข้าคิวแล้ว")
    assert len(mail.outbox) == 3
    with pytest.raises(CommandError, match="--enqueue"):
        run("--enqueue", "--dry-run")


def test_failed_deliveries_that_are_due_are_retried_by_the_command(cast, cycle, monkeypatch):
    def broken(self, *args, **kwargs):
        raise OSError("SMTP server down")

    with monkeypatch.context() as patch:
        patch.setattr("django.core.mail.EmailMultiAlternatives.send", broken)
        output = run("--today", "2025-01-24")
    assert "ส่งไม่สำเร็จ จะลองใหม่" in output and "SMTP server down" in output
    assert set(Delivery.objects.values_list("status", "attempts")) == {(DeliveryStatus.PENDING, 1)}
    assert len(mail.outbox) == 0
    # the next run, before the retry time: nothing; after it: sent, and nobody is told twice
    run("--today", "2025-01-24")
    assert len(mail.outbox) == 0
    later = timezone.now() + dt.timedelta(minutes=11)
    monkeypatch.setattr(timezone, "now", lambda: later)
    output = run("--today", "2025-01-24")
    assert len(mail.outbox) == 3
    assert "ส่งแล้ว: อีเมล → coord.a@example.go.th" in output
    assert set(Delivery.objects.values_list("status", "attempts")) == {(DeliveryStatus.SENT, 2)}
    assert Notification.objects.count() == 3


def test_line_switched_on_without_a_token_is_said_at_start_up(settings):
    from django.core.checks import run_checks

    settings.LINE_ENABLED = True
    settings.LINE_CHANNEL_ACCESS_TOKEN = ""
    ids = {message.id for message in run_checks()}
    assert "pmqa4_notifications.W001" in ids
    settings.LINE_CHANNEL_ACCESS_TOKEN = "token"
    assert "pmqa4_notifications.W001" not in {m.id for m in run_checks()}
