import json

from django.core.management.base import BaseCommand, CommandError

from pmqa4.cycles.models import Cycle
from pmqa4.org.models import Unit
from pmqa4.scoring.adapter import unit_facts

from .score_cycle import parse_as_of


class Command(BaseCommand):
    help = "พิมพ์ข้อเท็จจริง (facts) ของหน่วยงานหนึ่ง เพื่อให้คำนวณคะแนนซ้ำได้ด้วย score_facts"

    def add_arguments(self, parser):
        parser.add_argument("fiscal_year", type=int)
        parser.add_argument("--unit", required=True, help="รหัสหน่วยงาน เช่น PLO-CNX")
        parser.add_argument("--as-of", help="ISO 8601 มีเขตเวลา; ค่าเริ่มต้น: ตอนนี้ หรือสิ้นปี")

    def handle(self, *args, fiscal_year, unit, as_of=None, **options):
        cycle = Cycle.objects.filter(fiscal_year=fiscal_year).first()
        if cycle is None:
            raise CommandError(f"no cycle for fiscal year {fiscal_year}")
        found = Unit.objects.filter(code=unit).first()
        if found is None:
            raise CommandError(f"no unit with code {unit!r} (python manage.py list_units)")
        facts = unit_facts(cycle, found, as_of=parse_as_of(as_of, cycle))
        self.stdout.write(json.dumps(facts, ensure_ascii=False, indent=2))
