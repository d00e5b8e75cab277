"""Production: refuses to start without a real secret key and explicit hosts."""

from django.core.exceptions import ImproperlyConfigured

from config.env import envbool, envint, envsecret

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, DATABASES

DEBUG = False
SECRET_KEY = envsecret("SECRET_KEY")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the server's host names")
if DATABASES["default"]["ENGINE"].endswith("sqlite3") and not envbool("ALLOW_SQLITE", False):
    raise ImproperlyConfigured(
        "Production uses PostgreSQL: set DATABASE_URL (or ALLOW_SQLITE=true)"
    )

SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = envbool("SECURE_COOKIES", True)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
