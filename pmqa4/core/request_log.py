"""One log line per request: method, path, status, time taken and who (a user id, never a
name), with the request id the log's filter adds. The query string is left out: searches can
hold names. Health checks are not logged, they come every few seconds."""

import logging
import time
from functools import cache

from django.urls import reverse

log = logging.getLogger("pmqa4.request")


@cache
def quiet_paths() -> frozenset[str]:
    return frozenset({reverse("healthz")})


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        if log.isEnabledFor(logging.INFO) and request.path not in quiet_paths():
            user = getattr(request, "user", None)
            status = response.status_code
            log.info(
                "%s %s %s",
                request.method,
                request.path,
                status,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user_id": user.pk if user is not None and user.is_authenticated else None,
                },
            )
        return response
