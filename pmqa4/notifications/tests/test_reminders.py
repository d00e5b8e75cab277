"""Who is reminded, of what and when: FY2568's step 3 is due on Friday 31 January 2025."""

import datetime as dt

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pmqa4.core.testing.factories import UnitFactory, bangkok, person
from pmqa4.cycles.models import StepExtension
from pmqa4.notifications.models import Delivery, Kind, Notification
from pmqa4.notifications.reminders import due_reminders, reminder_days, threshold_for
from pmqa4.notifications.service import send_reminders
from pmqa4.org.models import Role
from pmqa4.submissions.models import State, Submission

pytestmark = pytest.mark.django_db

DUE_3 = dt.date(2025, 1, 31)


def day(n_before: int) -> dt.date:
    return DUE_3 - dt.timedelta(days=n_before)


def reminded(today) -> dict[str, set[str]]:
    """unit code → usernames reminded by a run on ``today``."""
    send_reminders(today=today, now=bangkok(f"{today} 08:00"))
    found: dict[str, set[str]] = {}
    for n in Notification.objects.filter(kind=Kind.REMINDER).select_related("recipient"):
        code = n.key.split(":")[2]
        found.setdefault(code, set()).add(n.recipient.username)
    return found


def by_unit(cast, found) -> dict[str, set[str]]:
    names = {str(cast.unit_a.pk): "A", str(cast.unit_b.pk): "B"}
    return {names.get(k, k): v for k, v in found.items()}


@pytest.mark.parametrize(
    ("text", "days"), [("7,1", [7, 1]), ("1, 7,7", [7, 1]), ("", []), ("14,x,3", [14, 3])]
)
def test_reminder_days_are_read_from_the_cycle(cycle, text, days):
    cycle.reminder_days = text
    assert reminder_days(cycle) == days


@pytest.mark.parametrize(
    ("days_left", "owed"),
    [(9, None), (8, None), (7, 7), (5, 7), (2, 7), (1, 1), (0, 1), (-1, None)],
)
def test_the_threshold_owed_at_each_distance_from_the_due_date(days_left, owed):
    assert threshold_for(days_left, [7, 1]) == owed


def test_coordinators_and_executives_of_units_that_have_not_submitted_are_reminded(cast, cycle):
    found = by_unit(cast, reminded(day(7)))
    # unit A's coordinator and executive, unit B's coordinator; not A's staff member without a
    # role, not the central roles, not the central group's unit (it does not take part)
    assert found == {"A": {"coord.a", "exec.a"}, "B": {"coord.b"}}
    keys = set(Notification.objects.values_list("key", flat=True))
    step3 = cycle.steps.get(number=3)
    assert keys == {
        f"reminder:{step3.pk}:{cast.unit_a.pk}:2025-01-31:7",
        f"reminder:{step3.pk}:{cast.unit_b.pk}:2025-01-31:7",
    }


def test_the_reminder_says_what_is_due_when_in_thai(cast, cycle):
    reminded(day(7))
    note = Notification.objects.get(recipient=cast.coordinator_a)
    assert (
        note.title == "เตือน: ขั้นตอนที่ ๓ แผนระยะ ๓ ปี แผนปฏิบัติการ และรายละเอียดตัวชี้วัด ครบกำหนดส่งในอีก 7 วัน"
    )
    assert "กองทดสอบเอ ยังไม่ได้ส่ง" in note.body
    assert "กำหนดส่ง: 31 มกราคม 2568 ภายในเวลา 23:59 น." in note.body
    assert "สถานะปัจจุบัน: ยังไม่เริ่ม" in note.body
    assert note.link == "/units/OPS-AAA/2568/plans/"


def test_reminders_go_out_7_and_1_days_before_and_on_no_other_day(cast, cycle):
    sent_on = {}
    for n_before in range(10, -3, -1):
        before = Notification.objects.count()
        reminded(day(n_before))
        sent_on[n_before] = Notification.objects.count() - before
    assert {n: c for n, c in sent_on.items() if c} == {7: 3, 1: 3}
    titles = set(Notification.objects.values_list("title", flat=True))
    assert any(t.endswith("ครบกำหนดส่งพรุ่งนี้") for t in titles)


def test_a_unit_that_submitted_gets_no_reminder(cast, cycle):
    at = bangkok("2025-01-20 10:00")
    Submission.objects.create(
        unit=cast.unit_b,
        step=cycle.steps.get(number=3),
        state=State.SUBMITTED,
        first_submitted_at=at,
        last_submitted_at=at,
    )
    assert by_unit(cast, reminded(day(7))) == {"A": {"coord.a", "exec.a"}}


