"""Development: runs with nothing set. Mail goes to the console."""

from config.env import envbool, envstr

from .base import *  # noqa: F403

DEBUG = envbool("DEBUG", True)
SECRET_KEY = envstr("SECRET_KEY", "dev-insecure-key-for-local-development-only")
EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEMO_DATA_ALLOWED = envbool("DEMO_DATA_ALLOWED", True)
# The demo's central and evaluator logins work with the password alone (README "Sign-in
# security"); MFA_ENFORCE=true tries the production behaviour. Anyone may still set up an app.
MFA_ENFORCE = envbool("MFA_ENFORCE", False)
