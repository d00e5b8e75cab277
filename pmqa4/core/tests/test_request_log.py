"""The server's log: every response names its request id, production logs one JSON line per
request with that id, and the API's rate limit lives in Redis when REDIS_URL is set."""

import io
import json
import logging
import re
import uuid

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_guid.log_filters import CorrelationId
from pythonjsonlogger.json import JsonFormatter

from config.logging import TextFormatter, logging_config

from .test_settings import GOOD, _load_production

HEX_ID = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def request_log():
    """The request logger as production configures it, writing to a buffer."""
    config = logging_config(fmt="json", level="INFO", requests=True)
    options = {k: v for k, v in config["formatters"]["json"].items() if k != "()"}
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(JsonFormatter(**options))
    handler.addFilter(CorrelationId(correlation_id_field="request_id"))
    logger = logging.getLogger("pmqa4.request")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(config["loggers"]["pmqa4.request"]["level"])
    yield buffer
    logger.removeHandler(handler)
    logger.setLevel(level)


def lines(buffer: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def test_every_response_names_a_new_request_id(client, db):
    first = client.get(reverse("cycles:current"))["X-Request-ID"]
    second = client.get(reverse("cycles:current"))["X-Request-ID"]
    assert HEX_ID.fullmatch(first) and HEX_ID.fullmatch(second) and first != second


def test_nginx_s_request_id_is_kept_and_a_forged_one_replaced(client, db):
    from_nginx = uuid.uuid4().hex
    kept = client.get(reverse("cycles:current"), headers={"X-Request-ID": from_nginx})
    assert kept["X-Request-ID"] == from_nginx
    forged = client.get(reverse("cycles:current"), headers={"X-Request-ID": "<script>x</script>"})
    assert HEX_ID.fullmatch(forged["X-Request-ID"])


def test_production_logs_one_json_line_per_request_with_its_id_and_who(client, cast, request_log):
    client.force_login(cast.coordinator_a)
    response = client.get(reverse("org:unit-home", args=[cast.unit_a.code]) + "?q=นางสาวกานดา")

    (line,) = lines(request_log)
    assert line["request_id"] == response["X-Request-ID"]
    assert line["level"] == "INFO" and line["logger"] == "pmqa4.request"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/units/OPS-AAA/", 200)
    assert line["user_id"] == cast.coordinator_a.pk and line["duration_ms"] >= 0
    assert line["time"].endswith("+00:00")
    assert "กานดา" not in json.dumps(line, ensure_ascii=False)  # no query string: no names


def test_a_refused_request_and_an_anonymous_one_are_logged_too(client, cast, request_log):
    client.get(reverse("dashboard:overview"))  # anonymous: to the login page
    client.force_login(cast.coordinator_a)
    client.get(reverse("org:unit-home", args=[cast.unit_b.code]))  # another unit: 404
    anonymous, other = lines(request_log)
    assert (anonymous["status"], anonymous["user_id"]) == (302, None)
    assert (other["status"], other["user_id"]) == (404, cast.coordinator_a.pk)


def test_health_checks_are_not_logged(client, db, request_log):
    client.get(reverse("healthz"))
    assert request_log.getvalue() == ""


def test_development_keeps_the_request_lines_out_and_writes_text():
    config = logging_config(fmt="text", level="INFO", requests=False)
    assert config["loggers"]["pmqa4.request"]["level"] == "WARNING"
    record = logging.LogRecord("pmqa4", logging.INFO, __file__, 1, "สวัสดี", (), None)
    record.request_id = None
    text = TextFormatter(config["formatters"]["text"]["format"], style="{").format(record)
    assert text.endswith("INFO [-] pmqa4: สวัสดี")


def test_a_log_format_that_is_neither_is_refused():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT"):
        logging_config(fmt="xml", level="INFO", requests=True)


def test_production_writes_json_and_shares_its_cache_through_redis():
    production = _load_production({**GOOD, "REDIS_URL": "redis://127.0.0.1:6379/0"})
    assert production.LOGGING["handlers"]["console"]["formatter"] == "json"
    assert production.LOGGING["loggers"]["pmqa4.request"]["level"] == "INFO"
    cache = production.CACHES["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/0"
    assert not hasattr(_load_production(GOOD), "CACHES")  # Django's: each process's own memory


REDIS = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_cache():
    """Django's cache on the machine's Redis (a database of its own, emptied after)."""
    import redis

    server = redis.Redis.from_url(REDIS)
    try:
        server.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    prefix = f"pmqa4-test-{uuid.uuid4().hex[:8]}"
    backend = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS,
        "KEY_PREFIX": prefix,
    }
    with override_settings(CACHES={"default": backend}, API_RATE_LIMIT="2/m"):
        yield server, prefix
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)
    caches.close_all()


def test_the_api_rate_limit_is_counted_in_redis_for_every_worker(client, cast, redis_cache):
    from pmqa4.api.models import Scope
    from pmqa4.api.tokens import issue

    server, prefix = redis_cache
    issued = issue(
        user=cast.coordinator_a,
        name="ระบบของกอง",
        scope=Scope.READ,
        expires_at=None,
        now=timezone.now(),
    )
    headers = {"Authorization": f"Bearer {issued.secret}"}
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    # the counts are in Redis, where another worker process reads the same ones
    assert list(server.scan_iter(f"{prefix}:*throttle_api-token_*"))
    caches.close_all()  # as if the next call came to another process
    refused = client.get("/api/v1/me", headers=headers)
    assert refused.status_code == 429 and int(refused["Retry-After"]) >= 1
