"""Nothing past the password until the second step is done.

A signed-in person with an authenticator app is sent to "ใส่รหัสยืนยันตัวตน" until they give a
code in this session; a role that sees every unit (MFA_REQUIRED_ROLES, while MFA_ENFORCE
is on) without an app is sent to set one up. Meanwhile only signing out, the language switch and
that one page answer. Must come after django-otp's OTPMiddleware.
"""

from urllib.parse import urlencode, urlparse

from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from .mfa import OK, SESSION_STATE, SETUP, VERIFY, sign_in_state

ALWAYS_OPEN = frozenset({"logout", "set_language", "admin:logout", "healthz"})
OPEN_WHILE = {
    VERIFY: ALWAYS_OPEN | {"accounts:verify"},
    SETUP: ALWAYS_OPEN | {"accounts:mfa-setup"},
}
TARGET = {VERIFY: "accounts:verify", SETUP: "accounts:mfa-setup"}


class MfaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated:
            return None
        # The usual case costs nothing: the session already says all is done.
        if request.session.get(SESSION_STATE) == OK:
            return None
        is_verified = getattr(user, "is_verified", None)
        verified = is_verified is not None and is_verified()
        # Otherwise looked at afresh: the app may have been set up or removed since sign-in.
        state = OK if verified else sign_in_state(user)
        request.session[SESSION_STATE] = state
        if state == OK or request.resolver_match.view_name in OPEN_WHILE[state]:
            return None
        target = reverse(TARGET[state])
        if request.headers.get("HX-Request"):
            # A fragment of the page that is already the target (the bell's count on the set-up
            # page) gets nothing: sending the page to itself would reload it for ever.
            if urlparse(request.headers.get("HX-Current-URL", "")).path == target:
                return HttpResponse(status=204)
            return HttpResponseClientRedirect(target)
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
