import importlib
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import envbool, envint, envsecret


def test_envbool_reads_the_usual_spellings_and_refuses_others():
    with mock.patch.dict(os.environ, {"X": "yes"}):
        assert envbool("X") is True
    with mock.patch.dict(os.environ, {"X": "0"}):
        assert envbool("X", True) is False
    with mock.patch.dict(os.environ, {"X": "maybe"}), pytest.raises(ImproperlyConfigured):
        envbool("X")


def test_envint_refuses_words():
    with mock.patch.dict(os.environ, {"X": "ten"}), pytest.raises(ImproperlyConfigured):
        envint("X", 1)


@pytest.mark.parametrize("value", ["", "short", "dev-" + "x" * 40])
def test_a_production_secret_must_be_real(value):
    with mock.patch.dict(os.environ, {"SECRET_KEY": value}), pytest.raises(ImproperlyConfigured):
        envsecret("SECRET_KEY")


HOSTS = {"ALLOWED_HOSTS": "pmqa4.example.go.th"}
KEY = "3q9Zr-Vx1mKc8pLw2sTn7yHb5jDf0gRa4uEo6iQt_Nw8Ys2Lk5Pz"  # 52 random characters


def _load_production(env):
    """Import the production settings afresh (base too: it reads DATABASE_URL at import)."""
    sys.modules.pop("config.settings.production", None)
    sys.modules.pop("config.settings.base", None)
    with mock.patch.dict(os.environ, env, clear=False):
        return importlib.import_module("config.settings.production")


def test_production_refuses_to_start_without_a_secret_key():
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        _load_production({"SECRET_KEY": ""})


def test_production_refuses_sqlite_unless_told():
    env = {**HOSTS, "SECRET_KEY": KEY, "DATABASE_URL": "sqlite:////tmp/x.sqlite3"}
    with pytest.raises(ImproperlyConfigured, match="PostgreSQL"):
        _load_production(env)


def test_production_with_real_values_is_secure_and_has_no_demo_data():
    env = {
        **HOSTS,
        "SECRET_KEY": KEY,
        "DATABASE_URL": "postgres://pmqa4@db/pmqa4",
        "DEMO_DATA_ALLOWED": "",
    }
    settings = _load_production(env)
    assert settings.DEBUG is False
    assert settings.ALLOWED_HOSTS == ["pmqa4.example.go.th"]
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SESSION_COOKIE_NAME == "__Host-sessionid"
    assert settings.CSRF_COOKIE_NAME == "__Host-csrftoken"
    assert settings.SECURE_SSL_REDIRECT is True
    assert settings.SECURE_HSTS_SECONDS == 31536000 and settings.SECURE_HSTS_INCLUDE_SUBDOMAINS
    assert settings.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    assert settings.DEMO_DATA_ALLOWED is False
    assert settings.TIME_ZONE == "Asia/Bangkok" and settings.LANGUAGE_CODE == "th"


# The real thing, as the server starts it: manage.py in a fresh process with only these variables.

ROOT = Path(__file__).resolve().parents[3]
GOOD = {
    "SECRET_KEY": KEY,
    "ALLOWED_HOSTS": "pmqa4.example.go.th",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",  # check does not connect
}
# Ours, and what the browser tests set in this process (never set in a deployment).
OUR_VARIABLES = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "ALLOW_SQLITE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def in_production(argv: list[str], **env) -> subprocess.CompletedProcess:
    """``argv`` run from the project as the server runs it: production settings, only ``env``
    of ours (none of this test process's settings leak in)."""
    environment = {k: v for k, v in os.environ.items() if k not in OUR_VARIABLES}
    environment.update(env, DJANGO_SETTINGS_MODULE="config.settings.production")
    return subprocess.run(
        argv, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def manage(*args, **env):
    return in_production([sys.executable, "manage.py", *args], **env)


def test_the_deployment_check_is_clean_with_real_values():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **GOOD)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"DEBUG": "true"}, "DEBUG must be off in production"),
        ({"SECRET_KEY": ""}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "too-short-for-a-secret"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "abcd" * 20}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "dev-" + "x" * 40}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "django-insecure-" + KEY}, "SECRET_KEY must be set"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS must name"),
        ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS must name"),
        ({"DATABASE_URL": "sqlite:////tmp/pmqa4.sqlite3"}, "Production uses PostgreSQL"),
    ],
    ids=[
        "debug",
        "no-key",
        "short-key",
        "few-characters",
        "dev-key",
        "startproject-key",
        "no-hosts",
        "any-host",
        "sqlite",
    ],
)
def test_production_refuses_to_start_with_an_unsafe_value(change, message):
    result = manage("check", **{**GOOD, **change})
    assert result.returncode != 0
    assert f"ImproperlyConfigured: {message}" in result.stderr


def test_without_the_variable_allowed_hosts_production_refuses_to_start():
    env = {k: v for k, v in GOOD.items() if k != "ALLOWED_HOSTS"}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS must name" in result.stderr
