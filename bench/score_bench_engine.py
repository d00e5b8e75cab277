"""Throughput of the pure scoring engine: facts dict in, breakdown dict out (units/s).

Usage, from the project root: ``.venv/bin/python bench/score_bench_engine.py [N]``

Generates N synthetic facts documents deterministically, shaped like worked examples A and B
(2–6 members, ~10 meetings, ~5 KPIs, 3 activities, 1–2 submissions per step). Cycle-level values
(rules, due dates, meeting dates, as_of) repeat across units as they do in a real cycle; each
unit's timestamps, attendance, KPI values, roster and findings vary. No Django is needed.

Prints the best of 3 runs (time.perf_counter, one process) of ``score_documents`` over the list,
as scoring a cycle does (pmqa4/scoring/services.py: every breakdown kept, the garbage collector
paused); then ``score_document`` one unit at a time with the collector running, keeping every
breakdown and dropping each one as soon as it is made; then parse_facts, score and to_json
alone. The engine's caches are emptied before every run, so a run pays for its own cache misses,
as scoring one cycle would.
"""

import datetime as dt
import gc
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pmqa4.scoring import engine
from pmqa4.scoring.engine import parse_facts, score, score_document, score_documents

SEED = 2568
RUNS = 3
BANGKOK = dt.timezone(dt.timedelta(hours=7))
AS_OF = "2025-09-30T23:59:59+07:00"
DUE = {"team": dt.date(2024, 11, 29), "plans": dt.date(2025, 1, 31), "report": dt.date(2025, 9, 24)}
MEETINGS = [dt.date(2024, 12, 20) + dt.timedelta(days=30 * i) for i in range(10)]
RULES = {  # as the adapter sends them: every key, decimals as strings
    "late_or_incomplete": "0.05",
    "not_unit_wide": "0.50",
    "not_as_prescribed": "0.50",
    "missing_dimension": "0.50",
    "kpi_below": "0.50",
    "kpi_threshold": "85.00",
    "attendance_threshold": "85.00",
    "step_points": "1.00",
}
NAMES = ["นางสาวกานดา ใจดี", "นายสมชาย รักงาน", "นางวิไล ศรีสุข", "นายประเสริฐ มั่นคง", ""]
POSITIONS = ["นักวิเคราะห์นโยบายและแผนชำนาญการ", "ผู้อำนวยการกอง", "นักจัดการงานทั่วไป", ""]
TARGETS = ["80.00", "25.00", "20.00", "10.00", "100.00", "95.50", "3.00"]


def moment(rng: random.Random, due: dt.date) -> str:
    """A submission time around the due date: mostly before it, sometimes a little after."""
    day = due + dt.timedelta(days=rng.choice([-9, -5, -3, -2, -1, -1, 0, 0, 0, 1, 3]))
    at = dt.datetime.combine(day, dt.time(8), BANGKOK) + dt.timedelta(
        seconds=rng.randrange(10 * 3600), microseconds=rng.choice([0, rng.randrange(10**6)])
    )
    return at.isoformat()


def submissions(rng: random.Random, due: dt.date) -> list[dict]:
    first = {"at": moment(rng, due)}
    if rng.random() >= 0.2:
        return [first]
    first["returned_at"] = moment(rng, due + dt.timedelta(days=12))
    first["correction_due"] = rng.choice([None, (due + dt.timedelta(days=20)).isoformat()])
    return [first, {"at": moment(rng, due + dt.timedelta(days=20))}]


def due_of(rng: random.Random, part: str) -> dt.date:
    """The cycle's due date; now and then a unit's extension."""
    extended = rng.random() < 0.05
    return DUE[part] + dt.timedelta(days=7) if extended else DUE[part]


def member(rng: random.Random) -> dict:
    return {
        "name": rng.choice(NAMES),
        "position": rng.choice(POSITIONS),
        "phone": rng.choice(["0 2232 1234", "0 2232 1000", ""]),
        "email": rng.choice(["kanda@example.go.th", ""]),
    }


