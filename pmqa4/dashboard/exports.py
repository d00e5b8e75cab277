"""A dashboard table as CSV (UTF-8 with a BOM, so Excel reads Thai) or XLSX (wrapped text,
frozen header, sized columns). Every cell goes through ``safe_cell``: text that a unit typed
and that starts like a formula stays text."""

import csv
import io
from copy import copy

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from pmqa4.core.spreadsheet_safety import safe_cell, safe_row

from .tables import Table

BOM = "\ufeff"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FONT = "TH Sarabun New"
BODY = Font(name=FONT, size=14)
HEAD = Font(name=FONT, size=14, bold=True)
HEAD_FILL = PatternFill("solid", fgColor="D9E2F3")
WRAP = Alignment(wrap_text=True, vertical="top")
NUMBER = Alignment(wrap_text=True, vertical="top", horizontal="right")


def _number(value):
    """A Decimal as a spreadsheet number (an int when whole)."""
    if hasattr(value, "to_integral_value"):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def csv_bytes(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(safe_row(table.header))
    for row in table.rows:
        writer.writerow(safe_row(row))
    return (BOM + out.getvalue()).encode("utf-8")


def xlsx_bytes(table: Table, about: list[tuple[str, str]] = ()) -> bytes:
    """The table on its first sheet (header on row 1, frozen); what it shows (year, filters,
    notes, when) on a second sheet, so the first stays a plain table to sort and filter."""
    book = Workbook()
    sheet = book.active
    sheet.title = "ข้อมูล"
    sheet.append([safe_cell(label) for label in table.header])
    for row in table.rows:
        sheet.append([safe_cell(_number(value)) for value in row])
    for index, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = HEAD, HEAD_FILL, WRAP
    numeric = {i for i, c in enumerate(table.columns, start=1) if c.numeric}
    styled = {}  # column → a cell styled the usual way, whose style the others copy
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            model = styled.get(cell.column)
            if model is None:
                cell.font = BODY
                cell.alignment = NUMBER if cell.column in numeric else WRAP
                styled[cell.column] = cell
            else:
                # Setting font and alignment looks each up in the workbook's style tables (a
                # second for 900 rows); copying the style ids of a styled cell is the same.
                cell._style = copy(model._style)
    sheet.freeze_panes = "A2"
    if table.rows:
        sheet.auto_filter.ref = sheet.dimensions
    notes = book.create_sheet("คำอธิบาย")
    notes.append([safe_cell(table.title)])
    for key, value in about:
        notes.append([safe_cell(key), safe_cell(value)])
    for note in table.notes:
        notes.append([safe_cell(note)])
    notes.column_dimensions["A"].width = 30
    notes.column_dimensions["B"].width = 60
    for line in notes.iter_rows():
        for cell in line:
            cell.font, cell.alignment = BODY, WRAP
    notes["A1"].font = HEAD
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def response(table: Table, fmt: str, filename: str, about=()) -> HttpResponse:
    if fmt == "csv":
        body, content_type = csv_bytes(table), "text/csv; charset=utf-8"
    else:
        body, content_type = xlsx_bytes(table, about), XLSX
    reply = HttpResponse(body, content_type=content_type)
    reply["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return reply
