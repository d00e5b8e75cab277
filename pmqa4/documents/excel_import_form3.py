"""Form 3 read back from Excel: one sheet per KPI (see excel_import.py).

A sheet is found by its name (``แบบฟอร์ม ๓ …``: a copy Excel makes, ``แบบฟอร์ม ๓ K1 (2)``, counts
too) and read by its field labels in column A, so a sheet with more implementation steps
(rows inserted under field 7) reads as well as the exported one. An entirely empty sheet (the
blank form) is skipped.
"""

import re

from django.utils.translation import gettext as _

from pmqa4.core.thai import thai_digits
from pmqa4.plans.models import Direction, KpiSheet

from . import excel_layout as L
from .excel_import import (
    KPI_CODE,
    KPI_CODE_LENGTH,
    NAME_LENGTH,
    Facts,
    Preview,
    Rows,
    decimal,
    fits_model,
    no_dimension,
    outside,
    too_long,
    unit_line,
    valid_email,
)
from .excel_reader import Grid, ImportRefused, read_grid

MAX_TEXT = 5000  # Form 3's long fields (TextField): a page of text each at most
LABELS = {
    "code": L.F3_CODE,
    "dimension": L.F3_DIMENSION,
    "name": L.F3_NAME,
    "unit": L.F3_UNIT,
    "target": L.F3_TARGET,
    "baseline": L.F3_BASELINE,
    "steps": L.F3_STEPS,
    "source": L.F3_SOURCE,
    "supervisor": L.F3_SUPERVISOR,
    "collector": L.F3_COLLECTOR,
    **{field: label for label, field in L.F3_SIMPLE_FIELDS},
}
DIRECTIONS = {
    "ยิ่งมากยิ่งดี": Direction.HIGHER,
    "ค่ามากดี": Direction.HIGHER,
    "higher": Direction.HIGHER,
    "ยิ่งน้อยยิ่งดี": Direction.LOWER,
    "ค่าน้อยดี": Direction.LOWER,
    "lower": Direction.LOWER,
}
DIMENSION = re.compile(r"^(\d+)\s*\.?\s*(.*)$")


def _limit(field: str) -> int:
    return KpiSheet._meta.get_field(field).max_length or MAX_TEXT


def _positions(grid: Grid) -> dict[str, int]:
    wanted = {L.plain(label): key for key, label in LABELS.items()}
    found: dict[str, int] = {}
    for row in range(1, grid.height + 1):
        key = wanted.get(L.plain(grid.text(row, 1)))
        if key and key not in found:
            found[key] = row
    for key, label in LABELS.items():
        if key not in found:
            raise ImportRefused(
                _(
                    "แผ่นงาน “%(sheet)s” ไม่ใช่แบบฟอร์ม ๓: ไม่พบหัวข้อ “%(label)s” ในคอลัมน์ A "
                    "กรุณาใช้แบบฟอร์มที่ดาวน์โหลดจากระบบ"
                )
                % {"sheet": grid.title, "label": label}
            )
    if not found["steps"] < found["source"]:
        raise ImportRefused(
            _("แผ่นงาน “%(sheet)s”: หัวข้อเรียงผิดลำดับ ข้อ ๗ ต้องอยู่ก่อนข้อ ๘") % {"sheet": grid.title}
        )
    return found


def _dimension(rows: Rows, entry: dict, row: int, facts: Facts) -> int | None:
    text = L.plain(rows.grid.text(row, 2))
    if not text:
        return None
    match = DIMENSION.match(text)
    if match:
        number = int(match.group(1))
        if number in facts.dimensions:
            return number
        rows.problem(entry, row, 2, no_dimension(number, facts))
        return None
    for number, name in facts.dimensions.items():
        if L.plain(name) == text:
            return number
    rows.problem(entry, row, 2, _("ไม่มีมิติ “%(text)s” ในระบบ") % {"text": text})
    return None


def _number(rows: Rows, entry: dict, row: int, column: int, what: str):
    value = rows.grid.value(row, column)
    if value is None or str(value).strip() == "":
        return None
    number = decimal(value)
    if number is None:
        message = _("%(what)s “%(value)s” ไม่ใช่ตัวเลข") % {"what": what, "value": value}
    elif not fits_model(number):
        message = _("%(what)s มีทศนิยมเกิน ๔ ตำแหน่งหรือมีค่ามากเกินไป") % {"what": what}
    elif number < 0:
        message = _("%(what)s ต้องไม่ติดลบ") % {"what": what}
    else:
        return str(number)
    rows.problem(entry, row, column, message)
    return None


def _text(rows: Rows, entry: dict, row: int, column: int, limit: int, *, one_line=True) -> str:
    text = rows.grid.text(row, column)
    if one_line:
        text = " ".join(text.split())
    if message := too_long(text, limit):
        rows.problem(entry, row, column, message)
    return text


