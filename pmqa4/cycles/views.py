"""The year's timeline (anyone), its PDF, and the central administrator's date and extension
pages. Views are thin: timeline.py assembles what is shown, services.py decides changes."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pmqa4.core.errors import WorkflowError
from pmqa4.documents.weasy import FONTS, write_pdf
from pmqa4.org.models import Role
from pmqa4.org.permissions import actor_of, central_admin_of, units_visible_to

from . import services
from .forms import CycleDatesForm, ExtensionForm
from .models import Cycle, Round, Step, StepExtension
from .selectors import selected_cycle
from .timeline import timeline_for

UNIT_VIEWERS = (Role.COORDINATOR, Role.EXECUTIVE)


def _cycle(fiscal_year: int | None, today):
    cycle = selected_cycle(str(fiscal_year) if fiscal_year else None, today)
    if cycle is None:
        raise Http404
    return cycle


def _viewing_unit(request):
    """Whose dates the timeline shows: ?unit=CODE among the units this person may see (another
    unit's code is a 404), else a unit person's own unit, else nobody (the cycle's dates)."""
    actor = actor_of(request)
    code = request.GET.get("unit", "").strip()[:20]
    if code:
        if not request.user.is_authenticated:
            raise Http404
        unit = units_visible_to(actor).filter(code=code).first()
        if unit is None:
            raise Http404
        return unit, actor
    if actor.sees_all_units:
        return None, actor
    own = actor.unit_ids(UNIT_VIEWERS)
    if not own:
        return None, actor
    return units_visible_to(actor).filter(pk__in=own).order_by("code").first(), actor


def _timeline_context(request, fiscal_year):
    today = timezone.localdate()
    cycle = _cycle(fiscal_year, today)
    unit, actor = _viewing_unit(request)
    own_units = []
    if request.user.is_authenticated and not actor.sees_all_units:
        own_units = list(
            units_visible_to(actor).filter(pk__in=actor.unit_ids(UNIT_VIEWERS)).order_by("code")
        )
    return {
        "timeline": timeline_for(cycle, today=today, unit=unit),
        "cycle": cycle,
        "today": today,
        "can_change": actor.is_central_admin,
        "sees_all_units": actor.sees_all_units,
        "own_units": own_units,
    }


def cycle_timeline(request, fiscal_year: int | None = None):
    """The year's timeline (the current year's by default): a Gantt chart and its table."""
    return render(request, "cycles/timeline.html", _timeline_context(request, fiscal_year))


def timeline_pdf(request, fiscal_year: int):
    """The same timeline as an A4 landscape PDF: the chart, then the tables."""
    context = _timeline_context(request, fiscal_year)
    context["fonts"] = FONTS.as_uri()
    context["printed_at"] = timezone.localtime()
    html = render_to_string("cycles/timeline_pdf.html", context, request=request)
    unit = context["timeline"].unit
    name = f"timeline_{fiscal_year}{'_' + unit.code if unit else ''}.pdf"
    response = HttpResponse(write_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _posted(request):
    """The form's data on a POST, even an empty one (so it is refused with its messages)."""
    return request.POST if request.method == "POST" else None


def _year(fiscal_year: int) -> Cycle:
    return get_object_or_404(
        Cycle.objects.prefetch_related("rounds", "steps"), fiscal_year=fiscal_year
    )


@login_required
def dates_edit(request, fiscal_year: int):
    central_admin_of(request)
    cycle = _year(fiscal_year)
    steps = list(Step.objects.filter(cycle=cycle).order_by("number"))
    rounds = list(Round.objects.filter(cycle=cycle))
    form = CycleDatesForm(_posted(request), cycle=cycle, steps=steps, rounds=rounds)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.cycle_dates_update(
                cycle=cycle, values=form.values(), seen=form.cleaned_data["seen"]
            )
        except services.DatesChanged as stale:
            data = request.POST.copy()
            data["seen"] = json.dumps(stale.current)
            form = CycleDatesForm(data, cycle=cycle, steps=steps, rounds=rounds)
            form.is_valid()
            lines = "; ".join(
                _("%(what)s: ท่านเห็น %(seen)s ขณะนี้ %(now)s")
                % {"what": what, "seen": seen, "now": now}
                for what, seen, now in stale.changes
            )
            form.add_error(None, f"{stale.message} ({lines})")
            status = 409
        except ValidationError as error:
            form.add_error(None, error.messages)
            status = 400
        else:
            if changed:
                messages.success(
                    request, _("บันทึกวันที่แล้ว: %(fields)s") % {"fields": ", ".join(changed)}
                )
            else:
                messages.info(request, _("ไม่มีวันที่เปลี่ยนแปลง"))
            return redirect("cycles:timeline", fiscal_year=cycle.fiscal_year)
    elif request.method == "POST":
        status = 400  # invalid: the form shows why
    context = {"cycle": cycle, "form": form}
    return render(request, "cycles/dates_form.html", context, status=status)


@login_required
def extensions(request, fiscal_year: int):
    """Every unit's extensions of the year, and the form that grants one."""
    central_admin_of(request)
    cycle = _year(fiscal_year)
    form = ExtensionForm(_posted(request), cycle=cycle)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                extension = services.extension_grant(
                    step=form.chosen_step(),
                    unit=form.cleaned_data["unit"],
                    due_on=form.cleaned_data["due_on"],
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            except WorkflowError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("ขยายกำหนดส่งให้ %(unit)s แล้ว") % {"unit": extension.unit.name_th},
                )
                return redirect("cycles:extensions", fiscal_year=cycle.fiscal_year)
    granted = (
        StepExtension.objects.filter(step__cycle=cycle)
        .select_related("unit", "step", "granted_by")
        .order_by("step__number", "unit__code")
    )
    context = {"cycle": cycle, "form": form, "extensions": granted}
    return render(request, "cycles/extensions.html", context, status=status)


def _extension(cycle: Cycle, pk: int) -> StepExtension:
    return get_object_or_404(
        StepExtension.objects.select_related("unit", "step", "granted_by"), pk=pk, step__cycle=cycle
    )


@login_required
def extension_edit(request, fiscal_year: int, pk: int):
    central_admin_of(request)
    cycle = _year(fiscal_year)
    extension = _extension(cycle, pk)
    extension.step.cycle = cycle  # with its rounds, for the rules
    form = ExtensionForm(_posted(request), cycle=cycle, extension=extension)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.extension_update(
                    extension=extension,
                    due_on=form.cleaned_data["due_on"],
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                    seen=form.cleaned_data["seen"],
                )
            except services.ExtensionChanged as stale:
                if stale.current is None:
                    messages.warning(request, stale.message)
                    return redirect("cycles:extensions", fiscal_year=cycle.fiscal_year)
                data = request.POST.copy()
                data["seen"] = services.extension_stamp(stale.current)
                form = ExtensionForm(data, cycle=cycle, extension=stale.current)
                form.is_valid()
                form.add_error(None, stale.message)
                status = 409
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(
                    request,
                    _("บันทึกการขยายกำหนดส่งของ %(unit)s แล้ว") % {"unit": extension.unit.name_th},
                )
                return redirect("cycles:extensions", fiscal_year=cycle.fiscal_year)
    context = {"cycle": cycle, "form": form, "extension": extension}
    return render(request, "cycles/extension_form.html", context, status=status)


@require_POST
@login_required
def extension_revoke(request, fiscal_year: int, pk: int):
    central_admin_of(request)
    cycle = _year(fiscal_year)
    extension = _extension(cycle, pk)
    try:
        services.extension_revoke(extension=extension, seen=request.POST.get("seen", "")[:64])
    except services.ExtensionChanged as stale:
        messages.warning(request, stale.message)
        if stale.current is not None:
            return redirect("cycles:extension-edit", fiscal_year=cycle.fiscal_year, pk=pk)
    else:
        messages.success(
            request,
            _("ยกเลิกการขยายกำหนดส่ง%(step)sของ %(unit)s แล้ว")
            % {"step": services.step_name(extension.step.number), "unit": extension.unit.name_th},
        )
    return redirect("cycles:extensions", fiscal_year=cycle.fiscal_year)
