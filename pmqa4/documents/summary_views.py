"""The year-end summary for the ministry: its key figures on a page, and Word and PDF to send."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from pmqa4.core.errors import WorkflowError
from pmqa4.cycles.models import Cycle
from pmqa4.org.permissions import all_units_reader_of

from .printing import Printer
from .responses import attachment
from .summary import ministry_summary
from .summary_render import layout

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _central_cycle(request, fiscal_year) -> Cycle:
    all_units_reader_of(request)
    return get_object_or_404(Cycle, fiscal_year=fiscal_year)


@login_required
@require_GET
def summary_page(request, fiscal_year):
    cycle = _central_cycle(request, fiscal_year)
    printer = Printer("arabic")
    try:
        summary = ministry_summary(cycle, printer)
    except WorkflowError as refusal:
        return render(request, "documents/summary.html", {"cycle": cycle, "refusal": refusal})
    context = {"cycle": cycle, "summary": summary, **layout(summary, printer)}
    return render(request, "documents/summary.html", context)


@login_required
@require_GET
def summary_download(request, fiscal_year, fmt):
    cycle = _central_cycle(request, fiscal_year)
    if fmt not in CONTENT_TYPES:
        raise Http404
    printer = Printer("arabic" if request.GET.get("numerals") == "arabic" else "thai")
    try:
        summary = ministry_summary(cycle, printer)
    except WorkflowError as refusal:
        return render(
            request, "documents/summary.html", {"cycle": cycle, "refusal": refusal}, status=409
        )
    # The charts and the PDF need matplotlib and WeasyPrint: loaded here, not with the URLs.
    from . import summary_render

    render_summary = summary_render.summary_pdf if fmt == "pdf" else summary_render.summary_docx
    filename = f"pmqa4_{cycle.fiscal_year}_summary.{fmt}"
    return attachment(render_summary(summary, printer), filename, CONTENT_TYPES[fmt])
