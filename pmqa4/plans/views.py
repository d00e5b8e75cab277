"""Step 3's pages: the overview and its live checklist, Form 1, Form 2, the KPIs and Form 3.

Thin views: the workspace helper (another unit 404, a missing role 403), a form, one service
call. An htmx save answers with the document's new version out of band, or with the whole form
body when rows were added, removed or renumbered; a browser without JavaScript is redirected
back. Every POST checks panel.can_edit; a stale version answers 409 and writes nothing.
"""

import json
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect, reswap, retarget, trigger_client_event

from pmqa4.core.errors import WorkflowError
from pmqa4.core.locking import StaleEdit
from pmqa4.framework.models import Dimension
from pmqa4.org.permissions import UNIT_EDITORS, UNIT_READERS
from pmqa4.submissions.access import step_of, workspace
from pmqa4.submissions.selectors import step_panel

from . import checklist, selectors, services
from . import forms as f
from .models import ActionPlan, KpiSheet, ThreeYearPlan

SAVED_EVENT = "plans-saved"  # the checklist refreshes itself on it


@dataclass
class Ws:
    actor: object
    unit: object
    cycle: object
    panel: object

    def url(self, name: str, *args) -> str:
        return reverse(f"plans:{name}", args=[self.unit.code, self.cycle.fiscal_year, *args])

    def who(self, request) -> dict:
        return {"unit": self.unit, "cycle": self.cycle, "actor": request.user}


def _ws(request, code, year, roles=UNIT_READERS) -> Ws:
    actor, unit, cycle = workspace(request, code, year, roles=roles)
    panel = step_panel(unit=unit, step=step_of(cycle, 3), actor=actor, now=timezone.now())
    return Ws(actor, unit, cycle, panel)


def _checklist(ws: Ws):
    facts = selectors.checklist_facts(ws.unit, ws.cycle)
    cycle = ws.cycle
    rules = {
        "missing_dimension": cycle.missing_dimension,
        "late_or_incomplete": cycle.late_or_incomplete,
    }
    return checklist.build(facts, **rules), facts


def _form1_page(ws, bound):
    data = selectors.form1(ws.unit, ws.cycle)
    groups = f.form1_groups(data, bound) if ws.panel.can_edit else None
    return {"data": data, "groups": groups, "version": data.version}


def _form2_page(ws, bound):
    data = selectors.form2(ws.unit, ws.cycle)
    groups = f.form2_groups(data, bound) if ws.panel.can_edit else None
    return {"data": data, "groups": groups, "version": data.version}


def _sheet_page(ws, bound, kpi_code):
    page = selectors.kpi_sheet(ws.unit, ws.cycle, kpi_code)
    form = bound.get("sheet") or f.KpiSheetForm(
        instance=page.sheet, initial=f.sheet_initial(page), baseline_years=page.baseline_years
    )
    add = bound.get("new-sheet-step") or f.KpiSheetStepForm(prefix="new-sheet-step")
    steps = f.sheet_step_rows(page, bound)
    context = {"page": page, "kpi": page.kpi, "form": form, "steps": steps, "add_step": add}
    return {**context, "seen": f.sheet_seen(page), "version": page.version}


PAGES = {
    "form1": ("plans/form1.html", _form1_page),
    "form2": ("plans/form2.html", _form2_page),
    "kpi-sheet": ("plans/kpi_sheet.html", _sheet_page),
}


def _render(request, ws, page, args=(), *, bound=None, partial=None, status=200, **extra):
    template, build = PAGES[page]
    context = {"unit": ws.unit, "cycle": ws.cycle, "panel": ws.panel, **extra}
    context.update(build(ws, bound or {}, *args))
    if partial is None:
        context["checklist"], context["facts"] = _checklist(ws)
        return render(request, template, context, status=status)
    response = render(request, f"{template}#{partial}", context, status=status)
    retarget(response, "#plans-body")
    return reswap(response, "outerHTML")


def _back(request, url, message, *, status=None):
    """Back to the page with ``message``; htmx follows with a full page load (HX-Redirect)."""
    messages.error(request, message)
    response = HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    if status:
        response.status_code = status
    return response


def _stale_text(stale: StaleEdit) -> str:
    changes = [f"{label}: “{before}” → “{now}”" for label, before, now in stale.changes]
    return f"{stale.message} ({'; '.join(changes) or _('มีการแก้ไขส่วนอื่นของแบบฟอร์มนี้')})"


def _add_errors(form, error: ValidationError) -> None:
    for name, errors in error.update_error_dict({}).items():
        form.add_error(name if name in form.fields else None, errors)


def _version(ws, page, args) -> int:
    if page == "kpi-sheet":
        scope = {"kpi__unit": ws.unit, "kpi__cycle": ws.cycle, "kpi__code": args[0]}
        return selectors.version_of(KpiSheet, **scope)
    document = ThreeYearPlan if page == "form1" else ActionPlan
    return selectors.version_of(document, unit=ws.unit, cycle=ws.cycle)


