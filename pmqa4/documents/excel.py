"""Forms 1–3, the team roster and the central scoreboard as Excel workbooks (.xlsx).

Each sheet is laid out like the official form (FORMS.md): the form's number top right, the
title merged and bold, ``หน่วยงาน …``, the table's headings, the dimensions' heading rows, the
numbering, ✓ in the years and months an item runs. The same layout (excel_layout.py) is what
the import reads, so a unit's exported workbook is also its import template. Text arrives
already in the chosen numerals (content.py); stored numbers (Form 3's target and baseline, the
scores) are written as real numbers so that a spreadsheet can add them up.
"""

import io

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from pmqa4.core.thai import THAI_DIGITS, format_be_date, thai_digits

from . import excel_layout as L
from .blank import empty_sheet
from .excel_style import (
    BODY,
    BOLD,
    CENTRE,
    DEDUCTED,
    HEADER_FILL,
    HEADING_FILL,
    LEFT,
    MONTH_FILL,
    MUTED,
    RIGHT,
    STEP,
    TITLE,
    TOP,
    TOP_CENTRE,
    SheetWriter,
    number_value,
    page_setup,
)
from .form_types import Contact, Form1, Form2, Form3, Form3Sheet, Roster, Signature
from .printing import ARABIC, THAI, Printer

# Rows a person may add below the exported ones and still get the ✓ list and the shading.
SPARE_ROWS = 200


def _printer(year_text: str) -> Printer:
    """The numerals the content was built with, read back from its printed year."""
    return Printer(THAI if any(ch in THAI_DIGITS for ch in year_text) else ARABIC)


def _marks(ws, columns, first_row: int, last_row: int) -> None:
    """A ✓ to pick in the year/month cells (anything else may still be typed: the import
    says what it accepts)."""
    rule = DataValidation(type="list", formula1=f'"{L.MARK}"', allow_blank=True)
    rule.showErrorMessage = False
    for column in columns:
        letter = get_column_letter(column)
        rule.add(f"{letter}{first_row}:{letter}{last_row}")
    ws.add_data_validation(rule)


def _text_column(ws, column: int) -> None:
    """Numbering typed later stays text: Excel would read 1.10 as the number 1.1."""
    ws.column_dimensions[get_column_letter(column)].number_format = "@"


def _title_block(w: SheetWriter, p: Printer, *, number: str, title: str, unit: str, last: int):
    w.put(1, last, p.text(L.FORM_NUMBER.format(number=number)), align=RIGHT)
    w.put(2, 1, title, font=TITLE, align=TOP_CENTRE, to=last)
    w.put(3, 1, L.UNIT_LINE.format(name=unit or L.DOTS), font=BOLD, align=TOP_CENTRE, to=last)


def _signature(w: SheetWriter, row: int, first: int, last: int, signature: Signature) -> int:
    """ผู้บริหารหน่วยงานลงนาม …: dotted lines until the executive signs off in the system."""
    lines = (
        f"{L.SIGNATURE_START} {L.DOTS}",
        f"({signature.name or L.DOTS})",
        f"ตำแหน่ง {signature.position or L.DOTS}",
        f"วันที่ {signature.date or '......../......../........'}",
    )
    for offset, text in enumerate(lines):
        w.put(row + offset, first, text, align=TOP_CENTRE, to=last)
    return row + len(lines)


def _kpi_lines(names, codes) -> str:
    """One KPI a line, ``code: name``, so a re-import knows which KPI it is."""
    if codes and len(codes) == len(names):
        return "\n".join(f"{code}: {name}" for code, name in zip(codes, names, strict=True))
    return "\n".join(names)


