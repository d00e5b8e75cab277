"""The central scoreboard as an Excel file: the rows the scoreboard page shows, with its
filters (unit kind, province) and its order, for the same people (the central roles)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils import timezone

from pmqa4.cycles.selectors import selected_cycle
from pmqa4.org.permissions import all_units_reader_of
from pmqa4.scoring.scoreboard import scoreboard_scores
from pmqa4.submissions.uploads import XLSX

from .excel import scoreboard_xlsx
from .responses import attachment


@login_required
def scoreboard_download(request):
    all_units_reader_of(request)
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
    filename = f"scoreboard_{cycle.fiscal_year}.xlsx"
    response = attachment(scoreboard_xlsx(cycle, scores, as_of=as_of), filename, XLSX)
    response["Cache-Control"] = "private, no-store"
    return response
