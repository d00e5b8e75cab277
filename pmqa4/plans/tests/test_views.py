"""Step 3's views: full pages and htmx partials, saves with and without JavaScript, stale saves
from two sessions (409), a step that is no longer editable, and bad input."""

import json

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from pmqa4.core.testing.factories import person
from pmqa4.org.models import Role
from pmqa4.plans.models import Activity, KpiSheet, PlanItem, ThreeYearPlan
from pmqa4.submissions.models import State

from .test_builders import form1, form2, kpi, submitted

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name, *args):
    return reverse(f"plans:{name}", args=["OPS-AAA", 2568, *args])


@pytest.fixture
def item(cast, cycle):
    k1 = kpi(cast.unit_a, cycle, "K1")
    plan = form1(cast.unit_a, cycle, [(1, "เชื่อมโยงข้อมูล", (True, False, False), [k1])])
    return plan.items.get()


@pytest.fixture
def coordinator(client, cast):
    client.force_login(cast.coordinator_a)
    return client


def item_post(item, name, *, version=1, seen=None, **extra):
    data = {"version": version, f"item-{item.pk}-name": name, f"item-{item.pk}-in_year1": "on"}
    if seen is not None:
        data["seen"] = json.dumps(seen, ensure_ascii=False)
    return {**data, **extra}


def test_form_1_renders_as_a_full_page_with_each_row_as_a_form(coordinator, item):
    content = coordinator.get(url("form1")).content.decode()
    assert "<html" in content and 'id="plans-checklist"' in content
    assert "๑. มิติเปิดกว้างและเชื่อมโยง (หมวด ๑, ๒, ๔, ๖)" in content
    assert (
        f'action="{url("form1-item", item.pk)}"' in content
        and 'value="1" class="doc-version"' in content
    )


def test_an_htmx_save_swaps_nothing_and_moves_every_form_to_the_new_version(coordinator, item):
    response = coordinator.post(url("form1-item", item.pk), item_post(item, "ชื่อใหม่"), **HTMX)
    content = response.content.decode()
    assert response.status_code == 200 and response["HX-Reswap"] == "none"
    assert 'value="2" class="doc-version" hx-swap-oob="outerHTML:.doc-version"' in content
    assert f'id="seen-item-{item.pk}"' in content and "ชื่อใหม่" in content
    assert json.loads(response["HX-Trigger"]) == {"plans-saved": {}}
    assert "<html" not in content and PlanItem.objects.get().name == "ชื่อใหม่"


def test_adding_a_row_with_htmx_answers_with_the_renumbered_body(coordinator, item):
    data = {"version": 1, "new-1-name": "เปิดเผยข้อมูล", "new-1-new_kpi_code": "K2",
            "new-1-new_kpi_name": "ร้อยละของข้อมูลที่เปิดเผย"}  # fmt: skip
    response = coordinator.post(url("form1-item-add", 1), data, **HTMX)
    content = response.content.decode()
    assert response["HX-Retarget"] == "#plans-body" and response["HX-Reswap"] == "outerHTML"
    assert 'id="plans-body"' in content and "<html" not in content
    assert (
        '<span class="plan-row-number">๑.๒</span>' in content
        and "K2 ร้อยละของข้อมูลที่เปิดเผย" in content
    )
    assert "plans-saved" in response["HX-Trigger"]


def test_without_javascript_a_save_redirects_back_to_its_row_with_a_message(coordinator, item):
    response = coordinator.post(url("form1-item", item.pk), item_post(item, "ชื่อใหม่"))
    assert response.status_code == 302
    assert response["Location"] == url("form1") + f"#item-{item.pk}"
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["บันทึกแล้ว"]


def test_the_delete_button_deletes_and_the_rest_move_up(coordinator, cast, cycle, item):
    form1(cast.unit_a, cycle, [(1, "ที่สอง", (True, False, False), [])])
    response = coordinator.post(url("form1-item", item.pk), {"version": 1, "delete": "1"}, **HTMX)
    assert (
        response.status_code == 200
        and '<span class="plan-row-number">๑.๑</span>' in response.content.decode()
    )
    assert [(i.number, i.name) for i in PlanItem.objects.all()] == [(1, "ที่สอง")]


