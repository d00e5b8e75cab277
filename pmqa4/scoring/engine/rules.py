"""The cycle's scoring settings, with SCORING.md's FY2568 defaults.

Every amount and threshold is a setting of the cycle (SCORING.md, first paragraph), so the
facts may override any of them; an unknown key is refused rather than silently ignored.
"""

import dataclasses
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import read
from .errors import FactsError


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

    @property
    def tz(self) -> ZoneInfo:
        """The zone in which a date is a whole day (due at 23:59:59.999999 local time)."""
        return ZoneInfo(self.timezone)

    @classmethod
    def from_overrides(cls, overrides, field: str = "rules") -> "Rules":
        """Defaults with the facts' ``rules`` object applied; null or absent means no override."""
        if overrides is None:
            return cls()
        data = read.mapping(overrides, field)
        names = {f.name for f in dataclasses.fields(cls)}
        read.no_unknown_keys(data, field, frozenset(names))
        values = {}
        for name, raw in data.items():
            where = f"{field}.{name}"
            if name == "timezone":
                values[name] = _zone_name(raw, where)
                continue
            number = read.decimal(raw, where)
            if number < 0:
                raise FactsError(where, f"must not be negative, got {raw!r}")
            values[name] = number
        return cls(**values)


def _zone_name(raw, field: str) -> str:
    if not isinstance(raw, str) or not raw:
        raise FactsError(field, f"expected an IANA time zone name, got {raw!r}")
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise FactsError(field, f"unknown time zone {raw!r}") from None
    return raw
