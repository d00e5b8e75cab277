"""The central dashboard's response time for 90 and 900 units, on PostgreSQL.

Usage, from the project root:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
        .venv/bin/python bench/dashboard_bench.py [RUNS]

Creates its own database ``pmqa4_bench`` next to the one the URL names (migrated, so the
provinces and the PMQA reference rows are there), fills it with 90 synthetic units that each
have a year of work (roster, attendance, Forms 1–2, KPIs with actuals, submissions of steps 1,
3 and 4 in every state, some extensions: pmqa4/dashboard/tests/bulk.py), times the pages through
Django's test Client signed in as the central administrator (median of RUNS, default 7, after
one warm-up request), then adds 810 units and times again at 900: the dashboard (whole and
filtered), the charts with published scores and again with none (every year scored live), and
the matrix's XLSX export. Prints each one's median time, its number of queries and size, and
whether the queries are the same at 90 and 900 units. The database is dropped afterwards.
"""

import os
import random
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from pmqa4.core.testing.factories import CycleFactory, UnitFactory, person  # noqa: E402
from pmqa4.dashboard.tests.bulk import populate  # noqa: E402
from pmqa4.org.models import Role  # noqa: E402
from pmqa4.scoring.models import ScoreRecord  # noqa: E402

BENCH_DB = "pmqa4_bench"
PAGES = (
    ("dashboard /central/", "/central/?year=2568"),
    ("dashboard, filtered", "/central/?year=2568&kind=division&q=1&status=late"),
    ("charts /central/charts/ (published scores)", "/central/charts/?year=2568"),
    ("matrix export, XLSX", "/central/export/matrix.xlsx?year=2568"),
)


def timed(client, path, runs: int) -> tuple[float, int, int]:
    """(median seconds, queries, bytes) of GET path, after one warm-up request."""
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(times), len(queries), len(response.content)


def report(count: int, client, runs: int) -> dict:
    print(f"\n{count} units ({connection.vendor}, median of {runs} runs):")
    results = {}
    for label, path in PAGES:
        seconds, queries, size = timed(client, path, runs)
        results[label] = (seconds, queries)
        line(label, seconds, queries, size)
    # The charts again with nothing published: every year scored live (then put back).
    label = "charts, live scores (nothing published)"
    with transaction.atomic():
        ScoreRecord.objects.all().delete()
        seconds, queries, size = timed(client, PAGES[2][1], runs)
        transaction.set_rollback(True)
    results[label] = (seconds, queries)
    line(label, seconds, queries, size)
    return results


def line(label, seconds, queries, size):
    print(f"  {label:45s} {seconds * 1000:8.0f} ms  {queries:3d} queries  {size / 1024:7.0f} KiB")


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = BENCH_DB
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        rng = random.Random(2568)
        cycle = CycleFactory()
        central_group = UnitFactory(code="OPS-ASD", name_th="กลุ่มพัฒนาระบบบริหาร", takes_part=False)
        central = person(Role.CENTRAL_ADMIN, central_group, username="central")
        client = Client()
        client.force_login(central)
        started = time.perf_counter()
        populate(cycle, 90, actor=central, rng=rng, prefix="A", published=True)
        print(f"built 90 units in {time.perf_counter() - started:.1f} s")
        small = report(90, client, runs)
        started = time.perf_counter()
        populate(cycle, 810, actor=central, rng=rng, prefix="B", published=True)
        print(f"\nadded 810 units in {time.perf_counter() - started:.1f} s")
        large = report(900, client, runs)
        print("\nsame number of queries for 90 and 900 units:")
        for label in small:
            before, after = small[label][1], large[label][1]
            print(f"  {label:45s} {'yes' if before == after else 'NO'} ({before} / {after})")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
