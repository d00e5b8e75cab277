from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from pmqa4.org.models import Unit
from pmqa4.org.permissions import central_admin_of

from .export import csv_lines
from .filters import AuditFilterForm, filter_entries
from .presenters import present

PER_PAGE = 50


@require_GET
@login_required
def audit_log(request):
    """The audit trail for the central administrator: search by date, person, unit, kind,
    action and text; each change with its before and after."""
    central_admin_of(request)
    form = AuditFilterForm(request.GET or None)
    page = rows = None
    if form.is_bound and not form.is_valid():
        rows = []
    else:
        data = form.cleaned_data if form.is_bound else {}
        page = Paginator(filter_entries(data), PER_PAGE).get_page(request.GET.get("page"))
        rows = present(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "units": Unit.objects.order_by("code").values_list("code", "name_th"),
        },
    )


@require_GET
@login_required
def audit_export(request):
    """The same filtered entries as a CSV file (all pages)."""
    central_admin_of(request)
    form = AuditFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        response = audit_log(request)  # the page, with the filters' errors explained
        response.status_code = 400
        return response
    entries = filter_entries(form.cleaned_data if form.is_bound else {})
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(csv_lines(entries), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.csv"'
    return response
