"""Step 2: the central group's meetings and attendance, self check-in, and a unit's meetings."""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from pmqa4.core.errors import WorkflowError
from pmqa4.core.fiscal import BANGKOK
from pmqa4.core.locking import StaleEdit
from pmqa4.core.thai import format_be_date
from pmqa4.cycles.models import Cycle
from pmqa4.org.permissions import UNIT_READERS, actor_of
from pmqa4.submissions.access import workspace

from . import selectors
from .forms import AttendanceFilterForm, MeetingForm, parse_ids
from .models import Meeting
from .services import (
    attendance_check_in,
    attendance_record,
    checkin_refusal,
    checkin_window,
    meeting_create,
    meeting_update,
)

# ---- Step 1: the roster ------------------------------------------------------------------------


def _central(request, *, change: bool):
    """Central pages are not a unit's objects: a unit role is refused (403), not hidden; the
    evaluator reads, only the central administrator changes."""
    actor = actor_of(request)
    if not actor.sees_all_units or (change and not actor.is_central_admin):
        raise PermissionDenied
    return actor


@login_required
def meetings(request, year):
    actor = _central(request, change=request.method == "POST")
    cycle = get_object_or_404(Cycle, fiscal_year=year)
    form = MeetingForm(request.POST or None, initial={"required": True}, cycle=cycle)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meeting_create(cycle=cycle, actor=request.user, fields=form.meeting_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("เพิ่ม %(title)s แล้ว") % {"title": meeting.title})
            return redirect("teams:meetings", year=cycle.fiscal_year)
    context = {
        "cycle": cycle,
        "meetings": selectors.meetings_of(cycle),
        "form": form,
        "can_change": actor.is_central_admin,
    }
    return render(request, "teams/meetings.html", context)


@login_required
def meeting_edit(request, pk):
    _central(request, change=True)
    meeting = get_object_or_404(Meeting.objects.select_related("cycle"), pk=pk)
    initial = MeetingForm.initial_for(meeting)
    form = MeetingForm(request.POST or None, initial=initial, cycle=meeting.cycle)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            meeting_update(
                meeting=meeting,
                actor=request.user,
                fields=form.meeting_fields(),
                version=form.cleaned_data["version"],
            )
        except StaleEdit as stale:
            form, status = _stale_meeting_form(request, stale), 409
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("บันทึก %(title)s แล้ว") % {"title": meeting.title})
            return redirect("teams:meetings", year=meeting.cycle.fiscal_year)
    context = {"cycle": meeting.cycle, "meeting": meeting, "form": form}
    return render(request, "teams/meeting_form.html", context, status=status)


def _stale_meeting_form(request, stale: StaleEdit) -> MeetingForm:
    """409: nothing was written. What this editor typed stays, now against the stored version,
    with what is stored now named, so saving again is a deliberate choice."""
    current = stale.current
    data = request.POST.copy()
    data["version"] = current.version
    form = MeetingForm(data, cycle=current.cycle)
    form.is_valid()
    stored = _("ที่บันทึกไว้ตอนนี้: %(title)s วันที่ %(day)s เวลา %(start)s–%(end)s น. %(place)s") % {
        "title": current.title,
        "day": format_be_date(current.held_on, "short"),
        "start": f"{current.starts_at.astimezone(BANGKOK):%H:%M}",
        "end": f"{current.ends_at.astimezone(BANGKOK):%H:%M}",
        "place": current.location,
    }
    form.add_error(None, f"{stale.message} ({stored.strip()})")
    return form


