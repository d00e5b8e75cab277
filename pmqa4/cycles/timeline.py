"""What the year's timeline shows, and for whom.

A unit's people see their own unit: its due dates with any extension applied and the status of
its own work. Everyone else (the central group, a visitor) sees the cycle's dates, with the
units that were granted an extension marked. The page's table and the Gantt chart (gantt.py)
are drawn from the same lines, so the chart and its accessible alternative never disagree.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pmqa4.core.fiscal import fiscal_year_bounds
from pmqa4.core.thai import format_be_date, format_number
from pmqa4.org.models import Unit
from pmqa4.submissions.selectors import step_cells
from pmqa4.submissions.status import StepStatus
from pmqa4.teams.models import Meeting
from pmqa4.teams.selectors import AttendanceRate, attendance_rates

from . import gantt
from .models import Cycle, Step, StepExtension

# Row names short enough for the chart's label column; the table keeps the full names.
SHORT_LABELS = {
    1: gettext_lazy("ขั้นตอนที่ ๑ รายชื่อทีมงาน PMQA"),
    2: gettext_lazy("ขั้นตอนที่ ๒ เข้าร่วมประชุม/กิจกรรม"),
    3: gettext_lazy("ขั้นตอนที่ ๓ แผนและรายละเอียดตัวชี้วัด"),
    4: gettext_lazy("ขั้นตอนที่ ๔ รายงานผลการดำเนินงาน"),
    5: gettext_lazy("ขั้นตอนที่ ๕ ผลตามตัวชี้วัด"),
}
ROUND_STEPS = {1: gettext_lazy("ขั้นตอนที่ ๑–๓"), 2: gettext_lazy("ขั้นตอนที่ ๔–๕")}

PAST, CURRENT, LAST_DAY, UPCOMING = "past", "current", "last_day", "upcoming"
WINDOW_TONE = {PAST: "secondary", CURRENT: "primary", LAST_DAY: "warning", UPCOMING: "light"}
WINDOW_TEXT = {
    PAST: gettext_lazy("สิ้นสุดแล้ว"),
    CURRENT: gettext_lazy("อยู่ในช่วงดำเนินการ"),
    LAST_DAY: gettext_lazy("วันนี้วันสุดท้าย"),
    UPCOMING: gettext_lazy("ยังไม่เปิดรับ"),
}


def window_state(opens_on: dt.date | None, due_on: dt.date, today: dt.date) -> str:
    if due_on < today:
        return PAST
    if opens_on and opens_on > today:
        return UPCOMING
    return LAST_DAY if due_on == today else CURRENT


@dataclass(frozen=True)
class StepLine:
    """One step for this viewer: a row of the table and a row of the chart."""

    step: Step
    due_on: dt.date
    extension: StepExtension | None  # the viewing unit's own
    status: StepStatus | None  # the viewing unit's work; None for the cycle's view
    colour: str
    note: str
    state: str
    extensions: tuple[StepExtension, ...]  # every unit's, for the cycle's view

    @property
    def short_label(self) -> str:
        return str(SHORT_LABELS[self.step.number])

    @property
    def state_text(self) -> str:
        return str(WINDOW_TEXT[self.state])


@dataclass
class Timeline:
    cycle: Cycle
    today: dt.date
    unit: Unit | None
    lines: list[StepLine]
    rounds: list
    meetings: list[Meeting]
    extensions: list[StepExtension]
    attendance: AttendanceRate | None
    gantt: gantt.Gantt

    @property
    def in_year(self) -> bool:
        return self.cycle.contains(self.today)


def _attendance_note(rate: AttendanceRate) -> str:
    if rate.percent is None:
        return _("ยังไม่มีการประชุมที่ต้องเข้าร่วม")
    return _("เข้าร่วม %(attended)s/%(held)s ครั้ง (ร้อยละ %(percent)s)") % {
        "attended": rate.attended,
        "held": rate.held,
        "percent": format_number(rate.percent, 1),
    }


def _unit_lines(cycle, unit, steps, by_step, today, now) -> tuple[list[StepLine], AttendanceRate]:
    cells = {cell.step.number: cell for cell in step_cells(cycle, [unit], now=now)[unit.pk]}
    rate = attendance_rates(cycle, on=today, unit_ids=[unit.pk])[unit.pk]
    own = {e.step_id: e for group in by_step.values() for e in group if e.unit_id == unit.pk}
    lines = []
    for step in steps:
        cell = cells.get(step.number)
        extension = own.get(step.pk)
        due_on = cell.due_on if cell else step.due_on
        state = window_state(step.opens_on, due_on, today)
        if cell:
            status, colour, note = cell.status, cell.colour, str(cell.status.label)
        else:  # step 2 is the attendance rate, not a submission
            status, note = None, _attendance_note(rate)
            colour = {True: "success", False: "warning"}.get(rate.reached, WINDOW_TONE[state])
        if extension:
            note = _("%(note)s · ขยายกำหนดส่ง") % {"note": note}
        lines.append(StepLine(step, due_on, extension, status, colour, note, state, ()))
    return lines, rate


def _cycle_lines(steps, by_step, today) -> list[StepLine]:
    lines = []
    for step in steps:
        state = window_state(step.opens_on, step.due_on, today)
        granted = tuple(by_step.get(step.pk, ()))
        note = str(WINDOW_TEXT[state])
        if granted:
            note = _("%(state)s · ขยายกำหนดส่ง %(count)s หน่วยงาน") % {
                "state": note,
                "count": len(granted),
            }
        lines.append(
            StepLine(step, step.due_on, None, None, WINDOW_TONE[state], note, state, granted)
        )
    return lines


def _window(line: StepLine, cycle_view: bool) -> gantt.Window:
    step = line.step
    extended = ()
    if cycle_view:
        days: dict[dt.date, list[str]] = {}
        for ext in line.extensions:
            days.setdefault(ext.due_on, []).append(f"{ext.unit.code} {ext.unit.name_th}")
        extended = tuple(
            (
                day,
                _("ขยายกำหนดส่งถึง %(day)s: %(units)s")
                % {"day": format_be_date(day, "long"), "units": ", ".join(names)},
            )
            for day, names in sorted(days.items())
        )
    return gantt.Window(
        label=line.short_label,
        note=line.note,
        opens_on=step.opens_on,
        due_on=line.due_on,
        tone=line.colour,
        title=str(step.get_number_display()),
        original_due_on=step.due_on if line.extension else None,
        extended=extended,
        # step 2 is not sent: the meetings count up to its date
        due_label=(
            _("นับถึง %(day)s") % {"day": format_be_date(line.due_on, "short2")}
            if step.number == 2
            else ""
        ),
    )


def _round_event(round_) -> gantt.Event:
    return gantt.Event(
        round_.assessed_on,
        _("รอบการประเมินที่ %(number)s (%(steps)s) ประเมินวันที่ %(day)s")
        % {
            "number": round_.number,
            "steps": ROUND_STEPS.get(round_.number, ""),
            "day": format_be_date(round_.assessed_on, "long"),
        },
        _("รอบที่ %(number)s · %(day)s")
        % {"number": round_.number, "day": format_be_date(round_.assessed_on, "short2")},
    )


def _meeting_event(number: int, meeting: Meeting) -> gantt.Event:
    counted = _("ต้องเข้าร่วม") if meeting.required else _("ไม่นับเกณฑ์")
    return gantt.Event(
        meeting.held_on,
        _("ครั้งที่ %(number)s: %(title)s · %(day)s · %(counted)s")
        % {
            "number": number,
            "title": meeting.title,
            "day": format_be_date(meeting.held_on, "long"),
            "counted": counted,
        },
        filled=meeting.required,
    )


def timeline_for(
    cycle: Cycle, *, today: dt.date, unit: Unit | None = None, now: dt.datetime | None = None
) -> Timeline:
    """The cycle's steps (prefetched with its rounds by selected_cycle), meetings and extensions,
    in a fixed number of queries: three more for a unit's own status and attendance."""
    now = now or timezone.now()
    steps = list(cycle.steps.all())
    rounds = list(cycle.rounds.all())
    meetings = list(Meeting.objects.filter(cycle=cycle).order_by("held_on", "starts_at", "pk"))
    extensions = list(
        StepExtension.objects.filter(step__cycle=cycle)
        .select_related("unit", "step", "granted_by")
        .order_by("step__number", "due_on", "unit__code")
    )
    by_step: dict[int, list[StepExtension]] = {}
    for extension in extensions:
        by_step.setdefault(extension.step_id, []).append(extension)
    rate = None
    if unit is not None:
        lines, rate = _unit_lines(cycle, unit, steps, by_step, today, now)
    else:
        lines = _cycle_lines(steps, by_step, today)
    first, last = fiscal_year_bounds(cycle.fiscal_year)  # the axis is always October–September
    chart = gantt.layout(
        first=first,
        last=last,
        windows=[_window(line, unit is None) for line in lines],
        rounds=[_round_event(r) for r in rounds],
        meetings=[_meeting_event(n, m) for n, m in enumerate(meetings, start=1)],
        today=today,
        rounds_label=_("รอบการประเมิน"),
        meetings_label=_("การประชุม/กิจกรรม"),
    )
    return Timeline(cycle, today, unit, lines, rounds, meetings, extensions, rate, chart)
