"""The open datasets and their data dictionary: names, columns, types, Thai descriptions.

Column names are stable English snake_case: they are the CSV header and the JSON keys, and a
test pins them, since people's scripts read them. Add a column at the end if one is needed;
never rename or reorder one. Thai labels and descriptions belong here, not in the data.
"""

import dataclasses
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _

INTEGER, DECIMAL, TEXT, BOOLEAN, DATETIME = "integer", "decimal", "text", "boolean", "datetime"
TYPE_LABELS = {
    INTEGER: _("จำนวนเต็ม"),
    DECIMAL: _("ทศนิยม (จุดเป็นตัวคั่นทศนิยม)"),
    TEXT: _("ข้อความ"),
    BOOLEAN: _("จริง/เท็จ (true/false)"),
    DATETIME: _("วันเวลา ISO 8601 เวลาประเทศไทย (+07:00)"),
}


@dataclasses.dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    example: object

    @property
    def example_text(self) -> str:
        """The example as it is written in the CSV (true/false, a dot for decimals)."""
        if isinstance(self.example, bool):
            return "true" if self.example else "false"
        return str(self.example)


@dataclasses.dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]


def _c(name, kind, description, example):
    return Column(name, kind, description, example)


FISCAL_YEAR = _c("fiscal_year", INTEGER, _("ปีงบประมาณ (พ.ศ.)"), 2568)
UNIT_CODE = _c("unit_code", TEXT, _("รหัสหน่วยงาน"), "OPS-SPD")
UNIT_NAME = _c("unit_name", TEXT, _("ชื่อหน่วยงาน"), "กองยุทธศาสตร์และแผนงาน")
ROUND = _c(
    "round",
    TEXT,
    _("รอบที่เผยแพร่: round1 = รอบการประเมินที่ ๑ (ขั้นตอนที่ ๑–๓), year = ทั้งปี (ขั้นตอนที่ ๑–๕)"),
    "round1",
)
STEP = _c("step", INTEGER, _("ขั้นตอนที่ (๑–๕)"), 3)
PUBLISHED_AT = _c("published_at", DATETIME, _("วันเวลาที่เผยแพร่ผลคะแนน"), "2025-10-15T10:00:00+07:00")
PLAN_VERSION = _c("plan_version", INTEGER, _("ฉบับที่ของการส่งขั้นตอนที่ ๓ ที่ผ่านการตรวจรับและนำมาเผยแพร่"), 2)
ACCEPTED_AT = _c("accepted_at", DATETIME, _("วันเวลาที่ฉบับนี้ผ่านการตรวจรับ"), "2025-02-10T14:00:00+07:00")
DIMENSION = _c("dimension", INTEGER, _("มิติเป้าหมายการพัฒนา (๑–๓)"), 2)
DIMENSION_NAME = _c("dimension_name", TEXT, _("ชื่อมิติ"), "มิติยึดประชาชนเป็นศูนย์กลาง")
KPI_CODES = _c("kpi_codes", TEXT, _("รหัสตัวชี้วัดที่เกี่ยวข้อง คั่นด้วย ;"), "SPD-1;SPD-2")
ACTIVITY_LABEL = _c("activity_label", TEXT, _("ลำดับกิจกรรมในแบบฟอร์ม ๒ (มิติ.ลำดับ)"), "2.1")
STEP_NUMBER = _c("step_number", INTEGER, _("ลำดับขั้นตอนย่อยของกิจกรรม (ว่าง = ตัวกิจกรรมเอง)"), 1)

