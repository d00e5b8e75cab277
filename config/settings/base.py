"""Settings shared by every environment; each environment module overrides what differs."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.env import envbool, envint, envlist, envstr
from config.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = envbool("DEBUG", False)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "pmqa4.core.admin_site.Pmqa4AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "auditlog",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_guid",
    "pmqa4.core",
    "pmqa4.org",
    "pmqa4.accounts",
    "pmqa4.framework",
    "pmqa4.cycles",
    "pmqa4.teams",
    "pmqa4.plans",
    "pmqa4.reports",
    "pmqa4.submissions",
    "pmqa4.scoring",
    "pmqa4.dashboard",
    "pmqa4.audit",
    "pmqa4.privacy",
    "pmqa4.documents",
    "pmqa4.demo",
    "pmqa4.api",
    "pmqa4.notifications",
    "pmqa4.opendata",
    "pmqa4.notices",
    "ninja",  # serves Swagger UI's files for /api/v1/docs from our static files
]

MIDDLEWARE = [
    "django_guid.middleware.guid_middleware",
    "pmqa4.core.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pmqa4.core.middleware.ThaiFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "pmqa4.privacy.middleware.AccessLogMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "pmqa4.core.sessions.SessionLimitsMiddleware",
    "pmqa4.core.middleware.PrivatePagesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "pmqa4.accounts.middleware.MfaMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "pmqa4.core.context_processors.site",
                "pmqa4.audit.context_processors.central_links",
            ],
            "builtins": ["pmqa4.core.templatetags.thai"],
        },
    },
]

# SQLite under the project unless DATABASE_URL names another database (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "org.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in security (pmqa4/accounts, README "Sign-in security"). django-axes counts wrong passwords
# per user name and address and locks that pair out; its backend must come first.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = envbool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the page's "try again after" stays true
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "pmqa4.accounts.lockouts.lockout_response"
AXES_CLIENT_IP_CALLABLE = "pmqa4.core.client_address.client_ip"
AXES_ENABLE_ADMIN = False  # pmqa4/accounts/admin.py shows the records in Thai
# Reverse proxies in front of Django whose X-Forwarded-For is trusted (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)
# Two-step sign-in (django-otp): an authenticator app (TOTP) plus ten one-time recovery codes.
# The roles below (and superusers) must use it while MFA_ENFORCE is on; anyone may choose to.
MFA_ENFORCE = envbool("MFA_ENFORCE", True)
# Every role that sees every unit (and so everyone's names and phones) signs in with an app.
MFA_REQUIRED_ROLES = ["central_admin", "evaluator", "ministry_executive"]
OTP_TOTP_ISSUER = "PMQA 4.0"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Thai first; English selectable. Dates are decided in Bangkok time.
LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("ไทย")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
# Only the built files of the npm packages (package.json) are collected, each under vendor/<name>;
# nothing is loaded from a CDN.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/bootstrap-icons", BASE_DIR / "node_modules" / "bootstrap-icons" / "font"),
    ("vendor/sarabun", BASE_DIR / "node_modules" / "@fontsource" / "sarabun" / "files"),
    ("vendor/chartjs", BASE_DIR / "node_modules" / "chart.js" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded evidence lives outside the static root and is served through permission-checked views.
MEDIA_ROOT = BASE_DIR / "var" / "media"
MEDIA_URL = "/media/"

EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "pmqa4@localhost")

# Sessions (README "Security"): cookies out of reach of scripts and of other sites' forms; a
# session ends at logout, after SESSION_IDLE_MINUTES without a request and after
# SESSION_MAX_HOURS in all (pmqa4/core/sessions.py). Production adds Secure and __Host- names.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_IDLE_MINUTES = envint("SESSION_IDLE_MINUTES", 30)
SESSION_MAX_HOURS = envint("SESSION_MAX_HOURS", 12)
SESSION_COOKIE_AGE = SESSION_MAX_HOURS * 3600
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # htmx sends the token from the page (base.html), never the cookie

# Security headers on every response. Scripts, styles, fonts and images come only from our own
# static files (no inline script or style anywhere; htmx's indicator style is in pmqa4.css).
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

AUDITLOG_INCLUDE_ALL_MODELS = False

# The log (config/logging.py): text here, JSON in production; every line has the request id
# (django-guid: nginx's X-Request-ID when valid, else a new one, returned in the response).
LOGGING = logging_config(
    fmt=envstr("LOG_FORMAT", "text"), level=envstr("LOG_LEVEL", "INFO"), requests=False
)
DJANGO_GUID = {"GUID_HEADER_NAME": "X-Request-ID", "VALIDATE_GUID": True, "EXPOSE_HEADER": False}

# seed_demo creates logins with a published password: never in production.
DEMO_DATA_ALLOWED = envbool("DEMO_DATA_ALLOWED", False)

# Evidence files (PDF, images, DOCX, XLSX): the largest accepted, in bytes.
EVIDENCE_MAX_BYTES = envint("EVIDENCE_MAX_BYTES", 20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Background work (the central group's ZIPs, scheduled reminders): django-tasks with its database
# queue; `manage.py db_worker` runs the tasks (`make run` starts one). Tests run them at once.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Privacy (PDPA; README "Privacy"): shown on /privacy/. Personal data is kept this many fiscal
# years after the year it served; access logs this many days, then prune_access_logs deletes them.
PERSONAL_DATA_RETENTION_YEARS = envint("PERSONAL_DATA_RETENTION_YEARS", 5)
ACCESS_LOG_RETENTION_DAYS = envint("ACCESS_LOG_RETENTION_DAYS", 90)

# REST API (README "API"): calls per personal access token, as "count/period" (s, m, h, d).
API_RATE_LIMIT = envstr("API_RATE_LIMIT", "120/m")
PRIVACY_CONTACT_NAME = envstr("PRIVACY_CONTACT_NAME", "กลุ่มพัฒนาระบบบริหาร สำนักงานปลัดกระทรวงแรงงาน")
PRIVACY_CONTACT_EMAIL = envstr("PRIVACY_CONTACT_EMAIL", "asdc@mol.mail.go.th")
PRIVACY_CONTACT_PHONE = envstr("PRIVACY_CONTACT_PHONE", "0 2232 1367")
# The central group's contact card on every unit's home page and the Q&A pages (README
# "Announcements, questions and FAQ"): the privacy contact above and this LINE ID, until the
# central administrator edits the card at /contact/edit/.
CENTRAL_CONTACT_LINE_ID = envstr("CENTRAL_CONTACT_LINE_ID")

# Reminders and notifications (README "Reminders and notifications"): e-mail always, LINE (a
# LINE Official Account's Messaging API channel) only when switched on. Links in messages start
# with SITE_URL. A failed send is retried after NOTIFY_RETRY_MINUTES, doubling each time, and
# marked failed after NOTIFY_MAX_ATTEMPTS attempts.
SITE_URL = envstr("SITE_URL", "http://localhost:8000")
LINE_ENABLED = envbool("LINE_ENABLED", False)
LINE_CHANNEL_ACCESS_TOKEN = envstr("LINE_CHANNEL_ACCESS_TOKEN")
LINE_API_BASE = envstr("LINE_API_BASE", "https://api.line.me")
# The channel secret checks the signature of LINE's webhook calls (people link their LINE account
# by sending a code to the Official Account); without it the webhook answers 404.
LINE_CHANNEL_SECRET = envstr("LINE_CHANNEL_SECRET")
LINE_ADD_FRIEND_URL = envstr("LINE_ADD_FRIEND_URL")  # e.g. https://lin.ee/xxxxxxx
LINE_TIMEOUT_SECONDS = envint("LINE_TIMEOUT_SECONDS", 10)
NOTIFY_MAX_ATTEMPTS = envint("NOTIFY_MAX_ATTEMPTS", 5)
NOTIFY_RETRY_MINUTES = envint("NOTIFY_RETRY_MINUTES", 10)
# Reminders go out from this hour (Bangkok) on: a run before it only retries failed sends.
NOTIFY_REMINDER_HOUR = envint("NOTIFY_REMINDER_HOUR", 8)
# Notices of the workflow (returned, accepted, awaiting sign-off) go out as soon as the change is
# saved; off, they wait for the next send_reminders run.
NOTIFY_SEND_IMMEDIATELY = envbool("NOTIFY_SEND_IMMEDIATELY", True)
