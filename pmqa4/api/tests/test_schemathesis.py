"""Schemathesis against the OpenAPI document the app serves: every operation, with generated
valid and invalid requests and a unit coordinator's read-and-write token; no server error, and
every response as the document says (status code, content type, headers, body schema).

The document is loaded from /api/v1/openapi.json through Django's WSGI application, and the
requests go through it too (the whole middleware stack, as in production). Each operation runs
twice: with generated path parameters (mostly unknown units: 404s and 422s) and with the path
pinned to unit A's real objects (so the queries, serialisers and the write service run on data).
The number of requests sent is printed at the end of the module.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from config.wsgi import application
from pmqa4.api.models import Scope

pytestmark = pytest.mark.django_db

DOCUMENT = "/api/v1/openapi.json"
EXAMPLES = settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
SENT = []  # (test, method, path, status) of every generated request: conftest.py prints the count

# Loaded when the module is collected (the document needs no database): pytest 9 has no
# `_nodeid` for schemathesis.pytest.from_fixture's lazy loading to rename the tests with.
generated = schemathesis.openapi.from_wsgi(DOCUMENT, application)
REAL = {"path.code": "OPS-AAA", "path.year": 2568, "path.kpi_code": "K1"}
# The boundary cases of the coverage phase already ran on the generated paths: here the fuzzing.
PINNED = {"parameters": REAL, "phases": {"coverage": {"enabled": False}}}
pinned = schemathesis.openapi.from_wsgi(
    DOCUMENT, application, config=schemathesis.Config.from_dict(PINNED)
).include(path_regex=r"\{(code|score_id)\}")


@pytest.fixture(autouse=True)
def wsgi_in_test_transaction():
    """Django's WSGI handler closes the database connection after each request; inside a test
    that would end the test's transaction (Django's test client does the same as this)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.API_RATE_LIMIT = "100000/m"  # the limit has its own test; here it would cut runs short


@pytest.fixture
def bearer(issue, cast):
    return {"Authorization": "Bearer " + issue(cast.coordinator_a, Scope.READ_WRITE_ACTUALS)}


def _call(case, bearer, kind):
    # A request the document allows may still break a business rule (a date in the future, a
    # cause missing for a result below the threshold, a step already submitted): rightly a 422
    # or a 409, so "valid data must be accepted" does not hold for the write. And a query
    # parameter "made invalid" by turning a string into a one-item array is sent as the same
    # string (q=0.0), which is valid: "invalid data must be refused" cannot hold for query text.
    response = case.call_and_validate(
        headers=bearer, excluded_checks=[positive_data_acceptance, negative_data_rejection]
    )
    SENT.append((kind, case.method, case.path, response.status_code))
    return response


@generated.parametrize()
@EXAMPLES
def test_generated_requests(case, bearer, cycle):
    _call(case, bearer, "generated")


@pinned.parametrize()
@EXAMPLES
def test_requests_on_unit_as_objects(case, bearer, world):
    if "score_id" in case.path_parameters and case.meta.generation.mode.is_positive:
        case.path_parameters["score_id"] = world.score_a.pk
    _call(case, bearer, "pinned")
