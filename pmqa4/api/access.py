"""The pages' permission rules, for a token's user (pmqa4/org/permissions.py): another unit's
object is a 404, a missing role or a read-only token a 403."""

from contextlib import contextmanager

from auditlog.context import auditlog_value, set_actor
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404

from pmqa4.core.client_address import client_ip
from pmqa4.cycles.models import Cycle, Step
from pmqa4.org.permissions import UNIT_EDITORS, UNIT_READERS, get_unit_for_actor

from .auth import actor, require_write_scope


def unit_for(request, code: str):
    """A unit the token's user may read (their own, or any for the central roles), else 404."""
    return get_unit_for_actor(actor(request), code, roles=UNIT_READERS)


def unit_to_write(request, code: str):
    """A unit whose KPI actuals this call may record: visible (404), a token with the write
    scope (403) and the user is the unit's coordinator (403; the central roles never are)."""
    unit = unit_for(request, code)
    require_write_scope(request)
    if not actor(request).has_role_for(unit, UNIT_EDITORS):
        raise PermissionDenied
    return unit


def cycles():
    return Cycle.objects.order_by("-fiscal_year").prefetch_related(
        Prefetch("steps", queryset=Step.objects.select_related("cycle").order_by("number")),
        "rounds",
    )


def cycle_for(year: int, *, with_steps: bool = False) -> Cycle:
    """The cycle of a fiscal year (404 if none); ``with_steps`` also reads its steps and rounds."""
    cycle = (cycles() if with_steps else Cycle.objects).filter(fiscal_year=year).first()
    if cycle is None:
        raise Http404
    return cycle


@contextmanager
def acting_as(request):
    """Audit entries written inside name the token's user and address. auditlog's set_actor
    does not put back the request's own context when it ends, so that is done here (else the
    middleware's signal receiver would never be disconnected)."""
    outer = auditlog_value.get(None)
    try:
        with set_actor(request.auth.user, remote_addr=client_ip(request)):
            yield
    finally:
        if outer is not None:
            auditlog_value.set(outer)
