"""Write units' official forms to a folder: `export_forms --year 2568 --unit OPS-SPD --form all
--format pdf --out DIR [--numerals arabic]`. --unit may be repeated, or "all" (every unit taking
part). Every document is tried; the command ends with an error (status 1) if any failed."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pmqa4.cycles.models import Cycle
from pmqa4.documents import service
from pmqa4.documents.tasks import bundle_units
from pmqa4.org.models import Unit

FORM_CHOICES = (*service.KINDS, "all")


class Command(BaseCommand):
    help = "สร้างแบบฟอร์มทางการของหน่วยงาน (Word, PDF หรือ Excel) ลงในโฟลเดอร์"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="ปีงบประมาณ พ.ศ. เช่น 2568")
        parser.add_argument(
            "--unit",
            action="append",
            required=True,
            help="รหัสหน่วยงาน (ดูด้วย list_units) ระบุซ้ำได้ หรือ all = ทุกหน่วยงานที่รับการประเมิน",
        )
        parser.add_argument(
            "--form", required=True, help="1, 2, 3, 4, roster, score หรือ all (ทุกแบบที่รูปแบบนั้นมี)"
        )
        parser.add_argument("--format", required=True, help="docx, pdf หรือ xlsx")
        parser.add_argument("--out", required=True, help="โฟลเดอร์ที่จะเขียนไฟล์ (สร้างให้ถ้ายังไม่มี)")
        parser.add_argument(
            "--numerals", default="thai", help="thai (เลขไทย ค่าเริ่มต้น) หรือ arabic (เลขอารบิก)"
        )

    def handle(self, *args, year, unit, form, format, out, numerals, **options):
        fmt = format
        if fmt not in service.FORMATS:
            raise CommandError(f"ไม่มีรูปแบบไฟล์ “{fmt}” (ใช้ได้: {', '.join(service.FORMATS)})")
        kinds = self._kinds(form, fmt)
        try:
            service.printer_for(numerals)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        cycle = Cycle.objects.filter(fiscal_year=year).first()
        if cycle is None:
            known = ", ".join(str(y) for y in Cycle.objects.values_list("fiscal_year", flat=True))
            raise CommandError(f"ไม่มีรอบปีงบประมาณ {year} ในระบบ (มี: {known or 'ไม่มี'})")
        units = self._units(unit)
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        failed = 0
        for target in units:
            for kind in kinds:
                try:
                    document = service.render_document(target, cycle, kind, fmt, numerals)
                except Exception as exc:
                    failed += 1
                    self.stderr.write(f"ไม่สำเร็จ {target.code} {service.kind_label(kind)}: {exc}")
                    continue
                path = folder / document.filename
                path.write_bytes(document.data)
                self.stdout.write(str(path))
        if failed:
            raise CommandError(f"สร้างไฟล์ไม่สำเร็จ {failed} ไฟล์ (ดูรายละเอียดด้านบน)")

    def _kinds(self, form: str, fmt: str) -> tuple[str, ...]:
        if form == "all":
            return service.OFFERED[fmt]
        if form not in service.KINDS:
            raise CommandError(f"ไม่มีแบบฟอร์ม “{form}” (ใช้ได้: {', '.join(FORM_CHOICES)})")
        try:
            service.check(form, fmt)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        return (form,)

    def _units(self, codes: list[str]) -> list[Unit]:
        if "all" in codes:
            return bundle_units()
        codes = list(dict.fromkeys(codes))
        found = {u.code: u for u in Unit.objects.filter(code__in=codes)}
        missing = [code for code in codes if code not in found]
        if missing:
            raise CommandError(
                f"ไม่พบหน่วยงานรหัส {', '.join(missing)} (ดูรหัสทั้งหมดด้วย python manage.py list_units)"
            )
        return [found[code] for code in codes]
