"""Form 1 and Form 2 read back from their Excel sheets, row by row (see excel_import.py).

A row is a dimension's heading (``๑. มิติ…``), an item/activity (``๑.๒``), or in Form 2 a step
under the activity above it (``๑.๒.๑``). Each row's dimension is the first part of its number;
numbers are kept in the order written and closed up (๑.๑, ๑.๓ become ๑.๑, ๑.๒). An empty
numbered row (the blank form has three per dimension) is skipped.
"""

import re

from django.utils.translation import gettext as _

from pmqa4.core.thai import thai_digits

from . import excel_layout as L
from .excel_import import (
    ITEM_LABEL,
    MONTH_LABELS,
    NAME_LENGTH,
    RESPONSIBLE_LENGTH,
    STEP_LABEL,
    Facts,
    Preview,
    Rows,
    expect_headings,
    heading,
    kpi_cell,
    mark,
    no_dimension,
    numbered,
    outside,
    table_rows,
    too_long,
    unit_line,
)
from .excel_reader import Grid, ImportRefused

BARE_NUMBER = re.compile(r"^\d+$")


def _bad_mark(value, what: str) -> str:
    return _("“%(value)s” ไม่ใช่เครื่องหมายที่ระบบรับในคอลัมน์%(what)s ใช้ ✓ หรือ x หรือ 1 หรือเว้นว่าง") % {
        "value": value,
        "what": what,
    }


def _name(rows: Rows, entry: dict, row: int, column: int, missing: str) -> str:
    name = " ".join(rows.grid.text(row, column).split())  # one line, as the services keep it
    if not name:
        rows.problem(entry, row, column, missing)
    elif message := too_long(name, NAME_LENGTH):
        rows.problem(entry, row, column, message)
    return name


def _item_label(rows: Rows, entry: dict, row: int, label: str, current, facts: Facts, seen):
    """(dimension, number) of an item/activity's ``d.n``, its problems noted."""
    match = ITEM_LABEL.match(label)
    if not label:
        rows.problem(entry, row, 1, _("ไม่มีลำดับ กรุณาใส่ลำดับ เช่น ๑.๒"))
        return current, None
    if not match:
        rows.problem(
            entry, row, 1, _("ลำดับ “%(label)s” ไม่ถูกต้อง ต้องเป็น มิติ.ลำดับ เช่น ๑.๒") % {"label": label}
        )
        return current, None
    dimension, number = int(match.group(1)), int(match.group(2))
    if dimension not in facts.dimensions:
        rows.problem(entry, row, 1, no_dimension(dimension, facts))
        return None, None
    if current is not None and dimension != current:
        message = _("ลำดับ %(label)s อยู่ใต้หัวข้อมิติที่ %(heading)s กรุณาย้ายไปไว้ใต้มิติที่ %(dimension)s")
        values = {"label": thai_digits(label), "heading": thai_digits(current)}
        rows.problem(entry, row, 1, message % {**values, "dimension": thai_digits(dimension)})
    if number < 1:
        rows.problem(entry, row, 1, _("ลำดับต้องเริ่มที่ ๑"))
        return dimension, None
    if (dimension, number) in seen:
        message = _("ลำดับ %(label)s ซ้ำกับแถว %(other)s")
        rows.problem(
            entry,
            row,
            1,
            message % {"label": thai_digits(label), "other": seen[(dimension, number)]},
        )
        return dimension, None
    seen[(dimension, number)] = row
    return dimension, number


def _removals(preview: Preview, facts: Facts, what: str) -> None:
    kept = {f"{e['dimension']}.{e['number']}" for e in preview.rows if e.get("number")}
    for key, name in facts.stored.items():
        if key in kept:
            continue
        if key in facts.locked:
            message = _(
                "%(what)s %(label)s “%(name)s” มีรายงานผลการดำเนินงาน (แบบฟอร์ม ๔) แล้ว "
                "จึงลบออกไม่ได้ กรุณาคงรายการนี้ไว้ในไฟล์ด้วยลำดับเดิม"
            )
            preview.problems.append(
                message % {"what": what, "label": thai_digits(key), "name": name}
            )
        else:
            message = _("ลบ%(what)s %(label)s “%(name)s” (ไม่อยู่ในไฟล์)")
            preview.removals.append(
                message % {"what": what, "label": thai_digits(key), "name": name}
            )


