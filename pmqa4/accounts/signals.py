"""At sign-in, decide once what the session still owes (a code, or setting up an app)."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .mfa import SESSION_STATE, sign_in_state


@receiver(user_logged_in, dispatch_uid="pmqa4_accounts_mfa_state")
def remember_sign_in_state(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_STATE] = sign_in_state(user)
