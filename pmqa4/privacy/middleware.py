"""Records each request of a signed-in person in the access log (one insert).

The row is written with ``transaction.on_commit(robust=True)``: outside a transaction, as in
every web request, that runs at once; a failure to write is logged and never turns a page that
was served into an error. Inside a transaction (a test's, or a caller's) the write waits for the
commit, so the access log never holds a request whose work was rolled back — and page-level
query counts in tests stay about the page itself.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from pmqa4.core.client_address import client_ip

from .models import AccessLog

SKIPPED = ("/favicon.ico",)


def _prefix(url: str) -> str:
    path = urlsplit(url).path
    return path if path.startswith("/") else "/" + path


class AccessLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._skipped = None

    def skipped_prefixes(self) -> tuple[str, ...]:
        if self._skipped is None:
            prefixes = [_prefix(settings.STATIC_URL), reverse("healthz"), *SKIPPED]
            self._skipped = tuple(p for p in prefixes if p and p != "/")
        return self._skipped

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.skipped_prefixes()):
            return response
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        row = AccessLog(
            user_id=user.pk,
            path=request.path[:500],
            method=request.method[:10],
            status=response.status_code,
            ip=client_ip(request),
            at=timezone.now(),
        )
        transaction.on_commit(row.save, robust=True)
        return response
