"""The public index of a fiscal year: each published unit with its latest round-1 and year
scores, filtered by unit kind and province and sorted. Four queries for any number of units."""

import dataclasses
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from pmqa4.org.models import Province, Unit, UnitKind
from pmqa4.scoring.models import ScoreKind, ScoreRecord
from pmqa4.scoring.selectors import latest_published

SORTS = {
    "code": _("รหัสหน่วยงาน"),
    "name": _("ชื่อหน่วยงาน"),
    "province": _("จังหวัด"),
    "round1": _("คะแนนรอบที่ ๑ (มากไปน้อย)"),
    "year": _("คะแนนทั้งปี (มากไปน้อย)"),
    "year_asc": _("คะแนนทั้งปี (น้อยไปมาก)"),
}


@dataclasses.dataclass(frozen=True)
class Entry:
    unit: Unit
    round1: ScoreRecord | None
    year: ScoreRecord | None

    @property
    def round1_score(self) -> Decimal | None:
        return self.round1.round1 if self.round1 else None

    @property
    def year_score(self) -> Decimal | None:
        return self.year.year if self.year else None


def _missing_last(value, descending: bool):
    """Units without that score come last in either direction."""
    if value is None:
        return (1, Decimal(0))
    return (0, -value if descending else value)


SORT_KEYS = {
    "code": lambda e: e.unit.code,
    "name": lambda e: (e.unit.name_th, e.unit.code),
    "province": lambda e: (
        e.unit.province is None,
        e.unit.province.name_th if e.unit.province else "",
        e.unit.code,
    ),
    "round1": lambda e: (_missing_last(e.round1_score, True), e.unit.code),
    "year": lambda e: (_missing_last(e.year_score, True), e.unit.code),
    "year_asc": lambda e: (_missing_last(e.year_score, False), e.unit.code),
}


@dataclasses.dataclass(frozen=True)
class Listing:
    entries: list[Entry]
    published_units: int  # before the filters
    provinces: list[Province]
    kind: str
    province: str
    sort: str


def listing(cycle, *, kind: str = "", province: str = "", sort: str = "code") -> Listing:
    latest = latest_published(cycle)
    ids = {unit_id for unit_id, _kind in latest}
    kind = kind if kind in UnitKind.values else ""
    sort = sort if sort in SORTS else "code"
    units = Unit.objects.filter(pk__in=ids).select_related("province")
    if kind:
        units = units.filter(kind=kind)
    if province:
        units = units.filter(province__code=province)
    entries = [
        Entry(unit, latest.get((unit.pk, ScoreKind.ROUND1)), latest.get((unit.pk, ScoreKind.YEAR)))
        for unit in units
    ]
    entries.sort(key=SORT_KEYS[sort])
    provinces = list(Province.objects.filter(units__in=ids).distinct().order_by("name_th"))
    return Listing(entries, len(ids), provinces, kind, province, sort)
