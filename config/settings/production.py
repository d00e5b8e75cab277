"""Production: refuses to start with DEBUG on, without a real secret key or explicit hosts."""

from django.core.exceptions import ImproperlyConfigured

from config.env import envbool, envint, envlist, envsecret, envstr
from config.logging import logging_config

from .base import *  # noqa: F403
from .base import DATABASES

if envbool("DEBUG", False):
    raise ImproperlyConfigured("DEBUG must be off in production: unset DEBUG or set DEBUG=false")
DEBUG = False
SECRET_KEY = envsecret("SECRET_KEY")
# What Django's deployment check asks (security.W009): long, varied, not startproject's.
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure-"):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))')"
    )
# No default here: the server's own names, never "*".
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS")
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the server's host names (not *)")
if DATABASES["default"]["ENGINE"].endswith("sqlite3") and not envbool("ALLOW_SQLITE", False):
    raise ImproperlyConfigured(
        "Production uses PostgreSQL: set DATABASE_URL (or ALLOW_SQLITE=true)"
    )

SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = envbool("SECURE_COOKIES", True)
if SESSION_COOKIE_SECURE:
    # __Host-: the browser keeps these only if Secure, for this host alone and for path /.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
# The application's own host name and any name below it are HTTPS only.
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Browsers' preload list takes only a whole registrable domain (its owner's decision, not this
# application's), so the check that asks for it is silenced unless SECURE_HSTS_PRELOAD=true.
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# JSON lines with the request id, one line per request (config/logging.py).
LOGGING = logging_config(
    fmt=envstr("LOG_FORMAT", "json"), level=envstr("LOG_LEVEL", "INFO"), requests=True
)

# The cache holds the API's rate-limit counts: with several gunicorn workers they must share
# one (Redis; the default is each process's own memory, so the limit would count per worker).
REDIS_URL = envstr("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pmqa4",
        }
    }
