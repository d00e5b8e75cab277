"""Where each thing sits in the Excel forms: shared by the writer (excel.py) and the reader
(excel_import.py), so a workbook the system exports is exactly what it can read back.

Rows and columns are 1-based as openpyxl counts them. The sheets follow the official forms
(FORMS.md) with one addition each: a narrow "ลำดับ" column in Forms 1 and 2 (the numbering the
paper form prints before the name) and a "รหัสตัวชี้วัด" row in Form 3, because a re-import
has to know which row and which KPI is which. Official documents are Thai whatever the page
language, so these strings are not translated.
"""

import re

from pmqa4.core.thai import arabic_digits

MARK = "✓"
# What a person may type in a year or month cell to mean "runs then".
MARKS = frozenset({"✓", "✔", "x", "X", "1", "๑"})
SIGNATURE_START = "ผู้บริหารหน่วยงานลงนาม"
DOTS = "........................................"

FORM_NUMBER = "แบบฟอร์มหมายเลข {number}"
UNIT_LINE = "หน่วยงาน {name}"
SHEET_TITLES = {"1": "แบบฟอร์ม 1", "2": "แบบฟอร์ม 2", "roster": "รายชื่อคณะทำงาน"}
FORM3_SHEET = "แบบฟอร์ม 3"  # + the KPI's code: one sheet per KPI
LABEL_HEADING = "ลำดับ"

# Form 1 (A4 landscape) --------------------------------------------------------------------
F1_LABEL, F1_NAME, F1_YEARS, F1_KPIS = 1, 2, (3, 4, 5), 6
F1_LAST_COLUMN = 6
F1_WIDTHS = {1: 8, 2: 58, 3: 9, 4: 9, 5: 9, 6: 52}
F1_TITLE_ROW, F1_UNIT_ROW, F1_EXPLAIN_ROW = 2, 3, 4
F1_HEADER_ROWS = (5, 6)
F1_FIRST_ROW = 7
F1_HEADINGS = {
    F1_LABEL: LABEL_HEADING,
    F1_NAME: "ชื่อแผนงาน/โครงการ/กิจกรรม",
    F1_YEARS[0]: "ปีงบประมาณที่ดำเนินการ",
    F1_KPIS: "ตัวชี้วัด",
}

# Form 2 (A4 landscape) --------------------------------------------------------------------
F2_LABEL, F2_NAME = 1, 2
F2_MONTHS = tuple(range(3, 15))  # C … N: ต.ค. … ก.ย. (fiscal months 1 … 12)
F2_KPIS, F2_RESPONSIBLE = 15, 16
F2_LAST_COLUMN = 16
F2_WIDTHS = {1: 8, 2: 46, **dict.fromkeys(F2_MONTHS, 5.5), 15: 34, 16: 24}
F2_TITLE_ROW, F2_UNIT_ROW = 2, 3
F2_HEADER_ROWS = (4, 5)
F2_FIRST_ROW = 6
F2_YEAR_HEADING = "ปีงบประมาณ พ.ศ. {year}"
F2_HEADINGS = {
    F2_LABEL: LABEL_HEADING,
    F2_NAME: "แผนงาน/โครงการ/กิจกรรม/ขั้นตอน",
    F2_KPIS: "ตัวชี้วัด",
    F2_RESPONSIBLE: "กลุ่มงาน/ผู้รับผิดชอบ",
}