def test_the_checklist_alone_answers_the_htmx_refresh(coordinator, item):
    response = coordinator.get(url("overview"), **HTMX)
    content = response.content.decode()
    assert content.lstrip().startswith('<section id="plans-checklist"') and "<html" not in content
    assert "ยังไม่มีในแบบฟอร์ม ๒" in content and "HX-Request" in response["Vary"]


def test_a_stale_save_from_a_second_session_is_a_409_that_shows_what_changed(cast, item):
    first, second = Client(), Client()
    first.force_login(cast.coordinator_a)
    second.force_login(person(Role.COORDINATOR, cast.unit_a, username="coord.a2"))
    seen = {"name": "เชื่อมโยงข้อมูล", "years": "2568", "kpis": "K1"}
    for session in (first, second):
        assert session.get(url("form1")).status_code == 200  # both load version 1
    first.post(url("form1-item", item.pk), item_post(item, "ชื่อของคนแรก", seen=seen))
    response = second.post(url("form1-item", item.pk), item_post(item, "คนที่สอง", seen=seen))
    content = response.content.decode()
    assert response.status_code == 409
    assert "มีผู้อื่นบันทึกแบบฟอร์มนี้ไปก่อนแล้ว" in content
    assert "รายการ ๑.๑ · ชื่อแผนงาน/โครงการ/กิจกรรม" in content and "ชื่อของคนแรก" in content
    assert "คนที่สอง</textarea>" in content  # what this editor typed is kept in the form
    assert 'value="2" class="doc-version"' in content  # now against the stored version
    assert PlanItem.objects.get().name == "ชื่อของคนแรก" and ThreeYearPlan.objects.get().version == 2


def test_a_stale_htmx_save_is_a_409_that_reloads_the_page_with_the_message(cast, item):
    first, second = Client(), Client()
    first.force_login(cast.coordinator_a)
    second.force_login(cast.coordinator_a)
    seen = {"name": "เชื่อมโยงข้อมูล"}
    first.post(url("form1-item", item.pk), item_post(item, "ชื่อของคนแรก", seen=seen), **HTMX)
    response = second.post(url("form1-item", item.pk), item_post(item, "คนที่สอง", seen=seen), **HTMX)
    assert response.status_code == 409 and response["HX-Redirect"] == url("form1")
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert "มีผู้อื่นบันทึกแบบฟอร์มนี้ไปก่อนแล้ว" in message and "“เชื่อมโยงข้อมูล” → “ชื่อของคนแรก”" in message
    assert PlanItem.objects.get().name == "ชื่อของคนแรก"


def test_a_step_awaiting_sign_off_refuses_a_save_with_a_thai_message(
    coordinator, cast, cycle, item
):
    submitted(cast.unit_a, cycle, State.AWAITING_SIGN_OFF)
    response = coordinator.post(url("form1-item", item.pk), item_post(item, "แอบแก้"))
    assert response.status_code == 302 and response["Location"] == url("form1")
    assert "จึงแก้ไขไม่ได้" in str(list(get_messages(response.wsgi_request))[0])
    assert PlanItem.objects.get().name == "เชื่อมโยงข้อมูล"
    page = coordinator.get(url("form1")).content.decode()
    assert f'action="{url("form1-item", item.pk)}"' not in page and "แสดงแบบอ่านอย่างเดียว" in page


def test_readers_see_form_1_laid_out_as_the_printed_table(client, cast, item):
    client.force_login(cast.executive_a)
    content = client.get(url("form1")).content.decode()
    assert "<form" not in content.split('id="plans-body"')[1].split('id="plans-checklist"')[0]
    assert "ปีงบประมาณที่ดำเนินการ" in content and "๒๕๖๘" in content and "เชื่อมโยงข้อมูล" in content


