"""The status a person sees for a unit's step: the workflow state, read against the due date."""

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import State


class StepStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("ยังไม่เริ่ม")
    DRAFT = "draft", _("ร่าง")
    AWAITING_SIGN_OFF = "awaiting_sign_off", _("รอผู้บริหารลงนาม")
    OVERDUE = "overdue", _("เลยกำหนดส่ง")
    ON_TIME = "on_time", _("ส่งแล้วตรงเวลา")
    LATE = "late", _("ส่งล่าช้า")
    RETURNED = "returned", _("ส่งกลับแก้ไข")
    ACCEPTED = "accepted", _("ผ่านการตรวจรับ")


# Bootstrap colour of each status; the text always says the status too (never colour alone).
STATUS_COLOUR = {
    StepStatus.NOT_STARTED: "secondary",
    StepStatus.DRAFT: "info",
    StepStatus.AWAITING_SIGN_OFF: "warning",
    StepStatus.OVERDUE: "danger",
    StepStatus.ON_TIME: "primary",
    StepStatus.LATE: "danger",
    StepStatus.RETURNED: "warning",
    StepStatus.ACCEPTED: "success",
}


def step_status(
    *,
    state: str | None,
    first_submitted_at: dt.datetime | None,
    due_at: dt.datetime,
    now: dt.datetime,
) -> StepStatus:
    """Unsubmitted work past its due date is overdue; a first submission after it is late."""
    if state in (None, State.DRAFT, State.AWAITING_SIGN_OFF):
        if now > due_at:
            return StepStatus.OVERDUE
        if state is None:
            return StepStatus.NOT_STARTED
        return StepStatus.DRAFT if state == State.DRAFT else StepStatus.AWAITING_SIGN_OFF
    if state == State.RETURNED:
        return StepStatus.RETURNED
    if state == State.ACCEPTED:
        return StepStatus.ACCEPTED
    return StepStatus.LATE if first_submitted_at > due_at else StepStatus.ON_TIME
