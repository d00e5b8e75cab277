"""The cycle's scoring settings, with SCORING.md's FY2568 defaults.

Every amount and threshold is a setting of the cycle (SCORING.md, first paragraph), so the
facts may override any of them; an unknown key is refused rather than silently ignored.
"""

import dataclasses
import decimal
import functools
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import read
from .errors import FactsError
from .wording import plain

_KNOWN_RULES = 256  # distinct ``rules`` objects remembered: one or two per cycle in practice
_by_overrides: dict[tuple, "Rules"] = {}


@dataclasses.dataclass(frozen=True)
class Rules:
    late_or_incomplete: Decimal = Decimal("0.05")
    not_unit_wide: Decimal = Decimal("0.5")
    not_as_prescribed: Decimal = Decimal("0.5")
    missing_dimension: Decimal = Decimal("0.5")
    kpi_below: Decimal = Decimal("0.5")
    kpi_threshold: Decimal = Decimal("85")
    attendance_threshold: Decimal = Decimal("85")
    step_points: Decimal = Decimal("1")
    timezone: str = "Asia/Bangkok"

    @functools.cached_property
    def tz(self) -> ZoneInfo:
        """The zone in which a date is a whole day (due at 23:59:59.999999 local time)."""
        return ZoneInfo(self.timezone)

    @functools.cached_property
    def kpi_threshold_text(self) -> str:
        """The KPI threshold as step 5's reasons quote it, worded once per Rules.

        In the same decimal context as ``score`` (34 digits), whoever asks first.
        """
        with decimal.localcontext(decimal.Context(prec=34)):
            return plain(self.kpi_threshold)

    @classmethod
    def from_overrides(cls, overrides, field: str = "rules") -> "Rules":
        """Defaults with the facts' ``rules`` object applied; null or absent means no override.

        Every unit of a cycle carries the same ``rules``, so a Rules read from text values is
        remembered by those values (text only: ``1`` and ``True`` are equal keys but not equal
        rules) and shared, with its time zone looked up once.
        """
        if cls is not Rules or not (overrides is None or overrides.__class__ is dict):
            return cls._read(overrides, field)
        try:
            key = tuple(overrides.items()) if overrides else ()
            return _by_overrides[key]
        except (KeyError, TypeError):  # not seen yet, or a value that is not text
            rules = cls._read(overrides, field)
        if not overrides or all(value.__class__ is str for value in overrides.values()):
            if len(_by_overrides) >= _KNOWN_RULES:
                _by_overrides.clear()
            _by_overrides[key] = rules
        return rules

    @classmethod
    def _read(cls, overrides, field: str) -> "Rules":
        if overrides is None:
            return cls()
        data = read.mapping(overrides, field)
        names = {f.name for f in dataclasses.fields(cls)}
        read.no_unknown_keys(data, field, frozenset(names))
        values = {}
        try:
            for name, raw in data.items():
                if name == "timezone":
                    values[name] = _zone_name(raw, name)
                    continue
                number = read.decimal(data, name)
                if number < 0:
                    raise FactsError(name, f"must not be negative, got {raw!r}")
                values[name] = number
        except FactsError as error:
            raise error.within(field) from None
        return cls(**values)


def clear_cache() -> None:
    _by_overrides.clear()


def _zone_name(raw, field: str) -> str:
    if not isinstance(raw, str) or not raw:
        raise FactsError(field, f"expected an IANA time zone name, got {raw!r}")
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise FactsError(field, f"unknown time zone {raw!r}") from None
    return raw
