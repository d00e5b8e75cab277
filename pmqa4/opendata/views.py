"""The public pages under /public/: open to anyone, signed in or not, read-only.

A year with nothing published answers 200 with a clear Thai message (the pages) or an empty
dataset, header and metadata only (the downloads): the address is stable before and after
publication. An unknown year, unit, dataset or format is a 404.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import http_date
from django.utils.translation import override
from django.views.decorators.http import require_safe

from pmqa4.org.models import Unit, UnitKind

from . import exports
from .catalog import DATASETS, FORMATS, TYPE_LABELS, license_info, publisher
from .listing import SORTS, listing
from .publication import cycle_or_404, published_cycles
from .rows import YearData, month_of

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


def _years():
    return list(published_cycles())


@require_safe
def home(request):
    """Every fiscal year with published results, and where the data dictionary is."""
    return render(
        request,
        "opendata/home.html",
        {"years": _years(), "datasets": DATASETS.values(), "publisher": publisher()},
    )


@require_safe
def index(request, year):
    cycle = cycle_or_404(year)
    found = listing(
        cycle,
        kind=request.GET.get("kind", ""),
        province=request.GET.get("province", ""),
        sort=request.GET.get("sort", "code"),
    )
    return render(
        request,
        "opendata/index.html",
        {
            "cycle": cycle,
            "listing": found,
            "kinds": UnitKind.choices,
            "sorts": SORTS,
            "years": _years(),
            "datasets": DATASETS.values(),
        },
    )


@require_safe
def unit_page(request, year, code):
    cycle = cycle_or_404(year)
    unit = get_object_or_404(Unit.objects.select_related("province"), code=code)
    data = YearData(cycle, unit=unit)
    scores = data.scores
    forms = data.forms.get(unit.pk)
    plan = data.plans.get(unit.pk)
    kpi_names = dict(forms.kpis) if forms else {}
    return render(
        request,
        "opendata/unit.html",
        {
            "cycle": cycle,
            "unit": unit,
            "scores": scores,
            "plan": plan,
            "forms": forms,
            "kpi_names": kpi_names,
            "dimension_names": data.dimension_names if forms else {},
            "month_labels": [month_of(cycle.fiscal_year, m)[1] for m in range(1, 13)],
            "months": range(1, 13),
        },
    )


@require_safe
def dictionary(request):
    return render(
        request,
        "opendata/dictionary.html",
        {
            "datasets": DATASETS.values(),
            "type_labels": TYPE_LABELS,
            "years": _years(),
            "license": license_info(),
            "publisher": publisher(),
        },
    )


@require_safe
def download(request, year, dataset, fmt):
    if dataset not in DATASETS or fmt not in FORMATS:
        raise Http404
    cycle = cycle_or_404(year)
    spec = DATASETS[dataset]
    data = YearData(cycle)
    with override("th"):  # the data reads the same whatever the visitor's language
        rows = data.rows(dataset)
    if fmt == "csv":
        body = exports.to_csv(spec, rows)
    else:
        meta = exports.metadata(
            spec, cycle, count=len(rows), last_modified=data.last_modified, request=request
        )
        body = exports.to_json(spec, rows, meta)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    name = exports.filename(spec, cycle.fiscal_year, fmt)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site's scripts may read it
    if data.last_modified:
        response["Last-Modified"] = http_date(data.last_modified.timestamp())
    return response