def _saved(request, ws, page, args, obj, *, anchor="", state=None, seen_id="", **options):
    """htmx: the body when rows moved (or the form had errors to clear), else only the new
    version and the row's new "seen" out of band; without JavaScript: back to the row."""
    message = options.get("message") or _("บันทึกแล้ว")
    if not request.htmx:
        messages.success(request, message)
        target = anchor(obj) if callable(anchor) else anchor or "plans-body"
        return redirect(f"{ws.url(page, *args)}#{target}")
    if options.get("structural") or state is None:
        response = _render(request, ws, page, args, partial="body", toast=message)
    else:
        seen = json.dumps(state(obj), ensure_ascii=False)
        context = {"version": _version(ws, page, args), "seen": seen, "seen_id": seen_id}
        response = render(request, "plans/_saved.html", {**context, "toast": message})
        reswap(response, "none")
    return trigger_client_event(response, SAVED_EVENT)


def _edit(request, ws, page, run, *, form=None, args=(), **answer):
    """One save: check the step is editable, validate, call the service, answer (``answer``
    are _saved's options)."""
    url = ws.url(page, *args)
    if not ws.panel.can_edit:
        return _back(request, url, _("ขั้นตอนที่ ๓ เสนอผู้บริหารลงนามหรือส่งแล้ว จึงแก้ไขไม่ได้"))
    lock = f.LockForm(request.POST)
    if not lock.is_valid():  # a tampered or truncated post: nothing to compare with
        return _back(request, url, _("แบบฟอร์มไม่ครบถ้วน กรุณาโหลดหน้านี้ใหม่"), status=400)
    if form is None or form.is_valid():
        fields = form.service_fields() if form is not None else {}
        try:
            obj = run(**lock.cleaned_data, **fields)
        except StaleEdit as stale:
            if request.htmx:
                return _back(request, url, _stale_text(stale), status=409)
            bound = {form.prefix or "sheet": form} if form is not None else None
            return _render(request, ws, page, args, bound=bound, status=409, stale=stale)
        except ValidationError as error:
            _add_errors(form, error)
        except WorkflowError as error:
            if form is None:
                return _back(request, url, error.message)
            form.add_error(None, error.message)
        else:
            if "redraw" in request.POST or getattr(form, "adds_kpi", False):
                answer["structural"] = True
            return _saved(request, ws, page, args, obj, **answer)
    partial = "body" if request.htmx else None
    return _render(request, ws, page, args, bound={form.prefix or "sheet": form}, partial=partial)


# Pages --------------------------------------------------------------------------------------


@login_required
def overview(request, code, year):
    """Step 3 at a glance: the forms, and what would cost points if submitted now. htmx asks
    for the checklist alone after each save."""
    ws = _ws(request, code, year)
    result, facts = _checklist(ws)
    context = {"unit": ws.unit, "cycle": ws.cycle, "panel": ws.panel}
    context.update(checklist=result, facts=facts)
    template = "plans/overview.html" + ("#checklist" if request.htmx else "")
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
def form1(request, code, year):
    return _render(request, _ws(request, code, year), "form1")


@login_required
def form2(request, code, year):
    return _render(request, _ws(request, code, year), "form2")


@login_required
def kpis(request, code, year):
    ws = _ws(request, code, year)
    result, facts = _checklist(ws)
    rows = [(kpi, checklist.sheet_gaps(kpi).gaps) for kpi in facts.kpis]
    context = {"unit": ws.unit, "cycle": ws.cycle, "panel": ws.panel, "rows": rows}
    return render(request, "plans/kpis.html", {**context, "checklist": result})


@login_required
def kpi_sheet(request, code, year, kpi_code):
    """Form 3 for one KPI; a POST saves its fields (the coordinator, while step 3 is open)."""
    if request.method != "POST":
        return _render(request, _ws(request, code, year), "kpi-sheet", (kpi_code,))
    ws = _ws(request, code, year, UNIT_EDITORS)
    kpi = selectors.kpi_of(ws.unit, ws.cycle, kpi_code)
    years = (ws.cycle.fiscal_year - 3, ws.cycle.fiscal_year - 2, ws.cycle.fiscal_year - 1)
    form = f.KpiSheetForm(request.POST, baseline_years=years)

    def run(**fields):
        return services.kpi_sheet_save(**ws.who(request), kpi=kpi, **fields)

    def state(_sheet):
        return selectors.sheet_state(selectors.kpi_sheet(ws.unit, ws.cycle, kpi_code))

    options = {"args": (kpi_code,), "anchor": "sheet", "state": state, "seen_id": "seen-sheet"}
    return _edit(request, ws, "kpi-sheet", run, form=form, **options)


# Saves: one view per kind of row adds (no pk), saves, or deletes (its "delete" button) -------

DELETED = "delete"


def _editor(request, code, year) -> Ws:
    return _ws(request, code, year, UNIT_EDITORS)


def _choices(ws):
    return f.kpi_choices(selectors.unit_kpis(ws.unit, ws.cycle))


