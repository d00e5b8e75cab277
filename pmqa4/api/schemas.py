"""What the API sends and accepts: typed pydantic schemas, from which the OpenAPI document is
generated. Decimal values are sent as text ("85", "80.5") so that no precision is lost;
dates and times are ISO 8601 (Christian Era), times in Bangkok time."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator, ConfigDict

from pmqa4.org.models import Region, Role, UnitKind
from pmqa4.plans.models import Direction
from pmqa4.submissions.models import State
from pmqa4.submissions.status import StepStatus

from .models import Scope

NO_NUL = r"^[^\x00]*$"  # PostgreSQL cannot store a NUL character: refused up front
LocalTime = Annotated[dt.datetime, AfterValidator(timezone.localtime)]


def plain(value: Decimal | None) -> str | None:
    """85.0000 → "85", 80.5000 → "80.5" (as the pages show them)."""
    return None if value is None else f"{value.normalize():f}"


# Errors ---------------------------------------------------------------------------------------


class ErrorItem(Schema):
    field: str = Field(description="ตำแหน่งของค่าที่ผิด เช่น body.value, query.page")
    message: str = Field(description="คำอธิบายภาษาไทย")
    type: str = Field(description="ชนิดของข้อผิดพลาด (ภาษาอังกฤษ)")


class ErrorOut(Schema):
    code: str = Field(description="รหัสข้อผิดพลาดภาษาอังกฤษสำหรับโปรแกรม เช่น not_found")
    message: str = Field(description="ข้อความภาษาไทยสำหรับผู้ใช้")
    errors: list[ErrorItem]


READ_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}
LIST_ERRORS = {401: ErrorOut, 422: ErrorOut, 429: ErrorOut}
WRITE_ERRORS = {
    400: ErrorOut,  # a body that is not JSON
    **{status: ErrorOut for status in (401, 403, 404, 409, 422, 429)},
}


# Who is calling ---------------------------------------------------------------------------------


class RoleOut(Schema):
    role: Role
    role_label: str
    unit_code: str


class TokenOut(Schema):
    name: str
    scope: Scope
    expires_at: LocalTime | None


class MeOut(Schema):
    username: str
    display_name: str
    roles: list[RoleOut]
    token: TokenOut


# Units and cycles -------------------------------------------------------------------------------


class ProvinceOut(Schema):
    code: str
    name_th: str
    name_en: str
    region: Region


class UnitOut(Schema):
    code: str
    name_th: str
    name_en: str
    short_name: str
    kind: UnitKind
    kind_label: str
    department: str
    province: ProvinceOut | None
    takes_part: bool = Field(description="ต้องดำเนินการตามตัวชี้วัดในรอบปี")
    is_active: bool
    closed_on: dt.date | None

    @staticmethod
    def resolve_kind_label(unit) -> str:
        return str(unit.get_kind_display())

    @staticmethod
    def resolve_department(unit) -> str:
        return unit.department.name_th


class StepOut(Schema):
    number: int = Field(ge=1, le=5)
    name: str
    round: int = Field(description="รอบการประเมินที่ขั้นตอนนี้อยู่ (๑: ขั้นตอน ๑–๓, ๒: ๔–๕)")
    opens_on: dt.date | None
    due_on: dt.date


class RoundOut(Schema):
    number: int
    assessed_on: dt.date


class CycleOut(Schema):
    fiscal_year: int = Field(description="ปีงบประมาณ พ.ศ.")
    starts_on: dt.date
    ends_on: dt.date
    plan_first_year: int
    kpi_threshold: str = Field(description="เกณฑ์ผลสำเร็จตัวชี้วัด (ร้อยละ)")
    attendance_threshold: str = Field(description="เกณฑ์การเข้าร่วมประชุม (ร้อยละ)")
    steps: list[StepOut]
    rounds: list[RoundOut]

    @staticmethod
    def resolve_kpi_threshold(cycle) -> str:
        return plain(cycle.kpi_threshold)

    @staticmethod
    def resolve_attendance_threshold(cycle) -> str:
        return plain(cycle.attendance_threshold)

    @staticmethod
    def resolve_steps(cycle) -> list[dict]:
        return [
            {
                "number": step.number,
                "name": str(step.get_number_display()),
                "round": step.round_number,
                "opens_on": step.opens_on,
                "due_on": step.due_on,
            }
            for step in cycle.steps.all()
        ]

    @staticmethod
    def resolve_rounds(cycle) -> list:
        return list(cycle.rounds.all())


class SubmissionOut(Schema):
    state: State
    state_label: str
    first_submitted_at: LocalTime | None
    last_submitted_at: LocalTime | None


class StepStatusOut(Schema):
    number: int
    name: str
    due_on: dt.date = Field(description="กำหนดส่งของหน่วยงานนี้ (รวมการขยายเวลา)")
    extended: bool
    status: StepStatus
    status_label: str
    days_left: int = Field(description="จำนวนวันถึงกำหนดส่ง (ติดลบเมื่อเลยกำหนด)")
    submission: SubmissionOut | None


class UnitStepsOut(Schema):
    unit_code: str
    unit_name: str
    steps: list[StepStatusOut]


# Plans (Forms 1 and 2) --------------------------------------------------------------------------


class DimensionOut(Schema):
    number: int
    name_th: str


class PlanItemOut(Schema):
    id: int
    label: str = Field(description="ลำดับตามแบบฟอร์ม เช่น 1.2")
    dimension: DimensionOut
    number: int
    name: str
    fiscal_years: list[int] = Field(description="ปีงบประมาณ พ.ศ. ที่ดำเนินการ")
    kpi_codes: list[str]
    characteristics: list[str]


class ActivityStepOut(Schema):
    number: int
    name: str
    months: list[int] = Field(description="เดือนของปีงบประมาณ ๑ = ต.ค. … ๑๒ = ก.ย.")


class ActivityOut(Schema):
    id: int
    label: str
    dimension: DimensionOut
    number: int
    name: str
    months: list[int] = Field(description="เดือนของปีงบประมาณ ๑ = ต.ค. … ๑๒ = ก.ย.")
    responsible: str
    plan_item_label: str | None = Field(description="รายการในแผนระยะ ๓ ปีที่มาของกิจกรรมนี้")
    kpi_codes: list[str]
    characteristics: list[str]
    steps: list[ActivityStepOut]


# KPIs (Form 3 and step 5) -----------------------------------------------------------------------

KpiStatus = Literal["no_target", "no_actual", "reached", "below"]


class ActualOut(Schema):
    id: int
    value: str
    measured_on: dt.date
    note: str
    cause: str
    remedy: str
    reported_at: LocalTime


class BaselineOut(Schema):
    fiscal_year: int
    value: str | None
    note: str


class KpiOut(Schema):
    code: str
    name: str
    in_action_plan: bool = Field(description="อยู่ในแผนปฏิบัติการ (แบบฟอร์ม ๒) จึงรายงานผลได้")
    dimension: DimensionOut | None
    unit_of_measure: str
    direction: Direction
    target: str | None
    status: KpiStatus = Field(
        description="no_target ยังไม่มีค่าเป้าหมาย, no_actual ยังไม่รายงานผล, "
        "reached ผ่านเกณฑ์, below ต่ำกว่าเกณฑ์"
    )
    achievement_percent: str | None = Field(description="ผลเทียบค่าเป้าหมาย (ร้อยละ)")
    latest_actual: ActualOut | None = Field(description="ผลล่าสุด ซึ่งเป็นผลที่ใช้คิดคะแนน")
    actuals_count: int


class KpiDetailOut(KpiOut):
    calculation: str
    definition: str
    collection_method: str
    collection_frequency: str
    data_source: str
    baselines: list[BaselineOut]
    actuals: list[ActualOut] = Field(description="ผลที่รายงานทั้งหมด ล่าสุดก่อน")


class ActualIn(Schema):
    model_config = ConfigDict(extra="forbid")  # a misspelt field is refused, not ignored

    value: Decimal = Field(
        ge=0, max_digits=14, decimal_places=4, description="ผลการดำเนินงาน", examples=["92.5"]
    )
    measured_on: dt.date = Field(
        description="ณ วันที่ (ค.ศ. ปปปป-ดด-วว) ไม่ก่อนต้นปีงบประมาณ", examples=["2025-09-30"]
    )
    note: str = Field("", max_length=5000, pattern=NO_NUL, examples=["จากระบบของหน่วยงาน"])
    cause: str = Field(
        "", max_length=5000, pattern=NO_NUL, description="สาเหตุ (จำเป็นเมื่อผลต่ำกว่าเกณฑ์)"
    )
    remedy: str = Field(
        "", max_length=5000, pattern=NO_NUL, description="แนวทางแก้ไข (จำเป็นเมื่อผลต่ำกว่าเกณฑ์)"
    )


class ActualCreatedOut(Schema):
    actual: ActualOut
    kpi: KpiOut


# Scores -----------------------------------------------------------------------------------------


class ScoreOut(Schema):
    id: int
    unit_code: str
    unit_name: str
    fiscal_year: int
    kind: Literal[1, 2] = Field(description="๑ รอบการประเมินที่ ๑, ๒ ทั้งปี")
    kind_label: str
    as_of: LocalTime
    round1: str
    year: str
    published_at: LocalTime

    @staticmethod
    def resolve_unit_code(record) -> str:
        return record.unit.code

    @staticmethod
    def resolve_unit_name(record) -> str:
        return record.unit.name_th

    @staticmethod
    def resolve_fiscal_year(record) -> int:
        return record.cycle.fiscal_year

    @staticmethod
    def resolve_kind_label(record) -> str:
        return str(record.get_kind_display())

    @staticmethod
    def resolve_round1(record) -> str:
        return f"{record.round1:.2f}"

    @staticmethod
    def resolve_year(record) -> str:
        return f"{record.year:.2f}"


class DeductionOut(Schema):
    rule: str
    amount: str
    reason: str


class StepScoreOut(Schema):
    step: int
    done: bool
    points: str
    title: str
    note: str
    deductions: list[DeductionOut]
    details: dict[str, Any] = Field(description="รายละเอียดเพิ่มเติมของขั้นตอน เช่น attendance_rate")


class KpiScoreOut(Schema):
    id: str
    achievement: str | None
    below_threshold: bool


class ScoreDetailOut(ScoreOut):
    steps: list[StepScoreOut]
    kpis: list[KpiScoreOut]

    @staticmethod
    def resolve_steps(record) -> list[dict]:
        shown = ("step", "done", "points", "title", "note", "deductions")
        return [
            {
                **{key: step.get(key, "") for key in shown},
                "details": {k: v for k, v in step.items() if k not in shown},
            }
            for step in record.breakdown.get("steps", [])
        ]

    @staticmethod
    def resolve_kpis(record) -> list:
        return record.breakdown.get("kpis", [])
