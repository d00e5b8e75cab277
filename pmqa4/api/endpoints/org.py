"""Who is calling, units, cycles, and where each unit stands on each step."""

from django.db.models import Q
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from pmqa4.org.models import Region, UnitKind
from pmqa4.org.permissions import units_visible_to
from pmqa4.submissions.selectors import step_cells

from ..access import cycle_for, cycles, unit_for
from ..auth import actor
from ..pagination import Page, Rows
from ..schemas import (
    LIST_ERRORS,
    NO_NUL,
    READ_ERRORS,
    CycleOut,
    MeOut,
    UnitOut,
    UnitStepsOut,
)

router = Router(tags=["หน่วยงานและรอบปี"])

Code = Path(..., max_length=20, pattern=NO_NUL, description="รหัสหน่วยงาน เช่น PLO-CNX")
Year = Path(..., ge=2500, le=2700, description="ปีงบประมาณ พ.ศ. เช่น 2568")


class UnitFilters(Schema):
    kind: UnitKind | None = Field(None, description="ประเภทหน่วยงาน")
    region: Region | None = Field(None, description="ภาค (ของจังหวัด)")
    province: str | None = Field(
        None, max_length=3, pattern=NO_NUL, description="รหัสย่อจังหวัด เช่น CNX"
    )
    q: str | None = Field(None, max_length=100, pattern=NO_NUL, description="ค้นจากรหัสหรือชื่อหน่วยงาน")
    active: bool | None = Field(None, description="เฉพาะหน่วยงานที่ยังดำเนินงานอยู่ (true) หรือยุบแล้ว")
    takes_part: bool | None = Field(None, description="เฉพาะหน่วยงานที่รับการประเมิน")

    def apply(self, units):
        if self.kind:
            units = units.filter(kind=self.kind)
        if self.region:
            units = units.filter(province__region=self.region)
        if self.province:
            units = units.filter(province__code=self.province.upper())
        if self.q and self.q.strip():
            text = self.q.strip()
            units = units.filter(
                Q(code__icontains=text) | Q(name_th__icontains=text) | Q(short_name__icontains=text)
            )
        if self.active is not None:
            units = units.filter(is_active=self.active)
        if self.takes_part is not None:
            units = units.filter(takes_part=self.takes_part)
        return units


@router.get("/me", response={200: MeOut, **LIST_ERRORS}, summary="ผู้ใช้และโทเค็นที่เรียกอยู่")
def me(request):
    token = request.auth
    user = token.user
    grants = user.role_grants.select_related("unit").order_by("unit__code", "role")
    return {
        "username": user.username,
        "display_name": user.display_name or user.username,
        "roles": [
            {"role": g.role, "role_label": str(g.get_role_display()), "unit_code": g.unit.code}
            for g in grants
        ],
        "token": token,
    }


@router.get(
    "/units",
    response={200: list[UnitOut], **LIST_ERRORS},
    summary="หน่วยงานที่ท่านเข้าถึงได้",
    description=(
        "ผู้ดูแลระบบส่วนกลาง ผู้ประเมิน และผู้บริหารระดับกระทรวงเห็นทุกหน่วยงาน บทบาทอื่นเห็นเฉพาะหน่วยงานของตน"
    ),
)
@paginate(Page)
def units(request, filters: Query[UnitFilters]):
    return filters.apply(units_visible_to(actor(request))).order_by("code")


@router.get("/units/{code}", response={200: UnitOut, **READ_ERRORS}, summary="หน่วยงานหนึ่ง")
def unit(request, code: str = Code):
    return unit_for(request, code)


@router.get("/cycles", response={200: list[CycleOut], **LIST_ERRORS}, summary="รอบปีงบประมาณ")
@paginate(Page)
def cycle_list(request):
    return cycles()


@router.get(
    "/cycles/{year}",
    response={200: CycleOut, **READ_ERRORS},
    summary="รอบปีงบประมาณหนึ่ง พร้อมกำหนดส่งของแต่ละขั้นตอน",
)
def cycle(request, year: int = Year):
    return cycle_for(year, with_steps=True)


def _step_rows(cells) -> list[dict]:
    return [
        {
            "number": cell.step.number,
            "name": str(cell.step.get_number_display()),
            "due_on": cell.due_on,
            "extended": cell.extended,
            "status": cell.status,
            "status_label": str(cell.status.label),
            "days_left": cell.days_left,
            "submission": None
            if cell.submission is None
            else {
                "state": cell.submission.state,
                "state_label": str(cell.submission.get_state_display()),
                "first_submitted_at": cell.submission.first_submitted_at,
                "last_submitted_at": cell.submission.last_submitted_at,
            },
        }
        for cell in cells
    ]


@router.get(
    "/units/{code}/cycles/{year}/steps",
    response={200: UnitStepsOut, **READ_ERRORS},
    summary="สถานะการส่งงานแต่ละขั้นตอนของหน่วยงาน",
    description="ขั้นตอนที่ ๑, ๓, ๔ และ ๕ (ขั้นตอนที่ ๒ คือการเข้าร่วมประชุม ไม่มีการส่งงาน)",
)
def unit_steps(request, code: str = Code, year: int = Year):
    unit = unit_for(request, code)
    cells = step_cells(cycle_for(year, with_steps=True), [unit], now=timezone.now())[unit.pk]
    return {"unit_code": unit.code, "unit_name": unit.name_th, "steps": _step_rows(cells)}


def _units_with_cells(cycle):
    def rows(page) -> list[dict]:
        cells = step_cells(cycle, page, now=timezone.now())
        return [
            {"unit_code": u.code, "unit_name": u.name_th, "steps": _step_rows(cells[u.pk])}
            for u in page
        ]

    return rows


@router.get(
    "/cycles/{year}/step-status",
    response={200: list[UnitStepsOut], **READ_ERRORS},
    summary="สถานะการส่งงานของทุกหน่วยงานที่ท่านเข้าถึงได้",
)
@paginate(Page)
def step_status(request, filters: Query[UnitFilters], year: int = Year):
    cycle = cycle_for(year, with_steps=True)
    units = filters.apply(units_visible_to(actor(request))).order_by("code")
    return Rows(units, _units_with_cells(cycle))
