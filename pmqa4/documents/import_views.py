"""The coordinator's Excel import of Form 1, 2 or 3: download the form, fill it in, upload it,
see every row with its problems, confirm. Nothing is written before the confirmation.

Between the upload and the confirmation the checked rows wait in the session as JSON (tens of
kilobytes for a real unit, capped at MAX_KEPT), under a random token the confirmation must
send back; the file itself is never kept. What is confirmed is therefore exactly what the
preview showed, and a preview with problems is not kept at all. It lasts KEEP_SECONDS, belongs
to the user, unit, cycle and form it was made for, and is used once.

Only the unit's coordinator (another unit: 404, no such role: 403), and only while step 3 is
a draft or returned; the write itself checks both again (excel_apply.py).
"""

import json
import secrets
import time
from dataclasses import replace

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from pmqa4.core.errors import WorkflowError
from pmqa4.core.thai import NUMERALS, fiscal_month_labels, thai_digits
from pmqa4.org.permissions import UNIT_EDITORS
from pmqa4.submissions.access import step_of, workspace
from pmqa4.submissions.selectors import step_panel
from pmqa4.submissions.uploads import XLSX

from . import content as forms_content
from . import excel_apply, excel_import
from .excel import render_xlsx
from .excel_reader import MAX_BYTES, MAX_ROWS, ImportRefused
from .printing import Printer
from .responses import attachment

