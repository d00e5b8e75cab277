"""How the Excel forms look: TH Sarabun New 16 pt (18 pt bold titles), wrapped text at the top
of its cell, thin borders, A4 print set-up with the official margins, and row heights worked
out from the text (Excel never grows a row for a merged cell by itself).

Every value goes through ``safe_cell``, so text a person typed that starts like a formula
(``=``, ``+``, ``-``, ``@``) is written as text with a leading apostrophe, never as a formula.
"""

import math
import unicodedata
from decimal import Decimal

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from pmqa4.core.spreadsheet_safety import safe_cell

FONT = "TH Sarabun New"
BODY = Font(name=FONT, size=16)
BOLD = Font(name=FONT, size=16, bold=True)
TITLE = Font(name=FONT, size=18, bold=True)
MUTED = Font(name=FONT, size=16, color="767676")
DEDUCTED = Font(name=FONT, size=16, bold=True, color="C00000")

TOP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")
TOP_CENTRE = Alignment(wrap_text=True, vertical="top", horizontal="center")
RIGHT = Alignment(wrap_text=False, vertical="top", horizontal="right")
LEFT = Alignment(wrap_text=True, vertical="top", horizontal="left")
STEP = Alignment(wrap_text=True, vertical="top", indent=2)

_THIN = Side(style="thin", color="000000")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
HEADING_FILL = PatternFill("solid", fgColor="F2F2F2")
MONTH_FILL = PatternFill("solid", fgColor="9DC3E6")

CM = 1 / 2.54  # openpyxl's margins are in inches
# Column width is counted in widths of "0" of the default font; a TH Sarabun New 16 pt letter
# takes about 1.2 of them, Sarabun (what LibreOffice falls back to) about 1.6: the rows are sized
# in between, so that wrapped text is never cut off and rows are not much taller than needed.
CHAR_WIDTH = 1.4
PADDING = 4  # points below the last line
LINE_POINTS = 1.5  # a line is about 1.5 × the font size


def _visible_length(text: str) -> float:
    """Thai vowels and tone marks above and below a letter take no width of their own; a dot
    (the blank lines of the signature block) a third of a letter."""
    return sum(
        0.35 if ch == "." else 1
        for ch in text
        if unicodedata.category(ch) not in ("Mn", "Me", "Cf")
    )


def lines_needed(text: str, width: float) -> int:
    per_line = max(1, int(width / CHAR_WIDTH))
    return sum(max(1, math.ceil(_visible_length(part) / per_line)) for part in text.split("\n"))


def number_value(value):
    """A stored Decimal as a spreadsheet number: an int when whole, else a float."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


class SheetWriter:
    """Writes cells on one worksheet and remembers what each row holds, to size it."""

    def __init__(self, ws, widths: dict[int, float]):
        self.ws = ws
        self.widths = widths
        self._rows: dict[int, list[tuple[str, float, int]]] = {}
        for column, width in widths.items():
            ws.column_dimensions[get_column_letter(column)].width = width

    def put(
        self,
        row: int,
        column: int,
        value,
        *,
        font=BODY,
        align=TOP,
        to: int | None = None,
        box: bool = False,
        fill=None,
        number_format: str | None = None,
    ):
        """One value at (row, column), merged across to column ``to`` when given."""
        last = to or column
        if last > column:
            self.ws.merge_cells(start_row=row, start_column=column, end_row=row, end_column=last)
        cell = self.ws.cell(row=row, column=column)
        value = safe_cell(value)
        if value != "":
            cell.value = value
        for col in range(column, last + 1):
            target = self.ws.cell(row=row, column=col)
            target.font, target.alignment = font, align
            if box:
                target.border = BOX
            if fill is not None:
                target.fill = fill
        if number_format:
            cell.number_format = number_format
        if (isinstance(value, str) and value) or (box and value == ""):
            # An empty cell of a table still gets a line's height, to be written in.
            width = sum(self.widths.get(c, 9) for c in range(column, last + 1))
            self._rows.setdefault(row, []).append((value or "", width, font.sz or 16))
        return cell

    def box(self, row: int, first: int, last: int, fill=None) -> None:
        """Borders (and a fill) on cells that stay empty, so the table's grid prints whole."""
        for col in range(first, last + 1):
            cell = self.ws.cell(row=row, column=col)
            cell.border = BOX
            cell.font = BODY
            if fill is not None:
                cell.fill = fill

    def header(self, rows: tuple[int, int], spans: list[tuple[int, int, str, bool]]) -> None:
        """A two-row table header: (first column, last column, text, spans both rows)."""
        top, bottom = rows
        for first, last, text, both in spans:
            end = bottom if both else top
            if both or last > first:
                self.ws.merge_cells(start_row=top, start_column=first, end_row=end, end_column=last)
            self.ws.cell(row=top, column=first).value = safe_cell(text)
            for r in range(top, end + 1):
                for c in range(first, last + 1):
                    cell = self.ws.cell(row=r, column=c)
                    cell.font, cell.alignment, cell.border = BOLD, CENTRE, BOX
                    cell.fill = HEADER_FILL
            width = sum(self.widths.get(c, 9) for c in range(first, last + 1))
            self._rows.setdefault(top, []).append((text, width, 16))

    def fit(self) -> None:
        """Every written row as tall as its longest text wraps to."""
        for row, texts in self._rows.items():
            tallest = max(lines_needed(t, w) * size * LINE_POINTS for t, w, size in texts)
            self.ws.row_dimensions[row].height = max(tallest, 16 * LINE_POINTS) + PADDING


def page_setup(
    ws,
    *,
    landscape: bool,
    title_rows: str | None = None,
    form_number: str = "",
) -> None:
    """A4, fitted to the page's width, margins 2.5 cm left and 2 cm elsewhere; the table's
    header repeats on every printed page, and so does the form's number (top right) after the
    first page, which prints it in its own cell."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(
        left=2.5 * CM, right=2 * CM, top=2 * CM, bottom=2 * CM, header=0.8 * CM, footer=0.8 * CM
    )
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
    if form_number:
        ws.HeaderFooter.differentFirst = True
        ws.oddHeader.right.text = form_number
        ws.oddHeader.right.font = f"{FONT},Regular"
        ws.oddHeader.right.size = 14
    ws.oddFooter.center.text = "&P / &N"
    ws.oddFooter.center.size = 12
