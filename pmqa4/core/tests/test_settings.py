import importlib
import os
import sys
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
    env = {"SECRET_KEY": "k" * 50, "DATABASE_URL": "sqlite:////tmp/x.sqlite3"}
    with pytest.raises(ImproperlyConfigured, match="PostgreSQL"):
        _load_production(env)


def test_production_with_real_values_is_secure_and_has_no_demo_data():
    env = {
        "SECRET_KEY": "k" * 50,
        "DATABASE_URL": "postgres://pmqa4@db/pmqa4",
        "DEMO_DATA_ALLOWED": "",
    }
    settings = _load_production(env)
    assert settings.DEBUG is False
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.DEMO_DATA_ALLOWED is False
    assert settings.TIME_ZONE == "Asia/Bangkok" and settings.LANGUAGE_CODE == "th"
