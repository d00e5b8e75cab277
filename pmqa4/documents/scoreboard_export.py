"""The central scoreboard as an Excel file: the rows the scoreboard page shows, with its
filters (unit kind, province) and its order, for the same people (the central roles)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils import timezone

from pmqa4.cycles.selectors import selected_cycle
from pmqa4.org.models import UnitKind
from pmqa4.org.permissions import actor_of
from pmqa4.scoring.adapter import taking_part
from pmqa4.scoring.scoreboard import sort_scores
from pmqa4.scoring.services import assessment_time, cycle_scores
from pmqa4.submissions.uploads import XLSX

from .excel import scoreboard_xlsx


def scoreboard_scores(cycle, *, kind: str = "", province: str = "", sort: str = "code", now):
    """(scores, as of): every taking-part unit's live score, filtered and sorted as the
    scoreboard page (scoring/views.py ``scoreboard``) filters and sorts them."""
    units = taking_part(cycle).select_related("province")
    if kind in UnitKind.values:
        units = units.filter(kind=kind)
    if province:
        units = units.filter(province__code=province)
    as_of = assessment_time(cycle, now)
    return sort_scores(cycle_scores(cycle, as_of=as_of, units=units), sort), as_of


@login_required
def scoreboard_download(request):
    actor = actor_of(request)
    if not actor.sees_all_units:
        raise PermissionDenied
    cycle = selected_cycle(request.GET.get("year"), timezone.localdate())
    if cycle is None:
        raise Http404
    scores, as_of = scoreboard_scores(
        cycle,
        kind=request.GET.get("kind", ""),
        province=request.GET.get("province", ""),
        sort=request.GET.get("sort", "code"),
        now=timezone.now(),
    )
    response = HttpResponse(scoreboard_xlsx(cycle, scores, as_of=as_of), content_type=XLSX)
    filename = f"scoreboard_{cycle.fiscal_year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
