"""Step 4 pages: the Form 4 checklist and one activity's report (htmx autosave, fallback, 409)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from pmqa4.core.testing.factories import person
from pmqa4.org.models import Role
from pmqa4.reports.models import ResultsReport

from . import add_activity, add_actual, add_kpi, add_report, plan_with, set_state

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
FIELDS = {
    "objective": "เพื่อเผยแพร่ข้อมูล",
    "result_gov40": "เชื่อมโยงข้อมูล",
    "result_kpis": "ตามตาราง",
    "result_stakeholders": "ผู้รับบริการพอใจ",
    "problems": "",
    "remedy_by_unit": "",
    "proposals": "",
    "success_factors": "ทีมงาน",
}


def list_url(unit, cycle):
    return reverse("reports:reports", args=[unit.code, cycle.fiscal_year])


def report_url(activity):
    plan = activity.action_plan
    return reverse("reports:report", args=[plan.unit.code, plan.cycle.fiscal_year, activity.pk])


def version_on(response) -> str:
    return re.search(r'name="version" value="(\d+)"', response.content.decode()).group(1)


@pytest.fixture
def activity(cast, cycle):
    kpi = add_kpi(cast.unit_a, cycle, code="K1", name="ร้อยละของชุดข้อมูล", target="80")
    add_actual(kpi, "60", cause="งบประมาณล่าช้า", remedy="ของบกลางปี")
    return add_activity(cast.unit_a, cycle, name="เผยแพร่ข้อมูลเปิด", kpis=[kpi])


# The checklist ---------------------------------------------------------------------------


def test_the_checklist_names_each_activity_without_a_report(client, cast, cycle):
    plan_with(cast.unit_a, cycle, activities=3)
    client.force_login(cast.coordinator_a)
    response = client.get(list_url(cast.unit_a, cycle))
    content = response.content.decode()
    assert response.status_code == 200
    assert "ยังไม่มีรายงานผล 1 กิจกรรม" in content and "2.1 กิจกรรมที่ 2" in content
    assert "หัก 0.05 คะแนน" in content
    assert content.count('class="status-badge status-warning"') == 2  # 1.1 and 3.1 incomplete


def test_a_plan_without_activities_says_so(client, cast, cycle):
    client.force_login(cast.evaluator)
    response = client.get(list_url(cast.unit_a, cycle))
    assert "ยังไม่มีแผนงาน/โครงการ/กิจกรรมในแผนปฏิบัติการประจำปี" in response.content.decode()


@pytest.mark.parametrize("activities", [3, 30])
def test_the_checklist_costs_the_same_queries_for_3_or_30_activities(
    client, cast, cycle, activities, django_assert_num_queries
):
    plan_with(cast.unit_a, cycle, activities=activities)
    client.force_login(cast.coordinator_a)
    # 1 session, 2 user, 3 the actor's role grants, 4 the unit, 5 the cycle, 6 step 4,
    # 7 its submission, 8 the unit's due-date extensions, 9 the activities with their
    # dimension and report (one join)
    with django_assert_num_queries(9):
        response = client.get(list_url(cast.unit_a, cycle))
    assert response.content.decode().count('href="/units/OPS-AAA/2568/report/') == activities


# One activity's report -------------------------------------------------------------------


def test_the_report_page_shows_fields_1_to_6_in_order_with_3_2_drafted(
    client, cast, cycle, activity
):
    client.force_login(cast.coordinator_a)
    content = client.get(report_url(activity)).content.decode()
    headings = [
        "๑. แผนงาน/โครงการ/กิจกรรม",
        "๒. วัตถุประสงค์",
        "๓. ผลการดำเนินงาน",
        "๓.๑ ผลการดำเนินงาน",
        "๓.๒ ผลการดำเนินงาน",
        "๓.๓ ผลกระทบ",
        "๔. ปัญหา/อุปสรรค",
        "๕. แนวทางการป้องกัน",
        "๕.๑ การดำเนินการ",
        "๕.๒ ข้อเสนอ",
        "๖. ปัจจัยความสำเร็จ",
    ]
    positions = [content.index(h, content.index('id="report-form"')) for h in headings]
    assert positions == sorted(positions)
    assert "K1 ร้อยละของชุดข้อมูล: ผล 60 ร้อยละ จากค่าเป้าหมาย 80 (คิดเป็นร้อยละ 75.00 ของเป้าหมาย)" in content
    assert 'value="append_problems"' in content and 'value="append_remedies"' in content
    assert version_on(client.get(report_url(activity))) == "0"


def test_the_executive_reads_the_report_without_a_form(client, cast, cycle, activity):
    add_report(activity, objective="เพื่อเผยแพร่")
    client.force_login(cast.executive_a)
    content = client.get(report_url(activity)).content.decode()
    assert "เพื่อเผยแพร่" in content and 'id="report-form"' not in content


def test_an_activity_of_another_unit_is_not_found(client, cast, cycle):
    other = add_activity(cast.unit_b, cycle)
    client.force_login(cast.coordinator_a)
    assert client.get(report_url(other).replace("OPS-BBB", "OPS-AAA")).status_code == 404


def test_the_save_button_without_javascript_saves_and_redirects(client, cast, cycle, activity):
    client.force_login(cast.coordinator_a)
    response = client.post(report_url(activity), {**FIELDS, "version": "0", "action": "save"})
    assert response.status_code == 302 and response.url == report_url(activity)
    assert ResultsReport.objects.get().objective == "เพื่อเผยแพร่ข้อมูล"
    page = client.get(response.url).content.decode()
    assert "บันทึกรายงานผลการดำเนินงานแล้ว" in page and version_on(client.get(response.url)) == "1"


def test_htmx_autosave_answers_with_the_save_state_only(client, cast, cycle, activity):
    client.force_login(cast.coordinator_a)
    response = client.post(report_url(activity), {**FIELDS, "version": "0"}, **HTMX)
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content and 'id="report-save-state"' in content
    assert 'name="version" value="1"' in content and "บันทึกแล้ว" in content
    assert 'name="seen_objective" value="เพื่อเผยแพร่ข้อมูล"' in content
    response = client.post(report_url(activity), {**FIELDS, "version": "1"}, **HTMX)
    assert 'name="version" value="2"' in response.content.decode()


def test_the_append_button_adds_the_recorded_causes_to_field_4(client, cast, cycle, activity):
    client.force_login(cast.coordinator_a)
    data = {**FIELDS, "problems": "ปัญหาเดิม", "version": "0", "action": "append_problems"}
    response = client.post(report_url(activity), data, **HTMX)
    content = response.content.decode()
    assert response.status_code == 200 and 'id="report-form"' in content and "<html" not in content
    expected = "ปัญหาเดิม\nK1 ร้อยละของชุดข้อมูล (ร้อยละ 75.00 ของเป้าหมาย): งบประมาณล่าช้า"
    assert ResultsReport.objects.get().problems == expected
    data = {**FIELDS, "version": "1", "action": "append_remedies"}
    client.post(report_url(activity), data)
    assert ResultsReport.objects.get().remedy_by_unit.endswith(": ของบกลางปี")


def test_two_sessions_editing_the_same_report_the_second_save_gets_409(cast, cycle, activity):
    colleague = person(Role.COORDINATOR, cast.unit_a, username="coord.a2")
    first, second = Client(), Client()
    first.force_login(cast.coordinator_a)
    second.force_login(colleague)
    seen_by_first = version_on(first.get(report_url(activity)))
    seen_by_second = version_on(second.get(report_url(activity)))
    first.post(report_url(activity), {**FIELDS, "version": seen_by_first, "action": "save"})
    response = second.post(
        report_url(activity),
        {**FIELDS, "objective": "ของคนที่สอง", "version": seen_by_second, "action": "save"},
    )
    content = response.content.decode()
    assert response.status_code == 409
    assert "มีผู้อื่นบันทึกแบบฟอร์มนี้ไปก่อนแล้ว" in content
    assert "—</del>" in content and "เพื่อเผยแพร่ข้อมูล</ins>" in content  # what changed
    assert "ของคนที่สอง" in content  # the second editor's text is kept in the form
    assert version_on(response) == "1"  # a deliberate second save may now overwrite
    assert ResultsReport.objects.get().objective == "เพื่อเผยแพร่ข้อมูล"


def test_a_stale_htmx_autosave_gets_409_with_the_form_to_swap_in(client, cast, cycle, activity):
    add_report(activity, objective="ของอีกคน")
    client.force_login(cast.coordinator_a)
    response = client.post(report_url(activity), {**FIELDS, "version": "0"}, **HTMX)
    assert response.status_code == 409
    assert response["HX-Retarget"] == "#report-form" and response["HX-Reswap"] == "outerHTML"
    content = response.content.decode()
    assert "<html" not in content and "มีผู้อื่นบันทึกแบบฟอร์มนี้ไปก่อนแล้ว" in content
    assert "hx-trigger" not in content  # autosave pauses until the editor decides
    assert ResultsReport.objects.get().objective == "ของอีกคน"


@pytest.mark.parametrize("state", ["awaiting_sign_off", "submitted", "accepted"])
def test_a_step_awaiting_sign_off_or_submitted_changes_nothing(
    client, cast, cycle, activity, state
):
    set_state(cast.unit_a, cycle, 4, state)
    client.force_login(cast.coordinator_a)
    response = client.post(report_url(activity), {**FIELDS, "version": "0", "action": "save"})
    assert response.status_code == 302
    assert not ResultsReport.objects.exists()
    messages = client.get(response.url).content.decode()
    assert "แก้ไขไม่ได้" in messages and 'id="report-form"' not in messages


def test_a_post_without_its_version_is_refused_in_thai(client, cast, cycle, activity):
    client.force_login(cast.coordinator_a)
    response = client.post(report_url(activity), {**FIELDS, "action": "save"})
    assert response.status_code == 400
    assert "แบบฟอร์มไม่ครบ กรุณาโหลดหน้านี้ใหม่" in response.content.decode()
    assert not ResultsReport.objects.exists()
