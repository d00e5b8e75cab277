from django.core.management.base import BaseCommand
from django.db import transaction

from pmqa4.org.ministry_of_labour import build_organisation
from pmqa4.org.models import Province
from pmqa4.org.provinces import load_provinces


class Command(BaseCommand):
    help = (
        "โหลดโครงสร้างหน่วยงานของสำนักงานปลัดกระทรวงแรงงาน (หน่วยงานส่วนกลางและสำนักงานแรงงานจังหวัด 76 แห่ง)"
        " สำหรับเครื่องใหม่ ไม่สร้างบัญชีผู้ใช้ รันซ้ำได้โดยไม่เกิดข้อมูลซ้ำ"
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            load_provinces(Province)
            units = build_organisation()
        self.stdout.write(
            self.style.SUCCESS(f"โหลดหน่วยงานแล้ว {len(units)} หน่วยงาน (python manage.py list_units)")
        )