# Form 3 (A4 portrait, one sheet per KPI) --------------------------------------------------
# Column A holds the field's label, B–F its value; the three small tables use A–F as below.
F3_LAST_COLUMN = 6
F3_WIDTHS = {1: 30, 2: 18, 3: 18, 4: 15, 5: 15, 6: 15}
F3_TITLE_ROW, F3_UNIT_ROW = 2, 3
F3_CODE = "รหัสตัวชี้วัด:"
F3_DIMENSION = "๑. มิติเป้าหมายการพัฒนา:"
F3_NAME = "๒. ชื่อตัวชี้วัด:"
F3_UNIT = "๓. หน่วยวัด:"
F3_TARGET = "ค่าเป้าหมาย:"
F3_DIRECTION = "ทิศทาง:"
F3_CALCULATION = "๔. วิธีคำนวณตัวชี้วัด:"
F3_DEFINITION = "๕. คำอธิบาย/นิยามศัพท์:"
F3_BASELINE = "๖. ข้อมูลพื้นฐานประกอบตัวชี้วัด:"
F3_BASELINE_HEADINGS = ("ตัวชี้วัด", "หน่วยวัด", "ผลการดำเนินงานในอดีต ปีงบประมาณ พ.ศ.")
F3_BASELINE_YEARS = (4, 5, 6)  # D, E, F
F3_STEPS = "๗. รายละเอียดการดำเนินงาน:"
F3_STEP_HEADINGS = ("ขั้นตอนที่", "รายละเอียดการดำเนินงาน", "เอกสารประกอบการประเมิน/การรายงานผล")
F3_STEP_DETAIL, F3_STEP_EVIDENCE = 2, 5  # B:D and E:F merged
F3_SOURCE = "๘. แหล่งข้อมูล/วิธีการจัดเก็บข้อมูล:"
F3_METHOD = "วิธีการจัดเก็บข้อมูล:"
F3_FREQUENCY = "ความถี่การจัดเก็บข้อมูล:"
F3_DATA_SOURCE = "แหล่งข้อมูล:"
F3_SUPERVISOR = "๙. ผู้กำกับตัวชี้วัด:"
F3_SUPERVISOR_HEADINGS = ("ชื่อผู้กำกับตัวชี้วัด", "โทรศัพท์", "E-mail")
F3_COLLECTOR = "๑๐. ผู้จัดเก็บข้อมูล:"
F3_COLLECTOR_HEADINGS = ("ชื่อผู้จัดเก็บข้อมูล", "โทรศัพท์", "E-mail")
F3_CONTACT_PHONE, F3_CONTACT_EMAIL = 2, 4  # name A, phone B:C, e-mail D:F
# The one-value fields: label in A, value in B (B:F merged), model field of KpiSheet.
F3_SIMPLE_FIELDS = (
    (F3_CALCULATION, "calculation"),
    (F3_DEFINITION, "definition"),
    (F3_METHOD, "collection_method"),
    (F3_FREQUENCY, "collection_frequency"),
    (F3_DATA_SOURCE, "data_source"),
)

# The team roster (A4 portrait) ------------------------------------------------------------
ROSTER_HEADINGS = ("ลำดับ", "ชื่อ - สกุล", "ตำแหน่ง", "บทบาทในคณะทำงาน", "โทรศัพท์", "E-mail")
ROSTER_WIDTHS = {1: 8, 2: 30, 3: 30, 4: 24, 5: 16, 6: 30}
ROSTER_HEADER_ROW = 4

# The central scoreboard (A4 landscape) ----------------------------------------------------
SCOREBOARD_TITLE = "คะแนนตัวชี้วัดการขับเคลื่อนหน่วยงานสู่ระบบราชการ ๔.๐ ทุกหน่วยงาน ปีงบประมาณ พ.ศ. {year}"
SCOREBOARD_HEADINGS = (
    "ลำดับ",
    "รหัส",
    "หน่วยงาน",
    *(f"ขั้นตอนที่ {n}" for n in "๑๒๓๔๕"),
    "รอบที่ ๑",
    "ทั้งปี",
)
SCOREBOARD_WIDTHS = {1: 7, 2: 12, 3: 50, **dict.fromkeys(range(4, 9), 11), 9: 11, 10: 11}
SCOREBOARD_HEADER_ROW = 4


_SPACES = re.compile(r"\s+")


def plain(text) -> str:
    """A heading or label as compared on import: Arabic digits, single spaces, no colon."""
    if text is None:
        return ""
    return _SPACES.sub(" ", arabic_digits(str(text))).strip().rstrip(":").strip()


def sheet_title(kind: str, code: str = "", digits=str) -> str:
    """The sheet's name (31 characters at most, none of []:*?/\\); ``digits`` writes the form's
    number in the chosen numerals, never the KPI's code."""
    title = f"{digits(FORM3_SHEET)} {code}".strip() if kind == "3" else digits(SHEET_TITLES[kind])
    return re.sub(r"[\[\]:*?/\\]", "-", title)[:31]
