"""Editing the cycle's dates: who may, the Thai messages for bad dates, optimistic locking and
the audit trail."""

import datetime as dt
import json

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from pmqa4.cycles.models import Cycle, Round, Step

from .timeline_world import dates_data, extend, meetings, seed_dates, signed_in

pytestmark = pytest.mark.django_db
URL = reverse("cycles:dates", args=[2568])
EXTENSIONS = reverse("cycles:extensions", args=[2568])


@pytest.fixture
def year(cycle):
    return seed_dates(cycle)


@pytest.fixture
def admin(cast):
    return signed_in(cast.central)


def stored(cycle) -> dict:
    steps = {s.number: (s.opens_on, s.due_on) for s in Step.objects.filter(cycle=cycle)}
    rounds = {r.number: r.assessed_on for r in Round.objects.filter(cycle=cycle)}
    fresh = Cycle.objects.get(pk=cycle.pk)
    return {"cycle": (fresh.starts_on, fresh.ends_on), "steps": steps, "rounds": rounds}


def errors(response) -> dict:
    return {name: list(errs) for name, errs in response.context["form"].errors.items()}


# Who may ------------------------------------------------------------------------------------


def _urls(cycle, extension):
    return [
        URL,
        EXTENSIONS,
        reverse("cycles:extension-edit", args=[2568, extension.pk]),
    ]


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("central", 200),
        ("evaluator", 403),
        ("coordinator_a", 403),
        ("executive_a", 403),
        ("staff_a", 403),
    ],
)
def test_only_the_central_administrator_opens_the_date_and_extension_pages(cast, year, who, status):
    extension = extend(year, cast.unit_a, cast.central)
    client = signed_in(getattr(cast, who))
    for url in _urls(year, extension):
        assert client.get(url).status_code == status, url
        if status == 403:
            assert client.post(url, {}).status_code == 403, url
    revoke = reverse("cycles:extension-revoke", args=[2568, extension.pk])
    seen = {"seen": extension.updated_at.isoformat()}
    assert client.post(revoke, seen).status_code == (302 if status == 200 else 403)


def test_anonymous_visitors_are_sent_to_the_login_page(client, cast, year):
    extension = extend(year, cast.unit_a, cast.central)
    for url in _urls(year, extension):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_a_year_without_a_cycle_is_not_found(admin, year):
    assert admin.get(reverse("cycles:dates", args=[2570])).status_code == 404


# Saving -------------------------------------------------------------------------------------


def test_the_form_shows_the_stored_dates(admin, year):
    page = admin.get(URL).content.decode()
    assert 'name="step_1_due_on" value="29/11/2567"' in page
    assert 'name="round_1_assessed_on" value="31/3/2568"' in page
    assert 'placeholder="วว/ดด/ปปปป"' in page
    assert "ขั้นตอนที่ ๓ แผนระยะ ๓ ปี แผนปฏิบัติการ และรายละเอียดตัวชี้วัด" in page


def test_a_saved_date_is_stored_and_audited_with_who_changed_it(cast, admin, year):
    step = year.steps.get(number=3)
    response = admin.post(URL, dates_data(year, step_3_due_on="7/2/2568"))
    assert response.status_code == 302
    assert response["Location"] == reverse("cycles:timeline", args=[2568])
    step.refresh_from_db()
    assert step.due_on == dt.date(2025, 2, 7)
    entry = LogEntry.objects.get_for_object(step).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == cast.central
    assert entry.changes_dict["due_on"] == ["2025-01-31", "2025-02-07"]
    # nothing else was touched, so nothing else was logged
    assert LogEntry.objects.filter(action=LogEntry.Action.UPDATE).count() == 1
    follow = admin.get(response["Location"]).content.decode()
    assert "บันทึกวันที่แล้ว: ขั้นตอนที่ ๓: กำหนดส่ง" in follow


def test_cycle_and_round_dates_are_saved_and_audited(cast, admin, cycle):
    # the factory's cycle has no rounds yet: saving the form creates them
    data = dates_data(
        cycle,
        starts_on="2024-10-15",
        round_1_assessed_on="2025-03-31",
        round_2_assessed_on="2025-09-30",
    )
    assert admin.post(URL, data).status_code == 302
    assert stored(cycle)["cycle"] == (dt.date(2024, 10, 15), dt.date(2025, 9, 30))
    assert stored(cycle)["rounds"] == {1: dt.date(2025, 3, 31), 2: dt.date(2025, 9, 30)}
    cycle_entry = LogEntry.objects.get_for_object(cycle).get(action=LogEntry.Action.UPDATE)
    assert cycle_entry.changes_dict["starts_on"] == ["2024-10-01", "2024-10-15"]
    created = LogEntry.objects.filter(
        content_type__model="round", action=LogEntry.Action.CREATE, actor=cast.central
    )
    assert created.count() == 2


@pytest.mark.parametrize(
    "typed",
    ["6/12/2567", "๖/๑๒/๒๕๖๗", "2024-12-06", "06.12.2567"],
    ids=["be", "thai", "iso", "dots"],
)
def test_a_date_may_be_typed_thai_style(admin, year, typed):
    assert admin.post(URL, dates_data(year, step_1_due_on=typed)).status_code == 302
    assert year.steps.get(number=1).due_on == dt.date(2024, 12, 6)


def test_saving_the_same_dates_changes_nothing(admin, year):
    response = admin.post(URL, dates_data(year), follow=True)
    assert "ไม่มีวันที่เปลี่ยนแปลง" in response.content.decode()
    assert not LogEntry.objects.filter(action=LogEntry.Action.UPDATE).exists()


