from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pmqa4.audit.archive import ArchiveError
from pmqa4.audit.backup import default_archive_name, make_backup


class Command(BaseCommand):
    help = (
        "สำรองฐานข้อมูลทั้งหมด (snapshot ณ เวลาเดียวกัน) และไฟล์ที่อัปโหลดทุกไฟล์ "
        "เป็นไฟล์ .tar.gz เดียว พร้อม manifest (migrations, จำนวนแถว, SHA-256 ของทุกไฟล์)"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--out",
            help="ไฟล์ปลายทาง (ค่าเริ่มต้น: var/backups/pmqa4-backup-<วันเวลา>.tar.gz)",
        )
        parser.add_argument("--database", default="default", help="ฐานข้อมูล (ค่าเริ่มต้น default)")

    def handle(self, *args, out=None, database="default", **options):
        from django.conf import settings

        target = (
            Path(out) if out else settings.BASE_DIR / "var" / "backups" / default_archive_name()
        )
        try:
            manifest = make_backup(target, using=database)
        except ArchiveError as exc:
            raise CommandError(str(exc)) from None
        rows = sum(manifest["row_counts"].values())
        self.stdout.write(
            f"สำรองข้อมูลแล้ว: {target.resolve()}\n"
            f"  {rows} แถว จาก {len(manifest['row_counts'])} ตาราง, "
            f"{len(manifest['files'])} ไฟล์ ({manifest['created_at']})"
        )
        if manifest["missing_files"]:
            self.stderr.write(
                "คำเตือน: ไฟล์ที่ฐานข้อมูลอ้างถึงแต่ไม่พบในที่จัดเก็บ: "
                + ", ".join(manifest["missing_files"][:20])
            )
        self.stdout.write("ไฟล์สำรองมีข้อมูลส่วนบุคคลและรหัสผ่านที่เข้ารหัสแล้ว เก็บในที่ปลอดภัยเท่านั้น")
