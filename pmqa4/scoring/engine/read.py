"""Readers for the JSON values of a facts document, each raising FactsError at its path.

The contract (SCORING-FACTS.md) accepts numbers as strings or JSON numbers, timestamps only with
an offset, and dates only as YYYY-MM-DD; these readers enforce exactly that.
"""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from .errors import FactsError

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def decimal(value, field: str) -> Decimal:
    """A decimal from a JSON string or number; floats go through str() so 0.1 stays 0.1."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        raise FactsError(field, f"expected a decimal number, got {value!r}")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise FactsError(field, f"not a decimal number: {value!r}") from None
    if not number.is_finite():
        raise FactsError(field, f"not a finite number: {value!r}")
    return number


def optional_decimal(value, field: str) -> Decimal | None:
    return None if value is None else decimal(value, field)


def timestamp(value, field: str) -> dt.datetime:
    """An ISO 8601 timestamp with an offset; a naive one is refused, its day would be a guess."""
    if not isinstance(value, str):
        raise FactsError(field, f"expected an ISO 8601 timestamp with an offset, got {value!r}")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise FactsError(field, f"not an ISO 8601 timestamp: {value!r}") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise FactsError(field, f"timestamp has no UTC offset: {value!r}")
    return moment


def optional_timestamp(value, field: str) -> dt.datetime | None:
    return None if value is None else timestamp(value, field)


def date(value, field: str) -> dt.date:
    """A Gregorian date written YYYY-MM-DD, nothing looser (no week dates, no times)."""
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise FactsError(field, f"expected a date YYYY-MM-DD, got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FactsError(field, f"not a valid date: {value!r}") from None


def optional_date(value, field: str) -> dt.date | None:
    return None if value is None else date(value, field)


def boolean(value, field: str, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise FactsError(field, f"expected true or false, got {value!r}")
    return value


def text(value, field: str) -> str:
    """Free text; null and absent read as empty, which is what "missing" means for a roster."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FactsError(field, f"expected text, got {value!r}")
    return value


def identifier(value, field: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
        raise FactsError(field, f"expected a non-empty id, got {value!r}")
    return str(value)


def mapping(value, field: str) -> dict:
    if not isinstance(value, dict):
        raise FactsError(field, f"expected an object, got {type(value).__name__}")
    return value


def items(value, field: str) -> list:
    """A JSON array; null and absent read as empty."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise FactsError(field, f"expected an array, got {type(value).__name__}")
    return value


def choice(value, field: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise FactsError(field, f"{value!r} is not one of {', '.join(allowed)}")
    return value


def no_unknown_keys(data: dict, field: str, known: frozenset[str]) -> None:
    """Refuse misspelt keys: a typo such as "singed_off" would otherwise silently score 0."""
    for key in data:
        if key not in known:
            where = f"{field}.{key}" if field else key
            raise FactsError(where, "unknown key")