def _finish(preview: Preview, rows: Rows, entries: list[dict]) -> None:
    rows.finish()
    numbered(
        [e for e in entries if e["given"]], "dimension", lambda e: f"{e['dimension']}.{e['number']}"
    )
    for entry in entries:
        if entry["given"]:
            entry["label"] = f"{entry['dimension']}.{entry['number']}"
        for position, step in enumerate(entry.get("steps", ()), start=1):
            step["label"] = f"{entry['label']}.{position}"
    preview.rows = entries


def form1_rows(preview: Preview, grid: Grid, facts: Facts) -> None:
    heading_row, years_row = L.F1_HEADER_ROWS
    expected = {(heading_row, column): text for column, text in L.F1_HEADINGS.items()}
    expect_headings(grid, expected, _("แบบฟอร์ม ๑"))
    found = tuple(L.plain(grid.text(years_row, c)) for c in L.F1_YEARS)
    if found != tuple(str(y) for y in facts.plan_years):
        raise ImportRefused(
            _("ไฟล์นี้เป็นแผนปีงบประมาณ %(found)s ไม่ตรงกับแผนระยะ ๓ ปีของรอบนี้ (%(years)s)")
            % {
                "found": thai_digits(" ".join(found)),
                "years": thai_digits(" ".join(map(str, facts.plan_years))),
            }
        )
    unit_line(preview, grid, L.F1_UNIT_ROW, facts)
    rows, entries, seen, current = Rows(preview, grid), [], {}, None
    for row in table_rows(grid, L.F1_FIRST_ROW):
        if not grid.filled(row, 1):
            continue
        number = heading(rows, row, L.F1_LAST_COLUMN, facts)
        if number is not False:
            current = number
            outside(rows, None, row, L.F1_LAST_COLUMN, _("ปี"))
            continue
        marks = [grid.value(row, c) for c in L.F1_YEARS]
        content = grid.filled(row, L.F1_NAME) or row in rows.formulas
        if not content:
            continue  # an empty numbered row of the blank form
        label = L.plain(grid.text(row, L.F1_LABEL))
        entry = rows.start(row, label=label)
        dimension, given = _item_label(rows, entry, row, label, current, facts, seen)
        name = _name(rows, entry, row, L.F1_NAME, _("ไม่มีชื่อแผนงาน/โครงการ/กิจกรรม"))
        years = []
        for column, year, value in zip(L.F1_YEARS, facts.plan_years, marks, strict=True):
            runs = mark(value)
            if runs is None:
                rows.problem(
                    entry,
                    row,
                    column,
                    _bad_mark(value, _("ปี %(year)s") % {"year": thai_digits(year)}),
                )
            years.append(bool(runs))
        kpis = kpi_cell(rows, entry, row, L.F1_KPIS, facts)
        outside(rows, entry, row, L.F1_LAST_COLUMN, _("ปี"))
        entry.update(dimension=dimension, given=given, name=name, years=years, kpis=kpis)
        entries.append(entry)
    _finish(preview, rows, entries)
    _removals(preview, facts, _("รายการ"))


def _months(rows: Rows, entry: dict, row: int) -> list[int]:
    months = []
    for month, column in enumerate(L.F2_MONTHS, start=1):
        value = rows.grid.value(row, column)
        runs = mark(value)
        if runs is None:
            what = _("เดือน %(month)s") % {"month": MONTH_LABELS[month - 1]}
            rows.problem(entry, row, column, _bad_mark(value, what))
        elif runs:
            months.append(month)
    return months