def _form1(wb: Workbook, form: Form1) -> None:
    p = _printer(form.years[0])
    ws = wb.active
    ws.title = L.sheet_title("1", digits=p.text)
    w = SheetWriter(ws, L.F1_WIDTHS)
    last = L.F1_LAST_COLUMN
    _title_block(w, p, number="1", title=form.title, unit=form.unit_name, last=last)
    w.put(L.F1_EXPLAIN_ROW, 1, form.explanation, to=last)
    years = L.F1_YEARS
    w.header(
        L.F1_HEADER_ROWS,
        [
            (L.F1_LABEL, L.F1_LABEL, L.F1_HEADINGS[L.F1_LABEL], True),
            (L.F1_NAME, L.F1_NAME, L.F1_HEADINGS[L.F1_NAME], True),
            (years[0], years[-1], L.F1_HEADINGS[years[0]], False),
            (L.F1_KPIS, L.F1_KPIS, L.F1_HEADINGS[L.F1_KPIS], True),
        ],
    )
    for column, year in zip(years, form.years, strict=True):
        w.put(
            L.F1_HEADER_ROWS[1], column, year, font=BOLD, align=CENTRE, box=True, fill=HEADER_FILL
        )
    row = L.F1_FIRST_ROW
    for heading, items in form.sections:
        w.put(row, 1, heading.text, font=BOLD, to=last, box=True, fill=HEADING_FILL)
        row += 1
        for item in items:
            w.put(row, L.F1_LABEL, item.label, align=TOP_CENTRE, box=True)
            w.put(row, L.F1_NAME, item.name, box=True)
            for column, runs in zip(years, item.runs, strict=True):
                w.put(row, column, L.MARK if runs else "", align=TOP_CENTRE, box=True)
            w.put(row, L.F1_KPIS, _kpi_lines(item.kpis, item.kpi_codes), box=True)
            row += 1
    _marks(ws, years, L.F1_FIRST_ROW, row + SPARE_ROWS)
    _text_column(ws, L.F1_LABEL)
    _signature(w, row + 1, years[0], last, form.signature)
    w.fit()
    ws.freeze_panes = f"A{L.F1_FIRST_ROW}"
    rows = L.F1_HEADER_ROWS
    page_setup(
        ws,
        landscape=True,
        title_rows=f"{rows[0]}:{rows[1]}",
        form_number=p.text(L.FORM_NUMBER.format(number="1")),
    )


def _form2(wb: Workbook, form: Form2) -> None:
    p = _printer(form.year)
    ws = wb.active
    ws.title = L.sheet_title("2", digits=p.text)
    w = SheetWriter(ws, L.F2_WIDTHS)
    last = L.F2_LAST_COLUMN
    _title_block(w, p, number="2", title=form.title, unit=form.unit_name, last=last)
    months = L.F2_MONTHS
    w.header(
        L.F2_HEADER_ROWS,
        [
            (L.F2_LABEL, L.F2_LABEL, L.F2_HEADINGS[L.F2_LABEL], True),
            (L.F2_NAME, L.F2_NAME, L.F2_HEADINGS[L.F2_NAME], True),
            (months[0], months[-1], L.F2_YEAR_HEADING.format(year=form.year), False),
            (L.F2_KPIS, L.F2_KPIS, L.F2_HEADINGS[L.F2_KPIS], True),
            (L.F2_RESPONSIBLE, L.F2_RESPONSIBLE, L.F2_HEADINGS[L.F2_RESPONSIBLE], True),
        ],
    )
    month_row = L.F2_HEADER_ROWS[1]
    for column, label in zip(months, form.month_labels, strict=True):
        w.put(month_row, column, label, font=BOLD, align=CENTRE, box=True, fill=HEADER_FILL)

    def month_cells(row, running):
        for month, column in enumerate(months, start=1):
            on = month in running
            mark = L.MARK if on else ""
            w.put(row, column, mark, align=TOP_CENTRE, box=True, fill=MONTH_FILL if on else None)

    row = L.F2_FIRST_ROW
    for heading, activities in form.sections:
        text = f"{heading.text} {heading.categories}".strip()
        w.put(row, 1, text, font=BOLD, to=last, box=True, fill=HEADING_FILL)
        row += 1
        for activity in activities:
            w.put(row, L.F2_LABEL, activity.label, align=TOP_CENTRE, box=True)
            w.put(row, L.F2_NAME, activity.name, box=True)
            month_cells(row, activity.months)
            w.put(row, L.F2_KPIS, _kpi_lines(activity.kpis, activity.kpi_codes), box=True)
            w.put(row, L.F2_RESPONSIBLE, activity.responsible, box=True)
            row += 1
            for step in activity.steps:
                w.put(row, L.F2_LABEL, f"{activity.label}.{step.label}", align=TOP_CENTRE, box=True)
                w.put(row, L.F2_NAME, step.name, align=STEP, box=True)
                month_cells(row, step.months)
                w.box(row, L.F2_KPIS, L.F2_RESPONSIBLE)
                row += 1
    spare = row + SPARE_ROWS
    _marks(ws, months, L.F2_FIRST_ROW, spare)
    _text_column(ws, L.F2_LABEL)
    area = f"{get_column_letter(months[0])}{L.F2_FIRST_ROW}:{get_column_letter(months[-1])}{spare}"
    first = f"{get_column_letter(months[0])}{L.F2_FIRST_ROW}"
    ws.conditional_formatting.add(area, FormulaRule(formula=[f"LEN({first})>0"], fill=MONTH_FILL))
    _signature(w, row + 1, L.F2_KPIS, last, form.signature)
    w.fit()
    ws.freeze_panes = f"A{L.F2_FIRST_ROW}"
    rows = L.F2_HEADER_ROWS
    page_setup(
        ws,
        landscape=True,
        title_rows=f"{rows[0]}:{rows[1]}",
        form_number=p.text(L.FORM_NUMBER.format(number="2")),
    )