# Refused, with a Thai message, and nothing stored ---------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"step_1_due_on": "1/10/2568"},
            "step_1_due_on",
            "ต้องอยู่ภายในรอบปี (1 ตุลาคม 2567 – 30 กันยายน 2568)",
        ),
        (
            {"step_1_opens_on": "2024-12-01"},
            "step_1_opens_on",
            "วันเปิดรับต้องไม่หลังกำหนดส่ง (29 พฤศจิกายน 2567)",
        ),
        (
            {"step_3_due_on": "2024-11-28", "step_3_opens_on": "2024-11-01"},
            "step_3_due_on",
            "กำหนดส่งขั้นตอนที่ ๓ต้องไม่ก่อนกำหนดส่งขั้นตอนที่ ๑ (29 พฤศจิกายน 2567)",
        ),
        (
            {"starts_on": "2024-09-30"},
            "starts_on",
            "ต้องอยู่ในปีงบประมาณ พ.ศ. 2568 (1 ตุลาคม 2567 – 30 กันยายน 2568)",
        ),
        (
            {"ends_on": "2024-10-01"},
            "ends_on",
            "วันสิ้นสุดรอบปีต้องอยู่หลังวันเริ่มต้น",
        ),
        (
            {"round_1_assessed_on": "30/1/2568"},
            "round_1_assessed_on",
            "วันประเมินต้องไม่ก่อนกำหนดส่งขั้นตอนที่ ๓ (31 มกราคม 2568)",
        ),
        (
            {"round_2_assessed_on": "2025-09-25", "round_1_assessed_on": "2025-09-26"},
            "round_2_assessed_on",
            "วันประเมินรอบที่ 2 ต้องอยู่หลังรอบที่ 1",
        ),
        (
            {"step_2_due_on": "31/2/2568"},
            "step_2_due_on",
            "วันที่ไม่ถูกต้อง กรุณากรอก วัน/เดือน/ปี พ.ศ. เช่น 31/1/2568",
        ),
        ({"step_4_due_on": ""}, "step_4_due_on", "กรุณาระบุกำหนดส่ง"),
        ({"round_2_assessed_on": ""}, "round_2_assessed_on", "กรุณาระบุวันประเมิน"),
    ],
)
def test_bad_dates_are_refused_in_thai_and_nothing_is_stored(admin, year, changes, field, message):
    before = stored(year)
    response = admin.post(URL, dates_data(year, **changes))
    assert response.status_code == 400
    assert message in errors(response)[field]
    assert message in response.content.decode()
    assert stored(year) == before
    assert not LogEntry.objects.filter(action=LogEntry.Action.UPDATE).exists()


def test_a_due_date_cannot_pass_a_units_extension(cast, admin, year):
    extend(year, cast.unit_a, cast.central)  # step 1 until 6 December
    response = admin.post(URL, dates_data(year, step_1_due_on="2024-12-06"))
    assert response.status_code == 400
    assert errors(response)["step_1_due_on"] == [
        "OPS-AAA ได้รับขยายกำหนดส่งถึง 6 ธันวาคม 2567 กำหนดส่งของรอบปีต้องก่อนวันนั้น หรือยกเลิกการขยายก่อน"
    ]


def test_the_year_cannot_shrink_past_its_meetings(admin, year):
    meetings(year, days=[dt.date(2024, 10, 5)])
    response = admin.post(URL, dates_data(year, starts_on="2024-10-10"))
    assert response.status_code == 400
    assert "มีการประชุม/กิจกรรมวันที่ 5 ตุลาคม 2567 ก่อนวันเริ่มต้นนี้" in errors(response)["starts_on"][0]


def test_a_tampered_page_state_is_refused(admin, year):
    response = admin.post(URL, dates_data(year, seen="not json", step_1_due_on="2024-11-28"))
    assert response.status_code == 400
    assert "ไม่พบข้อมูลของหน้าที่เปิดไว้" in response.content.decode()
    assert year.steps.get(number=1).due_on == dt.date(2024, 11, 29)


# Two administrators at once ---------------------------------------------------------------------


def test_a_save_from_a_stale_page_is_refused_and_names_what_changed(cast, year):
    from pmqa4.core.testing.factories import person
    from pmqa4.org.models import Role

    first = signed_in(cast.central)
    second = signed_in(person(Role.CENTRAL_ADMIN, cast.central.unit, username="central2"))
    loaded = dates_data(year)  # both pages show the same dates
    assert first.post(URL, loaded | {"step_3_due_on": "2025-02-07"}).status_code == 302
    response = second.post(URL, loaded | {"step_3_due_on": "2025-02-14"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "มีผู้อื่นบันทึกวันที่ของรอบปีนี้ไปก่อนแล้ว" in page
    assert "ขั้นตอนที่ ๓: กำหนดส่ง: ท่านเห็น 31 มกราคม 2568 ขณะนี้ 7 กุมภาพันธ์ 2568" in page
    assert year.steps.get(number=3).due_on == dt.date(2025, 2, 7)  # the first save stands
    # the page now carries the stored version: saving again is deliberate, and goes through
    seen = json.loads(response.context["form"]["seen"].value())
    assert seen["step_3_due_on"] == "2025-02-07"
    again = second.post(URL, loaded | {"step_3_due_on": "2025-02-14", "seen": json.dumps(seen)})
    assert again.status_code == 302
    assert year.steps.get(number=3).due_on == dt.date(2025, 2, 14)
