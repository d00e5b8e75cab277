from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from pmqa4.cycles.selectors import selected_cycle
from pmqa4.scoring.advice import advise
from pmqa4.scoring.services import assessment_time, unit_score
from pmqa4.submissions.selectors import step_cells
from pmqa4.teams.selectors import attendance_rates

from .models import Role
from .permissions import UNIT_READERS, actor_of, get_unit_for_actor


@login_required
def unit_home(request, code):
    """The unit's year at a glance: each step's due date, days left and status, the attendance
    rate, the current score and what is still missing before the coming due dates."""
    actor = actor_of(request)
    unit = get_unit_for_actor(actor, code, roles=UNIT_READERS)
    today = timezone.localdate()
    cycle = selected_cycle(request.GET.get("year"), today)
    context = {"unit": unit, "cycle": cycle, "today": today}
    if cycle is not None:
        now = timezone.now()
        cells = step_cells(cycle, [unit], now=now)[unit.pk]
        score = unit_score(cycle, unit, as_of=assessment_time(cycle, now))
        dues = {cell.step.number: cell.due_on for cell in cells}
        context.update(
            cells=cells,
            attendance=attendance_rates(cycle, on=today, unit_ids=[unit.pk])[unit.pk],
            score=score,
            advice=advise(score.facts, score.breakdown, today=today, step_dues=dues),
        )
    context["roles"] = sorted(
        Role(role).label for role, unit_id in actor.grants if unit_id == unit.pk
    )
    return render(request, "org/unit_home.html", context)
