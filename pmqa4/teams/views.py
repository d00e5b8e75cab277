"""Pages of step 1: the roster.

Thin views: an access helper, a form, one service call, then render or redirect. Every roster
page works without JavaScript; with htmx a row is edited in place through the same URLs.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from pmqa4.core.errors import WorkflowError
from pmqa4.core.locking import StaleEdit
from pmqa4.org.permissions import UNIT_EDITORS, UNIT_READERS
from pmqa4.submissions.access import step_of, workspace
from pmqa4.submissions.selectors import step_panel

from . import selectors
from .forms import MemberForm, VersionForm
from .models import TeamMember
from .services import (
    MEMBER_FIELDS,
    roster_member_add,
    roster_member_remove,
    roster_member_update,
)

# ---- Step 1: the roster ------------------------------------------------------------------------


def _roster_workspace(request, code, year, *, roles):
    actor, unit, cycle = workspace(request, code, year, roles=roles)
    panel = step_panel(unit=unit, step=step_of(cycle, 1), actor=actor, now=timezone.now())
    return unit, cycle, panel


def _roster_url(unit, cycle, member=None) -> str:
    url = reverse("teams:roster", args=[unit.code, cycle.fiscal_year])
    return f"{url}#member-{member.pk}" if member else url


def _roster_state(unit, cycle) -> dict:
    roster = selectors.roster_of(unit=unit, cycle=cycle)
    members = selectors.roster_members(unit=unit, cycle=cycle)
    return {
        "version": roster.version if roster else 1,
        "members": members,
        "incomplete": selectors.incomplete_members(members),
    }


def _member_of(unit, cycle, pk) -> TeamMember:
    """A member of this unit's roster for this cycle: any other id is a 404."""
    queryset = TeamMember.objects.select_related("roster")
    return get_object_or_404(queryset, pk=pk, roster__unit=unit, roster__cycle=cycle)


def _back(request, url, message, *, status=None):
    """Back to a page that shows ``message``; htmx follows with a full page load (HX-Redirect)."""
    messages.error(request, message)
    response = HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    if status:
        response.status_code = status
    return response


def _refused(request, unit, cycle):
    return _back(
        request, _roster_url(unit, cycle), _("ขั้นตอนที่ ๑ อยู่ระหว่างส่งหรือส่งแล้ว จึงแก้ไขรายชื่อไม่ได้")
    )


@login_required
def roster(request, code, year):
    """Step 1: the unit's PMQA Team. The coordinator edits while the step is a draft or returned;
    the executive and the central roles read."""
    unit, cycle, panel = _roster_workspace(request, code, year, roles=UNIT_READERS)
    context = {"unit": unit, "cycle": cycle, "panel": panel, **_roster_state(unit, cycle)}
    return render(request, "teams/roster.html", context)


def _form_page(request, unit, cycle, panel, form, member=None, *, status=200, extra=None):
    context = {"unit": unit, "cycle": cycle, "panel": panel, "form": form, "member": member}
    context.update(extra or {})
    if request.htmx:
        if request.method == "GET":  # an in-place form opens with the cursor in it
            form.fields["full_name"].widget.attrs["autofocus"] = True
        return render(request, "teams/roster.html#member-form-row", context, status=status)
    return render(request, "teams/member_form.html", context, status=status)


def _saved(request, unit, cycle, panel, member, message, *, whole):
    """htmx: the changed row (or every row, when numbering moved) and the page's version and
    warnings out of band; without JavaScript: back to the roster page."""
    if not request.htmx:
        messages.success(request, message)
        return redirect(_roster_url(unit, cycle, member))
    state = _roster_state(unit, cycle)
    number = next((n for n, m in enumerate(state["members"], 1) if m == member), None)
    context = {"unit": unit, "cycle": cycle, "panel": panel, "member": member, "number": number}
    context.update(state, whole=whole, status_message=message)
    return render(request, "teams/roster.html#saved", context)


def _conflict(request, unit, cycle, panel, error: StaleEdit, member=None):
    """409: nothing was written. The page shows the stored team and, for an edit, what the other
    save changed next to what this editor typed; the form now carries the current version."""
    if request.htmx:
        url = _roster_url(unit, cycle)
        if member is not None:
            url = reverse("teams:member-edit", args=[unit.code, cycle.fiscal_year, member.pk])
        return _back(request, url, error.message, status=409)
    data = request.POST.copy()
    data["version"] = error.current.version
    form = MemberForm(data, key=member.pk if member else "new")
    differences = []
    if member is not None and form.is_valid():
        member.refresh_from_db()
        differences = selectors.member_differences(member, form.member_fields())
    extra = {"conflict": error, "differences": differences, **_roster_state(unit, cycle)}
    return _form_page(request, unit, cycle, panel, form, member, status=409, extra=extra)