@login_required
def attendance(request, pk):
    """The tick list: every taking-part unit's team, filtered by unit name or code."""
    actor = _central(request, change=request.method == "POST")
    meeting = get_object_or_404(Meeting.objects.select_related("cycle"), pk=pk)
    query = request.POST.get("q", "") if request.method == "POST" else request.GET.get("q", "")
    filter_form = AttendanceFilterForm({"q": query})
    query = filter_form.cleaned_data["q"] if filter_form.is_valid() else ""
    if request.method == "POST":
        shown = parse_ids(request.POST.getlist("shown"))
        ticked = shown if "tick_all" in request.POST else parse_ids(request.POST.getlist("present"))
        change = attendance_record(
            meeting=meeting,
            actor=request.user,
            shown_ids=shown,
            present_ids=ticked,
            was_present_ids=parse_ids(request.POST.getlist("was")),
            whole_unit_ids=parse_ids(request.POST.getlist("tick_unit")),
        )
        messages.success(
            request,
            _("บันทึกการเข้าร่วมแล้ว: เพิ่ม %(added)s คน นำออก %(removed)s คน")
            % {"added": change.added, "removed": change.removed},
        )
        url = reverse("teams:attendance", args=[meeting.pk])
        return redirect(f"{url}?q={query}" if query else url)
    context = {
        "cycle": meeting.cycle,
        "meeting": meeting,
        "sheet": selectors.attendance_sheet(meeting=meeting, query=query),
        "filter_form": filter_form,
        "query": query,
        "can_change": actor.is_central_admin,
    }
    return render(request, "teams/attendance.html", context)


@login_required
def checkin_qr(request, pk):
    """What the central administrator projects at the meeting: a QR code of the check-in link."""
    _central(request, change=True)
    meeting = get_object_or_404(Meeting.objects.select_related("cycle"), pk=pk)
    link = request.build_absolute_uri(reverse("teams:checkin", args=[meeting.checkin_token]))
    svg = segno.make(link, error="m").svg_inline(
        scale=1, border=4, omitsize=True, svgclass="qr-code", title=_("คิวอาร์โค้ดลงชื่อเข้าร่วม")
    )
    opens, closes = checkin_window(meeting)
    context = {
        "cycle": meeting.cycle,
        "meeting": meeting,
        "link": link,
        "qr_svg": mark_safe(svg),  # made here from our own URL: no user text inside
        "opens": opens,
        "closes": closes,
    }
    return render(request, "teams/checkin_qr.html", context)


@login_required
def checkin(request, token):
    """A team member (or their unit's coordinator, for the members present) signs in at the
    meeting, from half an hour before it starts until it ends."""
    meeting = get_object_or_404(Meeting.objects.select_related("cycle"), checkin_token=token)
    choices = selectors.checkin_choices(meeting=meeting, user=request.user)
    if request.method == "POST":
        if not choices:
            raise PermissionDenied
        try:
            created = attendance_check_in(
                meeting=meeting,
                actor=request.user,
                member_ids=parse_ids(request.POST.getlist("member")),
                now=timezone.now(),
            )
        except WorkflowError as error:
            messages.error(request, error.message)
        else:
            if created:
                messages.success(request, _("ลงชื่อเข้าร่วมแล้ว %(count)s คน") % {"count": created})
            else:
                messages.info(request, _("ลงชื่อไว้แล้ว ไม่มีการเปลี่ยนแปลง"))
        return redirect("teams:checkin", token=token)
    present = selectors.present_member_ids(meeting, choices)
    opens, closes = checkin_window(meeting)
    context = {
        "meeting": meeting,
        "choices": choices,
        "present": present,
        "refusal": checkin_refusal(meeting, timezone.now()),
        "opens": opens,
        "closes": closes,
    }
    return render(request, "teams/checkin.html", context)


@login_required
def unit_meetings(request, code, year):
    """Step 2 for a unit: the cycle's meetings, who of its team attended, its rate."""
    _actor, unit, cycle = workspace(request, code, year, roles=UNIT_READERS)
    today = timezone.localdate()
    rate = selectors.attendance_rates(cycle, on=today, unit_ids=[unit.pk])[unit.pk]
    context = {
        "unit": unit,
        "cycle": cycle,
        "today": today,
        "rows": selectors.unit_meeting_rows(unit=unit, cycle=cycle),
        "rate": rate,
    }
    return render(request, "teams/unit_meetings.html", context)