def _contact(rows: Rows, entry: dict, row: int, prefix: str) -> dict[str, str]:
    phone, email = L.F3_CONTACT_PHONE, L.F3_CONTACT_EMAIL
    values = {
        f"{prefix}_name": _text(rows, entry, row, 1, _limit(f"{prefix}_name")),
        f"{prefix}_phone": _text(rows, entry, row, phone, _limit(f"{prefix}_phone")),
        f"{prefix}_email": _text(rows, entry, row, email, _limit(f"{prefix}_email")),
    }
    address = values[f"{prefix}_email"]
    if address and not valid_email(address):
        rows.problem(entry, row, email, _("อีเมล “%(email)s” ไม่ถูกต้อง") % {"email": address})
    return values


def _steps(rows: Rows, entry: dict, first: int, last: int) -> list[dict]:
    steps, numbers = [], {}
    for row in range(first, last + 1):
        detail = _text(rows, entry, row, L.F3_STEP_DETAIL, MAX_TEXT, one_line=False)
        evidence = _text(rows, entry, row, L.F3_STEP_EVIDENCE, MAX_TEXT, one_line=False)
        if not (detail or evidence):
            continue
        if not detail:
            rows.problem(entry, row, L.F3_STEP_DETAIL, _("ไม่มีรายละเอียดการดำเนินงาน"))
        written = L.plain(rows.grid.text(row, 1))
        if written and written in numbers:
            message = _("ขั้นตอนที่ %(number)s ซ้ำกับแถว %(other)s")
            rows.problem(
                entry, row, 1, message % {"number": thai_digits(written), "other": numbers[written]}
            )
        numbers[written] = row
        steps.append({"number": len(steps) + 1, "detail": detail, "evidence": evidence})
    return steps


def _baselines(rows: Rows, entry: dict, header: int, facts: Facts) -> list:
    grid = rows.grid
    years = tuple(facts.fiscal_year - n for n in (3, 2, 1))
    found = tuple(L.plain(grid.text(header, c)) for c in L.F3_BASELINE_YEARS)
    if found != tuple(map(str, years)):
        raise ImportRefused(
            _(
                "แผ่นงาน “%(sheet)s”: ปีของข้อมูลพื้นฐาน (แถว %(row)s) เป็น %(found)s "
                "ไม่ตรงกับสามปีก่อนรอบนี้ (%(years)s)"
            )
            % {
                "sheet": grid.title,
                "row": header,
                "found": thai_digits(" ".join(found)),
                "years": thai_digits(" ".join(map(str, years))),
            }
        )
    what = _("ผลการดำเนินงานปี %(year)s")
    return [
        [year, _number(rows, entry, header + 1, column, what % {"year": thai_digits(year)})]
        for year, column in zip(years, L.F3_BASELINE_YEARS, strict=True)
    ]


def _sheet(rows: Rows, facts: Facts, codes: dict[str, str]) -> dict | None:
    grid = rows.grid
    at = _positions(grid)
    filled = any(grid.filled(row, 2, L.F3_LAST_COLUMN) for row in (at["code"], at["name"]))
    if not filled and not grid.formulas:
        return None  # the blank form's empty sheet
    entry = rows.start(at["code"], sheet=grid.title)
    code = grid.text(at["code"], 2)
    if not code:
        rows.problem(entry, at["code"], 2, _("ไม่มีรหัสตัวชี้วัด"))
    elif len(code) > KPI_CODE_LENGTH or not KPI_CODE.match(code):
        message = _("รหัสตัวชี้วัด “%(code)s” ต้องยาวไม่เกิน ๒๐ ตัวอักษร และไม่มีช่องว่างหรือเครื่องหมาย /")
        rows.problem(entry, at["code"], 2, message % {"code": code})
    elif code in codes:
        message = _("รหัสตัวชี้วัด %(code)s ซ้ำกับแผ่นงาน “%(other)s”")
        rows.problem(entry, at["code"], 2, message % {"code": code, "other": codes[code]})
    codes.setdefault(code, grid.title)
    name = _text(rows, entry, at["name"], 2, NAME_LENGTH)
    if not name:
        rows.problem(entry, at["name"], 2, _("ไม่มีชื่อตัวชี้วัด"))
    elif code in facts.kpis and facts.kpis[code] != name:
        message = _("ชื่อตัวชี้วัด %(code)s จะเปลี่ยนจาก “%(old)s” เป็น “%(new)s”")
        entry["notes"].append(message % {"code": code, "old": facts.kpis[code], "new": name})
    values = {
        "dimension": _dimension(rows, entry, at["dimension"], facts),
        "unit_of_measure": _text(rows, entry, at["unit"], 2, _limit("unit_of_measure")),
    }
    for field, _label in ((f, lbl) for lbl, f in L.F3_SIMPLE_FIELDS):
        long_text = _limit(field) == MAX_TEXT
        values[field] = _text(rows, entry, at[field], 2, _limit(field), one_line=not long_text)
    target = _number(rows, entry, at["target"], 2, _("ค่าเป้าหมาย"))
    direction_text = L.plain(grid.text(at["target"], 4))
    direction = DIRECTIONS.get(direction_text.lower())
    if direction is None and direction_text:
        message = _("ทิศทาง “%(text)s” ไม่ถูกต้อง เลือก ยิ่งมากยิ่งดี หรือ ยิ่งน้อยยิ่งดี อย่างใดอย่างหนึ่ง")
        rows.problem(entry, at["target"], 4, message % {"text": grid.text(at["target"], 4)})
    direction = direction or Direction.HIGHER
    if direction == Direction.HIGHER and target is not None and float(target) == 0:
        message = _("ตัวชี้วัดแบบยิ่งมากยิ่งดีต้องมีค่าเป้าหมายมากกว่า ๐")
        rows.problem(entry, at["target"], 2, message)
    values.update(target=target, direction=str(direction))
    values.update(_contact(rows, entry, at["supervisor"] + 2, "supervisor"))
    values.update(_contact(rows, entry, at["collector"] + 2, "collector"))
    for row in range(1, grid.height + 1):
        outside(rows, entry, row, L.F3_LAST_COLUMN, _("ของแบบฟอร์ม"))
    entry.update(
        code=code,
        name=name,
        values=values,
        baselines=_baselines(rows, entry, at["baseline"] + 2, facts),
        steps=_steps(rows, entry, at["steps"] + 2, at["source"] - 1),
    )
    entry["display"] = _display(entry, facts)
    return entry


