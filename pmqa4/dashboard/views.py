from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from pmqa4.cycles.selectors import selected_cycle
from pmqa4.org.models import Unit, UnitKind
from pmqa4.org.permissions import actor_of
from pmqa4.submissions.selectors import step_cells
from pmqa4.teams.selectors import attendance_rates


@login_required
def overview(request):
    """Every taking-part unit × its steps for the central group, in a fixed number of queries."""
    actor = actor_of(request)
    if not actor.sees_all_units:
        raise PermissionDenied
    today = timezone.localdate()
    cycle = selected_cycle(request.GET.get("year"), today)
    units = Unit.objects.filter(takes_part=True, is_active=True).select_related("province")
    kind = request.GET.get("kind", "")
    if kind in UnitKind.values:
        units = units.filter(kind=kind)
    units = list(units.order_by("kind", "code"))
    rows = []
    if cycle is not None:
        cells = step_cells(cycle, units, now=timezone.now())
        rates = attendance_rates(cycle, on=today, unit_ids=[u.pk for u in units])
        rows = [(unit, rates[unit.pk], cells[unit.pk]) for unit in units]
    return render(
        request,
        "dashboard/overview.html",
        {
            "cycle": cycle,
            "rows": rows,
            "today": today,
            "kinds": UnitKind.choices,
            "kind": kind,
        },
    )
