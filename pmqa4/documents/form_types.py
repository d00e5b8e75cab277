"""What each official form says, as plain data: the titles, the rows and the signature block.

The builders (content.py, blank.py) fill these from the database or leave them empty; the Word,
PDF and Excel renderers draw them, so a form reads the same in every format. Printed strings are
ready to print in the chosen numerals; raw values ride along where a spreadsheet needs a number.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from pmqa4.plans.models import Direction

FORM1_TITLE = "แผนพัฒนาหน่วยงานสู่ระบบราชการ ๔.๐ ระยะ ๓ ปี (ปีงบประมาณ พ.ศ. {first} - {last})"
FORM1_EXPLANATION = (
    "คำอธิบาย: หน่วยงานกำหนดแผนงาน/โครงการ/กิจกรรม ภายใต้มิติการพัฒนาระบบราชการ ๔.๐ ทั้ง ๓ มิติ "
    "ได้แก่ ๑) มิติเปิดกว้างและเชื่อมโยง ๒) มิติประชาชนผู้รับบริการเป็นศูนย์กลาง "
    "และ ๓) มิติมีขีดสมรรถนะสูงและทันสมัย โดยหน่วยงานต้องกำหนดแผนงาน/โครงการ/กิจกรรมให้ครบทุกมิติ "
    "อย่างน้อยมิติละ ๑ กิจกรรม/แผนงาน"
)
FORM2_TITLE = "แผนปฏิบัติการพัฒนาหน่วยงานสู่ระบบราชการ ๔.๐ ประจำปีงบประมาณ พ.ศ. {year}"
FORM3_TITLE = "รายละเอียดตัวชี้วัดความสำเร็จ หมวด ๗ ผลลัพธ์การดำเนินการ ตามเกณฑ์คุณภาพการบริหารจัดการภาครัฐ ๔.๐"
FORM4_TITLE = (
    "รายงานผลการดำเนินงานตามแผนปฏิบัติการพัฒนาหน่วยงานสู่ระบบราชการ ๔.๐ ประจำปีงบประมาณ พ.ศ. {year}"
)
FORM4_NOTES = (
    "๑. ตัวชี้วัดนี้เป็นตัวชี้วัดประจำปีงบประมาณและรายงานถึงผลสัมฤทธิ์ของงานระบบบริหารราชการแผ่นดินต่อไป",
    "๒. ผู้บริหารหน่วยงานลงนามเฉพาะงานในส่วนสุดท้าย",
)
ROSTER_TITLE = "รายชื่อคณะทำงานพัฒนาคุณภาพการบริหารจัดการภาครัฐ (PMQA Team) ประจำปีงบประมาณ พ.ศ. {year}"
SCORE_TITLE = "ผลการประเมินตัวชี้วัดการขับเคลื่อนหน่วยงานสู่ระบบราชการ ๔.๐ ประจำปีงบประมาณ พ.ศ. {year}"
DIRECTION_LABELS = {Direction.HIGHER: "ยิ่งมากยิ่งดี", Direction.LOWER: "ยิ่งน้อยยิ่งดี"}


@dataclass(frozen=True)
class Signature:
    """ผู้บริหารหน่วยงานลงนาม: blank lines of dots until the executive signs off in the system."""

    name: str = ""
    position: str = ""
    date: str = ""

    @property
    def signed(self) -> bool:
        return bool(self.name)


@dataclass(frozen=True)
class Heading:
    """A dimension's full-width row: ๑. มิติเปิดกว้างและเชื่อมโยง (หมวด ๑,๒,๔,๖)."""

    number: int
    label: str
    name: str
    categories: str

    @property
    def text(self) -> str:
        return f"{self.label}. {self.name}"


@dataclass(frozen=True)
class Form1Row:
    label: str
    name: str
    runs: tuple[bool, bool, bool]
    kpis: tuple[str, ...]
    kpi_codes: tuple[str, ...] = ()  # the same KPIs' codes, in the same order (spreadsheets)


@dataclass(frozen=True)
class Form1:
    unit_name: str
    title: str
    explanation: str
    years: tuple[str, str, str]
    year_values: tuple[int, int, int]
    sections: list[tuple[Heading, list[Form1Row]]]
    signature: Signature


@dataclass(frozen=True)
class Form2Step:
    label: str
    name: str
    months: frozenset[int]  # fiscal months: 1 = ต.ค. … 12 = ก.ย.


@dataclass(frozen=True)
class Form2Activity:
    label: str
    name: str
    months: frozenset[int]
    kpis: tuple[str, ...]
    responsible: str
    steps: list[Form2Step]
    kpi_codes: tuple[str, ...] = ()  # the same KPIs' codes, in the same order (spreadsheets)


@dataclass(frozen=True)
class Form2:
    unit_name: str
    title: str
    year: str
    year_value: int
    month_labels: tuple[str, ...]
    sections: list[tuple[Heading, list[Form2Activity]]]
    signature: Signature


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    email: str


@dataclass(frozen=True)
class Form3Sheet:
    code: str
    name: str
    dimension: str
    dimension_number: int | None
    unit_of_measure: str
    calculation: str
    definition: str
    target: str
    target_value: Decimal | None
    direction: str
    direction_value: str
    baseline_years: tuple[str, str, str]
    baselines: tuple[str, str, str]
    baseline_values: tuple[Decimal | None, Decimal | None, Decimal | None]
    steps: list[tuple[str, str, str]]  # (ขั้นตอนที่, รายละเอียด, เอกสารประกอบ)
    collection_method: str
    collection_frequency: str
    data_source: str
    supervisor: Contact
    collector: Contact


@dataclass(frozen=True)
class Form3:
    unit_name: str
    title: str
    year: str
    year_value: int
    baseline_year_values: tuple[int, int, int]
    sheets: list[Form3Sheet]


@dataclass(frozen=True)
class Form4Kpi:
    name: str
    target: str
    actual: str
    achievement: str


@dataclass(frozen=True)
class Form4Report:
    label: str
    name: str
    objective: str
    result_gov40: str
    kpis: list[Form4Kpi]
    result_kpis: str
    result_stakeholders: str
    problems: str
    remedy_by_unit: str
    proposals: str
    success_factors: str


@dataclass(frozen=True)
class Form4:
    unit_name: str
    title: str
    year: str
    reports: list[Form4Report]
    signature: Signature
    notes: tuple[str, ...] = FORM4_NOTES


@dataclass(frozen=True)
class RosterRow:
    order: str
    full_name: str
    position: str
    role: str
    phone: str
    email: str


@dataclass(frozen=True)
class Roster:
    unit_name: str
    title: str
    year: str
    members: list[RosterRow]


@dataclass(frozen=True)
class Deduction:
    amount: str
    rule: str
    reason: str


@dataclass(frozen=True)
class ScoreStep:
    label: str
    points: str
    deductions: list[Deduction]
    note: str = ""


@dataclass(frozen=True)
class ScoreReport:
    unit_name: str
    title: str
    year: str
    as_of: str
    round1: str
    year_score: str
    steps: list[ScoreStep] = field(default_factory=list)