def _display(entry: dict, facts: Facts) -> list[list[str]]:
    """The sheet's fields as the preview lists them, labelled as on the form."""
    values = entry["values"]
    number = values["dimension"]
    direction = next(k for k, v in DIRECTIONS.items() if v == values["direction"])
    target = f"{values['target'] or '-'} ({direction})"
    baselines = ", ".join(
        f"{thai_digits(y)}: {v if v is not None else '-'}" for y, v in entry["baselines"]
    )
    steps = "\n".join(f"{s['number']}. {s['detail']}" for s in entry["steps"])
    supervisor = " · ".join(
        filter(None, (values[f"supervisor_{k}"] for k in ("name", "phone", "email")))
    )
    collector = " · ".join(
        filter(None, (values[f"collector_{k}"] for k in ("name", "phone", "email")))
    )
    shown = [
        (L.F3_DIMENSION, f"{thai_digits(number)}. {facts.dimensions[number]}" if number else ""),
        (L.F3_UNIT, values["unit_of_measure"]),
        (L.F3_TARGET, target),
        (L.F3_CALCULATION, values["calculation"]),
        (L.F3_DEFINITION, values["definition"]),
        (L.F3_BASELINE, baselines),
        (L.F3_STEPS, steps),
        (L.F3_METHOD, values["collection_method"]),
        (L.F3_FREQUENCY, values["collection_frequency"]),
        (L.F3_DATA_SOURCE, values["data_source"]),
        (L.F3_SUPERVISOR, supervisor),
        (L.F3_COLLECTOR, collector),
    ]
    return [[label, value] for label, value in shown]


def sheets(preview: Preview, workbook, facts: Facts) -> None:
    prefix = L.plain(L.FORM3_SHEET)
    found = [ws for ws in workbook.worksheets if L.plain(ws.title).startswith(prefix)]
    if not found:
        raise ImportRefused(
            _(
                "ไม่พบแผ่นงาน “แบบฟอร์ม ๓ …” ในไฟล์นี้ ไฟล์อาจเป็นแบบฟอร์มอื่น กรุณาใช้แบบฟอร์ม "
                "Excel ที่ดาวน์โหลดจากหน้านี้"
            )
        )
    codes: dict[str, str] = {}
    for ws in found:
        rows = Rows(preview, read_grid(ws), name_sheet=True)
        if not preview.file_unit:
            unit_line(preview, rows.grid, L.F3_UNIT_ROW, facts)
        entry = _sheet(rows, facts, codes)
        rows.finish()
        if entry is None:
            preview.notes.append(_("ข้ามแผ่นงาน “%(sheet)s” เพราะไม่มีข้อมูล") % {"sheet": ws.title})
        else:
            preview.rows.append(entry)
    for code, name in facts.stored.items():
        if code not in codes:
            message = _("ลบแบบฟอร์ม ๓ ของตัวชี้วัด %(code)s “%(name)s” (ไม่อยู่ในไฟล์ ตัวชี้วัดยังคงอยู่)")
            preview.removals.append(message % {"code": code, "name": name})
