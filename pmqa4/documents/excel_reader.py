"""Opening an uploaded workbook without trusting it.

In this order, each step before anything heavier runs: the file's size (2 MB); that it is a zip
archive at all; the evidence checks of submissions/uploads.py (entry count, total size and ratio
of the archive's directory, so a zip bomb is refused before anything is unpacked; a readable
``[Content_Types].xml`` that says it is a spreadsheet; no macros); a tighter total uncompressed
size for a 2 MB import (openpyxl reads the shared strings whole); then each sheet's XML is
streamed, through defusedxml, only until its declared dimension or its rows and cells pass the
limits, so a 100,000-row sheet is refused after reading a few kilobytes of it. (openpyxl's
read-only mode would otherwise parse a whole sheet that declares no dimension, just to size it.)
Only then openpyxl opens it, read-only and with ``data_only=False`` so that formulas show up
as formulas and are refused. openpyxl parses through defusedxml when it is installed (it is),
so an XML entity bomb raises instead of expanding, there as in the scan.
"""

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring, iterparse
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from pmqa4.core.errors import WorkflowError
from pmqa4.core.spreadsheet_safety import FORMULA_STARTS
from pmqa4.core.thai import thai_digits
from pmqa4.submissions.uploads import XLSX, check_upload

MAX_BYTES = 2 * 1024 * 1024
MAX_UNCOMPRESSED = 20 * 1024 * 1024
MAX_ROWS = 2000
MAX_COLUMNS = 30
MAX_CELLS = MAX_ROWS * MAX_COLUMNS
MAX_SHEETS = 100

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
OFFICE_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
LAST_ROW = re.compile(r"(\d+)$")


class ImportRefused(WorkflowError):
    """The whole file is refused (not a workbook, the wrong form, too big): nothing is read."""


def _number(value: int) -> str:
    return thai_digits(f"{value:,}")


def _not_a_workbook() -> ImportRefused:
    return ImportRefused(
        _("ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) กรุณาใช้แบบฟอร์ม Excel ที่ดาวน์โหลดจากระบบ แล้วบันทึกเป็น .xlsx")
    )


def _broken() -> ImportRefused:
    return ImportRefused(_("ไฟล์ Excel เสียหรือมีโครงสร้างผิดปกติ ระบบไม่อ่านไฟล์นี้"))


def _checked_bytes(upload: UploadedFile) -> bytes:
    if upload.size > MAX_BYTES:
        raise ImportRefused(
            _("ไฟล์ใหญ่เกิน %(limit)s (ไฟล์นี้ %(size)s) แบบฟอร์มของหน่วยงานหนึ่งไม่ควรใหญ่ขนาดนี้")
            % {"limit": filesizeformat(MAX_BYTES), "size": filesizeformat(upload.size)}
        )
    if upload.size == 0:
        raise ImportRefused(_("ไฟล์ว่างเปล่า"))
    upload.seek(0)
    if upload.read(4) != b"PK\x03\x04":
        raise _not_a_workbook()
    try:
        checked = check_upload(upload)
    except WorkflowError as refused:
        raise ImportRefused(refused.message) from None
    if checked.content_type != XLSX:
        raise _not_a_workbook()
    upload.seek(0)
    data = upload.read()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(entry.file_size for entry in archive.infolist())
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError):
        raise _broken() from None
    if total > MAX_UNCOMPRESSED:
        raise ImportRefused(_("ไฟล์ถูกบีบอัดผิดปกติ ระบบไม่รับไฟล์นี้"))
    return data


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's part in the archive → its name, from the workbook and its relations."""
    workbook = fromstring(archive.read("xl/workbook.xml"))
    relations = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {
        r.get("Id"): r.get("Target", "") for r in relations.iter(f"{PACKAGE_REL}Relationship")
    }
    parts = {}
    for sheet in workbook.iter(f"{MAIN}sheet"):
        target = targets.get(sheet.get(f"{OFFICE_REL}id"), "")
        if target.startswith("/"):
            path = target.lstrip("/")
        else:
            path = posixpath.normpath(posixpath.join("xl", target))
        parts[path] = sheet.get("name", "")
    return parts


def _scan_sheet(archive: zipfile.ZipFile, path: str, title: str) -> None:
    """Stream one sheet's XML and stop as soon as it says or shows more than the limits."""
    rows = cells = 0
    with archive.open(path) as source:
        for _event, element in iterparse(source, events=("start",)):
            tag = element.tag
            if tag == f"{MAIN}c":
                cells += 1
                if cells > MAX_CELLS:
                    raise ImportRefused(
                        _("แผ่นงาน “%(sheet)s” มีข้อมูลมากเกินกว่าที่ระบบรับ") % {"sheet": title}
                    )
            elif tag == f"{MAIN}row":
                rows += 1
                number = element.get("r", "")
                if rows > MAX_ROWS or (number.isdigit() and int(number) > MAX_ROWS):
                    raise _too_long(title)
            elif tag == f"{MAIN}dimension":
                found = LAST_ROW.search(element.get("ref", ""))
                if found and int(found.group(1)) > MAX_ROWS:
                    raise _too_long(title, int(found.group(1)))


