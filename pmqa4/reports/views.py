"""Step 4 (Form 4 results reports) and step 5 (KPI actuals) pages.

Thin views: the workspace helper (404 other unit, 403 missing role), a selector, a form, one
service call. htmx requests get a named partial of the same template; without JavaScript every
form posts and redirects as usual.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pmqa4.core.errors import WorkflowError
from pmqa4.core.locking import StaleEdit
from pmqa4.org.permissions import UNIT_EDITORS, UNIT_READERS
from pmqa4.submissions.access import step_of, workspace
from pmqa4.submissions.selectors import step_panel

from . import selectors, services
from .forms import KpiActualForm, ResultsReportForm
from .selectors import REPORT_FIELDS


@login_required
@require_safe
def reports(request, code, year):
    """Step 4's checklist: every activity of the action plan and whether its report exists."""
    actor, unit, cycle = workspace(request, code, year, roles=UNIT_READERS)
    panel = step_panel(unit=unit, step=step_of(cycle, 4), actor=actor, now=timezone.now())
    rows = selectors.report_rows(unit=unit, cycle=cycle)
    context = {
        "unit": unit,
        "cycle": cycle,
        "panel": panel,
        "rows": rows,
        "missing": [row for row in rows if row.report is None],
    }
    return render(request, "reports/reports.html", context)


# Form 4 of one activity -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report(request, code, year, activity_pk):
    editing = request.method == "POST"
    actor, unit, cycle = workspace(
        request, code, year, roles=UNIT_EDITORS if editing else UNIT_READERS
    )
    activity = selectors.activity_of(unit=unit, cycle=cycle, pk=activity_pk)
    panel = step_panel(unit=unit, step=step_of(cycle, 4), actor=actor, now=timezone.now())
    results = selectors.activity_kpi_results(activity=activity, cycle=cycle)
    page = {
        "unit": unit,
        "cycle": cycle,
        "panel": panel,
        "activity": activity,
        "results": results,
        "months": selectors.activity_months(activity),
        "suggestions": services.report_suggestions(results),
        "save_url": request.path,
    }
    if editing:
        return _report_post(request, page)
    report = getattr(activity, "report", None)
    form = ResultsReportForm(initial=services.report_initial(report, results))
    return render(request, "reports/report.html", {**page, "form": form, **_state(report)})


def _state(report, **extra) -> dict:
    """The save-state partial: the version and field values the editor now works from."""
    return {
        "report": report,
        "version": report.version if report else 0,
        "seen": [(name, getattr(report, name) if report else "") for name in REPORT_FIELDS],
        **extra,
    }


APPENDS = {
    "append_problems": ("problems", "problems"),
    "append_remedies": ("remedy_by_unit", "remedies"),
}


def _report_post(request, page):
    """Autosave (htmx, no action), the save button, or an append-suggestions button."""
    action = request.POST.get("action", "autosave")
    partial = "#save-state" if action == "autosave" else "#report-form"
    template = "reports/report.html" + (partial if request.htmx else "")
    form = ResultsReportForm(request.POST)
    if form.is_valid() and action in APPENDS:
        field, kind = APPENDS[action]
        appended = services.append_lines(
            form.cleaned_data[field], getattr(page["suggestions"], kind)
        )
        try:  # the suggestions must not push the field past its length limit
            form.fields[field].run_validators(appended)
        except ValidationError as error:
            form.add_error(field, error)
        else:
            form.cleaned_data[field] = appended
    if not form.is_valid():  # a text too long, or a tampered or truncated hidden version
        stored = getattr(page["activity"], "report", None)
        state = _state(stored, error=_invalid_text(form))
        response = render(request, template, {**page, "form": form, **state}, status=400)
        return _retarget(response, partial)
    data = dict(form.cleaned_data)
    try:
        report = services.report_save(
            activity=page["activity"],
            panel=page["panel"],
            actor=request.user,
            version=data["version"],
            data=data,
            seen=form.seen(request.POST),
        )
    except StaleEdit as stale:
        # Keep what this editor typed, now against the stored version, and show what changed;
        # autosave stops, so saving again after reading the differences is a deliberate choice.
        template = "reports/report.html" + ("#report-form" if request.htmx else "")
        state = _state(stale.current, error=stale.message, changes=stale.changes, conflict=True)
        context = {**page, "form": ResultsReportForm(request.POST), **state}
        return _retarget(render(request, template, context, status=409), "#report-form")
    except WorkflowError as error:
        if not request.htmx:
            messages.error(request, error.message)
            return redirect(_report_url(page))
        stored = getattr(page["activity"], "report", None)
        return render(
            request, template, {**page, "form": form, **_state(stored, error=error.message)}
        )
    if not request.htmx:
        messages.success(request, _("บันทึกรายงานผลการดำเนินงานแล้ว"))
        return redirect(_report_url(page))
    if action != "autosave":
        form = ResultsReportForm(initial=services.report_initial(report, page["results"]))
    return render(request, template, {**page, "form": form, **_state(report, saved=True)})


def _invalid_text(form) -> str:
    """A bad hidden version asks for a reload; otherwise say which field is wrong and why."""
    if "version" in form.errors:
        return _("แบบฟอร์มไม่ครบ กรุณาโหลดหน้านี้ใหม่")
    return " ".join(
        f"{form.fields[name].label}: {' '.join(errors)}"
        for name, errors in form.errors.items()
        if name in form.fields
    ) or _("แบบฟอร์มไม่ครบ กรุณาโหลดหน้านี้ใหม่")


def _retarget(response, partial: str):
    """htmx skips 4xx answers; these headers (with the response-targets extension) let it
    swap the error into place instead."""
    response["HX-Retarget"] = "#report-save-state" if partial == "#save-state" else partial
    response["HX-Reswap"] = "outerHTML"
    return response


