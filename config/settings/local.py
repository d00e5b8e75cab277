"""Development: runs with nothing set. Mail goes to the console."""

from config.env import envbool, envstr

from .base import *  # noqa: F403

DEBUG = envbool("DEBUG", True)
SECRET_KEY = envstr("SECRET_KEY", "dev-insecure-key-for-local-development-only")
EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEMO_DATA_ALLOWED = envbool("DEMO_DATA_ALLOWED", True)
