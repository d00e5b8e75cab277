"""How official documents write numbers and dates: Thai numerals by default, Arabic on request.

Only what the system prints is converted (numbering, years, dates, values); what a person typed
stays as typed, since a KPI's name may quote a law's section number.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from pmqa4.core.thai import NUMERALS, arabic_digits, format_be_date, thai_digits
from pmqa4.reports.achievement import plain, two_decimals

THAI = "thai"
ARABIC = "arabic"


@dataclass(frozen=True)
class Printer:
    numerals: str = THAI

    def __post_init__(self):
        if self.numerals not in NUMERALS:
            raise ValueError(f"numerals must be one of {NUMERALS}, got {self.numerals!r}")

    def text(self, value) -> str:
        """A system-made string (a title, a label such as 1.2, a year) in the chosen numerals."""
        if value is None:
            return ""
        return thai_digits(str(value)) if self.numerals == THAI else arabic_digits(str(value))

    def number(self, value: Decimal | int | None) -> str:
        """A stored value as people write it: 1,250 or 80.5; blank when there is none."""
        if value is None:
            return ""
        return self.text(plain(Decimal(value)))

    def percent(self, value: Decimal | None) -> str:
        """An achievement, half up to two places as the score shows it: 84.99."""
        return "" if value is None else self.text(f"{two_decimals(value):f}")

    def score(self, value: Decimal | None) -> str:
        """A score always with its two places, as published: ๓.๐๐, ๐.๙๕."""
        return "" if value is None else self.text(f"{Decimal(value):.2f}")

    def date(self, value: dt.date | dt.datetime | None) -> str:
        """๓๑ มกราคม ๒๕๖๘: the long Thai form of a B.E. date."""
        return "" if value is None else format_be_date(value, "long", self.numerals)
