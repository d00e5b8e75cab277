"""A unit's KPIs with their Form 3 targets and reported actuals, and recording a new actual."""

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from pmqa4.core.errors import WorkflowError
from pmqa4.plans.models import Activity, Kpi, KpiActual, KpiBaseline
from pmqa4.reports import selectors as report_selectors
from pmqa4.reports import services as report_services
from pmqa4.reports.achievement import assess, two_decimals
from pmqa4.submissions.access import step_of
from pmqa4.submissions.selectors import step_panel

from ..access import acting_as, cycle_for, unit_for, unit_to_write
from ..auth import actor
from ..pagination import Page
from ..schemas import (
    NO_NUL,
    READ_ERRORS,
    WRITE_ERRORS,
    ActualCreatedOut,
    ActualIn,
    KpiDetailOut,
    KpiOut,
    KpiStatus,
    plain,
)
from .org import Code, Year

router = Router(tags=["ตัวชี้วัดและผลการดำเนินงาน"])

KpiCode = Path(..., max_length=20, pattern=NO_NUL, description="รหัสตัวชี้วัด เช่น K1")


def kpis_of(unit, cycle):
    """Every KPI of the unit's year with its sheet and actuals (newest first) in two queries,
    each marked whether Form 2 names it (only those are reported in step 5)."""
    named = Activity.objects.filter(
        action_plan__unit=unit, action_plan__cycle=cycle, kpis=OuterRef("pk")
    )
    return (
        Kpi.objects.filter(unit=unit, cycle=cycle)
        .select_related("sheet__dimension")
        .annotate(in_action_plan=Exists(named))
        .prefetch_related(
            Prefetch("actuals", queryset=KpiActual.objects.order_by("-reported_at", "-id"))
        )
        .order_by("code")
    )


def actual_row(actual: KpiActual) -> dict:
    return {
        "id": actual.pk,
        "value": plain(actual.value),
        "measured_on": actual.measured_on,
        "note": actual.note,
        "cause": actual.cause,
        "remedy": actual.remedy,
        "reported_at": actual.reported_at,
    }


def kpi_row(kpi: Kpi, *, threshold) -> dict:
    """The KPI as step 5's page reads it: the latest actual against the target (SCORING.md)."""
    sheet = getattr(kpi, "sheet", None)
    actuals = list(kpi.actuals.all())
    target = sheet.target if sheet else None
    assessment = None
    if actuals and target is not None:
        assessment = assess(
            actual=actuals[0].value, target=target, direction=sheet.direction, threshold=threshold
        )
    if target is None:
        status = "no_target"
    elif assessment is None:
        status = "no_actual"
    else:
        status = "reached" if assessment.reaches else "below"
    return {
        "code": kpi.code,
        "name": kpi.name,
        "in_action_plan": kpi.in_action_plan,
        "dimension": sheet.dimension if sheet else None,
        "unit_of_measure": sheet.unit_of_measure if sheet else "",
        "direction": sheet.direction if sheet else "higher",
        "target": plain(target),
        "status": status,
        "achievement_percent": None
        if assessment is None
        else str(two_decimals(assessment.percent)),
        "latest_actual": actual_row(actuals[0]) if actuals else None,
        "actuals_count": len(actuals),
        "_actuals": actuals,
        "_sheet": sheet,
    }


class KpiFilters(Schema):
    status: KpiStatus | None = Field(None, description="สถานะตามผลล่าสุด")
    in_action_plan: bool | None = Field(None, description="เฉพาะตัวชี้วัดในแผนปฏิบัติการ")
    q: str | None = Field(None, max_length=100, pattern=NO_NUL, description="ค้นจากรหัสหรือชื่อ")


@router.get(
    "/units/{code}/cycles/{year}/kpis",
    response={200: list[KpiOut], **READ_ERRORS},
    summary="ตัวชี้วัดของหน่วยงาน พร้อมค่าเป้าหมายและผลล่าสุด",
)
@paginate(Page)
def kpis(request, filters: Query[KpiFilters], code: str = Code, year: int = Year):
    unit = unit_for(request, code)
    cycle = cycle_for(year)
    rows = kpis_of(unit, cycle)
    if filters.in_action_plan is not None:
        rows = rows.filter(in_action_plan=filters.in_action_plan)
    text = (filters.q or "").strip()
    if text:
        rows = rows.filter(Q(code__icontains=text) | Q(name__icontains=text))
    found = [kpi_row(kpi, threshold=cycle.kpi_threshold) for kpi in rows]
    return [row for row in found if filters.status in (None, row["status"])]


