import csv
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from pmqa4.cycles.models import Cycle
from pmqa4.scoring.services import assessment_time, cycle_scores


def parse_as_of(value: str | None, cycle: Cycle):
    if value is None:
        return assessment_time(cycle, timezone.now())
    moment = parse_datetime(value)
    if moment is None or moment.tzinfo is None:
        raise CommandError(f"--as-of must be an ISO 8601 time with an offset, got {value!r}")
    return moment


class Command(BaseCommand):
    help = "คำนวณคะแนนของทุกหน่วยงานในรอบปีงบประมาณ (JSON หรือ CSV)"

    def add_arguments(self, parser):
        parser.add_argument("fiscal_year", type=int, help="ปีงบประมาณ พ.ศ. เช่น 2568")
        parser.add_argument(
            "--as-of", help="ประเมิน ณ เวลา (ISO 8601 มีเขตเวลา); ค่าเริ่มต้น: ตอนนี้ หรือสิ้นปีงบประมาณ"
        )
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args, fiscal_year, as_of=None, format="json", **options):
        cycle = Cycle.objects.filter(fiscal_year=fiscal_year).first()
        if cycle is None:
            raise CommandError(f"no cycle for fiscal year {fiscal_year}")
        scores = cycle_scores(cycle, as_of=parse_as_of(as_of, cycle))
        if format == "json":
            breakdowns = [score.breakdown for score in scores]
            self.stdout.write(json.dumps(breakdowns, ensure_ascii=False, indent=2))
            return
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(["unit", "name", *(f"step{n}" for n in range(1, 6)), "round1", "year"])
        for score in scores:
            writer.writerow(
                [
                    score.unit.code,
                    score.unit.name_th,
                    *(step["points"] for step in score.steps),
                    score.breakdown["round1"],
                    score.breakdown["year"],
                ]
            )
