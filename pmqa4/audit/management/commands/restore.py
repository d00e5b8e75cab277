import sys

from django.core.management.base import BaseCommand, CommandError

from pmqa4.audit.archive import ArchiveError
from pmqa4.audit.restore import restore_archive


class Command(BaseCommand):
    help = (
        "กู้คืนจากไฟล์ที่คำสั่ง backup สร้าง: ตรวจ manifest (migrations และ SHA-256) ก่อน "
        "แล้วล้างฐานข้อมูลและโหลดข้อมูลกลับในธุรกรรมเดียว คืนไฟล์ที่อัปโหลด และตรวจผลอีกครั้ง"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="ไฟล์สำรอง (.tar.gz)")
        parser.add_argument("--yes", action="store_true", help="ไม่ถามยืนยัน (สำหรับสคริปต์)")
        parser.add_argument("--database", default="default", help="ฐานข้อมูล (ค่าเริ่มต้น default)")

    def handle(self, *args, file, yes=False, database="default", **options):
        def confirm(manifest) -> bool:
            rows = sum(manifest.get("row_counts", {}).values())
            self.stdout.write(
                f"ไฟล์สำรองถูกต้อง: สร้างเมื่อ {manifest.get('created_at')}, "
                f"{rows} แถว, {len(manifest.get('files', {}))} ไฟล์"
            )
            if yes:
                return True
            if not sys.stdin.isatty():
                raise ArchiveError("การกู้คืนจะลบข้อมูลปัจจุบันทั้งหมด ใส่ --yes เพื่อยืนยันเมื่อรันโดยไม่มีผู้ตอบ")
            answer = input("ข้อมูลปัจจุบันทั้งหมดจะถูกแทนที่ พิมพ์ yes เพื่อยืนยัน: ")
            return answer.strip().lower() == "yes"

        try:
            result = restore_archive(file, confirm=confirm, using=database)
        except ArchiveError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"กู้คืนแล้ว: {result.rows} แถว (ตรวจจำนวนทุกตารางแล้ว), "
            f"{result.files} ไฟล์ (เขียนใหม่ {result.files_written}, ตรวจ SHA-256 แล้ว)"
        )
        if result.extra_files:
            self.stdout.write(
                f"ไฟล์ในที่จัดเก็บที่ไม่อยู่ในไฟล์สำรอง {len(result.extra_files)} ไฟล์ ถูกเก็บไว้ตามเดิม"
            )
        self.stdout.write("ทุกคนต้องเข้าสู่ระบบใหม่ (ไฟล์สำรองไม่เก็บ session)")