def _kpi(unit, cycle, kpi_code: str, *, detail=False) -> Kpi:
    rows = kpis_of(unit, cycle).filter(code=kpi_code)
    if detail:
        rows = rows.prefetch_related(
            Prefetch("sheet__baselines", queryset=KpiBaseline.objects.order_by("fiscal_year"))
        )
    kpi = rows.first()
    if kpi is None:
        raise Http404
    return kpi


@router.get(
    "/units/{code}/cycles/{year}/kpis/{kpi_code}",
    response={200: KpiDetailOut, **READ_ERRORS},
    summary="ตัวชี้วัดหนึ่ง: รายละเอียดแบบฟอร์ม ๓ (ไม่รวมข้อมูลติดต่อ) และผลทั้งหมด",
)
def kpi_detail(request, code: str = Code, year: int = Year, kpi_code: str = KpiCode):
    unit = unit_for(request, code)
    cycle = cycle_for(year)
    row = kpi_row(_kpi(unit, cycle, kpi_code, detail=True), threshold=cycle.kpi_threshold)
    sheet = row["_sheet"]
    texts = ("calculation", "definition", "collection_method", "collection_frequency")
    return {
        **row,
        **{name: getattr(sheet, name) if sheet else "" for name in (*texts, "data_source")},
        "baselines": [
            {"fiscal_year": b.fiscal_year, "value": plain(b.value), "note": b.note}
            for b in (sheet.baselines.all() if sheet else [])
        ],
        "actuals": [actual_row(a) for a in row["_actuals"]],
    }


@router.post(
    "/units/{code}/cycles/{year}/kpis/{kpi_code}/actuals",
    response={201: ActualCreatedOut, **WRITE_ERRORS},
    summary="บันทึกผลการดำเนินงานของตัวชี้วัด (ขั้นตอนที่ ๕)",
    description=(
        "ต้องใช้โทเค็นที่มีสิทธิ์บันทึกผลตัวชี้วัด และผู้ใช้ต้องเป็นผู้ประสานงานของหน่วยงาน "
        "บันทึกได้เมื่อขั้นตอนที่ ๕ ยังไม่ส่ง (ร่างหรือถูกส่งกลับแก้ไข) และตัวชี้วัดอยู่ในแผนปฏิบัติการ "
        "และมีค่าเป้าหมายแล้ว ผลเดิมยังเก็บไว้เป็นประวัติ ผลล่าสุดคือผลที่ใช้คิดคะแนน"
    ),
)
def actual_create(
    request, payload: ActualIn, code: str = Code, year: int = Year, kpi_code: str = KpiCode
):
    unit = unit_to_write(request, code)
    cycle = cycle_for(year)
    kpi = _kpi(unit, cycle, kpi_code)
    if not kpi.in_action_plan:
        raise WorkflowError(_("ตัวชี้วัดนี้ไม่อยู่ในแผนปฏิบัติการ (แบบฟอร์ม ๒) จึงรายงานผลในขั้นตอนที่ ๕ ไม่ได้"))
    now = timezone.now()
    result = report_selectors.kpi_result(unit=unit, cycle=cycle, pk=kpi.pk)
    panel = step_panel(unit=unit, step=step_of(cycle, 5), actor=actor(request), now=now)
    with acting_as(request):
        actual = report_services.kpi_actual_report(
            result=result,
            cycle=cycle,
            panel=panel,
            actor=request.auth.user,
            value=payload.value,
            measured_on=payload.measured_on,
            note=payload.note,
            cause=payload.cause,
            remedy=payload.remedy,
            now=now,
        )
    fresh = kpi_row(_kpi(unit, cycle, kpi_code), threshold=cycle.kpi_threshold)
    return Status(201, {"actual": actual_row(actual), "kpi": fresh})