def _step(rows: Rows, row: int, label: str, activity: dict | None) -> None:
    grid = rows.grid
    entry = rows.start(row, label=label)
    if activity is None:
        rows.problem(entry, row, 1, _("ขั้นตอนนี้ไม่อยู่ใต้กิจกรรมที่มีชื่อ กรุณาวางไว้ใต้แถวของกิจกรรม"))
    match = STEP_LABEL.match(label)
    parent = f"{match.group(1)}.{match.group(2)}" if match else None
    if activity is not None and parent is not None and parent != activity["written"]:
        message = _("ขั้นตอน %(label)s ไม่อยู่ใต้กิจกรรม %(parent)s (อยู่ใต้กิจกรรม %(above)s)")
        values = {"label": thai_digits(label), "parent": thai_digits(parent)}
        rows.problem(entry, row, 1, message % {**values, "above": thai_digits(activity["written"])})
    entry["given"] = int(match.group(3) if match else label)
    entry["name"] = _name(rows, entry, row, L.F2_NAME, _("ไม่มีชื่อขั้นตอน"))
    entry["months"] = _months(rows, entry, row)
    for column in grid.filled(row, L.F2_KPIS, L.F2_RESPONSIBLE):
        message = _("แถวของขั้นตอนไม่มีตัวชี้วัดหรือผู้รับผิดชอบ กรุณาใส่ไว้ที่แถวของกิจกรรม")
        if grid.text(row, column) in L.MARKS:
            message = _("เครื่องหมาย “%(mark)s” อยู่ในคอลัมน์ที่ไม่ใช่คอลัมน์เดือน") % {
                "mark": grid.text(row, column)
            }
        rows.problem(entry, row, column, message)
    outside(rows, entry, row, L.F2_LAST_COLUMN, _("เดือน"))
    if activity is None:
        return
    if any(s["given"] == entry["given"] for s in activity["steps"]):
        rows.problem(entry, row, 1, _("ลำดับขั้นตอน %(label)s ซ้ำ") % {"label": thai_digits(label)})
    activity["steps"].append(entry)


def form2_rows(preview: Preview, grid: Grid, facts: Facts) -> None:
    heading_row, month_row = L.F2_HEADER_ROWS
    expected = {(heading_row, column): text for column, text in L.F2_HEADINGS.items()}
    expected.update({(month_row, c): m for c, m in zip(L.F2_MONTHS, MONTH_LABELS, strict=True)})
    expect_headings(grid, expected, _("แบบฟอร์ม ๒"))
    year_heading = L.plain(L.F2_YEAR_HEADING.format(year=facts.fiscal_year))
    found = L.plain(grid.text(heading_row, L.F2_MONTHS[0]))
    if found != year_heading:
        raise ImportRefused(
            _("ไฟล์นี้เป็นแผนปฏิบัติการของ “%(found)s” ไม่ตรงกับรอบปีนี้ (ปีงบประมาณ พ.ศ. %(year)s)")
            % {"found": thai_digits(found), "year": thai_digits(facts.fiscal_year)}
        )
    unit_line(preview, grid, L.F2_UNIT_ROW, facts)
    rows, entries, seen, current, activity = Rows(preview, grid), [], {}, None, None
    for row in table_rows(grid, L.F2_FIRST_ROW):
        if not grid.filled(row, 1):
            continue
        number = heading(rows, row, L.F2_LAST_COLUMN, facts)
        if number is not False:
            current, activity = number, None
            outside(rows, None, row, L.F2_LAST_COLUMN, _("เดือน"))
            continue
        label = L.plain(grid.text(row, L.F2_LABEL))
        is_step = bool(STEP_LABEL.match(label) or (BARE_NUMBER.match(label) and activity))
        if not (grid.filled(row, L.F2_NAME) or row in rows.formulas):
            if not is_step:
                activity = None  # an empty activity of the blank form: its steps are empty too
            continue
        if is_step:
            _step(rows, row, label, activity)
            continue
        entry = rows.start(row, label=label, written=label, steps=[])
        dimension, given = _item_label(rows, entry, row, label, current, facts, seen)
        name = _name(rows, entry, row, L.F2_NAME, _("ไม่มีชื่อแผนงาน/โครงการ/กิจกรรม"))
        months = _months(rows, entry, row)
        kpis = kpi_cell(rows, entry, row, L.F2_KPIS, facts)
        responsible = " ".join(grid.text(row, L.F2_RESPONSIBLE).split())
        if responsible in L.MARKS:
            message = _("เครื่องหมาย “%(mark)s” อยู่ในคอลัมน์ผู้รับผิดชอบ ซึ่งไม่ใช่คอลัมน์เดือน")
            rows.problem(entry, row, L.F2_RESPONSIBLE, message % {"mark": responsible})
        elif message := too_long(responsible, RESPONSIBLE_LENGTH):
            rows.problem(entry, row, L.F2_RESPONSIBLE, message)
        outside(rows, entry, row, L.F2_LAST_COLUMN, _("เดือน"))
        entry.update(dimension=dimension, given=given, name=name, months=months)
        entry.update(kpis=kpis, responsible=responsible)
        entries.append(entry)
        activity = entry
    for entry in entries:
        entry["steps"].sort(key=lambda s: s["given"])
        for position, step in enumerate(entry["steps"], start=1):
            step["number"] = position
    _finish(preview, rows, entries)
    _removals(preview, facts, _("กิจกรรม"))
