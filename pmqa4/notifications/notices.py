"""Notices of the submission workflow (pmqa4/submissions/workflow.py calls these).

Returned and accepted go to the unit's coordinators, awaiting sign-off to its executives. Each
is called inside the workflow's transaction, after the state change: the notice is saved with
the change (or not at all) and sent once it commits. Its key is the workflow event's, so one
event is told once.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from pmqa4.core.thai import format_be_date
from pmqa4.org.models import Role, User
from pmqa4.submissions.models import EventKind
from pmqa4.submissions.pages import step_page_url

from .models import Kind
from .notify import Message, notify


def unit_people(unit, role: str):
    """The active people holding ``role`` for ``unit``."""
    return User.objects.filter(
        role_grants__unit=unit, role_grants__role=role, is_active=True
    ).distinct()


def _latest_event(submission, kind: str):
    return submission.events.filter(kind=kind).order_by("-at", "-id").first()


def _about(submission) -> dict:
    return {
        "unit": submission.unit.name_th,
        "step": submission.step.get_number_display(),
        "year": submission.step.cycle.fiscal_year,
    }


def _step_page(submission) -> str:
    return step_page_url(submission.unit, submission.step.cycle.fiscal_year, submission.step.number)


def submission_returned(submission) -> None:
    """The central group returned the step for correction: its coordinators must act."""
    event = _latest_event(submission, EventKind.RETURNED)
    with translation.override(settings.LANGUAGE_CODE):
        about = _about(submission)
        lines = [
            _("กลุ่มพัฒนาระบบบริหารส่งงานของ %(unit)s กลับให้แก้ไข: %(step)s (ปีงบประมาณ %(year)s)") % about
        ]
        if event and event.comment:
            lines.append(_("สิ่งที่ต้องแก้ไข: %(comment)s") % {"comment": event.comment})
        if event and event.correction_due:
            lines.append(
                _("กรุณาส่งฉบับแก้ไขภายใน %(date)s")
                % {"date": format_be_date(event.correction_due, "long")}
            )
        message = Message(
            kind=Kind.RETURNED,
            key=f"submission:{submission.pk}:returned:{event.pk if event else 0}",
            title=_("ส่งกลับแก้ไข: %(step)s") % about,
            body="\n".join(lines),
            link=_step_page(submission),
        )
    notify(unit_people(submission.unit, Role.COORDINATOR), message)


def submission_accepted(submission) -> None:
    """The central group accepted the step: its coordinators hear that it is done."""
    event = _latest_event(submission, EventKind.ACCEPTED)
    with translation.override(settings.LANGUAGE_CODE):
        about = _about(submission)
        message = Message(
            kind=Kind.ACCEPTED,
            key=f"submission:{submission.pk}:accepted:{event.pk if event else 0}",
            title=_("ผ่านการตรวจรับ: %(step)s") % about,
            body=_("กลุ่มพัฒนาระบบบริหารตรวจรับงานของ %(unit)s แล้ว: %(step)s (ปีงบประมาณ %(year)s)")
            % about,
            link=_step_page(submission),
        )
    notify(unit_people(submission.unit, Role.COORDINATOR), message)


def submission_awaiting_sign_off(submission) -> None:
    """The coordinator asked the executives to sign: they get the page where they sign."""
    event = _latest_event(submission, EventKind.SENT_FOR_SIGN_OFF)
    step = submission.step
    with translation.override(settings.LANGUAGE_CODE):
        about = _about(submission)
        message = Message(
            kind=Kind.AWAITING_SIGN_OFF,
            key=f"submission:{submission.pk}:sign-off:{event.pk if event else 0}",
            title=_("รอท่านลงนาม: %(step)s") % about,
            body=_(
                "ผู้ประสานงานของ %(unit)s เสนอแบบฟอร์มให้ท่านลงนาม: %(step)s (ปีงบประมาณ %(year)s) "
                "งานจะนับว่าส่งแล้วเมื่อท่านลงนาม"
            )
            % about,
            link=reverse(
                "submissions:sign",
                kwargs={
                    "code": submission.unit.code,
                    "year": step.cycle.fiscal_year,
                    "step": step.number,
                },
            ),
        )
    notify(unit_people(submission.unit, Role.EXECUTIVE), message)
