"""The filtered audit trail as CSV: one line per changed field, safe to open in a spreadsheet.

UTF-8 with a byte-order mark so Excel reads the Thai text; every cell goes through
``safe_cell`` because record names and values are typed by users (formula injection). Rows are
streamed in batches, each presented in a fixed number of queries, so a large export neither
holds the whole trail in memory nor runs a query per entry.
"""

import csv

from django.utils.translation import gettext as _

from pmqa4.core.spreadsheet_safety import safe_row
from pmqa4.core.thai import format_be_datetime

from .presenters import present

BATCH = 500
BOM = "\ufeff"


class _Line:
    """csv.writer's file: hands back each written line instead of storing it."""

    def write(self, text):
        return text


def header() -> list[str]:
    return [
        _("วันเวลา"),
        _("ผู้ดำเนินการ"),
        _("ชื่อผู้ใช้"),
        _("การดำเนินการ"),
        _("ประเภทข้อมูล"),
        _("รายการ"),
        _("รหัสรายการ"),
        _("รหัสหน่วยงาน"),
        _("หน่วยงาน"),
        _("ข้อมูลที่เปลี่ยน"),
        _("ค่าเดิม"),
        _("ค่าใหม่"),
        _("หมายเลข IP"),
    ]


def rows_of(row) -> list[list]:
    entry = row.entry
    common = [
        format_be_datetime(entry.timestamp),
        row.actor,
        row.actor_username,
        row.action,
        row.kind,
        entry.object_repr,
        entry.object_pk,
        row.unit_code,
        row.unit_name,
    ]
    ip = entry.remote_addr or ""
    if not row.changes:
        return [[*common, "", "", "", ip]]
    return [[*common, c.label, c.before, c.after, ip] for c in row.changes]


def _batches(entries):
    batch = []
    for entry in entries.iterator(chunk_size=BATCH):
        batch.append(entry)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def csv_lines(entries):
    """The CSV text, line by line, of every entry in ``entries`` (a filtered queryset)."""
    writer = csv.writer(_Line())
    yield BOM + writer.writerow(safe_row(header()))
    for batch in _batches(entries):
        for row in present(batch):
            for line in rows_of(row):
                yield writer.writerow(safe_row(line))
