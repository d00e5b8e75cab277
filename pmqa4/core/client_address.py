"""Who sent a request: the address every record of it uses (sign-in lock-outs, access logs,
API token use)."""

import ipaddress
import logging

from django.conf import settings

log = logging.getLogger("pmqa4.security")


def client_ip(request) -> str | None:
    """REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies the address the outermost of
    them saw (X-Forwarded-For counted from the right: a client can put anything on the left).
    A malformed forwarded address falls back to REMOTE_ADDR; no valid address at all is None."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            candidate = forwarded[-count]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                log.warning("Ignoring a malformed X-Forwarded-For address %r", candidate)
    try:
        return str(ipaddress.ip_address(remote.strip()))
    except ValueError:
        return None
