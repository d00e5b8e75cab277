"""The blank forms of a cycle, open to anyone: the briefing tells units to fetch them by QR code."""

import io

import segno
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from pmqa4.cycles.models import Cycle
from pmqa4.cycles.selectors import current_cycle

from .responses import attachment
from .service import BLANK_OFFERED, kind_label, render_blank


def _blank_forms() -> list[tuple[str, str, list[str]]]:
    """(kind, title, formats) of each blank form: Word for all, Excel for the table forms."""
    return [
        (kind, kind_label(kind), [fmt for fmt, kinds in BLANK_OFFERED.items() if kind in kinds])
        for kind in ("1", "2", "3", "4")
    ]


def _qr(request, cycle):
    link = reverse("downloads:blank_forms", args=[cycle.fiscal_year])
    return segno.make(request.build_absolute_uri(link), error="m")


@require_GET
def blank_forms_current(request):
    """The footer's link: the blank forms of the current fiscal year."""
    cycle = current_cycle(timezone.localdate())
    if cycle is None:
        raise Http404(_("ยังไม่มีรอบปีงบประมาณ"))
    return redirect("downloads:blank_forms", cycle.fiscal_year)


@require_GET
def blank_forms(request, fiscal_year):
    cycle = get_object_or_404(Cycle, fiscal_year=fiscal_year)
    qr = _qr(request, cycle)
    svg = qr.svg_inline(
        scale=1, border=4, omitsize=True, svgclass="qr-code", title=_("คิวอาร์โค้ดดาวน์โหลดแบบฟอร์ม")
    )
    context = {
        "cycle": cycle,
        "forms": _blank_forms(),
        "link": request.build_absolute_uri(request.path),
        "arabic": request.GET.get("numerals") == "arabic",
        "qr_svg": mark_safe(svg),  # drawn here from our own URL: no user text inside
    }
    return render(request, "documents/blank_forms.html", context)


@require_GET
def blank_forms_qr(request, fiscal_year):
    """The QR code as a PNG, large enough to paste into a briefing slide."""
    cycle = get_object_or_404(Cycle, fiscal_year=fiscal_year)
    buffer = io.BytesIO()
    _qr(request, cycle).save(buffer, kind="png", scale=12, border=4)
    return attachment(buffer.getvalue(), f"pmqa4_{cycle.fiscal_year}_forms_qr.png", "image/png")


@require_GET
def blank_form(request, fiscal_year, kind, fmt):
    cycle = get_object_or_404(Cycle, fiscal_year=fiscal_year)
    numerals = "arabic" if request.GET.get("numerals") == "arabic" else "thai"
    try:
        document = render_blank(cycle, kind, fmt, numerals=numerals)
    except ValueError as unknown:  # a kind or format that is not handed out blank
        raise Http404(str(unknown)) from None
    return attachment(document.data, document.filename, document.content_type)
