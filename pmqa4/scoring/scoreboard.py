"""The central scoreboard's rows: every taking-part unit's live score, filtered by unit kind and
province, sorted by code, name, a step's points, round 1 or the year."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

SORTS = {
    "code": _("รหัส"),
    "name": _("ชื่อหน่วยงาน"),
    "round1": _("คะแนนรอบที่ ๑ (มากไปน้อย)"),
    "year": _("คะแนนทั้งปี (มากไปน้อย)"),
    "year_asc": _("คะแนนทั้งปี (น้อยไปมาก)"),
}


def sort_scores(scores, sort: str):
    keys = {
        "code": (lambda s: s.unit.code, False),
        "name": (lambda s: s.unit.name_th, False),
        "round1": (lambda s: (Decimal(s.breakdown["round1"]), s.unit.code), True),
        "year": (lambda s: (Decimal(s.breakdown["year"]), s.unit.code), True),
        "year_asc": (lambda s: (Decimal(s.breakdown["year"]), s.unit.code), False),
    }
    key, reverse = keys.get(sort, keys["code"])
    return sorted(scores, key=key, reverse=reverse)


def scoreboard_scores(cycle, *, kind: str = "", province: str = "", sort: str = "code", now):
    """(scores, as of): what the scoreboard page shows, and what its Excel download holds."""
    from pmqa4.org.models import UnitKind

    from .adapter import taking_part
    from .services import assessment_time, cycle_scores

    units = taking_part(cycle).select_related("province")
    if kind in UnitKind.values:
        units = units.filter(kind=kind)
    if province:
        units = units.filter(province__code=province)
    as_of = assessment_time(cycle, now)
    return sort_scores(cycle_scores(cycle, as_of=as_of, units=units), sort), as_of
