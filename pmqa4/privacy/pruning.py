"""Deleting logs that hold addresses (personal data) once ACCESS_LOG_RETENTION_DAYS have
passed: the command behind prune_access_logs and prune_api_logs."""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class PruneLogCommand(BaseCommand):
    """``model`` has an aware ``at``; ``what`` names its rows in the command's Thai output."""

    model = None
    what = ""

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="นับจำนวนที่จะลบ แต่ไม่ลบจริง")

    def handle(self, *args, dry_run=False, **options):
        days = settings.ACCESS_LOG_RETENTION_DAYS
        if days < 1:
            raise CommandError("ACCESS_LOG_RETENTION_DAYS ต้องเป็นจำนวนวันตั้งแต่ 1 ขึ้นไป")
        cutoff = timezone.now() - dt.timedelta(days=days)
        old = self.model.objects.filter(at__lt=cutoff)
        when = timezone.localtime(cutoff).strftime("%Y-%m-%d %H:%M")
        if dry_run:
            self.stdout.write(
                f"จะลบ{self.what} {old.count()} รายการ (ก่อน {when}, เก็บ {days} วัน) "
                "— ไม่ได้ลบจริง (--dry-run)"
            )
            return
        count, _ = old.delete()
        self.stdout.write(f"ลบ{self.what}แล้ว {count} รายการ (ก่อน {when}, เก็บ {days} วัน)")
