"""Cells for CSV and Excel exports that a spreadsheet will show as text, never run as a formula.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` is read by Excel and LibreOffice as a formula
(CSV/formula injection: ``=HYPERLINK(...)`` or ``=cmd|...`` typed into a form by anyone ends up
in the central group's spreadsheet); a leading tab or carriage return can hide such a start. A
leading apostrophe makes the spreadsheet keep the cell as text and is not displayed.
"""

from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value as a spreadsheet cell: text that could start a formula gets a leading ``'``.

    Numbers stay numbers (a negative number is not a formula); None becomes an empty cell;
    anything else becomes its text.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def safe_row(values) -> list:
    """Every cell of a row through ``safe_cell``."""
    return [safe_cell(value) for value in values]
