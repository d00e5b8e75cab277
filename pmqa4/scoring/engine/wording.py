"""Thai wording for deduction reasons: B.E. dates, dimension names, plain numbers.

The engine is standalone (it may not import pmqa4.core.thai), so it keeps its own small copy of
the month abbreviations. SCORING.md "Explanations": each reason says which submission, how late,
which dimension, which KPI at what %.
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)

DIMENSION_NAMES = {
    1: "มิติเปิดกว้างและเชื่อมโยง",
    2: "มิติยึดประชาชนเป็นศูนย์กลาง",
    3: "มิติมีขีดสมรรถนะสูงและทันสมัย",
}

TWO_PLACES = Decimal("0.01")


def two_decimals(value: Decimal) -> str:
    """Half-up to two decimals, only ever for display (SCORING-FACTS.md "Breakdown")."""
    rounded = value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
    return str(rounded if rounded else abs(rounded))


def plain(value: Decimal) -> str:
    """A setting as people write it: 85, 0.5, 80.5 (no exponent, no trailing zeros)."""
    return f"{value.normalize():f}"


def thai_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year + 543}"


def thai_moment(moment: dt.datetime, tz: ZoneInfo) -> str:
    local = moment.astimezone(tz)
    return f"{thai_date(local.date())} {local:%H:%M} น."


def dimension(number: int) -> str:
    """E.g. "มิติที่ 2 (มิติยึดประชาชนเป็นศูนย์กลาง)"."""
    return f"มิติที่ {number} ({DIMENSION_NAMES[number]})"
