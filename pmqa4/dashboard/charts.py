"""What each chart draws, as JSON-ready dicts for static/js/dashboard-charts.js (read from
json_script tags: no inline script), and the coverage heat map as table cells.

Every label a chart shows is Thai text made here, so the script holds no words of its own.
"""

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass

from django.utils.translation import gettext as _

from pmqa4.core.thai import format_be_date

from . import bins, statuses
from .figures import LIVE
from .filters import SUBMITTED_STEPS
from .tables import attendance_order, coverage_counts, score_source

STEP_COLOURS = {1: "#13315c", 3: "#0d6efd", 4: "#198754", 5: "#b35c00"}
HEAT_LEVELS = 5


def _float(value):
    return None if value is None else float(value)


def _step(number: int) -> str:
    return _("ขั้นที่ %(n)d") % {"n": number}


def status_chart(matrix) -> dict:
    numbers = [s.number for s in matrix.steps]
    return {
        "labels": [_step(n) for n in numbers],
        "datasets": [
            {
                "label": statuses.label(count.status),
                "data": [count.per_step[n] for n in numbers],
                "color": statuses.COLOURS[count.status],
            }
            for count in matrix.counts
        ],
        "yTitle": _("จำนวนหน่วยงาน"),
    }


def timeline_chart(figures, today: dt.date) -> dict:
    """Cumulative first submissions per step by day, x = days from the first day shown, with
    each step's due date as a marker."""
    year = figures.selected
    numbers = [n for n in SUBMITTED_STEPS if n in year.due]
    dates = [d for n in numbers for d in year.first_submitted.get(n, ())]
    dues = [year.due[n] for n in numbers]
    start = min([year.cycle.starts_on, *dates])
    end = max([min(today, year.cycle.ends_on), *dates, *dues])
    span = (end - start).days
    # the lines stop at today: what comes after is not known yet
    last = min(span, max((today - start).days, max(((d - start).days for d in dates), default=0)))
    steps = []
    for n in numbers:
        days = year.first_submitted.get(n, [])
        changes = sorted({(d - start).days for d in days})
        points = [{"x": 0, "y": 0}]
        for offset in changes:
            count = bisect_right(days, start + dt.timedelta(days=offset))
            points.append({"x": offset, "y": count})
        points.append({"x": last, "y": len(days)})
        steps.append({"label": _step(n), "color": STEP_COLOURS[n], "points": points})
    return {
        "labels": [format_be_date(start + dt.timedelta(days=i), "short") for i in range(span + 1)],
        "steps": steps,
        "due": [
            {
                "x": (year.due[n] - start).days,
                "label": _("กำหนดส่ง%(step)s") % {"step": _step(n)},
                "color": STEP_COLOURS[n],
            }
            for n in numbers
        ],
        "today": (
            {"x": (today - start).days, "label": _("วันนี้"), "color": "#6c757d"}
            if start <= today <= end
            else None
        ),
        "top": max([len(year.first_submitted.get(n, ())) for n in numbers] + [1]),
        "xTitle": _("วันที่"),
        "yTitle": _("ส่งแล้ว (สะสม) จาก %(n)d หน่วยงาน") % {"n": len(year.unit_ids)},
    }


def attendance_chart(figures) -> dict:
    year = figures.selected
    units = attendance_order(figures)
    threshold = float(year.cycle.attendance_threshold)
    rates = [year.rate(u.pk) for u in units]
    return {
        "labels": [u.code for u in units],
        "names": [u.name_th for u in units],
        "values": [_float(r.percent) for r in rates],
        "reached": [bool(r.reached) for r in rates],
        "threshold": threshold,
        "label": _("ร้อยละการเข้าร่วมประชุม"),
        "thresholdLabel": _("เกณฑ์ร้อยละ %(t)s") % {"t": bins.plain(threshold)},
        "yTitle": _("ร้อยละ"),
        "colors": {"reached": "#198754", "below": "#dc3545", "threshold": "#13315c"},
    }


