"""Reading a unit's Form 1, 2 or 3 back from its Excel form, and checking every row.

``preview`` reads the uploaded workbook (excel_reader.py: limits, zip and XML bombs, formulas)
into JSON-ready rows, each with its problems in Thai naming the row, the column and what is
wrong, plus what confirming would delete. It writes nothing: excel_apply.py writes a preview
without problems, once the coordinator confirms. The layout is excel_layout.py's, the one the
export writes, so an exported workbook reads back as the same plans.
"""

import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from pmqa4.core.thai import arabic_digits, fiscal_month_labels, thai_digits
from pmqa4.framework.models import Dimension
from pmqa4.plans.models import ActionPlan, Activity, Kpi, KpiSheet, PlanItem, ThreeYearPlan

from . import excel_layout as L
from .excel_reader import Grid, ImportRefused, open_workbook, read_grid

KINDS = ("1", "2", "3")
NAME_LENGTH = 500  # PlanItem.name, Activity.name, ActivityStep.name, Kpi.name
RESPONSIBLE_LENGTH = 300
KPI_CODE_LENGTH = 20
KPI_CODE = re.compile(r"^[^/\s]+$")
KPI_LINE = re.compile(r"^([^\s:：]{1,20})\s*[:：]\s*(.*)$")
ITEM_LABEL = re.compile(r"^(\d+)\.(\d+)$")
STEP_LABEL = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
HEADING = re.compile(r"^(\d+)\s*\.\s*(\S.*)$")


@dataclass
class Facts:
    """What the checks compare with, read once: the unit's KPIs, the dimensions, the years,
    what is stored now (to list what confirming deletes) and the version it was read at."""

    unit_name: str
    fiscal_year: int
    plan_years: tuple[int, int, int]
    dimensions: dict[int, str]
    kpis: dict[str, str]
    stored: dict[str, str] = field(default_factory=dict)  # key → what the preview calls it
    locked: dict[str, str] = field(default_factory=dict)  # key → why it cannot be deleted
    version: object = 0


def facts_for(unit, cycle, kind: str) -> Facts:
    """Four or five queries whatever the size of the plans."""
    dimensions = dict(Dimension.objects.order_by("number").values_list("number", "name_th"))
    kpis = dict(Kpi.objects.filter(unit=unit, cycle=cycle).values_list("code", "name"))
    facts = Facts(unit.name_th, cycle.fiscal_year, cycle.plan_years, dimensions, kpis)
    if kind == "1":
        plan = ThreeYearPlan.objects.filter(unit=unit, cycle=cycle).first()
        facts.version = plan.version if plan else 0
        rows = PlanItem.objects.filter(plan=plan).values_list("dimension__number", "number", "name")
        facts.stored = {f"{d}.{n}": name for d, n, name in rows} if plan else {}
    elif kind == "2":
        action_plan = ActionPlan.objects.filter(unit=unit, cycle=cycle).first()
        facts.version = action_plan.version if action_plan else 0
        rows = Activity.objects.filter(action_plan=action_plan).values_list(
            "dimension__number", "number", "name", "report"
        )
        for d, n, name, report in rows if action_plan else ():
            facts.stored[f"{d}.{n}"] = name
            if report is not None:
                facts.locked[f"{d}.{n}"] = name
    else:
        sheets = KpiSheet.objects.filter(kpi__unit=unit, kpi__cycle=cycle)
        rows = list(sheets.values_list("kpi__code", "kpi__name", "version"))
        facts.stored = {code: name for code, name, _v in rows}
        facts.version = {code: version for code, _n, version in rows}
    return facts


@dataclass
class Preview:
    """What the file says, row by row, and what confirming it would do. JSON-ready, so the
    session can keep it between the upload and the confirmation."""

    kind: str
    rows: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    removals: list[str] = field(default_factory=list)
    version: object = 0
    file_unit: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Preview":
        return cls(**data)


def at(row: int, column: int, message: str) -> str:
    """A problem as the coordinator finds it in Excel: แถว 9 คอลัมน์ B: …"""
    return _("แถว %(row)s คอลัมน์ %(column)s: %(message)s") % {
        "row": row,
        "column": get_column_letter(column),
        "message": message,
    }


class Rows:
    """Collects each row's problems and notes, and every problem of the sheet."""

    def __init__(self, preview: Preview, grid: Grid, *, name_sheet: bool = False):
        self.preview, self.grid = preview, grid
        self.prefix = _("แผ่นงาน “%(sheet)s” ") % {"sheet": grid.title} if name_sheet else ""
        self.formulas: dict[int, list[str]] = {}
        for (row, column), formula in sorted(grid.formulas.items()):
            message = _("มีสูตร “=%(formula)s” ระบบไม่รับสูตร กรุณาคัดลอกแล้ววางแบบค่า (Paste Values)")
            text = self.prefix + at(row, column, message % {"formula": formula.lstrip("=")})
            self.formulas.setdefault(row, []).append(text)

    def start(self, row: int, **values) -> dict:
        entry = {"row": row, "problems": list(self.formulas.pop(row, [])), "notes": [], **values}
        self.preview.problems.extend(entry["problems"])
        return entry

    def problem(self, entry: dict | None, row: int, column: int, message: str) -> None:
        if (row, column) in self.grid.formulas:
            return  # the formula's own message says what is wrong with this cell
        text = self.prefix + at(row, column, message)
        if entry is not None:
            entry["problems"].append(text)
        self.preview.problems.append(text)

    def finish(self) -> None:
        """Formulas outside any row that was read are problems all the same."""
        for messages in self.formulas.values():
            self.preview.problems.extend(messages)
        self.formulas.clear()


