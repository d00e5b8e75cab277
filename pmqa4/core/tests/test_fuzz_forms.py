"""Random input to every POST endpoint of the four roles never makes a server error, and never
leaves invalid data stored.

Each endpoint (post_endpoints.ENDPOINTS) gets random forms: Thai text, any UTF-8 character
(NUL, controls, right-to-left marks, emoji), strings far over every limit, numbers out of range
or in Thai digits, malformed dates and times, missing fields, extra fields, stale or absurd
versions and tampered hidden JSON, posted urlencoded or multipart, with and without htmx.
Half the forms are valid but for one field, so the random value reaches the services. Every
example runs in a transaction rolled back afterwards, so each starts from the same world.
"""

import datetime as dt
import json
import os
import string
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmqa4.core.forms import LONG_TEXT
from pmqa4.core.models import VersionedModel

from .post_endpoints import ENDPOINTS
from .world import PDF, build_world

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 25))  # per endpoint
TRIED: dict[str, int] = {}
MISSING = object()

# Values ---------------------------------------------------------------------------------------

THAI = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B)
ANY = st.characters(codec="utf-8")  # every character UTF-8 can carry: no lone surrogates
NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\r\n",
    "\u202e\u0e01\u0e02",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "{{ 7*7 }}{% debug %}",
    "%s%n%x",
    "../../etc/passwd",
    "null",
    "[]",
    "\ufeff",
    "ก\u0e31\u0e31\u0e31\u0e31",
]
NUMBERS = [
    "1e999999",
    "-1e999999",
    "1e-999999",
    "-0",
    "๑๒๓",
    "๘๕.๕",
    "1,000.5",
    "٣",
    "²",
    "0x10",
    "9" * 30,
    "9" * 5000,
    "1_000",
    " 5 ",
    "Infinity",
    "NaN",
    "-1",
    "2147483648",
    "9223372036854775808",
]
BAD_DATES = [
    "2025-02-30",
    "0000-00-00",
    "0001-01-01",
    "31/12/2567",
    "2568-01-01",
    "2025-13-01",
    "9999-12-31",
    "10000-01-01",
    "-1",
    "2025-1-1",
    "2025-01-01T10:00",
]
BAD_TIMES = ["24:00", "25:61", "9", "09:30:99", "-1:00", "12:00 PM", "๐๙:๓๐"]


TEXTS = st.one_of(
    st.text(THAI, max_size=40),
    st.text(ANY, max_size=40),
    st.builds(
        lambda piece, count: piece * count,
        st.sampled_from(["ก", "x", "๙", "\x00", "😀", "\u202e", "'\"", "ก\n"]),
        st.one_of(
            st.integers(LONG_TEXT - 5, 2 * LONG_TEXT),
            st.sampled_from([255, 301, 501, 2001, 4001, 100_001]),
        ),
    ),
    st.sampled_from(NASTY),
)
NUMBER_TEXTS = st.one_of(
    st.integers(-(2**70), 2**70).map(str),
    st.floats().map(str),
    st.decimals().map(str),
    st.sampled_from(NUMBERS),
)
DATES = st.one_of(
    st.dates().map(dt.date.isoformat),
    st.dates(dt.date(2024, 9, 1), dt.date(2025, 10, 31)).map(dt.date.isoformat),
    st.dates().map(lambda d: f"{d.day}/{d.month}/{d.year + 543}"),
    st.sampled_from(BAD_DATES),
)
TIMES = st.one_of(st.times().map(lambda t: t.strftime("%H:%M")), st.sampled_from(BAD_TIMES))


def json_texts(valid: str):
    leaves = st.one_of(st.none(), st.booleans(), st.integers(), st.text(ANY, max_size=20))
    shapes = st.recursive(
        leaves,
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
        ),
    )
    stored = json.loads(valid)
    tampered = st.builds(
        lambda key, value: json.dumps({**stored, key: value}, ensure_ascii=False),
        st.sampled_from([*stored.keys(), "name", "x"]),
        shapes,
    )
    return st.one_of(tampered, shapes.map(json.dumps), TEXTS)


def files():
    names = st.one_of(
        st.sampled_from(
            ["a.pdf", "รายงาน.docx", "../../x.pdf", "a.exe", "a" * 300 + ".pdf", ".pdf"]
        ),
        st.text(ANY, min_size=1, max_size=30),
    )
    heads = st.sampled_from(
        [b"", b"%PDF-", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"PK\x03\x04", b"MZ"]
    )
    contents = st.one_of(
        st.just(PDF),
        st.builds(lambda head, tail: head + tail, heads, st.binary(max_size=200)),
    )
    return st.builds(SimpleUploadedFile, names, contents)