def kpi_chart(figures) -> dict:
    year = figures.selected
    histogram = bins.kpi_histogram(year.achievements, year.cycle.kpi_threshold)
    return {
        "labels": [label for label, _count, _r in histogram] + [_("ยังไม่รายงานผล")],
        "values": [count for _label, count, _r in histogram] + [year.kpis_without_result],
        "reaches": [r for _label, _count, r in histogram] + [False],
        "label": _("จำนวนตัวชี้วัด"),
        "xTitle": _("ร้อยละของค่าเป้าหมาย"),
        "yTitle": _("จำนวนตัวชี้วัด"),
        "colors": {"reached": "#198754", "below": "#fd7e14"},
    }


def score_chart(figures) -> dict:
    scores = figures.selected.scores
    histogram = bins.score_histogram(scores.round1.values(), scores.year.values())
    live = scores.source == LIVE
    return {
        "labels": [band for band, _r, _y in histogram],
        "datasets": [
            {
                "label": _("รอบที่ ๑"),
                "data": [r for _b, r, _y in histogram],
                "color": "#0d6efd",
            },
            {"label": _("ทั้งปี"), "data": [y for _b, _r, y in histogram], "color": "#13315c"},
        ],
        "source": score_source(scores),
        "live": live,
        "xTitle": _("ช่วงคะแนน"),
        "yTitle": _("จำนวนหน่วยงาน"),
    }


def years_chart(figures) -> dict:
    dims = [d.number for d in figures.dimensions]
    years = figures.years
    return {
        "labels": [_("พ.ศ. %(y)d") % {"y": y.fiscal_year} for y in years],
        "percents": [
            {
                "label": _("ส่งตรงเวลา"),
                "data": [_float(y.on_time_percent) for y in years],
                "color": "#0d6efd",
            },
            {
                "label": _("เข้าร่วมประชุมถึงเกณฑ์"),
                "data": [_float(y.attendance_percent) for y in years],
                "color": "#198754",
            },
            {
                "label": _("ตัวชี้วัดถึงเกณฑ์"),
                "data": [_float(y.kpi_percent) for y in years],
                "color": "#fd7e14",
            },
            {
                "label": _("แผนครอบคลุมทุกมิติ"),
                "data": [_float(y.coverage_percent(dims)) for y in years],
                "color": "#6f42c1",
            },
        ],
        "scores": [
            {
                "label": _("คะแนนเฉลี่ยรอบที่ ๑"),
                "data": [_float(y.scores.mean(y.scores.round1.values())) for y in years],
                "color": "#0aa2c0",
            },
            {
                "label": _("คะแนนเฉลี่ยทั้งปี"),
                "data": [_float(y.scores.mean(y.scores.year.values())) for y in years],
                "color": "#13315c",
            },
        ],
        "percentTitle": _("ร้อยละ"),
        "scoreTitle": _("คะแนนเฉลี่ย"),
    }


@dataclass(frozen=True)
class HeatCell:
    value: int | None  # None: the category is not one of the dimension's
    level: int  # 0 … HEAT_LEVELS, the colour intensity
    percent: float | None


def _heat(value, units) -> HeatCell:
    if value is None:
        return HeatCell(None, 0, None)
    percent = value * 100 / units if units else 0.0
    level = round(percent * HEAT_LEVELS / 100) if units else 0
    return HeatCell(value, max(level, 1 if value else 0), percent)


def heatmap(figures) -> dict:
    units = len(figures.units)
    rows, touching = coverage_counts(figures)
    return {
        "categories": figures.categories,
        "rows": [
            {
                "dimension": dimension,
                "cells": [_heat(cells[c.number], units) for c in figures.categories],
                "form1": form1,
                "form2": form2,
            }
            for dimension, cells, form1, form2 in rows
        ],
        "touching": [_heat(touching[c.number], units) for c in figures.categories],
        "units": units,
    }
