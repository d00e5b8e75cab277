"""Notices of the workflow, driven through the real workflow functions and pages."""

import datetime as dt

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from pmqa4.core.errors import WorkflowError
from pmqa4.core.testing.factories import RosterFactory, TeamMemberFactory, bangkok, person
from pmqa4.notifications.models import Delivery, Kind, Notification
from pmqa4.org.models import Role
from pmqa4.submissions.workflow import (
    submission_accept,
    submission_for,
    submission_request_sign_off,
    submission_return,
    submission_submit,
)

pytestmark = pytest.mark.django_db
NOW = bangkok("2025-01-30 15:00")


@pytest.fixture
def submitted_roster(cast, cycle):
    TeamMemberFactory(roster=RosterFactory(unit=cast.unit_a, cycle=cycle))
    submission = submission_for(unit=cast.unit_a, step=cycle.steps.get(number=1))
    return submission_submit(submission=submission, actor=cast.coordinator_a, now=NOW)


def told(kind) -> list[str]:
    return sorted(
        Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True)
    )


def test_a_return_tells_the_units_coordinators_with_the_comment_and_the_date(
    cast, submitted_roster, django_capture_on_commit_callbacks
):
    second = person(Role.COORDINATOR, cast.unit_a, username="coord.a2")
    with django_capture_on_commit_callbacks(execute=True):
        submission_return(
            submission=submitted_roster,
            actor=cast.central,
            comment="กรุณาระบุเบอร์โทรศัพท์ของสมาชิก",
            correction_due=dt.date(2025, 2, 7),
            now=NOW,
        )
    assert told(Kind.RETURNED) == ["coord.a", "coord.a2"]  # not the executive, not unit B
    note = Notification.objects.get(recipient=second)
    assert note.title == "ส่งกลับแก้ไข: ขั้นตอนที่ ๑ ส่งรายชื่อทีมงาน PMQA Team"
    assert "สิ่งที่ต้องแก้ไข: กรุณาระบุเบอร์โทรศัพท์ของสมาชิก" in note.body
    assert "กรุณาส่งฉบับแก้ไขภายใน 7 กุมภาพันธ์ 2568" in note.body
    assert note.link == "/units/OPS-AAA/2568/roster/"
    assert sorted(m.to[0] for m in mail.outbox) == [
        "coord.a2@example.go.th",
        "coord.a@example.go.th",
    ]
    assert mail.outbox[0].subject.startswith("[PMQA 4.0] ส่งกลับแก้ไข:")


def test_an_acceptance_tells_the_coordinators(
    cast, submitted_roster, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submission_accept(submission=submitted_roster, actor=cast.central, now=NOW)
    assert told(Kind.ACCEPTED) == ["coord.a"]
    note = Notification.objects.get(kind=Kind.ACCEPTED)
    assert "ตรวจรับงานของ กองทดสอบเอ แล้ว" in note.body
    assert [m.to for m in mail.outbox] == [["coord.a@example.go.th"]]


def test_awaiting_sign_off_tells_the_executives_with_the_page_where_they_sign(
    cast, cycle, django_capture_on_commit_callbacks
):
    submission = submission_for(unit=cast.unit_a, step=cycle.steps.get(number=3))
    with django_capture_on_commit_callbacks(execute=True):
        submission_request_sign_off(submission=submission, actor=cast.coordinator_a, now=NOW)
    assert told(Kind.AWAITING_SIGN_OFF) == ["exec.a"]
    note = Notification.objects.get()
    assert note.title.startswith("รอท่านลงนาม: ขั้นตอนที่ ๓")
    assert note.link == "/units/OPS-AAA/2568/steps/3/sign/"
    assert [m.to for m in mail.outbox] == [["exec.a@example.go.th"]]


def test_a_second_return_after_a_resubmission_is_a_new_notice(
    cast, submitted_roster, django_capture_on_commit_callbacks
):
    for _round in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            submission_return(
                submission=submitted_roster,
                actor=cast.central,
                comment="แก้ไข",
                correction_due=None,
                now=NOW,
            )
            submission_submit(submission=submitted_roster, actor=cast.coordinator_a, now=NOW)
    assert told(Kind.RETURNED) == ["coord.a", "coord.a"]
    assert len(mail.outbox) == 2


def test_nothing_is_told_or_sent_when_the_change_is_not_saved(
    cast, submitted_roster, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(WorkflowError):
            submission_return(
                submission=submitted_roster,
                actor=cast.central,
                comment=" ",
                correction_due=None,
                now=NOW,
            )
        with pytest.raises(RuntimeError), transaction.atomic():
            submission_accept(submission=submitted_roster, actor=cast.central, now=NOW)
            raise RuntimeError("the caller's transaction fails after the acceptance")
    assert Notification.objects.count() == 0 and Delivery.objects.count() == 0
    assert mail.outbox == []


def test_the_notice_is_saved_with_the_change_even_when_sending_waits(
    cast, submitted_roster, settings
):
    """NOTIFY_SEND_IMMEDIATELY off: the delivery waits, pending, for the scheduled run."""
    settings.NOTIFY_SEND_IMMEDIATELY = False
    submission_accept(submission=submitted_roster, actor=cast.central, now=NOW)
    assert list(Delivery.objects.values_list("status", "attempts")) == [("pending", 0)]
    assert mail.outbox == []


def test_returning_through_the_review_page_notifies(
    client, cast, submitted_roster, django_capture_on_commit_callbacks
):
    client.force_login(cast.central)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("submissions:return", args=[submitted_roster.pk]),
            {"comment": "แนบหลักฐานเพิ่ม", "correction_due": ""},
        )
    assert response.status_code == 302
    assert told(Kind.RETURNED) == ["coord.a"]
    assert "แนบหลักฐานเพิ่ม" in mail.outbox[0].body
