from auditlog.context import disable_auditlog
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from pmqa4.demo.build import (
    UnitYearBuilder,
    build_central_logins,
    build_unit_logins,
    publish_demo_scores,
)
from pmqa4.demo.calendar import build_cycles
from pmqa4.demo.notices import build_notices
from pmqa4.demo.people import DEMO_PASSWORD
from pmqa4.demo.scenarios import SCENARIOS
from pmqa4.framework.models import Characteristic, Dimension, MaturityLevel, PmqaCategory
from pmqa4.framework.reference import load_reference_data
from pmqa4.org.ministry_of_labour import build_organisation
from pmqa4.org.models import Province
from pmqa4.org.provinces import load_provinces


class Command(BaseCommand):
    help = "โหลดข้อมูลตัวอย่าง (กระทรวงแรงงาน ปีงบประมาณ 2568 และ 2570) รันซ้ำได้โดยไม่เกิดข้อมูลซ้ำ"

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="ไม่พิมพ์รายชื่อบัญชีผู้ใช้")

    def handle(self, *args, quiet=False, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(
                "ไม่อนุญาตให้โหลดข้อมูลตัวอย่างในระบบนี้ (DEMO_DATA_ALLOWED=false): "
                "ข้อมูลตัวอย่างมีรหัสผ่านที่เปิดเผยใน README"
            )
        # Demo rows are not changes anybody made: keep them out of the audit trail.
        with transaction.atomic(), disable_auditlog():
            logins = self.build()
        if not quiet:
            self.print_logins(logins)

    def build(self) -> list[tuple[str, str, str]]:
        # The migrations' reference rows, in case the tables were emptied since (idempotent).
        load_provinces(Province)
        load_reference_data(
            category=PmqaCategory,
            dimension=Dimension,
            characteristic=Characteristic,
            maturity=MaturityLevel,
        )
        units = build_organisation()
        cycles = build_cycles()
        central = build_central_logins(units)
        logins = [
            ("central", "ผู้ดูแลระบบส่วนกลาง", "กลุ่มพัฒนาระบบบริหาร"),
            ("evaluator", "ผู้ประเมิน", "กลุ่มพัฒนาระบบบริหาร"),
            ("ministry", "ผู้บริหารระดับกระทรวง (อ่านอย่างเดียว)", "สำนักงานปลัดกระทรวงแรงงาน"),
            ("staff", "บุคลากร (อ่านอย่างเดียว)", units["OPS-GAD"].name_th),
        ]
        codes = list(dict.fromkeys(s.code for year in SCENARIOS for s in SCENARIOS[year]))
        people = {}
        for index, code in enumerate(codes, start=1):
            coordinator, executive = build_unit_logins(units[code], index, central["central"])
            people[code] = {
                "coordinator": coordinator,
                "executive": executive,
                "central": central["central"],
                "evaluator": central["evaluator"],
            }
            logins.append((coordinator.username, "ผู้ประสานงานหน่วยงาน", units[code].name_th))
            logins.append((executive.username, "ผู้บริหารหน่วยงาน", units[code].name_th))
        for year, scenarios in SCENARIOS.items():
            for scenario in scenarios:
                UnitYearBuilder(
                    cycle=cycles[year],
                    unit=units[scenario.code],
                    scenario=scenario,
                    people=people[scenario.code],
                ).build()
        publish_demo_scores(cycles, central["central"])
        build_notices(cycles[2570], units, central["central"], central["evaluator"])
        return logins

    def print_logins(self, logins):
        self.stdout.write(self.style.SUCCESS("โหลดข้อมูลตัวอย่างเรียบร้อย"))
        self.stdout.write(f"รหัสผ่านของทุกบัญชี: {DEMO_PASSWORD}")
        for username, role, unit in logins:
            self.stdout.write(f"  {username:<14} {role:<26} {unit}")
