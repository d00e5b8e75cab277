"""The central group's dashboard: the units × steps matrix, the charts and their exports.

Open to the central roles only (administrator, evaluator); every page and export reads the
same filters from the query string and costs a fixed number of queries for any number of units.
"""

from dataclasses import replace

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from pmqa4.core.thai import format_be_datetime
from pmqa4.cycles.models import Cycle, Step
from pmqa4.cycles.selectors import pick_current
from pmqa4.org.models import Region, UnitKind
from pmqa4.org.permissions import all_units_reader_of

from . import charts, figures, tables
from .filters import SUBMITTED_STEPS, Filters, province_choices
from .matrix import build_counts, build_matrix
from .rendering import matrix_rows
from .statuses import LABELS, ORDER

MATRIX_TABLES = {"matrix": tables.matrix_table, "counts": tables.counts_table}
FIGURE_TABLES = {
    "timeline": tables.timeline_table,
    "attendance": tables.attendance_table,
    "coverage": tables.coverage_table,
    "kpis": tables.kpi_table,
    "scores": tables.score_table,
    "years": tables.years_table,
}
FORMATS = ("csv", "xlsx")


def _cycles(request, today) -> tuple[Cycle | None, list[Cycle]]:
    """The shown cycle (?year=, else the current one; 404 for a year with no cycle) and the
    cycles to compare it with (every one that has started, and the shown one), each with its
    steps: two queries."""
    cycles = list(
        Cycle.objects.order_by("-fiscal_year").prefetch_related(
            Prefetch("steps", queryset=Step.objects.order_by("number"))
        )
    )
    year = request.GET.get("year", "").strip()
    if year:
        chosen = next((c for c in cycles if str(c.fiscal_year) == year), None)
        if chosen is None:
            raise Http404
    else:
        chosen = pick_current(cycles, today)
    history = [c for c in cycles if c.starts_on <= today or c == chosen]
    return chosen, history


def _common(request):
    all_units_reader_of(request)
    today = timezone.localdate()
    cycle, history = _cycles(request, today)
    provinces = province_choices()
    filters = Filters.from_query(request.GET, provinces)
    context = {
        "cycle": cycle,
        "cycles": history,
        "today": today,
        "filters": filters,
        "kinds": UnitKind.choices,
        "regions": Region.choices,
        "provinces": provinces,
        "status_choices": [(s.value, LABELS[s]) for s in ORDER],
        "status_labels": {s.value: LABELS[s] for s in ORDER},
        "step_choices": [
            s for s in (cycle.steps.all() if cycle else ()) if s.number in SUBMITTED_STEPS
        ],
    }
    return cycle, history, filters, context


def _exports(filters, keys, **changes) -> list[dict]:
    query = filters.query_string(**changes)
    titles = {
        "matrix": _("ตารางสถานะ"),
        "counts": _("จำนวนตามสถานะ"),
        "timeline": _("การส่งงานตามวันที่"),
        "attendance": _("การเข้าร่วมประชุม"),
        "coverage": _("ความครอบคลุมมิติ × หมวด"),
        "kpis": _("ผลสำเร็จตัวชี้วัด"),
        "scores": _("การกระจายคะแนน"),
        "years": _("เปรียบเทียบรายปี"),
    }
    return [{"key": key, "title": titles[key], "query": query} for key in keys]


@login_required
def overview(request):
    """Who is late, what is missing: every taking-part unit × its steps, with counts."""
    cycle, _history, filters, context = _common(request)
    if cycle is not None:
        matrix = build_matrix(cycle, filters, now=timezone.now())
        context |= {
            "matrix": matrix,
            "rows": matrix.rows,
            "matrix_body": matrix_rows(matrix, cycle, with_attendance=not filters.step),
            "counts_table": tables.counts_table(matrix),
            "exports": _exports(filters, ("matrix", "counts")),
            "charts_query": filters.query_string(status="", step=None),
        }
    return render(request, "dashboard/overview.html", context)


@login_required
def chart_page(request):
    """The charts of the shown year (and across the years), each with its table."""
    cycle, history, filters, context = _common(request)
    if cycle is not None:
        now = timezone.now()
        units_filters = replace(filters, status="", step=None)
        units = list(units_filters.units())
        matrix = build_counts(cycle, units, now=now)
        data = figures.load(history, cycle, units, now=now)
        context |= {
            "figures": data,
            "tables": {
                "counts": tables.counts_table(matrix),
                **{key: build(data) for key, build in FIGURE_TABLES.items()},
            },
            "charts": {
                "statuses": charts.status_chart(matrix),
                "timeline": charts.timeline_chart(data, context["today"]),
                "attendance": charts.attendance_chart(data),
                "kpis": charts.kpi_chart(data),
                "scores": charts.score_chart(data),
                "years": charts.years_chart(data),
            },
            "heatmap": charts.heatmap(data),
            "exports": _exports(filters, ("counts", *FIGURE_TABLES), status="", step=None),
            "overview_query": filters.query_string(),
            "units_count": len(units),
        }
    return render(request, "dashboard/charts.html", context)


def _about(cycle, filters, provinces) -> list[tuple[str, str]]:
    """What an export shows, for its description sheet."""
    names = {
        "kind": dict(UnitKind.choices),
        "region": dict(Region.choices),
        "province": {p.code: p.name_th for p in provinces},
        "status": {s.value: LABELS[s] for s in ORDER},
    }
    rows = [(_("ปีงบประมาณ"), str(cycle.fiscal_year))]
    labels = {
        "kind": _("ประเภทหน่วยงาน"),
        "region": _("ภาค"),
        "province": _("จังหวัด"),
        "step": _("ขั้นตอน"),
        "status": _("สถานะ"),
        "q": _("คำค้น"),
    }
    for key, value in filters.params().items():
        if key in labels:
            shown = names.get(key, {}).get(value, value)
            rows.append((labels[key], str(shown)))
    rows.append((_("ข้อมูล ณ"), format_be_datetime(timezone.now())))
    return rows


@login_required
def export(request, table, fmt):
    """One table of the dashboard as CSV or XLSX, with the page's filters."""
    all_units_reader_of(request)
    if fmt not in FORMATS or table not in MATRIX_TABLES | FIGURE_TABLES:
        raise Http404
    today = timezone.localdate()
    cycle, history = _cycles(request, today)
    if cycle is None:
        raise Http404
    provinces = province_choices()
    filters = Filters.from_query(request.GET, provinces)
    now = timezone.now()
    if table in MATRIX_TABLES:
        built = MATRIX_TABLES[table](*_matrix_args(table, cycle, filters, now))
    else:
        units = list(filters.units())
        live = table in ("scores", "years")
        data = figures.load(history, cycle, units, now=now, live_scores=live)
        built = FIGURE_TABLES[table](data)
    filename = f"pmqa4_{cycle.fiscal_year}_{table}"
    from . import exports  # openpyxl (and numpy behind it) only when a table is downloaded

    return exports.response(built, fmt, filename, _about(cycle, filters, provinces))


def _matrix_args(table, cycle, filters, now):
    matrix = build_matrix(cycle, filters, now=now)
    return (matrix, cycle) if table == "matrix" else (matrix,)
