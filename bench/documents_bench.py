"""Printing the official forms on the demo data: per unit, and the ZIP of every unit.

Usage, from the project root:

    .venv/bin/python bench/documents_bench.py [--units all|CODE ...] [--skip-zip]

Creates a throw-away SQLite database in a temporary folder, migrates it and loads the demo
(`seed_demo`), then
- for each unit (default: the demo units whose FY2568 plans are filled in; `--units all` for
  every unit taking part), times Forms 1–4 as Word (target: under 300 ms for the four) and as
  PDF (target: under 1.5 s for the four), each document rendered from the database as the
  download button does (service.render_document);
- times the ZIP of every unit's Forms 1–3 (all units taking part) in PDF and in Word, running
  the background task's function (tasks.run_bundle) directly (target: under 90 s each).
The first document of each format is rendered once beforehand (templates, fonts) and not counted.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
_TMP = tempfile.TemporaryDirectory(prefix="pmqa4-documents-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{_TMP.name}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from pmqa4.cycles.models import Cycle  # noqa: E402
from pmqa4.documents import service, tasks  # noqa: E402
from pmqa4.documents.models import DocumentBundle  # noqa: E402
from pmqa4.org.models import Unit  # noqa: E402
from pmqa4.plans.models import ThreeYearPlan  # noqa: E402

FORMS = ("1", "2", "3", "4")
TARGETS = {"docx": 0.300, "pdf": 1.5}
ZIP_TARGET = 90.0


def units_to_time(cycle, codes: list[str] | None) -> list[Unit]:
    if codes == ["all"]:
        return tasks.bundle_units()
    if codes:
        return list(Unit.objects.filter(code__in=codes).order_by("code"))
    with_plans = ThreeYearPlan.objects.filter(cycle=cycle).values("unit_id")
    return list(Unit.objects.filter(pk__in=with_plans, takes_part=True).order_by("code"))


def time_unit(unit, cycle, fmt: str) -> tuple[float, float]:
    """(wall, CPU) seconds for the unit's Forms 1–4 in a format."""
    started, cpu = time.perf_counter(), time.process_time()
    for kind in FORMS:
        service.render_document(unit, cycle, kind, fmt)
    return time.perf_counter() - started, time.process_time() - cpu


def per_unit(cycle, units) -> None:
    for fmt in TARGETS:  # warm up: templates, fonts, the renderer's imports
        service.render_document(units[0], cycle, "1", fmt)
    print(f"\nForms 1–4 per unit (targets: Word < {TARGETS['docx'] * 1000:.0f} ms, PDF < 1.5 s)")
    print("(wall time; CPU time of this process in brackets: on a busy machine they differ)")
    print(f"{'unit':<10} {'Word (4 files)':>22} {'PDF (4 files)':>22}")
    times = {fmt: [] for fmt in TARGETS}
    for unit in units:
        row = {fmt: time_unit(unit, cycle, fmt) for fmt in TARGETS}
        cells = []
        for fmt, (wall, cpu) in row.items():
            times[fmt].append((wall, cpu))
            mark = "" if wall < TARGETS[fmt] else "!"
            cells.append(f"{wall * 1000:>7.0f} ms ({cpu * 1000:>5.0f}) {mark:1}")
        print(f"{unit.code:<10} {cells[0]:>22} {cells[1]:>22}")
    for fmt, label in (("docx", "Word"), ("pdf", "PDF")):
        walls = [wall for wall, _ in times[fmt]]
        cpus = [cpu for _, cpu in times[fmt]]
        over = sum(v >= TARGETS[fmt] for v in walls)
        print(
            f"{label}: median {statistics.median(walls) * 1000:.0f} ms "
            f"(CPU {statistics.median(cpus) * 1000:.0f}), max {max(walls) * 1000:.0f} ms "
            f"(CPU {max(cpus) * 1000:.0f}) over {len(walls)} units; "
            f"{over} over the {TARGETS[fmt] * 1000:.0f} ms target"
        )


def zip_bundle(cycle, fmt: str) -> None:
    bundle = DocumentBundle.objects.create(cycle=cycle, step="3", fmt=fmt)
    started, cpu = time.perf_counter(), time.process_time()
    tasks.run_bundle(bundle.pk)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    bundle.refresh_from_db()
    units = bundle.total // 3
    verdict = "within" if elapsed < ZIP_TARGET else "OVER"
    print(
        f"ZIP of Forms 1–3, {fmt}: {units} units, {bundle.done} files "
        f"({len(bundle.failures)} failed), {bundle.file.size / 1e6:.1f} MB in {elapsed:.1f} s "
        f"(CPU {cpu:.1f} s) = {elapsed / max(units, 1) * 1000:.0f} ms/unit "
        f"({verdict} the {ZIP_TARGET:.0f} s target)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", nargs="+", help="unit codes, or all (default: units with plans)")
    parser.add_argument("--skip-zip", action="store_true", help="only the per-unit times")
    args = parser.parse_args()
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", quiet=True)
    print(f"migrated and loaded the demo in {time.perf_counter() - started:.0f} s")
    cycle = Cycle.objects.get(fiscal_year=2568)
    units = units_to_time(cycle, args.units)
    if not units:
        sys.exit(f"no such units: {args.units}")
    per_unit(cycle, units)
    if not args.skip_zip:
        print()
        for fmt in ("docx", "pdf"):
            zip_bundle(cycle, fmt)


if __name__ == "__main__":
    try:
        main()
    finally:
        _TMP.cleanup()
