"""Readers for the JSON values of a facts document, each raising FactsError at its field.

The contract (SCORING-FACTS.md) accepts numbers as strings or JSON numbers, timestamps only with
an offset, and dates only as YYYY-MM-DD; these readers enforce exactly that. Each reads
``data[key]`` (absent reads as null) and names ``key`` in its error; the objects around it add
their own part of the path on the way out (FactsError.within), so no path is built for good data.

Speed: the units of one cycle repeat the same due dates, meeting dates, as_of and amounts, so the
string readers remember what each string read as (strings only: ``True`` would find the entry
for ``1``). The caches are bounded: when one is full it starts afresh.
"""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from .errors import FactsError

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CACHE_LIMIT = 20_000
_dates: dict[str, dt.date] = {}
_timestamps: dict[str, dt.datetime] = {}
_decimals: dict[str, Decimal] = {}


def clear_caches() -> None:
    for cache in (_dates, _timestamps, _decimals):
        cache.clear()


def _remember(cache: dict, value, result):
    if value.__class__ is str:
        if len(cache) >= CACHE_LIMIT:
            cache.clear()
        cache[value] = result
    return result


def decimal(data: dict, key: str) -> Decimal:
    """A decimal from a JSON string or number; floats go through str() so 0.1 stays 0.1."""
    value = data.get(key)
    if value.__class__ is str and value in _decimals:
        return _decimals[value]
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        raise FactsError(key, f"expected a decimal number, got {value!r}")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise FactsError(key, f"not a decimal number: {value!r}") from None
    if not number.is_finite():
        raise FactsError(key, f"not a finite number: {value!r}")
    return _remember(_decimals, value, number)


def optional_decimal(data: dict, key: str) -> Decimal | None:
    return None if data.get(key) is None else decimal(data, key)


def timestamp(data: dict, key: str) -> dt.datetime:
    """An ISO 8601 timestamp with an offset; a naive one is refused, its day would be a guess."""
    value = data.get(key)
    if value.__class__ is str and value in _timestamps:
        return _timestamps[value]
    if not isinstance(value, str):
        raise FactsError(key, f"expected an ISO 8601 timestamp with an offset, got {value!r}")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise FactsError(key, f"not an ISO 8601 timestamp: {value!r}") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise FactsError(key, f"timestamp has no UTC offset: {value!r}")
    return _remember(_timestamps, value, moment)


def optional_timestamp(data: dict, key: str) -> dt.datetime | None:
    return None if data.get(key) is None else timestamp(data, key)


def date(data: dict, key: str) -> dt.date:
    """A Gregorian date written YYYY-MM-DD, nothing looser (no week dates, no times)."""
    value = data.get(key)
    if value.__class__ is str and value in _dates:
        return _dates[value]
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise FactsError(key, f"expected a date YYYY-MM-DD, got {value!r}")
    try:
        return _remember(_dates, value, dt.date.fromisoformat(value))
    except ValueError:
        raise FactsError(key, f"not a valid date: {value!r}") from None


def optional_date(data: dict, key: str) -> dt.date | None:
    return None if data.get(key) is None else date(data, key)


def boolean(data: dict, key: str, default: bool) -> bool:
    value = data.get(key)
    if value.__class__ is bool:
        return value
    if value is None:
        return default
    raise FactsError(key, f"expected true or false, got {value!r}")


def text(data: dict, key: str) -> str:
    """Free text; null and absent read as empty, which is what "missing" means for a roster."""
    value = data.get(key)
    if value.__class__ is str or isinstance(value, str):
        return value
    if value is None:
        return ""
    raise FactsError(key, f"expected text, got {value!r}")


def identifier(data: dict, key: str) -> str:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
        raise FactsError(key, f"expected a non-empty id, got {value!r}")
    return str(value)


def choice(data: dict, key: str, allowed: tuple[str, ...]) -> str:
    value = data.get(key)
    if value not in allowed:
        raise FactsError(key, f"{value!r} is not one of {', '.join(allowed)}")
    return value


def mapping(value, field: str) -> dict:
    if value.__class__ is not dict and not isinstance(value, dict):
        raise FactsError(field, f"expected an object, got {type(value).__name__}")
    return value


def items(data: dict, key: str) -> list:
    """A JSON array; null and absent read as empty."""
    value = data.get(key)
    if value.__class__ is list or isinstance(value, list):
        return value
    if value is None:
        return []
    raise FactsError(key, f"expected an array, got {type(value).__name__}")


def each(data: dict, key: str, parse) -> tuple:
    """``parse`` every object of a JSON array; an error names its item, e.g. ``meetings[3].at``.

    The path is only built when something is wrong: the items are parsed again, one at a time,
    to find the first that fails.
    """
    values = items(data, key)
    try:
        return tuple(map(parse, values))
    except FactsError:
        for index, value in enumerate(values):
            try:
                parse(value)
            except FactsError as error:
                raise error.within(f"{key}[{index}]") from None
        raise


def choices(data: dict, key: str, allowed: tuple[str, ...]) -> frozenset[str]:
    """A JSON array of allowed words as a set; an error names the first word that is not."""
    values = items(data, key)
    for index, value in enumerate(values):
        if value not in allowed:
            raise FactsError(f"{key}[{index}]", f"{value!r} is not one of {', '.join(allowed)}")
    return frozenset(values)


def no_unknown_keys(data: dict, field: str, known: frozenset[str]) -> None:
    """Refuse misspelt keys: a typo such as "singed_off" would otherwise silently score 0."""
    for key in data:
        if key not in known:
            where = f"{field}.{key}" if field else key
            raise FactsError(where, "unknown key")
