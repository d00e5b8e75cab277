import datetime as dt

from django.db.models import Prefetch
from django.http import Http404

from .models import Cycle, Step, StepExtension


def _cycles_with_steps():
    """All cycles, newest first, with steps and rounds: one row per fiscal year, so few."""
    return Cycle.objects.order_by("-fiscal_year").prefetch_related(
        Prefetch("steps", queryset=Step.objects.order_by("number")), "rounds"
    )


def pick_current(cycles: list[Cycle], today: dt.date) -> Cycle | None:
    """The cycle whose fiscal year contains today, else the latest that has started, else the
    earliest (before the first cycle starts, its preparation is what matters)."""
    for cycle in cycles:
        if cycle.contains(today):
            return cycle
    started = [c for c in cycles if c.starts_on <= today]
    if started:
        return max(started, key=lambda c: c.fiscal_year)
    return min(cycles, key=lambda c: c.fiscal_year, default=None)


def current_cycle(today: dt.date) -> Cycle | None:
    return pick_current(list(_cycles_with_steps()), today)


def selected_cycle(year: str | None, today: dt.date) -> Cycle | None:
    """The cycle a page shows: ?year=2568 when given (404 if there is none), else the current."""
    cycles = list(_cycles_with_steps())
    if year:
        for cycle in cycles:
            if str(cycle.fiscal_year) == year:
                return cycle
        raise Http404
    return pick_current(cycles, today)


def due_dates_for(cycle: Cycle, unit_ids=None) -> dict[tuple[int, int], dt.date]:
    """(unit id, step number) → the unit's own extended due date, where one was granted."""
    extensions = StepExtension.objects.filter(step__cycle=cycle)
    if unit_ids is not None:
        extensions = extensions.filter(unit_id__in=unit_ids)
    rows = extensions.values_list("unit_id", "step__number", "due_on")
    return {(unit_id, number): due_on for unit_id, number, due_on in rows}