def _report_url(page) -> str:
    unit, cycle, activity = page["unit"], page["cycle"], page["activity"]
    return reverse("reports:report", args=[unit.code, cycle.fiscal_year, activity.pk])


# Step 5: KPI actuals ----------------------------------------------------------------------


@dataclass(frozen=True)
class KpiCard:
    """One KPI on the actuals page, with its reporting form when the coordinator may report."""

    result: selectors.KpiResult
    form: KpiActualForm | None
    sheet_url: str | None
    saved: bool = False
    error: str = ""


def _card(result, *, unit, cycle, panel, data=None, **extra) -> KpiCard:
    form = None
    if panel.can_edit and result.has_target:
        args = [unit.code, cycle.fiscal_year, result.kpi.pk]
        form = KpiActualForm(
            data,
            prefix=f"kpi{result.kpi.pk}",
            fiscal_year=cycle.fiscal_year,
            today=timezone.localdate(),
            preview_url=reverse("reports:achievement-preview", args=args),
        )
    sheet_url = None if result.has_target else _kpi_sheet_url(unit, cycle, result.kpi)
    return KpiCard(result=result, form=form, sheet_url=sheet_url, **extra)


def _kpi_sheet_url(unit, cycle, kpi) -> str | None:
    """Form 3 of this KPI, where its target is set, if the plans app routes one."""
    for args in ((unit.code, cycle.fiscal_year, kpi.pk), (unit.code, cycle.fiscal_year)):
        try:
            return reverse("plans:kpi-sheet", args=args)
        except NoReverseMatch:
            continue
    return None


def _actuals_page(request, *, unit, cycle, panel, bound=None):
    results = selectors.plan_kpi_results(unit=unit, cycle=cycle)
    cards = [
        bound
        if bound and bound.result.kpi.pk == result.kpi.pk
        else _card(result, unit=unit, cycle=cycle, panel=panel)
        for result in results
    ]
    context = {
        "unit": unit,
        "cycle": cycle,
        "panel": panel,
        "cards": cards,
        "unreported": [c.result.kpi for c in cards if c.result.latest is None],
        "below": [c.result for c in cards if c.result.status == "below"],
    }
    return render(request, "reports/actuals.html", context)


@login_required
@require_safe
def actuals(request, code, year):
    """Step 5: every KPI of the action plan, its latest actual and achievement, and a form."""
    actor, unit, cycle = workspace(request, code, year, roles=UNIT_READERS)
    panel = step_panel(unit=unit, step=step_of(cycle, 5), actor=actor, now=timezone.now())
    return _actuals_page(request, unit=unit, cycle=cycle, panel=panel)


@login_required
@require_POST
def actual_report(request, code, year, kpi_pk):
    """Report a new actual of one KPI; htmx swaps the KPI's card, otherwise redirect."""
    actor, unit, cycle = workspace(request, code, year, roles=UNIT_EDITORS)
    panel = step_panel(unit=unit, step=step_of(cycle, 5), actor=actor, now=timezone.now())
    result = selectors.kpi_result(unit=unit, cycle=cycle, pk=kpi_pk)
    card = _card(result, unit=unit, cycle=cycle, panel=panel, data=request.POST)
    try:
        services.require_reportable(result=result, panel=panel)  # else there is no form
        if card.form.is_valid():
            services.kpi_actual_report(
                result=result,
                cycle=cycle,
                panel=panel,
                actor=request.user,
                now=timezone.now(),
                **card.form.cleaned_data,
            )
            return _reported(request, unit=unit, cycle=cycle, panel=panel, result=result)
    except ValidationError as invalid:
        card.form.add_error(None, invalid)
    except WorkflowError as error:
        if not request.htmx:
            messages.error(request, error.message)
            return redirect(_actuals_url(unit, cycle, kpi_pk))
        card = KpiCard(
            result=card.result, form=card.form, sheet_url=card.sheet_url, error=error.message
        )
    if request.htmx:
        return render(
            request,
            "reports/actuals.html#kpi-card",
            {"unit": unit, "cycle": cycle, "panel": panel, "card": card},
        )
    return _actuals_page(request, unit=unit, cycle=cycle, panel=panel, bound=card)


def _reported(request, *, unit, cycle, panel, result):
    code = result.kpi.code
    if not request.htmx:
        messages.success(request, _("บันทึกผลตัวชี้วัด %(code)s แล้ว") % {"code": code})
        return redirect(_actuals_url(unit, cycle, result.kpi.pk))
    fresh = selectors.kpi_result(unit=unit, cycle=cycle, pk=result.kpi.pk)
    card = _card(fresh, unit=unit, cycle=cycle, panel=panel, saved=True)
    context = {"unit": unit, "cycle": cycle, "panel": panel, "card": card}
    return render(request, "reports/actuals.html#kpi-card", context)


def _actuals_url(unit, cycle, kpi_pk) -> str:
    return reverse("reports:actuals", args=[unit.code, cycle.fiscal_year]) + f"#kpi-{kpi_pk}"


@login_required
@require_POST
def achievement_preview(request, code, year, kpi_pk):
    """The achievement of the value being typed, against the target and the cycle's threshold."""
    _actor, unit, cycle = workspace(request, code, year, roles=UNIT_READERS)
    result = selectors.kpi_result(unit=unit, cycle=cycle, pk=kpi_pk)
    raw = request.POST.get(f"kpi{kpi_pk}-value", request.POST.get("value", ""))
    preview, problem = services.achievement_preview(result=result, typed=raw)
    context = {"result": result, "preview": preview, "problem": problem, "cycle": cycle}
    return render(request, "reports/actuals.html#achievement-preview", context)