def too_long(text: str, limit: int) -> str | None:
    if len(text) <= limit:
        return None
    return _("ข้อความยาวเกิน %(limit)s ตัวอักษร (มี %(length)s ตัวอักษร)") % {
        "limit": thai_digits(f"{limit:,}"),
        "length": thai_digits(f"{len(text):,}"),
    }


def mark(value) -> bool | None:
    """A year/month cell: True for ✓ x 1, False when empty, None for anything else."""
    if value is None or value == "":
        return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True if value == 1 else None
    return True if str(value).strip() in L.MARKS else None


def is_mark(value) -> bool:
    return value is not None and str(value).strip() in (L.MARKS - {"1", "๑"})


def decimal(value) -> Decimal | None:
    """A number typed or stored in a cell (1,250 / ๘๐.๕ / 80), or None if it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    text = arabic_digits(str(value)).replace(",", "").replace(" ", "").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def fits_model(number: Decimal) -> bool:
    """max_digits=14, decimal_places=4, as the KPI fields store it."""
    quantized = number.quantize(Decimal("0.0001"))
    return quantized == number and abs(quantized) < Decimal(10) ** 10


def valid_email(text: str) -> bool:
    try:
        EmailValidator()(text)
    except ValidationError:
        return False
    return True


def kpi_cell(rows: Rows, entry: dict, row: int, column: int, facts: Facts) -> list[list[str]]:
    """The KPIs a row names, one a line as ``code: name`` (a known code or name alone will
    do); a new code needs its name, and becomes a new KPI of the unit when confirmed."""
    text = rows.grid.text(row, column)
    if is_mark(text):
        rows.problem(
            entry,
            row,
            column,
            _("เครื่องหมาย “%(mark)s” อยู่ในคอลัมน์ตัวชี้วัด ซึ่งไม่ใช่คอลัมน์ปี/เดือน") % {"mark": text},
        )
        return []
    names = {name: code for code, name in facts.kpis.items()}
    found: list[list[str]] = []
    for line in (part.strip() for part in text.split("\n")):
        if not line:
            continue
        match = KPI_LINE.match(line)
        if match:
            code, name = match.group(1), match.group(2).strip()
        elif line in facts.kpis:
            code, name = line, facts.kpis[line]
        elif line in names:
            code, name = names[line], line
        elif line.split()[0] in facts.kpis:
            code, name = line.split()[0], line[len(line.split()[0]) :].strip()
        else:
            rows.problem(
                entry,
                row,
                column,
                _(
                    "ไม่รู้จักตัวชี้วัด “%(line)s” กรุณาเขียนบรรทัดละหนึ่งตัวชี้วัดในรูปแบบ "
                    "รหัส: ชื่อตัวชี้วัด เช่น K1: ร้อยละของ…"
                )
                % {"line": line[:60]},
            )
            continue
        if len(code) > KPI_CODE_LENGTH or not KPI_CODE.match(code):
            rows.problem(
                entry,
                row,
                column,
                _("รหัสตัวชี้วัด “%(code)s” ต้องยาวไม่เกิน ๒๐ ตัวอักษร และไม่มีช่องว่างหรือเครื่องหมาย /")
                % {"code": code},
            )
            continue
        if code not in facts.kpis and not name:
            rows.problem(
                entry, row, column, _("ตัวชี้วัดใหม่ %(code)s ต้องมีชื่อ (รหัส: ชื่อตัวชี้วัด)") % {"code": code}
            )
            continue
        long = too_long(name, NAME_LENGTH)
        if long:
            rows.problem(entry, row, column, long)
            continue
        if code in facts.kpis and name and name != facts.kpis[code]:
            entry["notes"].append(
                _("ชื่อตัวชี้วัด %(code)s ในไฟล์ต่างจากที่บันทึกไว้ ระบบใช้ชื่อที่บันทึกไว้ (แก้ชื่อได้ที่แบบฟอร์ม ๓)")
                % {"code": code}
            )
        if [code, name or facts.kpis.get(code, "")] not in found:
            found.append([code, name or facts.kpis.get(code, "")])
    return found


def find_sheet(workbook, kind: str):
    wanted = L.plain(L.SHEET_TITLES[kind])
    for ws in workbook.worksheets:
        if L.plain(ws.title) == wanted:
            return ws
    raise ImportRefused(
        _("ไม่พบแผ่นงาน “%(sheet)s” ในไฟล์นี้ ไฟล์อาจเป็นแบบฟอร์มอื่น กรุณาใช้แบบฟอร์ม Excel ที่ดาวน์โหลดจากหน้านี้")
        % {"sheet": thai_digits(L.SHEET_TITLES[kind])}
    )


def expect_headings(grid: Grid, expected: dict[tuple[int, int], str], form: str) -> None:
    """A workbook of another shape (a column inserted, another form) is refused whole."""
    for (row, column), text in expected.items():
        if L.plain(grid.text(row, column)) != L.plain(text):
            raise ImportRefused(
                _(
                    "หัวตารางไม่ตรงกับ%(form)s: ช่อง %(cell)s ควรเป็น “%(expected)s” แต่เป็น "
                    "“%(found)s” กรุณาใช้แบบฟอร์มที่ดาวน์โหลดจากระบบ โดยไม่แทรกหรือลบคอลัมน์"
                )
                % {
                    "form": form,
                    "cell": f"{get_column_letter(column)}{row}",
                    "expected": text,
                    "found": grid.text(row, column),
                }
            )


def unit_line(preview: Preview, grid: Grid, row: int, facts: Facts) -> None:
    text = L.plain(grid.text(row, 1))
    name = text.removeprefix(L.plain(L.UNIT_LINE.format(name=""))).strip()
    preview.file_unit = name
    if name and name.strip(".") and name != facts.unit_name:
        preview.notes.append(
            _("ไฟล์นี้ระบุหน่วยงาน “%(file)s” ข้อมูลจะถูกนำเข้าเป็นของ “%(unit)s”")
            % {"file": name, "unit": facts.unit_name}
        )


def table_rows(grid: Grid, first: int):
    """The table's rows up to the signature block, with their number."""
    for row in range(first, grid.height + 1):
        if any(grid.text(row, c).startswith(L.SIGNATURE_START) for c in grid.filled(row, 1)):
            return
        yield row


