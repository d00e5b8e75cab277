"""Extensions of a unit's due date: granting, editing and revoking them (audited, locked), the
Thai refusals, and the scoring that then reads the unit's own date."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from pmqa4.core.fiscal import end_of_day
from pmqa4.core.testing.factories import UnitFactory, bangkok, person
from pmqa4.cycles.models import StepExtension
from pmqa4.demo.specs import StepRun
from pmqa4.org.models import Role
from pmqa4.scoring.services import unit_score
from pmqa4.scoring.tests.builders import complete_scenario, unit_with_year
from pmqa4.scoring.tests.builders import meetings as scoring_meetings

from .timeline_world import extend, seed_dates, signed_in

pytestmark = pytest.mark.django_db
LIST = reverse("cycles:extensions", args=[2568])
YEAR_END = end_of_day(dt.date(2025, 9, 30))


@pytest.fixture
def year(cycle):
    return seed_dates(cycle)


@pytest.fixture
def admin(cast):
    return signed_in(cast.central)


def grant(unit, step=1, due_on="6/12/2567", reason="อยู่ในพื้นที่ห่างไกล เดินทางไม่สะดวก"):
    return {"unit": unit.pk, "step": step, "due_on": due_on, "reason": reason}


def edit_url(extension):
    return reverse("cycles:extension-edit", args=[2568, extension.pk])


def revoke_url(extension):
    return reverse("cycles:extension-revoke", args=[2568, extension.pk])


def form_errors(response) -> list[str]:
    form = response.context["form"]
    return [e for errs in form.errors.values() for e in errs]


def test_granting_an_extension_stores_and_audits_it(cast, admin, year):
    response = admin.post(LIST, grant(cast.unit_a))
    assert response.status_code == 302
    extension = StepExtension.objects.get()
    assert (extension.unit, extension.step.number, extension.due_on) == (
        cast.unit_a,
        1,
        dt.date(2024, 12, 6),
    )
    assert extension.granted_by == cast.central
    assert extension.reason == "อยู่ในพื้นที่ห่างไกล เดินทางไม่สะดวก"
    entry = LogEntry.objects.get_for_object(extension).get(action=LogEntry.Action.CREATE)
    assert entry.actor == cast.central
    assert entry.changes_dict["due_on"][1] == "2024-12-06"
    page = admin.get(LIST).content.decode()
    assert "ขยายกำหนดส่งให้ กองทดสอบเอ แล้ว" in page
    assert "OPS-AAA" in page and "6 ธ.ค. 2567" in page and "29 พ.ย. 2567" in page


def test_the_list_page_runs_the_same_queries_for_many_extensions(
    cast, admin, year, django_assert_max_num_queries
):
    extend(year, cast.unit_a, cast.central)
    with django_assert_max_num_queries(9):
        admin.get(LIST)
    for n in range(8):
        extend(
            year,
            UnitFactory(code=f"OPS-Y{n:02d}"),
            cast.central,
            number=3,
            due_on=dt.date(2025, 2, 5),
        )
    with django_assert_max_num_queries(9):
        response = admin.get(LIST)
    assert response.content.decode().count("แก้ไข/ยกเลิก") == 9


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"due_on": "29/11/2567"}, "กำหนดส่งใหม่ต้องอยู่หลังกำหนดส่งเดิม (29 พฤศจิกายน 2567)"),
        (
            {"step": 4, "due_on": "2025-10-05"},
            "กำหนดส่งใหม่ต้องไม่เกินวันสิ้นสุดรอบปี (30 กันยายน 2568) เพราะการประเมินนับเฉพาะงานที่ส่งภายในรอบปี",
        ),
        ({"due_on": "2025-04-01"}, "กำหนดส่งใหม่ต้องไม่เกินวันประเมินรอบที่ 1 (31 มีนาคม 2568)"),
        ({"step": 2, "due_on": "2025-09-30"}, "ขั้นตอนไม่ถูกต้อง กรุณาเลือกจากรายการ"),
        ({"reason": "   "}, "กรุณาระบุเหตุผลของการขยายกำหนดส่ง"),
        ({"due_on": ""}, "กรุณาระบุกำหนดส่งใหม่"),
        (
            {"due_on": "32/12/2567"},
            "วันที่ไม่ถูกต้อง กรุณากรอก วัน/เดือน/ปี พ.ศ. เช่น 31/1/2568",
        ),
        ({"unit": ""}, "กรุณาเลือกหน่วยงาน"),
    ],
)
def test_a_bad_extension_is_refused_in_thai(cast, admin, year, data, message):
    response = admin.post(LIST, grant(cast.unit_a) | data)
    assert response.status_code == 400
    assert message in form_errors(response)
    assert message in response.content.decode()
    assert not StepExtension.objects.exists()


def test_a_unit_that_does_not_take_part_cannot_be_chosen(cast, admin, year):
    response = admin.post(LIST, grant(cast.central.unit))  # the central group's own unit
    assert "ไม่มีหน่วยงานนี้ในรายการที่รับการประเมิน กรุณาเลือกจากรายการ" in form_errors(response)


def test_a_second_extension_of_the_same_step_is_refused(cast, admin, year):
    extend(year, cast.unit_a, cast.central)
    response = admin.post(LIST, grant(cast.unit_a, due_on="2024-12-10"))
    assert response.status_code == 400
    assert "OPS-AAA ได้รับขยายกำหนดส่งขั้นตอนที่ ๑แล้ว กรุณาแก้ไขรายการเดิม" in form_errors(response)
    assert StepExtension.objects.get().due_on == dt.date(2024, 12, 6)


def test_editing_an_extension_is_audited(cast, admin, year):
    extension = extend(year, cast.unit_a, cast.central)
    page = admin.get(edit_url(extension)).content.decode()
    assert 'name="due_on" value="6/12/2567"' in page
    data = {"due_on": "13/12/2567", "reason": "น้ำท่วม", "seen": extension.updated_at.isoformat()}
    assert admin.post(edit_url(extension), data).status_code == 302
    extension.refresh_from_db()
    assert (extension.due_on, extension.reason) == (dt.date(2024, 12, 13), "น้ำท่วม")
    entry = LogEntry.objects.get_for_object(extension).get(action=LogEntry.Action.UPDATE)
    assert entry.actor == cast.central
    assert entry.changes_dict["due_on"] == ["2024-12-06", "2024-12-13"]


def test_an_edit_from_a_stale_page_is_refused(cast, year):
    extension = extend(year, cast.unit_a, cast.central)
    seen = extension.updated_at.isoformat()
    first = signed_in(cast.central)
    second = signed_in(person(Role.CENTRAL_ADMIN, cast.central.unit, username="central2"))
    ok = first.post(edit_url(extension), {"due_on": "2024-12-10", "reason": "ก", "seen": seen})
    assert ok.status_code == 302
    response = second.post(
        edit_url(extension), {"due_on": "2024-12-20", "reason": "ข", "seen": seen}
    )
    assert response.status_code == 409
    assert (
        "มีผู้อื่นแก้ไขการขยายกำหนดส่งนี้ไปก่อนแล้ว (ขณะนี้: ถึง 10 ธันวาคม 2567 เหตุผล: ก)"
        in response.content.decode()
    )
    assert StepExtension.objects.get().due_on == dt.date(2024, 12, 10)
    # revoking from the stale page is refused too
    stale = second.post(revoke_url(extension), {"seen": seen})
    assert stale.status_code == 302 and stale["Location"] == edit_url(extension)
    assert StepExtension.objects.exists()


def test_revoking_an_extension_is_audited(cast, admin, year):
    extension = extend(year, cast.unit_a, cast.central)
    pk = extension.pk
    response = admin.post(revoke_url(extension), {"seen": extension.updated_at.isoformat()})
    assert response.status_code == 302 and response["Location"] == LIST
    assert not StepExtension.objects.exists()
    entry = LogEntry.objects.filter(
        content_type__model="stepextension", object_pk=str(pk), action=LogEntry.Action.DELETE
    ).get()
    assert entry.actor == cast.central
    page = admin.get(LIST).content.decode()
    assert "ยกเลิกการขยายกำหนดส่งขั้นตอนที่ ๑ของ กองทดสอบเอ แล้ว" in page
    assert admin.get(edit_url(extension)).status_code == 404


def test_revoke_answers_only_posts(admin, cast, year):
    extension = extend(year, cast.unit_a, cast.central)
    assert admin.get(revoke_url(extension)).status_code == 405
    assert StepExtension.objects.exists()


def test_an_extension_of_another_year_is_not_found(admin, cast, year):
    extension = extend(year, cast.unit_a, cast.central)
    assert admin.get(reverse("cycles:extension-edit", args=[2569, extension.pk])).status_code == 404


# The scoring reads the unit's own due date -----------------------------------------------------


def test_after_an_extension_a_late_roster_is_no_longer_deducted(cast, admin, cycle):
    scoring_meetings(cycle)
    unit = unit_with_year(
        cycle,
        complete_scenario("OPS-FAR", roster=StepRun(bangkok("2024-12-05 10:00"))),
        province=None,
    )

    def step1_deductions():
        breakdown = unit_score(cycle, unit, as_of=YEAR_END).breakdown
        return [(d["rule"], d["amount"]) for d in breakdown["steps"][0]["deductions"]]

    assert step1_deductions() == [("late_or_incomplete", "0.05")]  # sent a week after 29 Nov
    response = admin.post(LIST, grant(unit, due_on="6/12/2567", reason="จังหวัดห่างไกล"))
    assert response.status_code == 302
    assert step1_deductions() == []
    # revoked: the cycle's date again, and the deduction is back
    extension = StepExtension.objects.get(unit=unit)
    admin.post(revoke_url(extension), {"seen": extension.updated_at.isoformat()})
    assert step1_deductions() == [("late_or_incomplete", "0.05")]