def _plausible(field):
    kind, valid = field.kind, field.valid
    if kind == "int":
        near = st.sampled_from([valid - 1, valid + 1, 0, -1]).map(str)
        return st.one_of(near, NUMBER_TEXTS)
    if kind == "date":
        return DATES
    if kind == "time":
        return TIMES
    if kind == "decimal":
        return NUMBER_TEXTS
    if kind == "choice":
        return st.sampled_from(field.choices)
    if kind == "multi":
        items = st.one_of(st.sampled_from(field.choices or ("",)), NUMBER_TEXTS, TEXTS)
        return st.lists(items, max_size=5)
    if kind == "check":
        return st.sampled_from(["on", "", "off", "0"])
    if kind == "json":
        return json_texts(valid)
    if kind == "file":
        return files()
    return TEXTS


def _as_posted(field):
    if field.kind == "file":
        return SimpleUploadedFile("evidence.pdf", field.valid)
    if isinstance(field.valid, list):
        return [str(v) for v in field.valid]
    return str(field.valid)


def value_of(field):
    """Strategy for one field: its valid value, something plausible for its kind, or junk."""
    return st.one_of(st.builds(lambda: _as_posted(field)), _plausible(field), TEXTS)


KEYS = st.text(string.ascii_letters + "-_", min_size=1, max_size=12)
EXTRA = st.dictionaries(KEYS, TEXTS, max_size=3)


def forms(fields: dict):
    """A valid form with one field broken, or a form of random fields, plus extra fields. The
    field strategies are built once per endpoint; only the draws differ between examples."""
    values = {name: st.one_of(st.just(MISSING), value_of(f)) for name, f in fields.items()}
    names = st.sampled_from(sorted(fields) or [""])

    @st.composite
    def form(draw):
        valid = {n: _as_posted(f) for n, f in fields.items() if f.kind != "check" or f.valid}
        if fields and draw(st.booleans()):
            data = dict(valid)
            name = draw(names)
            data[name] = draw(values[name])
        else:
            data = {name: draw(strategy) for name, strategy in values.items()}
        data.update(draw(EXTRA))
        return {name: value for name, value in data.items() if value is not MISSING}

    return form()


# Stored data stays valid -----------------------------------------------------------------------


def _text_fields(model):
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, (models.CharField, models.TextField))
    ]


def assert_stored_data_valid(labels):
    for label in labels:
        model = apps.get_model(label)
        foreign = [f.name for f in model._meta.concrete_fields if f.is_relation]
        for obj in model.objects.all():
            obj.full_clean(exclude=foreign, validate_unique=False, validate_constraints=False)
            for field in _text_fields(model):
                value = getattr(obj, field.attname) or ""
                assert "\x00" not in value, (label, field.name)
                assert len(value) <= (field.max_length or LONG_TEXT), (
                    label,
                    field.name,
                    len(value),
                )
            if isinstance(obj, VersionedModel):
                assert obj.version >= 1, (label, obj.pk)


# The test --------------------------------------------------------------------------------------


@pytest.fixture
def world(cast, cycle):
    return build_world(cast, cycle)


def _post(client, url, data, *, urlencoded, htmx):
    headers = {"HX-Request": "true"} if htmx else {}
    if urlencoded:
        pairs = [(k, x) for k, v in data.items() for x in (v if isinstance(v, list) else [v])]
        body = urlencode(pairs)
        return client.post(
            url, body, content_type="application/x-www-form-urlencoded", headers=headers
        )
    return client.post(url, data, headers=headers)


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[e.name for e in ENDPOINTS])
@FUZZ
@given(data=st.data())
def test_random_posts_never_make_a_server_error(world, endpoint, data):
    if endpoint.prepare and not getattr(world, f"_prepared_{endpoint.name}", False):
        endpoint.prepare(world)
        setattr(world, f"_prepared_{endpoint.name}", True)
    if not hasattr(world, "client"):  # once per endpoint: the examples share them
        world.client = Client()
        if endpoint.who != "anonymous":
            world.client.force_login(getattr(world.cast, endpoint.who))
        world.url, world.strategy = endpoint.url(world), forms(endpoint.fields(world))
    client, url = world.client, world.url
    payload = data.draw(world.strategy, label="form")
    has_file = any(isinstance(v, SimpleUploadedFile) for v in payload.values())
    urlencoded = not has_file and data.draw(st.booleans(), label="urlencoded")
    htmx = endpoint.htmx and data.draw(st.booleans(), label="htmx")
    TRIED[endpoint.name] = TRIED.get(endpoint.name, 0) + 1
    with transaction.atomic():
        response = _post(client, url, payload, urlencoded=urlencoded, htmx=htmx)
        assert response.status_code < 500, response.content[:2000]
        assert_stored_data_valid(endpoint.models)
        transaction.set_rollback(True)


def test_every_endpoint_was_tried_and_the_total_is_reported(request):
    """Runs last: each endpoint above had its random inputs (when they ran in this session)."""
    ran = [e.name for e in ENDPOINTS if e.name in TRIED]
    if not ran:
        pytest.skip("the fuzz tests did not run in this session")
    total = sum(TRIED.values())
    assert all(TRIED[name] >= 1 for name in ran)
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\nfuzz: {total} random inputs across {len(ran)} POST endpoints")
