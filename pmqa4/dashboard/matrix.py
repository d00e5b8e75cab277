"""The units × steps matrix and its counts per status, in a fixed number of queries.

Queries, whatever the number of units: the units, the extensions and the submissions
(submissions.selectors.step_cells), the required meetings held and the attendances grouped by
unit (teams.selectors.attendance_rates). Everything else is worked out in Python.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from pmqa4.org.models import Unit
from pmqa4.submissions.pages import STEP_PAGES
from pmqa4.submissions.selectors import step_cells
from pmqa4.submissions.status import StepStatus
from pmqa4.teams.selectors import AttendanceRate, attendance_rates

from .filters import SUBMITTED_STEPS, Filters
from .statuses import ORDER, Cell, cell_of


@dataclass(frozen=True)
class Row:
    unit: Unit
    rate: AttendanceRate
    cells: dict[int, Cell]  # step number → cell, for the submitted steps
    columns: list[Cell]  # the cells of the matrix's shown steps, in their order


@dataclass(frozen=True)
class StatusCount:
    status: StepStatus
    per_step: dict[int, int]
    total: int


@dataclass(frozen=True)
class Matrix:
    steps: list  # the cycle's submitted steps (1, 3, 4, 5), in order: the counts' columns
    shown_steps: list  # the matrix's columns: one step when the step filter is set
    rows: list[Row]  # after every filter, status included
    counted_units: int  # the units the counts are over (every filter but status and step)
    counts: list[StatusCount]
    step_totals: dict[int, int]

    @property
    def shown_numbers(self) -> list[int]:
        return [step.number for step in self.shown_steps]

    @property
    def total_cells(self) -> int:
        return sum(self.step_totals.values())


MARKER = 987654321  # a stand-in that no real URL part is, usable as an int or a str


def url_maker(name: str, **kwargs):
    """reverse() once, for a URL that differs only in one part: ``make(value)`` puts ``value``
    where the argument given as MARKER was (a unit code or an id: no escaping needed)."""
    pattern = reverse(name, kwargs=kwargs)
    head, tail = pattern.split(str(MARKER))
    return lambda value: f"{head}{value}{tail}"


def step_url_makers(fiscal_year: int) -> dict[int, object]:
    """step number → (unit code → the unit's page for that step)."""
    return {
        number: url_maker(name, code=str(MARKER), year=fiscal_year)
        for number, name in STEP_PAGES.items()
    }


def unit_rows(cycle, units: list[Unit], *, now: dt.datetime, shown=SUBMITTED_STEPS) -> list[Row]:
    cells = step_cells(cycle, units, now=now)
    rates = attendance_rates(cycle, on=timezone.localdate(now), unit_ids=[u.pk for u in units])
    review_url = url_maker("submissions:review", pk=MARKER)
    step_urls = step_url_makers(cycle.fiscal_year)
    rows = []
    for unit in units:

        def step_url(number, code=unit.code):
            return step_urls[number](code)

        row = {
            c.step.number: cell_of(c, review_url=review_url, step_url=step_url)
            for c in cells[unit.pk]
        }
        columns = [row[n] for n in shown if n in row]
        rows.append(Row(unit=unit, rate=rates[unit.pk], cells=row, columns=columns))
    return rows


def count_statuses(rows: list[Row], numbers) -> tuple[list[StatusCount], dict[int, int]]:
    """Per status: how many cells of each step, and overall; every status listed, even at 0."""
    per_step = {number: Counter() for number in numbers}
    for row in rows:
        for number in numbers:
            cell = row.cells.get(number)
            if cell is not None:
                per_step[number][cell.status] += 1
    return _tallied(per_step, numbers)


def _tallied(per_step: dict[int, Counter], numbers) -> tuple[list[StatusCount], dict[int, int]]:
    counts = [
        StatusCount(
            status=status,
            per_step={n: per_step[n][status] for n in numbers},
            total=sum(per_step[n][status] for n in numbers),
        )
        for status in ORDER
    ]
    return counts, {n: sum(per_step[n].values()) for n in numbers}


def keeps(row: Row, filters: Filters) -> bool:
    if not filters.status:
        return True
    if filters.step:
        cell = row.cells.get(filters.step)
        return cell is not None and cell.status == filters.status
    return any(cell.status == filters.status for cell in row.cells.values())


def build_matrix(cycle, filters: Filters, *, now: dt.datetime, units=None) -> Matrix:
    """``units``: the filters' units when already read."""
    units = list(filters.units()) if units is None else units
    steps = [s for s in cycle.steps.all() if s.number in SUBMITTED_STEPS]
    shown = [s for s in steps if filters.step in (None, s.number)]
    rows = unit_rows(cycle, units, now=now, shown=[s.number for s in shown])
    numbers = [s.number for s in steps]
    counts, totals = count_statuses(rows, numbers)
    return Matrix(
        steps=steps,
        shown_steps=shown,
        rows=[row for row in rows if keeps(row, filters)],
        counted_units=len(rows),
        counts=counts,
        step_totals=totals,
    )


def build_counts(cycle, units: list[Unit], *, now: dt.datetime) -> Matrix:
    """The counts per status alone (no rows, no attendance): what the charts page needs."""
    steps = [s for s in cycle.steps.all() if s.number in SUBMITTED_STEPS]
    numbers = [s.number for s in steps]
    per_step = {n: Counter() for n in numbers}
    for cells in step_cells(cycle, units, now=now).values():
        for cell in cells:
            if cell.step.number in per_step:
                per_step[cell.step.number][cell.status] += 1
    counts, totals = _tallied(per_step, numbers)
    return Matrix(
        steps=steps,
        shown_steps=steps,
        rows=[],
        counted_units=len(units),
        counts=counts,
        step_totals=totals,
    )