def _scan(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            for path, title in _sheet_parts(archive).items():
                if path in names:
                    _scan_sheet(archive, path, title)
    except (DefusedXmlException, ParseError, KeyError, ValueError, zipfile.BadZipFile, zlib.error):
        raise _broken() from None


def open_workbook(upload: UploadedFile):
    """The uploaded workbook in read-only mode, or ImportRefused with a Thai message."""
    data = _checked_bytes(upload)
    _scan(data)
    try:
        workbook = load_workbook(
            io.BytesIO(data), read_only=True, data_only=False, keep_links=False
        )
    except (DefusedXmlException, ParseError):
        raise _broken() from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError):
        raise _broken() from None
    if len(workbook.sheetnames) > MAX_SHEETS:
        workbook.close()
        raise ImportRefused(
            _("ไฟล์มี %(count)s แผ่นงาน เกินกว่าที่ระบบรับ (%(limit)s แผ่นงาน)")
            % {"count": _number(len(workbook.sheetnames)), "limit": _number(MAX_SHEETS)}
        )
    return workbook


@dataclass
class Grid:
    """One sheet's cell values (text stripped, numbers as they are), row by row from row 1,
    with the cells that held a formula."""

    title: str
    rows: list[tuple] = field(default_factory=list)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)

    def value(self, row: int, column: int):
        if row < 1 or row > len(self.rows):
            return None
        cells = self.rows[row - 1]
        return cells[column - 1] if column <= len(cells) else None

    def text(self, row: int, column: int) -> str:
        value = self.value(row, column)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    def filled(self, row: int, first: int, last: int = MAX_COLUMNS) -> list[int]:
        """The columns from ``first`` to ``last`` that hold something in ``row``."""
        return [c for c in range(first, last + 1) if self.text(row, c)]

    @property
    def height(self) -> int:
        return len(self.rows)


def _cell_value(cell):
    """A cell as the form means it: text without the apostrophe the export put before a
    leading = + - @ (spreadsheet_safety), Windows line breaks made plain."""
    value = cell.value
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("_x000D_", "")
        if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
            value = value[1:]
        value = value.strip()
        return value or None
    return value


def _too_long(title: str, rows: int | None = None) -> ImportRefused:
    """``rows``: what the sheet declares; None when counting its rows passed the limit."""
    values = {"sheet": title, "limit": _number(MAX_ROWS)}
    if rows is None:
        message = _("แผ่นงาน “%(sheet)s” มีมากกว่า %(limit)s แถว ระบบไม่รับไฟล์นี้ ")
    else:
        values["rows"] = _number(rows)
        message = _("แผ่นงาน “%(sheet)s” มีมากกว่า %(limit)s แถว (ระบุไว้ %(rows)s แถว) ระบบไม่รับไฟล์นี้ ")
    advice = _("แบบฟอร์มของหน่วยงานมีไม่กี่สิบแถว กรุณาตรวจว่าเลือกไฟล์ถูกต้อง และลบแถวว่างท้ายตาราง")
    return ImportRefused(message % values + advice)


def read_grid(ws) -> Grid:
    """A worksheet's cells, refused when it declares or turns out to have too many rows."""
    declared = ws.max_row if ws.max_row is not None else 0
    if declared > MAX_ROWS:
        raise _too_long(ws.title, declared)
    grid = Grid(ws.title)
    try:
        for row_number, row in enumerate(ws.iter_rows(max_col=MAX_COLUMNS), start=1):
            if row_number > MAX_ROWS:
                raise _too_long(ws.title)
            values = []
            for column, cell in enumerate(row, start=1):
                if getattr(cell, "data_type", None) == "f":
                    grid.formulas[(row_number, column)] = str(cell.value)[:60]
                    values.append(None)
                else:
                    values.append(_cell_value(cell))
            while values and values[-1] is None:
                values.pop()
            grid.rows.append(tuple(values))
    except (DefusedXmlException, ParseError, ValueError, TypeError, KeyError):
        raise _broken() from None
    while grid.rows and not grid.rows[-1]:
        grid.rows.pop()
    return grid


def cell_name(row: int, column: int) -> str:
    return f"{get_column_letter(column)}{row}"
