import csv
import io
from decimal import Decimal

import pytest

from pmqa4.core.spreadsheet_safety import safe_cell, safe_row


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil","คลิก")', '\'=HYPERLINK("http://evil","คลิก")'),
        ("+66 81 234 5678", "'+66 81 234 5678"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("นายสมชาย ใจดี", "นายสมชาย ใจดี"),
        ("a=b", "a=b"),
        ("", ""),
        (" =1", " =1"),
    ],
)
def test_text_that_could_start_a_formula_gets_a_leading_apostrophe(value, expected):
    assert safe_cell(value) == expected


def test_numbers_stay_numbers_and_none_is_an_empty_cell():
    assert safe_cell(-5) == -5
    assert safe_cell(Decimal("-1.50")) == Decimal("-1.50")
    assert safe_cell(2.5) == 2.5
    assert safe_cell(None) == ""
    assert safe_cell(True) == "True"


def test_other_objects_become_their_text_and_are_checked_too():
    class Name:
        def __str__(self):
            return "=cmd|' /C calc'!A0"

    assert safe_cell(Name()) == "'=cmd|' /C calc'!A0"


def test_a_row_written_to_csv_has_no_cell_starting_with_a_formula_character():
    row = safe_row(["=1+1", "ปกติ", None, 7, "-2"])
    out = io.StringIO()
    csv.writer(out).writerow(row)
    cells = next(csv.reader(io.StringIO(out.getvalue())))
    assert cells == ["'=1+1", "ปกติ", "", "7", "'-2"]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
