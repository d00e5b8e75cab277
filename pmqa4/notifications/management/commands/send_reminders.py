import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from pmqa4.core.thai import format_be_date
from pmqa4.notifications.models import DeliveryStatus
from pmqa4.notifications.service import send_reminders
from pmqa4.notifications.tasks import send_reminders_task


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"--today ต้องเป็นวันที่แบบ YYYY-MM-DD (ค.ศ.) เช่น 2025-01-24 ไม่ใช่ {text!r}"
        ) from None


class Command(BaseCommand):
    help = (
        "ส่งการแจ้งเตือนก่อนกำหนดส่งให้หน่วยงานที่ยังไม่ส่ง และส่งซ้ำรายการที่เคยส่งไม่สำเร็จ (รันซ้ำในวันเดียวกันจะไม่ส่งซ้ำ)"
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="แสดงสิ่งที่จะส่ง แต่ไม่บันทึกและไม่ส่งจริง")
        parser.add_argument(
            "--today", type=_day, help="ถือว่าวันนี้คือวันที่นี้ (YYYY-MM-DD) แทนวันนี้ตามเวลาประเทศไทย"
        )

        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="ไม่ส่งเอง แต่ส่งงานเข้าคิวให้ db_worker ทำ (งาน send_reminders_task)",
        )

    def handle(self, *args, dry_run=False, today=None, enqueue=False, **options):
        if enqueue:
            if dry_run or today:
                raise CommandError("--enqueue ใช้ร่วมกับ --dry-run หรือ --today ไม่ได้")
            result = send_reminders_task.enqueue()
            self.stdout.write(f"ส่งงานแจ้งเตือนเข้าคิวแล้ว (งาน {result.id})")
            return
        report = send_reminders(today=today, dry_run=dry_run)
        verb = "จะแจ้งเตือน" if dry_run else "แจ้งเตือน"
        self.stdout.write(
            f"วันที่ {format_be_date(report.today, 'long')} ({report.today.isoformat()})"
        )
        if not report.reminding:
            self.stdout.write(
                f"ยังไม่ถึงเวลาแจ้งเตือนของวันนี้ ({settings.NOTIFY_REMINDER_HOUR:02d}:00 น.) "
                "— ส่งซ้ำเฉพาะรายการที่เคยส่งไม่สำเร็จ"
            )
        for planned in report.planned:
            reminder = planned.reminder
            names = ", ".join(u.get_username() for u in planned.users)
            extended = " (ขยายกำหนดส่ง)" if reminder.extended else ""
            self.stdout.write(
                f"{verb}: {reminder.unit.code} ขั้นตอนที่ {reminder.step.number} "
                f"กำหนดส่ง {reminder.due_on.isoformat()}{extended} "
                f"อีก {reminder.days_left} วัน → {names}"
            )
        for outcome in report.outcomes:
            d = outcome.delivery
            where = f"{d.get_channel_display()} → {d.address}"
            if outcome.status == DeliveryStatus.SENT:
                self.stdout.write(f"  ส่งแล้ว: {where}")
            elif outcome.will_retry:
                retry_at = timezone.localtime(d.next_attempt_at)
                self.stderr.write(
                    f"  ส่งไม่สำเร็จ จะลองใหม่ {retry_at:%Y-%m-%d %H:%M} น.: {where} ({outcome.error})"
                )
            else:
                self.stderr.write(
                    f"  ส่งไม่สำเร็จ เลิกส่งแล้วหลังลอง {d.attempts} ครั้ง: {where} ({outcome.error})"
                )
        if dry_run:
            self.stdout.write(
                f"สรุป: จะแจ้งเตือน {report.notified} คน และลองส่งซ้ำ {report.retries_due} รายการ "
                "— ไม่ได้บันทึกหรือส่งจริง (--dry-run)"
            )
            return
        self.stdout.write(
            f"สรุป: แจ้งเตือน {report.notified} คน · ส่งสำเร็จ {report.count(DeliveryStatus.SENT)} · "
            f"รอส่งใหม่ {report.count(DeliveryStatus.PENDING)} · "
            f"ส่งไม่สำเร็จ {report.count(DeliveryStatus.FAILED)}"
        )
