"""The pages' permission rules through the API, for the whole cast: unit A's URLs × seven
callers (as pmqa4/core/testing/matrix.py does for the pages, with tokens instead of sessions).
A 401 replaces the login page; another unit's object is a 404; a missing role or a read-only
token is a 403."""

import pytest

from pmqa4.api.models import Scope
from pmqa4.plans.models import KpiActual

pytestmark = pytest.mark.django_db

CALLERS = (
    "anonymous",
    "coordinator_a",
    "executive_a",
    "coordinator_b",
    "evaluator",
    "central",
    "staff_a",
)
A = "/units/OPS-AAA/cycles/2568"
UNIT_READ = (401, 200, 200, 404, 200, 200, 404)
ANY = (401, 200, 200, 200, 200, 200, 200)

READS = {
    "/me": ANY,
    "/units": ANY,
    "/units/OPS-AAA": UNIT_READ,
    "/cycles": ANY,
    "/cycles/2568": ANY,
    "/cycles/2568/step-status": ANY,
    f"{A}/steps": UNIT_READ,
    f"{A}/plan-items": UNIT_READ,
    f"{A}/activities": UNIT_READ,
    f"{A}/kpis": UNIT_READ,
    f"{A}/kpis/K1": UNIT_READ,
    "/scores": ANY,
    "score of unit A": UNIT_READ,
}


@pytest.fixture
def callers(world, issue, caller):
    def make(scope):
        return {
            who: caller(None if who == "anonymous" else issue(getattr(world.cast, who), scope))
            for who in CALLERS
        }

    return make


def test_reads_for_every_caller(world, callers):
    read = callers(Scope.READ)
    wrong = []
    for path, expected in READS.items():
        url = f"/scores/{world.score_a.pk}" if path == "score of unit A" else path
        got = tuple(read[who].get(url).status_code for who in CALLERS)
        if got != expected:
            wrong.append(f"{url}: {got}, expected {expected}")
    assert not wrong, "\n".join(wrong)


def test_unit_bs_objects_turn_the_answers_around(world, callers):
    read = callers(Scope.READ)
    for url in ("/units/OPS-BBB/cycles/2568/kpis/K1", f"/scores/{world.score_b.pk}"):
        got = tuple(read[who].get(url).status_code for who in CALLERS)
        assert got == (401, 404, 404, 200, 200, 200, 404), url


def test_writing_an_actual_for_every_caller_and_scope(world, callers):
    body = {"value": "88", "measured_on": "2025-06-30"}
    url = f"{A}/kpis/K1/actuals"
    expected = {
        Scope.READ: (401, 403, 403, 404, 403, 403, 404),
        Scope.READ_WRITE_ACTUALS: (401, 201, 403, 404, 403, 403, 404),
    }
    for scope, statuses in expected.items():
        write = callers(scope)
        got = tuple(write[who].post(url, body).status_code for who in CALLERS)
        assert got == statuses, scope
    assert KpiActual.objects.filter(kpi=world.a.k1).count() == 2  # the world's one and one new
    other = callers(Scope.READ_WRITE_ACTUALS)
    got = tuple(
        other[w].post("/units/OPS-BBB/cycles/2568/kpis/K1/actuals", body).status_code
        for w in CALLERS
    )
    assert got == (401, 404, 404, 201, 403, 403, 404)
