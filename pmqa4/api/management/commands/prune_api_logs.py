import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from pmqa4.api.models import ApiTokenUse


class Command(BaseCommand):
    help = "ลบบันทึกการใช้โทเค็น API ที่เก่ากว่าระยะเวลาเก็บรักษา (ACCESS_LOG_RETENTION_DAYS)"

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="นับจำนวนที่จะลบ แต่ไม่ลบจริง")

    def handle(self, *args, dry_run=False, **options):
        # The log holds addresses (personal data): kept as long as the access log, no longer.
        days = settings.ACCESS_LOG_RETENTION_DAYS
        if days < 1:
            raise CommandError("ACCESS_LOG_RETENTION_DAYS ต้องเป็นจำนวนวันตั้งแต่ 1 ขึ้นไป")
        cutoff = timezone.now() - dt.timedelta(days=days)
        old = ApiTokenUse.objects.filter(at__lt=cutoff)
        when = timezone.localtime(cutoff).strftime("%Y-%m-%d %H:%M")
        if dry_run:
            count = old.count()
            self.stdout.write(
                f"จะลบบันทึกการใช้โทเค็น {count} รายการ (ก่อน {when}, เก็บ {days} วัน) "
                "— ไม่ได้ลบจริง (--dry-run)"
            )
            return
        count, _ = old.delete()
        self.stdout.write(f"ลบบันทึกการใช้โทเค็นแล้ว {count} รายการ (ก่อน {when}, เก็บ {days} วัน)")