@pytest.mark.parametrize("state", [State.RETURNED, State.RESUBMITTED, State.ACCEPTED])
def test_submitted_then_returned_or_accepted_is_not_reminded_of_the_due_date(cast, cycle, state):
    at = bangkok("2025-01-20 10:00")
    Submission.objects.create(
        unit=cast.unit_a,
        step=cycle.steps.get(number=3),
        state=state,
        first_submitted_at=at,
        last_submitted_at=at,
    )
    assert set(by_unit(cast, reminded(day(7)))) == {"B"}


def test_a_draft_and_forms_awaiting_signature_are_still_reminded(cast, cycle):
    Submission.objects.create(
        unit=cast.unit_a, step=cycle.steps.get(number=3), state=State.AWAITING_SIGN_OFF
    )
    Submission.objects.create(unit=cast.unit_b, step=cycle.steps.get(number=3), state=State.DRAFT)
    reminded(day(1))
    executive = Notification.objects.get(recipient=cast.executive_a)
    coordinator = Notification.objects.get(recipient=cast.coordinator_a)
    assert "รอผู้บริหารลงนาม" in executive.body
    # the executive is sent where they sign, the coordinator to the step's page
    assert executive.link == "/units/OPS-AAA/2568/steps/3/sign/"
    assert coordinator.link == "/units/OPS-AAA/2568/plans/"
    assert "สถานะปัจจุบัน: ร่าง ยังไม่ได้ส่ง" in Notification.objects.get(recipient=cast.coordinator_b).body


def test_a_unit_with_an_extension_is_reminded_before_its_own_due_date(cast, cycle):
    StepExtension.objects.create(
        step=cycle.steps.get(number=3),
        unit=cast.unit_b,
        due_on=dt.date(2025, 2, 14),
        reason="จังหวัดห่างไกล",
        granted_by=cast.central,
    )
    assert set(by_unit(cast, reminded(day(7)))) == {"A"}  # not B: its date is 14 February
    assert set(by_unit(cast, reminded(dt.date(2025, 2, 7)))) == {"A", "B"}  # B's 7 days
    extended = Notification.objects.get(recipient=cast.coordinator_b)
    assert "กำหนดส่ง: 14 กุมภาพันธ์ 2568" in extended.body
    assert "ขยายให้หน่วยงานของท่าน" in extended.body
    assert Notification.objects.filter(recipient=cast.coordinator_a).count() == 1


def test_the_cycle_setting_decides_the_days(cast, cycle):
    cycle.reminder_days = "3"
    cycle.save()
    assert reminded(day(7)) == {}
    assert set(by_unit(cast, reminded(day(3)))) == {"A", "B"}
    reminded(day(1))  # 1 day left: the 3-day reminder was sent already
    assert Notification.objects.count() == 3


def test_a_missed_day_is_caught_up_once(cast, cycle):
    """The server was down on the 7-days-before day: the next run reminds, the one after not."""
    assert set(by_unit(cast, reminded(day(5)))) == {"A", "B"}
    first = Notification.objects.count()
    reminded(day(4))
    assert Notification.objects.count() == first
    assert "ครบกำหนดส่งในอีก 5 วัน" in Notification.objects.first().title


def test_inactive_people_and_units_not_taking_part_are_left_out(cast, cycle):
    cast.executive_a.is_active = False
    cast.executive_a.save()
    quiet = UnitFactory(code="OPS-QQQ", takes_part=False)
    person(Role.COORDINATOR, quiet, username="coord.q")
    assert by_unit(cast, reminded(day(7))) == {"A": {"coord.a"}, "B": {"coord.b"}}


def test_the_selection_takes_the_same_queries_for_2_or_40_units(cast, cycle):
    def count():
        with CaptureQueriesContext(connection) as captured:
            result = due_reminders(day(7))
        return len(captured), len(result)

    small, reminders_small = count()
    for n in range(38):
        unit = UnitFactory(code=f"OPS-X{n:02d}")
        person(Role.COORDINATOR, unit, username=f"coord.x{n}")
    large, reminders_large = count()
    assert (reminders_small, reminders_large) == (2, 40)
    assert small == large == 6  # units, cycles, their steps, extensions, submissions, grants


def test_e_mails_are_sent_to_each_person_reminded(cast, cycle):
    reminded(day(7))
    assert sorted(m.to[0] for m in mail.outbox) == [
        "coord.a@example.go.th",
        "coord.b@example.go.th",
        "exec.a@example.go.th",
    ]
    assert Delivery.objects.filter(status="sent").count() == 3