def _member_post(request, unit, cycle, panel, member=None):
    """Adds (``member`` None) or edits a member from the posted form."""
    form = MemberForm(request.POST, key=member.pk if member else "new")
    if form.is_valid():
        version, fields = form.cleaned_data["version"], form.member_fields()
        try:
            if member is None:
                saved = roster_member_add(
                    unit=unit, cycle=cycle, actor=request.user, version=version, fields=fields
                )
                message = _("เพิ่ม %(name)s ในรายชื่อทีมงานแล้ว")
            else:
                saved = roster_member_update(
                    member=member, actor=request.user, version=version, fields=fields
                )
                message = _("บันทึกข้อมูลของ %(name)s แล้ว")
        except StaleEdit as error:
            return _conflict(request, unit, cycle, panel, error, member)
        except ValidationError as error:
            form.add_error(None, error)
        except WorkflowError as error:
            return _back(request, _roster_url(unit, cycle), error.message)
        else:
            message %= {"name": saved.full_name}
            return _saved(request, unit, cycle, panel, saved, message, whole=member is None)
    response = _form_page(request, unit, cycle, panel, form, member)
    if request.htmx and member is None:  # the add form sits in its own slot: replace that row
        response["HX-Retarget"], response["HX-Reswap"] = "#member-new", "outerHTML"
    return response


@login_required
def member_add(request, code, year):
    unit, cycle, panel = _roster_workspace(request, code, year, roles=UNIT_EDITORS)
    if not panel.can_edit:
        return _refused(request, unit, cycle)
    if request.method == "POST":
        return _member_post(request, unit, cycle, panel)
    version = _roster_state(unit, cycle)["version"]
    return _form_page(request, unit, cycle, panel, MemberForm(initial={"version": version}))


@login_required
def member_edit(request, code, year, pk):
    unit, cycle, panel = _roster_workspace(request, code, year, roles=UNIT_EDITORS)
    member = _member_of(unit, cycle, pk)
    if not panel.can_edit:
        return _refused(request, unit, cycle)
    if request.method == "POST":
        return _member_post(request, unit, cycle, panel, member)
    initial = {name: getattr(member, name) for name in MEMBER_FIELDS}
    initial["version"] = member.roster.version
    form = MemberForm(initial=initial, key=member.pk)
    return _form_page(request, unit, cycle, panel, form, member)


@login_required
def member_row(request, code, year, pk):
    """One row as displayed (htmx "cancel" of an in-place edit); a plain visit goes to the page."""
    unit, cycle, panel = _roster_workspace(request, code, year, roles=UNIT_READERS)
    member = _member_of(unit, cycle, pk)
    if not request.htmx:
        return redirect(_roster_url(unit, cycle, member))
    members = selectors.roster_members(unit=unit, cycle=cycle)
    number = members.index(member) + 1
    context = {"unit": unit, "cycle": cycle, "panel": panel, "member": member, "number": number}
    return render(request, "teams/roster.html#member-row", context)


@login_required
def member_remove(request, code, year, pk):
    """GET asks for confirmation (no JavaScript); POST removes."""
    unit, cycle, panel = _roster_workspace(request, code, year, roles=UNIT_EDITORS)
    member = _member_of(unit, cycle, pk)
    if not panel.can_edit:
        return _refused(request, unit, cycle)
    context = {"unit": unit, "cycle": cycle, "panel": panel, "member": member}
    if request.method != "POST":
        context["form"] = VersionForm(initial={"version": member.roster.version})
        return render(request, "teams/member_remove.html", context)
    form = VersionForm(request.POST)
    if not form.is_valid():
        return _back(request, _roster_url(unit, cycle), _("ไม่พบรุ่นของแบบฟอร์ม กรุณาโหลดหน้าใหม่"))
    try:
        version = form.cleaned_data["version"]
        roster_member_remove(member=member, actor=request.user, version=version)
    except StaleEdit as error:
        if request.htmx:
            return _back(request, _roster_url(unit, cycle), error.message, status=409)
        context.update(_roster_state(unit, cycle), conflict=error)
        context["form"] = VersionForm(initial={"version": error.current.version})
        return render(request, "teams/member_remove.html", context, status=409)
    except WorkflowError as error:
        return _back(request, _roster_url(unit, cycle), error.message)
    message = _("นำ %(name)s ออกจากรายชื่อทีมงานแล้ว") % {"name": member.full_name}
    return _saved(request, unit, cycle, panel, None, message, whole=True)


# ---- Step 2: the central group's meetings and attendance ---------------------------------------
