"""The Thai fiscal year (ปีงบประมาณ): 1 October to 30 September, named by its B.E. year.

FY2568 runs from 1 Oct 2024 to 30 Sep 2025: a date from October on belongs to the next year's FY.
Pure functions, no Django, so the scoring engine and the documents can share them.
"""

import datetime as dt
from zoneinfo import ZoneInfo

BE_OFFSET = 543
BANGKOK = ZoneInfo("Asia/Bangkok")

# Fiscal month order, ต.ค. first; each entry is the calendar month number.
FISCAL_MONTHS = (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def ce_year(be: int) -> int:
    return be - BE_OFFSET


def fiscal_year_of(day: dt.date) -> int:
    """B.E. fiscal year that contains ``day``."""
    return be_year(day.year + 1 if day.month >= 10 else day.year)


def fiscal_year_bounds(fiscal_year: int) -> tuple[dt.date, dt.date]:
    """First and last day (1 Oct, 30 Sep) of a B.E. fiscal year."""
    end_ce = ce_year(fiscal_year)
    return dt.date(end_ce - 1, 10, 1), dt.date(end_ce, 9, 30)


def fiscal_month_index(day: dt.date) -> int:
    """1 for October … 12 for September."""
    return FISCAL_MONTHS.index(day.month) + 1


def end_of_day(day: dt.date, tz: ZoneInfo = BANGKOK) -> dt.datetime:
    """A due date lasts its whole day in Bangkok: due at 23:59:59.999999 local time."""
    return dt.datetime.combine(day, dt.time.max, tzinfo=tz)


def start_of_day(day: dt.date, tz: ZoneInfo = BANGKOK) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=tz)