SESSION_KEY = "documents.excel_import"
KEEP_SECONDS = 30 * 60
MAX_KEPT = 512 * 1024
FORM_NAMES = {
    "1": gettext_lazy("แบบฟอร์ม ๑ แผนระยะ ๓ ปี"),
    "2": gettext_lazy("แบบฟอร์ม ๒ แผนปฏิบัติการ"),
    "3": gettext_lazy("แบบฟอร์ม ๓ รายละเอียดตัวชี้วัด"),
}
FORM_PAGES = {"1": "plans:form1", "2": "plans:form2", "3": "plans:kpis"}
MONTHS = fiscal_month_labels()


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("ไฟล์ Excel (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )


def _open(request, code, year, kind):
    if kind not in excel_import.KINDS:
        raise Http404
    actor, unit, cycle = workspace(request, code, year, roles=UNIT_EDITORS)
    panel = step_panel(unit=unit, step=step_of(cycle, 3), actor=actor, now=timezone.now())
    return unit, cycle, panel


def _slot(unit, cycle, kind) -> str:
    return f"{unit.pk}:{cycle.pk}:{kind}"


def _keep(request, unit, cycle, preview) -> str:
    """Keep a clean preview in the session for the confirmation; its token."""
    token = secrets.token_urlsafe(24)
    kept = {
        "token": token,
        "user": request.user.pk,
        "at": time.time(),
        "preview": preview.to_json(),
    }
    if len(json.dumps(kept, ensure_ascii=False).encode()) > MAX_KEPT:
        raise ImportRefused(_("ไฟล์มีข้อมูลมากเกินกว่าที่ระบบนำเข้าได้ในครั้งเดียว"))
    pending = {
        slot: value
        for slot, value in request.session.get(SESSION_KEY, {}).items()
        if time.time() - value.get("at", 0) < KEEP_SECONDS
    }
    pending[_slot(unit, cycle, preview.kind)] = kept
    request.session[SESSION_KEY] = pending
    return token


def _take(request, unit, cycle, kind, token: str):
    """The preview kept for this token, removed from the session (used once); None if none."""
    pending = request.session.get(SESSION_KEY, {})
    kept = pending.get(_slot(unit, cycle, kind))
    if (
        kept is None
        or not token
        or not secrets.compare_digest(str(kept.get("token", "")), token)
        or kept.get("user") != request.user.pk
    ):
        return None
    del pending[_slot(unit, cycle, kind)]
    request.session[SESSION_KEY] = pending
    if time.time() - kept.get("at", 0) >= KEEP_SECONDS:
        return None
    return excel_import.Preview.from_json(kept["preview"])


def _shown(preview):
    """The rows with what the table shows: month names, ✓ for the years."""
    for row in preview.rows:
        if "months" in row:
            row["month_names"] = " ".join(MONTHS[m - 1] for m in row["months"])
            for step in row["steps"]:
                step["month_names"] = " ".join(MONTHS[m - 1] for m in step["months"])
    return preview


def _page(request, unit, cycle, panel, kind, *, form=None, preview=None, token="", status=200):
    context = {
        "unit": unit,
        "cycle": cycle,
        "panel": panel,
        "kind": kind,
        "form_name": FORM_NAMES[kind],
        "form_url": reverse(FORM_PAGES[kind], args=[unit.code, cycle.fiscal_year]),
        "form": form or UploadForm(),
        "preview": _shown(preview) if preview else None,
        "token": token,
        "max_bytes": MAX_BYTES,
        "max_rows": thai_digits(f"{MAX_ROWS:,}"),
        "years": cycle.plan_years,
    }
    return render(request, "documents/import/page.html", context, status=status)


LOCKED = gettext_lazy("ขั้นตอนที่ ๓ เสนอผู้บริหารลงนามหรือส่งแล้ว จึงนำเข้าไม่ได้ จนกว่าจะถูกส่งคืนให้แก้ไข")


@login_required
def import_page(request, code, year, kind):
    """GET: how to import, the form to download, the upload. POST: the uploaded file read and
    checked, every row shown with its problems, and (when clean) the button that confirms."""
    unit, cycle, panel = _open(request, code, year, kind)
    if request.method != "POST":
        return _page(request, unit, cycle, panel, kind)
    form = UploadForm(request.POST, request.FILES)
    if not panel.can_edit:
        form.add_error(None, str(LOCKED))
        return _page(request, unit, cycle, panel, kind, form=form, status=409)
    if not form.is_valid():
        return _page(request, unit, cycle, panel, kind, form=form, status=400)
    facts = excel_import.facts_for(unit, cycle, kind)
    try:
        preview = excel_import.preview(kind, form.cleaned_data["file"], facts)
        token = _keep(request, unit, cycle, preview) if preview.ok else ""
    except ImportRefused as refused:
        form.add_error("file", refused.message)
        return _page(request, unit, cycle, panel, kind, form=form, status=400)
    return _page(request, unit, cycle, panel, kind, preview=preview, token=token)


@require_POST
@login_required
def import_confirm(request, code, year, kind):
    """Write the previewed rows: the unit's form replaced, audited, under step 3's lock."""
    unit, cycle, panel = _open(request, code, year, kind)
    here = reverse("excel:import", args=[unit.code, cycle.fiscal_year, kind])
    preview = _take(request, unit, cycle, kind, request.POST.get("token", ""))
    if preview is None:
        messages.error(request, _("ไม่พบไฟล์ที่ตรวจไว้หรือหมดเวลาแล้ว กรุณาอัปโหลดไฟล์อีกครั้ง"))
        return redirect(here)
    if not panel.can_edit:
        messages.error(request, str(LOCKED))
        return redirect(here)
    try:
        summary = excel_apply.apply(preview, unit=unit, cycle=cycle, actor=request.user)
    except WorkflowError as refused:
        messages.error(request, refused.message)
        return redirect(here)
    messages.success(request, summary)
    return redirect(reverse(FORM_PAGES[kind], args=[unit.code, cycle.fiscal_year]))


@login_required
def import_template(request, code, year, kind):
    """The form to fill in: the unit's current Form 1/2/3 (or ``?blank=1`` the empty form),
    in the very layout the import reads."""
    unit, cycle, _panel = _open(request, code, year, kind)
    numerals = request.GET.get("numerals", "thai")
    printer = Printer(numerals if numerals in NUMERALS else "thai")
    blank = request.GET.get("blank") == "1"
    if blank:
        content = replace(forms_content.blank(kind, cycle, printer), unit_name=unit.name_th)
    else:
        content = forms_content.BUILDERS[kind](unit, cycle, printer)
    suffix = "_blank" if blank else ""
    filename = f"{unit.code}_{cycle.fiscal_year}_form{kind}{suffix}.xlsx"
    response = attachment(render_xlsx(kind, content), filename, XLSX)
    response["Cache-Control"] = "private, no-store"
    return response
