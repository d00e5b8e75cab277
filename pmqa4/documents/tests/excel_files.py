"""Building and reading Excel files for the import tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from pmqa4.documents import content, excel_import
from pmqa4.documents.excel import render_xlsx
from pmqa4.documents.printing import Printer
from pmqa4.plans.models import Activity, KpiSheet, PlanItem

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(data: bytes, name="form.xlsx"):
    return SimpleUploadedFile(name, data, content_type=XLSX)


def exported(unit, cycle, kind) -> bytes:
    return render_xlsx(kind, content.BUILDERS[kind](unit, cycle, Printer()))


def blank(cycle, kind) -> bytes:
    return render_xlsx(kind, content.blank(kind, cycle, Printer()))


def edited(data: bytes, edits: dict, sheet=None) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    ws = wb[sheet] if sheet else wb.active
    for cell, value in edits.items():
        ws[cell] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def preview(unit, cycle, kind, data):
    return excel_import.preview(kind, upload(data), excel_import.facts_for(unit, cycle, kind))


def url(name, kind="1", code="OPS-AAA"):
    return reverse(f"excel:{name}", args=[code, 2568, kind])


def nothing_written(unit):
    assert not PlanItem.objects.filter(plan__unit=unit).exists()
    assert not Activity.objects.filter(action_plan__unit=unit).exists()
    assert not KpiSheet.objects.filter(kpi__unit=unit).exists()