DATASETS = {
    d.name: d
    for d in (
        Dataset(
            "scores",
            _("ผลคะแนนตัวชี้วัดการขับเคลื่อนสู่ระบบราชการ ๔.๐ รายหน่วยงาน รายรอบ"),
            _(
                "คะแนนที่กลุ่มพัฒนาระบบบริหารเผยแพร่ล่าสุดของแต่ละหน่วยงาน หนึ่งแถวต่อหน่วยงานต่อรอบ"
                " (รอบการประเมินที่ ๑ และทั้งปี)"
            ),
            (
                FISCAL_YEAR,
                UNIT_CODE,
                UNIT_NAME,
                _c(
                    "unit_kind",
                    TEXT,
                    _(
                        "ประเภทหน่วยงาน: bureau = สำนัก, center = ศูนย์, division = กอง,"
                        " group = กลุ่ม, provincial = สำนักงานแรงงานจังหวัด"
                    ),
                    "division",
                ),
                _c("unit_kind_name", TEXT, _("ชื่อประเภทหน่วยงาน"), "กอง"),
                _c(
                    "province_code",
                    TEXT,
                    _("รหัสจังหวัดตาม ISO 3166-2 (เฉพาะสำนักงานแรงงานจังหวัด)"),
                    "TH-50",
                ),
                _c("province_name", TEXT, _("ชื่อจังหวัด"), "เชียงใหม่"),
                ROUND,
                _c("round_name", TEXT, _("ชื่อรอบที่เผยแพร่"), "รอบการประเมินที่ ๑ (ขั้นตอนที่ ๑–๓)"),
                _c("score", DECIMAL, _("คะแนนของรอบ"), Decimal("2.95")),
                _c("max_score", DECIMAL, _("คะแนนเต็มของรอบ"), Decimal("3.00")),
                _c(
                    "assessed_as_of",
                    DATETIME,
                    _("ประเมินจากข้อมูล ณ วันเวลานี้"),
                    "2025-02-28T23:59:59+07:00",
                ),
                PUBLISHED_AT,
            ),
        ),
        Dataset(
            "step_points",
            _("คะแนนรายขั้นตอนของตัวชี้วัดการขับเคลื่อนสู่ระบบราชการ ๔.๐"),
            _(
                "คะแนนแต่ละขั้นตอนของผลคะแนนที่เผยแพร่ หนึ่งแถวต่อหน่วยงานต่อรอบต่อขั้นตอน"
                " (รอบการประเมินที่ ๑ มีขั้นตอนที่ ๑–๓ ทั้งปีมีขั้นตอนที่ ๑–๕)"
            ),
            (
                FISCAL_YEAR,
                UNIT_CODE,
                ROUND,
                STEP,
                _c("step_name", TEXT, _("ชื่อขั้นตอน"), "ขั้นตอนที่ ๓ แผนระยะ ๓ ปี ..."),
                _c("done", BOOLEAN, _("ดำเนินการขั้นตอนนี้แล้ว (ได้คะแนน)"), True),
                _c("points", DECIMAL, _("คะแนนที่ได้ในขั้นตอนนี้"), Decimal("0.95")),
                _c("deduction_total", DECIMAL, _("คะแนนที่ถูกหักรวม"), Decimal("0.05")),
                _c("note", TEXT, _("หมายเหตุเมื่อยังไม่ได้คะแนน"), "ยังไม่ได้ส่ง"),
                PUBLISHED_AT,
            ),
        ),
        Dataset(
            "deductions",
            _("การหักคะแนนตัวชี้วัดการขับเคลื่อนสู่ระบบราชการ ๔.๐ และเหตุผล"),
            _("การหักคะแนนแต่ละรายการพร้อมเหตุผล หนึ่งแถวต่อการหักหนึ่งรายการ"),
            (
                FISCAL_YEAR,
                UNIT_CODE,
                ROUND,
                STEP,
                _c(
                    "rule",
                    TEXT,
                    _(
                        "เกณฑ์ที่หัก: late_or_incomplete = ส่งไม่ครบถ้วน/ไม่ทันเวลา,"
                        " not_unit_wide = ไม่เป็นภาพรวมหน่วยงาน, not_as_prescribed ="
                        " ไม่ส่งตามช่องทางที่กำหนด, missing_dimension = แผนไม่ครบทุกมิติ,"
                        " kpi_below = ตัวชี้วัดไม่บรรลุเกณฑ์"
                    ),
                    "late_or_incomplete",
                ),
                _c("rule_name", TEXT, _("ชื่อเกณฑ์ที่หัก"), "ส่งไม่ครบถ้วน/ไม่ทันเวลา (ข้อ ๓)"),
                _c("amount", DECIMAL, _("คะแนนที่หัก"), Decimal("0.05")),
                _c(
                    "reason",
                    TEXT,
                    _("เหตุผลของการหัก (ระบุการส่งงานและวันที่ ไม่ระบุชื่อบุคคล)"),
                    "ส่งครั้งแรก 1 ก.พ. 2568 08:45 น. ช้ากว่ากำหนด 31 ม.ค. 2568 ไป 1 วัน",
                ),
                PUBLISHED_AT,
            ),
        ),
        Dataset(
            "form1_items",
            _("แผนพัฒนาหน่วยงานระยะ ๓ ปี (แบบฟอร์ม ๑) ที่เผยแพร่"),
            _("รายการแผนงาน/โครงการ/กิจกรรมในแผนระยะ ๓ ปีของหน่วยงาน จากฉบับที่ผ่านการตรวจรับ"),
            (
                FISCAL_YEAR,
                UNIT_CODE,
                UNIT_NAME,
                _c("item_label", TEXT, _("ลำดับรายการ (มิติ.ลำดับ)"), "1.1"),
                DIMENSION,
                DIMENSION_NAME,
                _c("item_name", TEXT, _("ชื่อแผนงาน/โครงการ/กิจกรรม"), "เชื่อมโยงข้อมูลระหว่างหน่วยงาน"),
                _c("plan_first_year", INTEGER, _("ปีแรกของแผนระยะ ๓ ปี (พ.ศ.)"), 2568),
                _c("runs_in_year1", BOOLEAN, _("ดำเนินการในปีที่ ๑ ของแผน"), True),
                _c("runs_in_year2", BOOLEAN, _("ดำเนินการในปีที่ ๒ ของแผน"), True),
                _c("runs_in_year3", BOOLEAN, _("ดำเนินการในปีที่ ๓ ของแผน"), False),
                KPI_CODES,
                PLAN_VERSION,
                ACCEPTED_AT,
            ),
        ),
        Dataset(
            "form2_activities",
            _("แผนปฏิบัติการประจำปี (แบบฟอร์ม ๒) ที่เผยแพร่"),
            _(
                "กิจกรรมและขั้นตอนย่อยในแผนปฏิบัติการของหน่วยงาน พร้อมเดือนที่ดำเนินการ"
                " จากฉบับที่ผ่านการตรวจรับ (ไม่รวมชื่อผู้รับผิดชอบ)"
            ),
            (
                FISCAL_YEAR,
                UNIT_CODE,
                UNIT_NAME,
                ACTIVITY_LABEL,
                STEP_NUMBER,
                DIMENSION,
                DIMENSION_NAME,
                _c("name", TEXT, _("ชื่อกิจกรรมหรือขั้นตอน"), "ยื่นคำขอรับบริการออนไลน์"),
                _c(
                    "fiscal_months",
                    TEXT,
                    _("เดือนที่ดำเนินการตามปีงบประมาณ คั่นด้วย ; (๑ = ต.ค. … ๑๒ = ก.ย.)"),
                    "1;2;3",
                ),
                _c("months_name", TEXT, _("ชื่อเดือนที่ดำเนินการ คั่นด้วย ;"), "ต.ค. 2567;พ.ย. 2567"),
                KPI_CODES,
                PLAN_VERSION,
                ACCEPTED_AT,
            ),
        ),
        Dataset(
            "form2_months",
            _("เดือนที่ดำเนินกิจกรรมตามแผนปฏิบัติการ (แบบฟอร์ม ๒)"),
            _("หนึ่งแถวต่อกิจกรรมหรือขั้นตอนย่อยต่อเดือนที่ดำเนินการ สำหรับนำไปทำปฏิทินหรือแผนภูมิ"),
            (
                FISCAL_YEAR,
                UNIT_CODE,
                ACTIVITY_LABEL,
                STEP_NUMBER,
                _c("fiscal_month", INTEGER, _("เดือนของปีงบประมาณ (๑ = ต.ค. … ๑๒ = ก.ย.)"), 1),
                _c("month", TEXT, _("ปี-เดือน ค.ศ. (ISO 8601)"), "2024-10"),
                _c("month_name", TEXT, _("ชื่อเดือนและปี พ.ศ."), "ต.ค. 2567"),
            ),
        ),
        Dataset(
            "plan_kpis",
            _("ตัวชี้วัดในแผนที่เผยแพร่"),
            _("รหัสและชื่อตัวชี้วัดที่แบบฟอร์ม ๑ และ ๒ อ้างถึง (ไม่รวมรายละเอียดผู้กำกับและผู้จัดเก็บข้อมูล)"),
            (
                FISCAL_YEAR,
                UNIT_CODE,
                _c("kpi_code", TEXT, _("รหัสตัวชี้วัด"), "SPD-1"),
                _c("kpi_name", TEXT, _("ชื่อตัวชี้วัด"), "ร้อยละของชุดข้อมูลที่เชื่อมโยง"),
                PLAN_VERSION,
            ),
        ),
    )
}

FORMATS = ("csv", "json")
DEFAULT_LICENSE = {
    "id": "cc-by",
    "title": "Creative Commons Attribution 4.0 (CC-BY-4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.th",
}


def publisher() -> str:
    return getattr(settings, "OPENDATA_PUBLISHER", "") or str(
        _("กลุ่มพัฒนาระบบบริหาร สำนักงานปลัดกระทรวงแรงงาน")
    )


def license_info() -> dict:
    return {**DEFAULT_LICENSE, **(getattr(settings, "OPENDATA_LICENSE", None) or {})}
