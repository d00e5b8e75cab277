"""Resolving a workspace URL (unit code, fiscal year, step) to objects the actor may use."""

from django.http import Http404

from pmqa4.cycles.models import Cycle, Step
from pmqa4.org.permissions import actor_of, get_unit_for_actor


def workspace(request, code: str, year: int, *, roles):
    """(actor, unit, cycle): another unit is a 404, a missing role a 403, no such year a 404."""
    actor = actor_of(request)
    unit = get_unit_for_actor(actor, code, roles=roles)
    cycle = Cycle.objects.filter(fiscal_year=year).first()
    if cycle is None:
        raise Http404
    return actor, unit, cycle


def step_of(cycle: Cycle, number: int) -> Step:
    step = cycle.steps.filter(number=number).select_related("cycle").first()
    if step is None:
        raise Http404
    return step