def heading(rows: Rows, row: int, last: int, facts: Facts) -> int | None | bool:
    """A dimension's heading row: its number; False when the row is not a heading."""
    grid = rows.grid
    text = L.plain(grid.text(row, 1))
    match = HEADING.match(text)
    if not match or ITEM_LABEL.match(text) or STEP_LABEL.match(text) or grid.filled(row, 2, last):
        return False
    number = int(match.group(1))
    if number not in facts.dimensions:
        rows.problem(None, row, 1, no_dimension(number, facts))
        return None
    return number


def no_dimension(number: int, facts: Facts) -> str:
    return _("ไม่มีมิติที่ %(number)s ในระบบ (มีมิติที่ %(first)s–%(last)s)") % {
        "number": thai_digits(number),
        "first": thai_digits(min(facts.dimensions)),
        "last": thai_digits(max(facts.dimensions)),
    }


def outside(rows: Rows, entry: dict | None, row: int, last: int, what: str) -> None:
    """Anything right of the table: a ✓ there is a mark in a column that is not a year/month."""
    for column in rows.grid.filled(row, last + 1):
        value = rows.grid.text(row, column)
        if is_mark(value):
            message = _("เครื่องหมาย “%(mark)s” อยู่นอกคอลัมน์%(what)s") % {"mark": value, "what": what}
        else:
            message = _("มีข้อมูล “%(value)s” อยู่นอกตาราง") % {"value": value[:40]}
        rows.problem(entry, row, column, message)


def numbered(entries: list[dict], key: str, label) -> None:
    """Numbers 1, 2, 3 … in each group in the order of the numbers written, as the system
    keeps them; a row whose number moves gets a note."""
    groups: dict[object, list[dict]] = {}
    for entry in entries:
        groups.setdefault(entry[key], []).append(entry)
    for group in groups.values():
        for final, entry in enumerate(sorted(group, key=lambda e: e["given"]), start=1):
            entry["number"] = final
            if final != entry["given"]:
                entry["notes"].append(
                    _("ลำดับ %(given)s จะบันทึกเป็น %(final)s (ระบบเรียงลำดับต่อเนื่องกัน)")
                    % {"given": thai_digits(entry["label"]), "final": thai_digits(label(entry))}
                )


def preview(kind: str, upload, facts: Facts) -> Preview:
    """The rows of the uploaded form and their problems; ImportRefused for a file that is not
    this form at all (nothing of it is shown then)."""
    from . import excel_import_form3
    from .excel_import_plans import form1_rows, form2_rows

    if kind not in KINDS:
        raise ValueError(kind)
    workbook = open_workbook(upload)
    try:
        result = Preview(kind, version=facts.version)
        if kind == "3":
            excel_import_form3.sheets(result, workbook, facts)
        else:
            grid = read_grid(find_sheet(workbook, kind))
            (form1_rows if kind == "1" else form2_rows)(result, grid, facts)
    finally:
        workbook.close()
    if not result.rows:
        raise ImportRefused(_("ไม่พบรายการใดในไฟล์นี้ ระบบไม่นำเข้าไฟล์ว่าง เพื่อไม่ให้ลบข้อมูลเดิมโดยไม่ตั้งใจ"))
    return result


MONTH_LABELS = fiscal_month_labels()
