"""Thai wording for deduction reasons: B.E. dates, dimension names, plain numbers.

The engine is standalone (it may not import pmqa4.core.thai), so it keeps its own small copy of
the month abbreviations. SCORING.md "Explanations": each reason says which submission, how late,
which dimension, which KPI at what %.
"""

import datetime as dt
import functools
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
    rounded = value.quantize(TWO_PLACES, ROUND_HALF_UP)  # positional: half the cost of rounding=
    return str(rounded if rounded else abs(rounded))


def plain(value: Decimal) -> str:
    """A setting as people write it: 85, 0.5, 80.5 (no exponent, no trailing zeros)."""
    return f"{value.normalize():f}"


@functools.lru_cache(maxsize=1024)
def thai_date(day: dt.date) -> str:
    """E.g. "29 พ.ย. 2567"; the due dates of a cycle repeat, so each is worded once."""
    return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year + 543}"


def thai_moment(moment: dt.datetime, tz: ZoneInfo) -> str:
    """E.g. "30 พ.ย. 2567 09:00 น." (hour and minute formatted directly: strftime is slow)."""
    local = moment.astimezone(tz)
    return f"{thai_date(local.date())} {local.hour:02d}:{local.minute:02d} น."


def dimension(number: int) -> str:
    """E.g. "มิติที่ 2 (มิติยึดประชาชนเป็นศูนย์กลาง)"."""
    return f"มิติที่ {number} ({DIMENSION_NAMES[number]})"


def missing_dimensions(form1, form2) -> list[tuple[int, str]]:
    """(dimension, reason) for each dimension missing from Form 1 or 2 (once if from both)."""
    missing = []
    for number in (1, 2, 3):
        in_form1, in_form2 = number in form1, number in form2
        if not (in_form1 and in_form2):
            missing.append((number, _missing_reason(number, in_form1, in_form2)))
    return missing


@functools.lru_cache(maxsize=16)
def _missing_reason(number: int, in_form1: bool, in_form2: bool) -> str:
    """There are only nine of these reasons: each is worded once."""
    forms = [form for form, has in (("แบบฟอร์ม 1", in_form1), ("แบบฟอร์ม 2", in_form2)) if not has]
    return f"{' และ '.join(forms)} ไม่มีรายการใน{dimension(number)}"


def clear_caches() -> None:
    thai_date.cache_clear()
    _missing_reason.cache_clear()