def test_an_empty_name_is_refused_in_place_with_a_thai_message(coordinator, item):
    response = coordinator.post(url("form1-item", item.pk), item_post(item, ""), **HTMX)
    content = response.content.decode()
    assert response.status_code == 200 and response["HX-Retarget"] == "#plans-body"
    assert "field-error" in content and 'name="redraw"' in content
    assert PlanItem.objects.get().name == "เชื่อมโยงข้อมูล" and ThreeYearPlan.objects.get().version == 1


def test_a_tampered_version_is_refused(coordinator, item):
    data = item_post(item, "แก้", version="abc")
    assert coordinator.post(url("form1-item", item.pk), data).status_code == 400
    assert PlanItem.objects.get().name == "เชื่อมโยงข้อมูล"


def test_the_months_grid_posts_fiscal_month_numbers(coordinator, cast, cycle):
    form2(cast.unit_a, cycle, [(1, "ก", [], "", [])])
    activity = Activity.objects.get()
    data = {"version": 1, f"activity-{activity.pk}-name": "ก",
            f"activity-{activity.pk}-months": ["12", "1", "4"]}  # fmt: skip
    coordinator.post(url("form2-activity", activity.pk), data, **HTMX)
    assert Activity.objects.get().months == [1, 4, 12]
    page = coordinator.get(url("form2")).content.decode()
    # twelve toggles for the activity, its add-a-step form and each dimension's add form
    assert page.count('class="month"') == 12 * 5
    assert f'name="activity-{activity.pk}-months" value="12"' in page


def test_draft_from_form_1_without_javascript_redirects_with_the_result(coordinator, item):
    response = coordinator.post(url("form2-draft"), {"version": 0})
    assert response.status_code == 302
    assert [(a.name, a.plan_item_id) for a in Activity.objects.all()] == [("เชื่อมโยงข้อมูล", item.pk)]


def test_a_higher_is_better_target_of_zero_shows_the_models_message(coordinator, item):
    data = {"version": 1, "name": "ตัวชี้วัด K1", "direction": "higher", "target": "0"}
    response = coordinator.post(url("kpi-sheet", "K1"), data)
    assert response.status_code == 200
    assert "ตัวชี้วัดแบบค่ามากดีต้องมีค่าเป้าหมายมากกว่า ๐" in response.content.decode()
    assert KpiSheet.objects.get().target == 80 and KpiSheet.objects.get().version == 1


def test_the_sheet_page_shows_the_ten_fields_in_the_official_order(coordinator, item):
    content = coordinator.get(url("kpi-sheet", "K1")).content.decode()
    labels = ["๑. มิติเป้าหมาย", "๒. ชื่อตัวชี้วัด", "๓. หน่วยวัด", "๔. วิธีคำนวณ", "๕. คำอธิบาย",
              "๖. ข้อมูลพื้นฐาน", "๗. รายละเอียดการดำเนินงาน", "๘. แหล่งข้อมูล", "๙. ผู้กำกับ",
              "๑๐. ผู้จัดเก็บ"]  # fmt: skip
    body = content.split('id="plans-body"')[1]
    positions = [body.index(label) for label in labels]
    assert positions == sorted(positions)
    assert "ผลการดำเนินงานปี ๒๕๖๕" in body and "ผลการดำเนินงานปี ๒๕๖๗" in body


def test_the_kpi_list_links_each_missing_field_of_a_sheet(coordinator, cast, cycle, item):
    kpi(cast.unit_a, cycle, "K2", definition="", target=None)
    kpi(cast.unit_a, cycle, "K3", sheet=None)
    content = coordinator.get(url("kpis")).content.decode()
    sheet = url("kpi-sheet", "K2")
    assert f'href="{sheet}#id_definition">๕. คำอธิบาย/นิยามศัพท์</a>' in content
    assert f'href="{sheet}#id_target">ค่าเป้าหมาย</a>' in content
    assert "ยังไม่มี" in content and "ยังไม่ระบุ" in content  # K3: no sheet, named nowhere