def _row(request, ws, page, kind, obj, form, run, state, args=()):
    """Add (no ``obj``), delete (the delete button) or update one row of a page. Adding and
    deleting renumber rows, so htmx gets the whole body back; an update only the new version."""
    if obj is None:

        def anchor(added):
            return f"{kind}-{added.pk}"

        options = {"anchor": anchor, "structural": True, "message": _("เพิ่มแล้ว")}
        return _edit(request, ws, page, run["add"], form=form, args=args, **options)
    if DELETED in request.POST:
        options = {"structural": True, "message": _("ลบแล้ว")}
        return _edit(request, ws, page, run["delete"], args=args, **options)
    options = {"anchor": f"{kind}-{obj.pk}", "state": state, "seen_id": f"seen-{kind}-{obj.pk}"}
    return _edit(request, ws, page, run["update"], form=form, args=args, **options)


@require_POST
@login_required
def form1_item(request, code, year, pk=None, dimension=None):
    ws = _editor(request, code, year)
    who = ws.who(request)
    item = selectors.item_of(ws.unit, ws.cycle, pk) if pk else None
    dim = None if item else get_object_or_404(Dimension, number=dimension)
    years = item.plan.years if item else selectors.plan_years(ws.unit, ws.cycle)
    prefix = f"item-{pk}" if item else f"new-{dimension}"
    form = f.PlanItemForm(request.POST, prefix=prefix, kpi_choices=_choices(ws), years=years)
    run = {
        "add": lambda seen, **x: services.plan_item_add(**who, dimension=dim, **x),
        "update": lambda **x: services.plan_item_update(**who, item=item, **x),
        "delete": lambda **x: services.plan_item_delete(**who, item=item, **x),
    }
    return _row(request, ws, "form1", "item", item, form, run, selectors.item_state)


@require_POST
@login_required
def form1_carry_over(request, code, year):
    ws = _editor(request, code, year)

    def run(*, version, seen):
        return services.three_year_plan_carry_over(**ws.who(request), version=version)

    message = _("คัดลอกรายการจากแผนระยะ ๓ ปีของปีก่อนแล้ว")
    return _edit(request, ws, "form1", run, structural=True, message=message)


@require_POST
@login_required
def form2_activity(request, code, year, pk=None, dimension=None):
    ws = _editor(request, code, year)
    who = ws.who(request)
    activity = selectors.activity_of(ws.unit, ws.cycle, pk) if pk else None
    dim = None if activity else get_object_or_404(Dimension, number=dimension)
    prefix = f"activity-{pk}" if activity else f"new-{dimension}"
    form = f.ActivityForm(request.POST, prefix=prefix, kpi_choices=_choices(ws))
    run = {
        "add": lambda seen, **x: services.activity_add(**who, dimension=dim, **x),
        "update": lambda **x: services.activity_update(**who, activity=activity, **x),
        "delete": lambda **x: services.activity_delete(**who, activity=activity, **x),
    }
    state = selectors.activity_state
    return _row(request, ws, "form2", "activity", activity, form, run, state)


@require_POST
@login_required
def form2_step(request, code, year, pk=None, activity=None):
    ws = _editor(request, code, year)
    who = ws.who(request)
    step = selectors.step_of(ws.unit, ws.cycle, pk) if pk else None
    parent = None if step else selectors.activity_of(ws.unit, ws.cycle, activity)
    prefix = f"step-{pk}" if step else f"new-step-{activity}"
    form = f.ActivityStepForm(request.POST, prefix=prefix)
    run = {
        "add": lambda seen, **x: services.activity_step_add(**who, activity=parent, **x),
        "update": lambda **x: services.activity_step_update(**who, step=step, **x),
        "delete": lambda **x: services.activity_step_delete(**who, step=step, **x),
    }
    return _row(request, ws, "form2", "step", step, form, run, selectors.step_state)


@require_POST
@login_required
def form2_draft(request, code, year):
    """Create a draft from Form 1: an activity for each item of this year not in Form 2 yet."""
    ws = _editor(request, code, year)

    def run(*, version, seen):
        return services.action_plan_draft_from_form1(**ws.who(request), version=version)

    message = _("สร้างกิจกรรมจากแผนระยะ ๓ ปีแล้ว กรุณาระบุเดือนที่ดำเนินการและผู้รับผิดชอบ")
    return _edit(request, ws, "form2", run, structural=True, message=message)


@require_POST
@login_required
def kpi_step(request, code, year, kpi_code, pk=None):
    ws = _editor(request, code, year)
    kpi = selectors.kpi_of(ws.unit, ws.cycle, kpi_code)
    who = {**ws.who(request), "kpi": kpi}
    step = selectors.sheet_step_of(kpi, pk) if pk else None
    prefix = f"sheet-step-{pk}" if step else "new-sheet-step"
    form = f.KpiSheetStepForm(request.POST, prefix=prefix)
    run = {
        "add": lambda seen, **x: services.kpi_sheet_step_add(**who, **x),
        "update": lambda **x: services.kpi_sheet_step_update(**who, step=step, **x),
        "delete": lambda **x: services.kpi_sheet_step_delete(**who, step=step, **x),
    }
    state, args = selectors.sheet_step_state, (kpi_code,)
    return _row(request, ws, "kpi-sheet", "sheet-step", step, form, run, state, args)
