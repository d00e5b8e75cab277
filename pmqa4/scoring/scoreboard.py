"""Sorting the central scoreboard: by code, name, a step's points, round 1 or the year."""

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
