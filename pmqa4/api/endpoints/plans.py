"""A unit's Form 1 (3-year plan) items and Form 2 (action plan) activities."""

from django.db.models import Prefetch, Q
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from pmqa4.framework.models import Characteristic
from pmqa4.plans.models import Activity, Kpi, PlanItem
from pmqa4.plans.selectors import form2_activities

from ..access import cycle_for, unit_for
from ..pagination import Page, Rows
from ..schemas import NO_NUL, READ_ERRORS, ActivityOut, PlanItemOut
from .org import Code, Year

router = Router(tags=["แผน (แบบฟอร์ม ๑–๒)"])


class PlanFilters(Schema):
    dimension: int | None = Field(None, ge=1, le=9, description="มิติที่ (๑–๓)")
    q: str | None = Field(None, max_length=100, pattern=NO_NUL, description="ค้นจากชื่อ")

    def apply(self, rows):
        if self.dimension:
            rows = rows.filter(dimension__number=self.dimension)
        if self.q and self.q.strip():
            rows = rows.filter(Q(name__icontains=self.q.strip()))
        return rows


def _named():
    return (
        Prefetch("kpis", queryset=Kpi.objects.only("id", "code").order_by("code")),
        Prefetch("characteristics", queryset=Characteristic.objects.order_by("order")),
    )


def plan_item_row(item: PlanItem) -> dict:
    years = (item.in_year1, item.in_year2, item.in_year3)
    return {
        "id": item.pk,
        "label": item.label,
        "dimension": item.dimension,
        "number": item.number,
        "name": item.name,
        "fiscal_years": [item.plan.first_year + i for i, runs in enumerate(years) if runs],
        "kpi_codes": [k.code for k in item.kpis.all()],
        "characteristics": [c.name_th for c in item.characteristics.all()],
    }


def activity_row(activity: Activity) -> dict:
    item = activity.plan_item
    return {
        "id": activity.pk,
        "label": activity.label,
        "dimension": activity.dimension,
        "number": activity.number,
        "name": activity.name,
        "months": sorted(activity.months or []),
        "responsible": activity.responsible,
        "plan_item_label": item.label if item else None,
        "kpi_codes": [k.code for k in activity.kpis.all()],
        "characteristics": [c.name_th for c in activity.characteristics.all()],
        "steps": [
            {"number": s.number, "name": s.name, "months": sorted(s.months or [])}
            for s in activity.steps.all()
        ],
    }


@router.get(
    "/units/{code}/cycles/{year}/plan-items",
    response={200: list[PlanItemOut], **READ_ERRORS},
    summary="รายการในแผนพัฒนาระยะ ๓ ปี (แบบฟอร์ม ๑)",
)
@paginate(Page)
def plan_items(request, filters: Query[PlanFilters], code: str = Code, year: int = Year):
    unit = unit_for(request, code)
    cycle = cycle_for(year)
    items = (
        PlanItem.objects.filter(plan__unit=unit, plan__cycle=cycle)
        .select_related("dimension", "plan")
        .prefetch_related(*_named())
        .order_by("dimension__number", "number")
    )
    return Rows(filters.apply(items), lambda page: [plan_item_row(i) for i in page])


@router.get(
    "/units/{code}/cycles/{year}/activities",
    response={200: list[ActivityOut], **READ_ERRORS},
    summary="แผนงาน/โครงการ/กิจกรรมในแผนปฏิบัติการประจำปี (แบบฟอร์ม ๒)",
)
@paginate(Page)
def activities(request, filters: Query[PlanFilters], code: str = Code, year: int = Year):
    unit = unit_for(request, code)
    cycle = cycle_for(year)
    rows = form2_activities(unit, cycle, *_named())
    return Rows(filters.apply(rows), lambda page: [activity_row(a) for a in page])
