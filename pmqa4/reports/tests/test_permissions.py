"""Permission matrix for every reports URL: (url, method, actor, expected status).

Anonymous → login; another unit's coordinator or the unit's own staff without a role → 404;
the executive, the evaluator and the central group read (200) and never edit (403); the
unit's coordinator edits (200 or a redirect after saving).
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from . import add_activity, add_kpi

pytestmark = pytest.mark.django_db

READ, EDIT, PREVIEW = "read", "edit", "preview"

# name, method, kind
URLS = [
    ("reports:reports", "get", READ),
    ("reports:report", "get", READ),
    ("reports:report", "post", EDIT),
    ("reports:actuals", "get", READ),
    ("reports:actual-report", "post", EDIT),
    ("reports:achievement-preview", "post", PREVIEW),
]

# actor, expected status for a read, an edit, the preview
ACTORS = [
    ("coordinator_b", 404, 404, 404),
    ("staff_a", 404, 404, 404),
    ("executive_a", 200, 403, 200),
    ("evaluator", 200, 403, 200),
    ("central", 200, 403, 200),
    ("coordinator_a", 200, 302, 200),
]


@pytest.fixture
def urls(cast, cycle):
    kpi = add_kpi(cast.unit_a, cycle, code="K1", target="80")
    activity = add_activity(cast.unit_a, cycle, kpis=[kpi])
    base = [cast.unit_a.code, cycle.fiscal_year]
    extra = {
        "reports:report": [activity.pk],
        "reports:actual-report": [kpi.pk],
        "reports:achievement-preview": [kpi.pk],
    }
    data = {
        "reports:report": {"version": "0", "action": "save", "objective": "ทดสอบ"},
        "reports:actual-report": {
            f"kpi{kpi.pk}-value": "90",
            f"kpi{kpi.pk}-measured_on": timezone.localdate().isoformat(),
        },
        "reports:achievement-preview": {"value": "90"},
    }
    return {
        name: (reverse(name, args=base + extra.get(name, [])), data.get(name, {}))
        for name, _, _ in URLS
    }


def send(client, method, url, data):
    return client.get(url) if method == "get" else client.post(url, data)


@pytest.mark.parametrize(("name", "method", "kind"), URLS)
def test_anonymous_is_sent_to_log_in(client, urls, name, method, kind):
    url, data = urls[name]
    response = send(client, method, url, data)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("name", "method", "kind"), URLS)
@pytest.mark.parametrize(("actor", "read", "edit", "preview"), ACTORS)
def test_permission_matrix(client, cast, urls, name, method, kind, actor, read, edit, preview):
    url, data = urls[name]
    client.force_login(getattr(cast, actor))
    expected = {READ: read, EDIT: edit, PREVIEW: preview}[kind]
    assert send(client, method, url, data).status_code == expected


@pytest.mark.parametrize(("name", "method", "kind"), URLS)
def test_a_year_without_a_cycle_is_not_found(client, cast, urls, name, method, kind):
    url, data = urls[name]
    client.force_login(cast.coordinator_a)
    assert send(client, method, url.replace("/2568/", "/2599/"), data).status_code == 404
