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
# Sign-in security is off by default so that tests signing in with client.login/force_login as
# the central administrator or an evaluator reach their pages; pmqa4/accounts/tests turn it on
# (settings.AXES_ENABLED = True, settings.MFA_ENFORCE = True) to test it.
AXES_ENABLED = False
MFA_ENFORCE = False
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
