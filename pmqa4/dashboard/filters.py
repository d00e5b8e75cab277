"""The dashboard's filters, read from the query string and kept in every link and export.

A value that is not one of the choices is dropped with a Thai message rather than a 400: the
page still answers, and the person sees which filter was not understood.
"""

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.db.models import Q
from django.utils.translation import gettext as _

from pmqa4.org.models import Province, Region, Unit, UnitKind

from .statuses import ORDER

SUBMITTED_STEPS = (1, 3, 4, 5)  # step 2 is attendance: a rate, not a submission
MAX_QUERY = 100


def province_choices() -> list[Province]:
    """Provinces that have a unit taking part, by Thai name: one query."""
    return list(
        Province.objects.filter(units__takes_part=True, units__is_active=True)
        .distinct()
        .order_by("name_th")
    )


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    region: str = ""
    province: str = ""  # the province's short code (e.g. CNX)
    status: str = ""
    step: int | None = None
    q: str = ""
    year: str = ""
    errors: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_query(cls, query, provinces: list[Province]) -> "Filters":
        errors = []

        def choice(name, allowed, message):
            value = query.get(name, "").strip()
            if value and value not in allowed:
                errors.append(message)
                return ""
            return value

        kind = choice("kind", UnitKind.values, _("ไม่รู้จักประเภทหน่วยงานที่เลือก จึงแสดงทุกประเภท"))
        region = choice("region", Region.values, _("ไม่รู้จักภาคที่เลือก จึงแสดงทุกภาค"))
        province = choice(
            "province", {p.code for p in provinces}, _("ไม่รู้จักจังหวัดที่เลือก จึงแสดงทุกจังหวัด")
        )
        status = choice("status", ORDER, _("ไม่รู้จักสถานะที่เลือก จึงแสดงทุกสถานะ"))
        step_text = choice(
            "step", [str(n) for n in SUBMITTED_STEPS], _("ไม่รู้จักขั้นตอนที่เลือก จึงแสดงทุกขั้นตอน")
        )
        q = " ".join(query.get("q", "").split())
        if len(q) > MAX_QUERY:
            errors.append(_("คำค้นยาวเกิน %(n)d ตัวอักษร จึงใช้เพียง %(n)d ตัวแรก") % {"n": MAX_QUERY})
            q = q[:MAX_QUERY]
        return cls(
            kind=kind,
            region=region,
            province=province,
            status=status,
            step=int(step_text) if step_text else None,
            q=q,
            year=query.get("year", "").strip(),
            errors=tuple(errors),
        )

    def units(self):
        """The taking-part units these filters keep (the status filter is applied to the cells,
        later: a status depends on the due dates and the time of asking)."""
        units = Unit.objects.filter(takes_part=True, is_active=True).select_related("province")
        if self.kind:
            units = units.filter(kind=self.kind)
        if self.region:
            units = units.filter(province__region=self.region)
        if self.province:
            units = units.filter(province__code=self.province)
        if self.q:
            units = units.filter(
                Q(name_th__icontains=self.q)
                | Q(code__icontains=self.q)
                | Q(short_name__icontains=self.q)
                | Q(name_en__icontains=self.q)
            )
        return units.order_by("kind", "code")

    @property
    def active(self) -> bool:
        return any((self.kind, self.region, self.province, self.status, self.step, self.q))

    def params(self, **changes) -> dict[str, str]:
        """The non-empty filters as query parameters, with ``changes`` applied."""
        values = replace(self, **changes) if changes else self
        pairs = {
            "year": values.year,
            "kind": values.kind,
            "region": values.region,
            "province": values.province,
            "step": str(values.step) if values.step else "",
            "status": values.status,
            "q": values.q,
        }
        return {key: value for key, value in pairs.items() if value}

    def query_string(self, **changes) -> str:
        """'?kind=…&q=…' or '' — what every link and export of the page carries."""
        params = self.params(**changes)
        return "?" + urlencode(params) if params else ""
