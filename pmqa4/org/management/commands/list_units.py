from django.core.management.base import BaseCommand

from pmqa4.org.models import Unit


class Command(BaseCommand):
    help = "พิมพ์รหัส ประเภท และชื่อของทุกหน่วยงาน หน่วยงานละหนึ่งบรรทัด (คั่นด้วยแท็บ)"

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="รวมหน่วยงานที่ยุบ/ควบรวมแล้ว")

    def handle(self, *args, all=False, **options):
        units = Unit.objects.order_by("code")
        if not all:
            units = units.filter(is_active=True)
        for unit in units:
            self.stdout.write(f"{unit.code}\t{unit.get_kind_display()}\t{unit.name_th}")