def _contact_table(w: SheetWriter, row: int, label: str, headings, contact: Contact, p) -> int:
    last = L.F3_LAST_COLUMN
    phone, email = L.F3_CONTACT_PHONE, L.F3_CONTACT_EMAIL
    w.put(row, 1, p.text(label), font=BOLD, to=last)
    for first, to, text in ((1, 1, headings[0]), (phone, email - 1, headings[1])):
        w.put(row + 1, first, text, font=BOLD, align=CENTRE, to=to, box=True)
    w.put(row + 1, email, headings[2], font=BOLD, align=CENTRE, to=last, box=True)
    w.put(row + 2, 1, contact.name, box=True)
    w.put(row + 2, phone, contact.phone, to=email - 1, box=True)
    w.put(row + 2, email, contact.email, to=last, box=True)
    return row + 3


def _form3_sheet(ws, form: Form3, sheet: Form3Sheet, p: Printer) -> None:
    w = SheetWriter(ws, L.F3_WIDTHS)
    last = L.F3_LAST_COLUMN
    _title_block(w, p, number="3", title=form.title, unit=form.unit_name, last=last)

    def field(row, label, value, **style):
        w.put(row, 1, p.text(label), font=BOLD)
        w.put(row, 2, value, to=last, **style)

    dimension = (
        f"{p.text(sheet.dimension_number)}. {sheet.dimension}" if sheet.dimension_number else ""
    )
    field(4, L.F3_CODE, sheet.code)
    ws["B4"].number_format = "@"
    field(5, L.F3_DIMENSION, dimension)
    field(6, L.F3_NAME, sheet.name)
    field(7, L.F3_UNIT, sheet.unit_of_measure)
    w.put(8, 1, p.text(L.F3_TARGET), font=BOLD)
    target = number_value(sheet.target_value)
    fmt = "#,##0" if isinstance(target, int) else "#,##0.00##"
    w.put(8, 2, target if target is not None else "", number_format=fmt, align=LEFT)
    w.put(8, 3, L.F3_DIRECTION, font=BOLD, align=RIGHT)
    w.put(8, 4, sheet.direction, to=last)
    direction = DataValidation(type="list", formula1='"ยิ่งมากยิ่งดี,ยิ่งน้อยยิ่งดี"')
    direction.add("D8")
    ws.add_data_validation(direction)
    field(9, L.F3_CALCULATION, sheet.calculation)
    field(10, L.F3_DEFINITION, sheet.definition)
    w.put(11, 1, p.text(L.F3_BASELINE), font=BOLD, to=last)
    names, unit, past = L.F3_BASELINE_HEADINGS
    w.header((12, 13), [(1, 1, names, True), (2, 3, unit, True), (4, 6, past, False)])
    for column, year in zip(L.F3_BASELINE_YEARS, sheet.baseline_years, strict=True):
        w.put(13, column, year, font=BOLD, align=CENTRE, box=True, fill=HEADER_FILL)
    w.put(14, 1, sheet.name, box=True)
    w.put(14, 2, sheet.unit_of_measure, to=3, box=True)
    for column, value in zip(L.F3_BASELINE_YEARS, sheet.baseline_values, strict=True):
        number = number_value(value)
        fmt = "#,##0" if isinstance(number, int) else "#,##0.00##"
        shown = number if number is not None else ""
        w.put(14, column, shown, align=TOP_CENTRE, box=True, number_format=fmt)
    w.put(15, 1, p.text(L.F3_STEPS), font=BOLD, to=last)
    number, detail, evidence = L.F3_STEP_HEADINGS
    detail_at, evidence_at = L.F3_STEP_DETAIL, L.F3_STEP_EVIDENCE
    for first, to, text in ((1, 1, number), (detail_at, evidence_at - 1, detail)):
        w.put(16, first, text, font=BOLD, align=CENTRE, to=to, box=True)
    w.put(16, evidence_at, evidence, font=BOLD, align=CENTRE, to=last, box=True)
    row = 17
    for label, text, documents in sheet.steps or [(p.text(1), "", "")]:
        w.put(row, 1, label, align=TOP_CENTRE, box=True)
        w.put(row, detail_at, text, to=evidence_at - 1, box=True)
        w.put(row, evidence_at, documents, to=last, box=True)
        row += 1
    w.put(row, 1, p.text(L.F3_SOURCE), font=BOLD, to=last)
    field(row + 1, L.F3_METHOD, sheet.collection_method)
    field(row + 2, L.F3_FREQUENCY, sheet.collection_frequency)
    field(row + 3, L.F3_DATA_SOURCE, sheet.data_source)
    row = _contact_table(w, row + 4, L.F3_SUPERVISOR, L.F3_SUPERVISOR_HEADINGS, sheet.supervisor, p)
    _contact_table(w, row, L.F3_COLLECTOR, L.F3_COLLECTOR_HEADINGS, sheet.collector, p)
    w.fit()
    page_setup(ws, landscape=False, form_number=p.text(L.FORM_NUMBER.format(number="3")))


