"""How the dashboard shows a unit's step: a status with its own colour, icon and Thai text.

The statuses are pmqa4.submissions.status.StepStatus (the same rule everywhere); the dashboard
only gives each one a colour of its own (the shared badges reuse red and yellow for two
statuses each, which a matrix of 90 units × 4 steps cannot afford) and adds a short note where
the status hides something the central group asks about: which state overdue work is in, and
whether a returned or accepted step was first sent late.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from pmqa4.core.fiscal import end_of_day
from pmqa4.submissions.models import State
from pmqa4.submissions.status import StepStatus

# Display order: from nothing done to done, the problems after the work they concern.
ORDER = (
    StepStatus.NOT_STARTED,
    StepStatus.DRAFT,
    StepStatus.AWAITING_SIGN_OFF,
    StepStatus.ON_TIME,
    StepStatus.LATE,
    StepStatus.OVERDUE,
    StepStatus.RETURNED,
    StepStatus.ACCEPTED,
)

LABELS = {status: status.label for status in ORDER} | {
    # "Late" is a late submission; unsubmitted work past its due date must read differently.
    StepStatus.OVERDUE: _("เลยกำหนดส่ง (ยังไม่ส่ง)"),
}

# (chart colour, CSS class of the badge); the badge classes are in static/css/dashboard.css.
COLOURS = {
    StepStatus.NOT_STARTED: "#6c757d",
    StepStatus.DRAFT: "#0aa2c0",
    StepStatus.AWAITING_SIGN_OFF: "#6f42c1",
    StepStatus.ON_TIME: "#0d6efd",
    StepStatus.LATE: "#fd7e14",
    StepStatus.OVERDUE: "#dc3545",
    StepStatus.RETURNED: "#e0a800",
    StepStatus.ACCEPTED: "#198754",
}

ICONS = {
    StepStatus.NOT_STARTED: "bi-circle",
    StepStatus.DRAFT: "bi-pencil-square",
    StepStatus.AWAITING_SIGN_OFF: "bi-pen",
    StepStatus.ON_TIME: "bi-check-circle-fill",
    StepStatus.LATE: "bi-clock-history",
    StepStatus.OVERDUE: "bi-exclamation-triangle-fill",
    StepStatus.RETURNED: "bi-arrow-return-left",
    StepStatus.ACCEPTED: "bi-patch-check-fill",
}

_STATE_NOTES = {
    None: _("ยังไม่เริ่ม"),
    State.DRAFT: _("ร่าง"),
    State.AWAITING_SIGN_OFF: _("รอผู้บริหารลงนาม"),
}


def label(status: str) -> str:
    return str(LABELS[StepStatus(status)])


def css_class(status: str) -> str:
    return f"dash-status-{status}"


@dataclass(frozen=True)
class Cell:
    """One unit's one submitted step on the dashboard."""

    step_number: int
    status: StepStatus
    due_on: dt.date
    extended: bool
    url: str
    note: str = ""

    @property
    def label(self) -> str:
        return str(LABELS[self.status])

    @property
    def css(self) -> str:
        return css_class(self.status)

    @property
    def icon(self) -> str:
        return ICONS[self.status]

    @property
    def text(self) -> str:
        """The status as one line of text, for exports and screen readers."""
        return f"{self.label} · {self.note}" if self.note else self.label


def note_for(step_cell) -> str:
    """What the status alone does not say."""
    submission = step_cell.submission
    if step_cell.status == StepStatus.OVERDUE:
        return str(_STATE_NOTES.get(submission.state if submission else None, ""))
    if (
        step_cell.status in (StepStatus.RETURNED, StepStatus.ACCEPTED)
        and submission.first_submitted_at
        and submission.first_submitted_at > end_of_day(step_cell.due_on)
    ):
        return str(_("ส่งครั้งแรกล่าช้า"))
    return ""


def cell_of(step_cell, *, review_url, step_url) -> Cell:
    """A submission opens at its review page (``review_url(pk)``); a step not yet started at
    the unit's own step page (``step_url(step number)``)."""
    submission = step_cell.submission
    number = step_cell.step.number
    return Cell(
        step_number=number,
        status=step_cell.status,
        due_on=step_cell.due_on,
        extended=step_cell.extended,
        url=review_url(submission.pk) if submission is not None else step_url(number),
        note=note_for(step_cell),
    )
