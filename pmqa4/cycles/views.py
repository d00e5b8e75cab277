from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from pmqa4.teams.models import Meeting

from .selectors import selected_cycle


def cycle_timeline(request, fiscal_year: int | None = None):
    """The year's public timeline (the current year's by default): steps, due dates, meetings."""
    today = timezone.localdate()
    cycle = selected_cycle(str(fiscal_year) if fiscal_year else None, today)
    if cycle is None:
        raise Http404
    meetings = Meeting.objects.filter(cycle=cycle).order_by("held_on", "starts_at")
    return render(
        request, "cycles/timeline.html", {"cycle": cycle, "meetings": meetings, "today": today}
    )