def _form3(wb: Workbook, form: Form3) -> None:
    p = _printer(form.year)
    sheets = form.sheets or [empty_sheet(form.baseline_year_values, p)]
    used: set[str] = set()
    for index, sheet in enumerate(sheets):
        ws = wb.active if index == 0 else wb.create_sheet()
        title = L.sheet_title("3", sheet.code, digits=p.text)
        while title in used:  # two codes that differ only in characters a sheet name refuses
            title = f"{title[:27]} ({index + 1})"
        used.add(title)
        ws.title = title
        _form3_sheet(ws, form, sheet, p)


def _roster(wb: Workbook, form: Roster) -> None:
    ws = wb.active
    ws.title = L.sheet_title("roster")
    w = SheetWriter(ws, L.ROSTER_WIDTHS)
    last = len(L.ROSTER_HEADINGS)
    w.put(1, 1, form.title, font=TITLE, align=TOP_CENTRE, to=last)
    w.put(
        2,
        1,
        L.UNIT_LINE.format(name=form.unit_name or L.DOTS),
        font=BOLD,
        align=TOP_CENTRE,
        to=last,
    )
    header = L.ROSTER_HEADER_ROW
    for column, text in enumerate(L.ROSTER_HEADINGS, start=1):
        w.put(header, column, text, font=BOLD, align=CENTRE, box=True, fill=HEADER_FILL)
    for row, member in enumerate(form.members, start=header + 1):
        values = (member.order, member.full_name, member.position, member.role)
        for column, value in enumerate((*values, member.phone, member.email), start=1):
            align = TOP_CENTRE if column == 1 else TOP
            w.put(row, column, value, align=align, box=True)
    w.fit()
    ws.freeze_panes = f"A{header + 1}"
    page_setup(ws, landscape=False, title_rows=f"{header}:{header}")