def kpi(rng: random.Random, number: int) -> dict:
    target = rng.choice(TARGETS)
    actual = None
    if rng.random() < 0.9:
        actual = f"{float(target) * rng.uniform(0.6, 1.4):.2f}"
    return {
        "id": f"K{number}",
        "named_in": rng.choice([["form1", "form2"], ["form1", "form2"], ["form2"], ["form1"]]),
        "sheet": rng.choice(["complete"] * 8 + ["incomplete", "missing"]),
        "direction": rng.choice(["higher"] * 4 + ["lower"]),
        "target": target,
        "actual": actual,
    }


def findings(rng: random.Random) -> list[str]:
    return rng.choice([[]] * 8 + [["not_unit_wide"], ["not_unit_wide", "not_as_prescribed"]])


def document(rng: random.Random, number: int) -> dict:
    """One unit's facts, shaped as the adapter writes them (pmqa4/scoring/adapter.py)."""
    team_due, plans_due, report_due = (due_of(rng, part) for part in ("team", "plans", "report"))
    return {
        "version": 1,
        "unit": f"UNIT-{number:05d}",
        "fiscal_year": 2568,
        "as_of": AS_OF,
        "rules": dict(RULES),
        "team": {
            "due": team_due.isoformat(),
            "submissions": submissions(rng, team_due),
            "members": [member(rng) for _ in range(rng.randint(2, 6))],
        },
        "meetings": [
            {"held_on": day.isoformat(), "required": i != 4, "attended": rng.random() < 0.9}
            for i, day in enumerate(MEETINGS)
        ],
        "plans": {
            "due": plans_due.isoformat(),
            "submissions": submissions(rng, plans_due),
            "signed_off": rng.random() < 0.95,
            "form1_dimensions": [1, 2, 3],
            "form2_dimensions": rng.choice([[1, 2, 3]] * 4 + [[1, 3], [2, 3]]),
            "kpis": [kpi(rng, k) for k in range(1, rng.randint(3, 7) + 1)],
            "findings": findings(rng),
        },
        "report": {
            "due": report_due.isoformat(),
            "submissions": submissions(rng, report_due),
            "signed_off": rng.random() < 0.95,
            "activities": [{"id": f"{d}.1", "reported": rng.random() < 0.93} for d in (1, 2, 3)],
            "findings": findings(rng),
        },
    }


def documents(count: int, seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    return [document(rng, n) for n in range(count)]


def best_of(function, inputs: list, keep: bool = True) -> float:
    """Seconds for the fastest of RUNS runs of ``function`` over ``inputs``, caches cold.

    ``keep`` holds on to every result, as scoring a cycle does (pmqa4/scoring/services.py), so
    the garbage collector has them to look through; otherwise each result is dropped at once.
    """
    best = float("inf")
    for _ in range(RUNS):
        engine.clear_caches()
        gc.collect()
        start = time.perf_counter()
        if keep:
            results = [function(item) for item in inputs]
            best = min(best, time.perf_counter() - start)
            del results  # each run starts with the same heap
        else:
            for item in inputs:
                function(item)
            best = min(best, time.perf_counter() - start)
    return best


def line(label: str, count: int, seconds: float) -> str:
    version = ".".join(map(str, sys.version_info[:3]))
    return (
        f"{label}: {count} units in {seconds:.2f} s = {count / seconds:,.0f} units/s"
        f" (python {version})"
    )


def main(argv: list[str]) -> None:
    count = int(argv[0]) if argv else 10_000
    inputs = documents(count)
    batch = best_of(lambda all_units: score_documents(all_units), [inputs])
    kept = best_of(score_document, inputs)
    dropped = best_of(score_document, inputs, keep=False)
    parsing = best_of(parse_facts, inputs, keep=False)
    facts = [parse_facts(document) for document in inputs]
    scoring = best_of(score, facts, keep=False)
    breakdowns = [score(one) for one in facts]
    rendering = best_of(lambda breakdown: breakdown.to_json(), breakdowns, keep=False)
    print(line("engine (score_documents, a cycle at once)", count, batch))
    print(line("  one at a time, collector running, results kept", count, kept))
    print(line("  one at a time, collector running, each result dropped", count, dropped))
    print(line("  parse only", count, parsing))
    print(line("  score only", count, scoring))
    print(line("  to_json only", count, rendering))


if __name__ == "__main__":
    main(sys.argv[1:])
