from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from pmqa4.org.models import Role, Unit
from pmqa4.org.permissions import actor_of


@require_GET
@never_cache
def healthz(request):
    """For the load balancer and monitoring: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return JsonResponse(
            {"status": "error", "database": "unavailable", "detail": type(exc).__name__},
            status=503,
        )
    return JsonResponse({"status": "ok", "database": "ok", "vendor": connection.vendor})


@login_required
def home(request):
    """Each role lands on its own page: the central group on the overview of all units, a unit's
    people on their unit, everyone else on the year's public timeline."""
    actor = actor_of(request)
    if actor.sees_all_units:
        return redirect("dashboard:overview")
    unit_ids = actor.unit_ids({Role.COORDINATOR, Role.EXECUTIVE})
    if unit_ids:
        unit = Unit.objects.filter(pk__in=unit_ids).order_by("code").first()
        return redirect("org:unit-home", code=unit.code)
    return redirect("cycles:current")