RENDERERS = {"1": _form1, "2": _form2, "3": _form3, "roster": _roster}


def _bytes(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def render_xlsx(kind: str, content) -> bytes:
    """The official form of ``kind`` ("1", "2", "3", "roster") as an .xlsx workbook."""
    try:
        render = RENDERERS[kind]
    except KeyError:
        raise ValueError(f"no Excel form of kind {kind!r}") from None
    wb = Workbook()
    render(wb, content)
    wb.properties.title = getattr(content, "title", "")
    wb.properties.creator = "PMQA 4.0"
    return _bytes(wb)


def scoreboard_xlsx(cycle, scores, *, as_of=None) -> bytes:
    """Every unit × the five steps' points, round 1 and the year, in the scoreboard's order.
    A step not done is grey, a step that lost points red and bold, as on the page."""
    wb = Workbook()
    ws = wb.active
    ws.title = "คะแนน"
    w = SheetWriter(ws, L.SCOREBOARD_WIDTHS)
    last = len(L.SCOREBOARD_HEADINGS)
    title = L.SCOREBOARD_TITLE.format(year=thai_digits(cycle.fiscal_year))
    w.put(1, 1, title, font=TITLE, align=TOP_CENTRE, to=last)
    if as_of is not None:
        w.put(2, 1, f"ข้อมูล ณ วันที่ {format_be_date(as_of, 'long')}", align=TOP_CENTRE, to=last)
    note = (
        "คะแนนรายขั้นตอน (เต็มขั้นตอนละ ๑ คะแนน) รอบที่ ๑ = ขั้นตอนที่ ๑–๓, ทั้งปี = ขั้นตอนที่ ๑–๕; "
        "ตัวเลขสีเทา = ยังไม่ได้ดำเนินการ, สีแดง = ถูกหักคะแนน"
    )
    w.put(3, 1, note, to=last)
    header = L.SCOREBOARD_HEADER_ROW
    for column, text in enumerate(L.SCOREBOARD_HEADINGS, start=1):
        w.put(header, column, text, font=BOLD, align=CENTRE, box=True, fill=HEADER_FILL)
    points = "0.00"
    for row, score in enumerate(scores, start=header + 1):
        w.put(row, 1, thai_digits(row - header), align=TOP_CENTRE, box=True)
        w.put(row, 2, score.unit.code, box=True)
        w.put(row, 3, score.unit.name_th, box=True)
        for column, step in enumerate(score.steps, start=4):
            font = MUTED if not step["done"] else DEDUCTED if step["deductions"] else BODY
            value = float(step["points"])
            w.put(row, column, value, font=font, align=TOP_CENTRE, box=True, number_format=points)
        for column, key in ((9, "round1"), (10, "year")):
            value = float(score.breakdown[key])
            w.put(row, column, value, font=BOLD, align=TOP_CENTRE, box=True, number_format=points)
    w.fit()
    ws.freeze_panes = f"D{header + 1}"
    ws.auto_filter.ref = f"A{header}:{get_column_letter(last)}{header + max(len(scores), 1)}"
    page_setup(ws, landscape=True, title_rows=f"{header}:{header}")
    return _bytes(wb)
