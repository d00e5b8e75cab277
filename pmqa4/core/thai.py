"""Thai presentation of numbers and dates: Thai numerals, month names and B.E. years.

Pure functions, no Django, so templates, documents and exports format dates the same way.
Aware datetimes are read in Bangkok time, because a deadline's day is the day in Thailand.
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pmqa4.core.fiscal import BANGKOK, FISCAL_MONTHS, be_year

ARABIC_DIGITS = "0123456789"
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)

# Index 0 is January; use month_name() for 1-based calendar months.
MONTHS_FULL = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
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

DATE_STYLES = ("long", "short", "short2")
NUMERALS = ("arabic", "thai")


def thai_digits(value) -> str:
    """Any value as text with 0-9 replaced by ๐-๙; None is empty so templates need no guard."""
    if value is None:
        return ""
    return str(value).translate(_TO_THAI)


def arabic_digits(value) -> str:
    """The reverse of thai_digits, for reading numbers typed with Thai numerals."""
    if value is None:
        return ""
    return str(value).translate(_TO_ARABIC)


def month_name(month: int, short: bool = False) -> str:
    """Thai name of calendar month 1-12."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1-12, got {month!r}")
    return (MONTHS_SHORT if short else MONTHS_FULL)[month - 1]


def fiscal_month_labels(short: bool = True) -> tuple[str, ...]:
    """Month names in fiscal order, ต.ค. first: the column headers of a fiscal-year table."""
    return tuple(month_name(m, short) for m in FISCAL_MONTHS)


def bangkok_date(value: dt.date) -> dt.date:
    """The calendar day of a date, or of an aware datetime as seen in Bangkok.

    A naive datetime is refused: guessing its zone could move a deadline to the wrong day.
    """
    if isinstance(value, dt.datetime):
        return _bangkok(value).date()
    if isinstance(value, dt.date):
        return value
    raise TypeError(f"expected a date or datetime, got {type(value).__name__}")


def _bangkok(value: dt.datetime) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        raise TypeError(f"expected a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("naive datetime: attach a time zone before formatting")
    return value.astimezone(BANGKOK)


def _numerals(text: str, numerals: str) -> str:
    if numerals not in NUMERALS:
        raise ValueError(f"numerals must be one of {NUMERALS}, got {numerals!r}")
    return thai_digits(text) if numerals == "thai" else text


def format_be_date(value: dt.date, style: str = "long", numerals: str = "arabic") -> str:
    """'20 ธันวาคม 2567' (long), '20 ธ.ค. 2567' (short) or '20 ธ.ค. 67' (short2)."""
    if style not in DATE_STYLES:
        raise ValueError(f"style must be one of {DATE_STYLES}, got {style!r}")
    day = bangkok_date(value)
    year = be_year(day.year)
    if style == "long":
        text = f"{day.day} {month_name(day.month)} {year}"
    elif style == "short":
        text = f"{day.day} {month_name(day.month, short=True)} {year}"
    else:
        text = f"{day.day} {month_name(day.month, short=True)} {year % 100:02d}"
    return _numerals(text, numerals)


def format_be_datetime(value: dt.datetime, numerals: str = "arabic") -> str:
    """'20 ธ.ค. 2567 09:30 น.': short date and 24-hour Bangkok time, as on Thai notices."""
    local = _bangkok(value)
    text = f"{format_be_date(local, 'short')} {local:%H:%M} น."
    return _numerals(text, numerals)


def format_number(value, decimals: int | None = None, numerals: str = "arabic") -> str:
    """A number with thousands separators; ``decimals`` rounds half up, as Thai reports do.

    A float is read from its repr, so 2.675 rounds to 2.68 as written, not as its binary value.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = arabic_digits(value).replace(",", "").strip()
    elif isinstance(value, float):
        value = repr(value)
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise ValueError(f"not a number: {value!r}") from exc
    if not number.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    if decimals is not None:
        if decimals < 0:
            raise ValueError(f"decimals must be >= 0, got {decimals!r}")
        try:
            number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        except InvalidOperation as exc:
            raise ValueError(f"too many digits to show {decimals} decimals: {value!r}") from exc
    text = f"{number:,f}"
    if number.is_zero():
        text = text.lstrip("-")  # -0.001 rounded to 2 places is 0.00, not -0.00
    return _numerals(text, numerals)
