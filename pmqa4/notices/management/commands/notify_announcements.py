"""Tell the units of announcements whose publish date has come (daily, with send_reminders)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from pmqa4.notices.announcements import tell_due


class Command(BaseCommand):
    help = _("แจ้งหน่วยงานถึงประกาศที่ถึงวันเผยแพร่แล้วแต่ยังไม่ได้แจ้ง (รันซ้ำได้ ไม่แจ้งซ้ำ)")

    def handle(self, *args, **options):
        done = tell_due()
        for announcement, told in done:
            self.stdout.write(f"{announcement.published_on} {announcement.title}: {told}")
        self.stdout.write(self.style.SUCCESS(_("แจ้งประกาศ %(count)d เรื่อง") % {"count": len(done)}))
