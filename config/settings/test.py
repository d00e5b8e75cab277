"""Tests: fast hashing, mail kept in memory, SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-key-not-secret-but-long-enough-for-django-checks"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DEMO_DATA_ALLOWED = True
