"""Step 5 page: every KPI of the action plan, a new actual (htmx or not), the live preview."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from pmqa4.plans.models import KpiActual
from pmqa4.submissions.models import EvidenceFile

from . import add_activity, add_actual, add_kpi, plan_with, set_state

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def page_url(cast, cycle):
    return reverse("reports:actuals", args=[cast.unit_a.code, cycle.fiscal_year])


def report_url(cast, cycle, kpi):
    return reverse("reports:actual-report", args=[cast.unit_a.code, cycle.fiscal_year, kpi.pk])


def preview_url(cast, cycle, kpi):
    args = [cast.unit_a.code, cycle.fiscal_year, kpi.pk]
    return reverse("reports:achievement-preview", args=args)


def fields(kpi, **values):
    """A new actual as the page posts it: each KPI's form is prefixed with its id."""
    today = timezone.localdate().isoformat()
    data = {"value": "90", "measured_on": today, "note": "", "cause": "", "remedy": ""}
    data.update(values)
    return {f"kpi{kpi.pk}-{name}": value for name, value in data.items()}


@pytest.fixture
def kpi(cast, cycle):
    kpi = add_kpi(cast.unit_a, cycle, code="K1", name="ร้อยละของชุดข้อมูล", target="80")
    add_activity(cast.unit_a, cycle, kpis=[kpi])
    return kpi


def test_each_kpi_shows_its_sheet_its_latest_actual_and_achievement(client, cast, cycle, kpi):
    add_actual(kpi, "40", measured_on=dt.date(2025, 3, 31), cause="ช้า", remedy="เร่ง")
    latest = add_actual(kpi, "85", measured_on=dt.date(2025, 9, 1))
    KpiActual.objects.filter(pk=latest.pk).update(note="ผลสะสมทั้งปี")
    for name in ("a.pdf", "b.pdf"):
        EvidenceFile.objects.create(
            unit=cast.unit_a,
            kpi_actual=latest,
            file=f"evidence/{name}",
            original_name=name,
            content_type="application/pdf",
            size=10,
            sha256="0" * 64,
            uploaded_by=cast.coordinator_a,
        )
    client.force_login(cast.coordinator_a)
    content = client.get(page_url(cast, cycle)).content.decode()
    card = content[content.index('id="kpi-') :]
    for expected in (
        "K1</span> ร้อยละของชุดข้อมูล",
        "ร้อยละ",  # unit of measure
        "<dd>80</dd>",  # target
        "ค่ามากดี",
        "<strong>85</strong>",
        "1 ก.ย. 2568",
        "หลักฐาน 2 ไฟล์",
        "ผลสะสมทั้งปี",
        "ร้อยละ 106.25 ของเป้าหมาย",
        'low="85.00"',
        "ประวัติการรายงาน (2 ครั้ง)",
    ):
        assert expected in card, expected


def test_a_kpi_without_a_target_explains_that_form_3_comes_first(client, cast, cycle):
    bare = add_kpi(cast.unit_a, cycle, code="K2", target=None)
    add_activity(cast.unit_a, cycle, kpis=[bare])
    client.force_login(cast.coordinator_a)
    content = client.get(page_url(cast, cycle)).content.decode()
    assert "ต้องกำหนดค่าเป้าหมายของตัวชี้วัดนี้ในแบบฟอร์ม ๓" in content
    assert f'name="kpi{bare.pk}-value"' not in content
    response = client.post(report_url(cast, cycle, bare), fields(bare))
    assert response.status_code == 302 and not KpiActual.objects.exists()
    assert "กรุณากำหนดค่าเป้าหมายในแบบฟอร์ม ๓" in client.get(response.url).content.decode()


def test_kpis_outside_the_action_plan_are_not_listed(client, cast, cycle, kpi):
    add_kpi(cast.unit_a, cycle, code="K9", name="อยู่แค่ในแผน ๓ ปี")
    client.force_login(cast.coordinator_a)
    assert "อยู่แค่ในแผน ๓ ปี" not in client.get(page_url(cast, cycle)).content.decode()


def test_reporting_without_javascript_redirects_to_the_kpi(client, cast, cycle, kpi):
    client.force_login(cast.coordinator_a)
    response = client.post(report_url(cast, cycle, kpi), fields(kpi, note="ผลสะสม"))
    assert response.status_code == 302 and response.url.endswith(f"/actuals/#kpi-{kpi.pk}")
    actual = KpiActual.objects.get()
    assert actual.note == "ผลสะสม" and actual.reported_by == cast.coordinator_a
    assert "บันทึกผลตัวชี้วัด K1 แล้ว" in client.get(response.url).content.decode()


def test_reporting_with_htmx_swaps_the_kpi_card(client, cast, cycle, kpi):
    client.force_login(cast.coordinator_a)
    response = client.post(report_url(cast, cycle, kpi), fields(kpi), **HTMX)
    content = response.content.decode()
    assert response.status_code == 200 and "<html" not in content
    assert content.lstrip().startswith(f'<article class="kpi-card card mb-3" id="kpi-{kpi.pk}"')
    assert "บันทึกผลตัวชี้วัด K1 แล้ว" in content and "ร้อยละ 112.50 ของเป้าหมาย" in content


def test_a_below_threshold_actual_without_cause_shows_both_messages(client, cast, cycle, kpi):
    client.force_login(cast.coordinator_a)
    response = client.post(report_url(cast, cycle, kpi), fields(kpi, value="40"))
    content = response.content.decode()
    assert response.status_code == 200 and "<html" in content
    assert "กรุณาระบุสาเหตุที่ไม่บรรลุเป้าหมาย" in content and "กรุณาระบุแนวทางแก้ไข" in content
    assert 'value="40"' in content  # what was typed stays
    assert not KpiActual.objects.exists()
    response = client.post(report_url(cast, cycle, kpi), fields(kpi, value="40"), **HTMX)
    assert "<html" not in response.content.decode()
    assert "กรุณาระบุแนวทางแก้ไข" in response.content.decode()


def test_bad_input_gets_thai_messages(client, cast, cycle, kpi):
    client.force_login(cast.coordinator_a)
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    response = client.post(
        report_url(cast, cycle, kpi), fields(kpi, value="-5", measured_on=tomorrow), **HTMX
    )
    content = response.content.decode()
    assert "ผลการดำเนินงานต้องไม่ติดลบ" in content
    response = client.post(report_url(cast, cycle, kpi), fields(kpi, value="abc"), **HTMX)
    assert "กรอกผลการดำเนินงานเป็นตัวเลข" in response.content.decode()
    response = client.post(report_url(cast, cycle, kpi), fields(kpi, measured_on=tomorrow))
    assert "วันที่วัดผลต้องไม่เป็นวันในอนาคต" in response.content.decode()
    assert not KpiActual.objects.exists()


def test_a_submitted_step_5_shows_no_form_and_refuses_a_post(client, cast, cycle, kpi):
    set_state(cast.unit_a, cycle, 5, "submitted")
    client.force_login(cast.coordinator_a)
    assert f'name="kpi{kpi.pk}-value"' not in client.get(page_url(cast, cycle)).content.decode()
    response = client.post(report_url(cast, cycle, kpi), fields(kpi))
    assert response.status_code == 302 and not KpiActual.objects.exists()
    assert "ขั้นตอนนี้ส่งแล้ว จึงแก้ไขไม่ได้" in client.get(response.url).content.decode()


@pytest.mark.parametrize(
    ("value", "expected", "below"),
    [
        ("85", "ร้อยละ 106.25 ของเป้าหมาย", False),
        ("68", "ร้อยละ 85.00 ของเป้าหมาย", False),
        ("67.996", "ร้อยละ 85.00 ของเป้าหมาย", True),  # shown rounded, compared unrounded
        ("40", "ร้อยละ 50.00 ของเป้าหมาย", True),
    ],
)
def test_the_preview_computes_the_achievement_as_you_type(
    client, cast, cycle, kpi, value, expected, below
):
    client.force_login(cast.coordinator_a)
    response = client.post(preview_url(cast, cycle, kpi), {f"kpi{kpi.pk}-value": value}, **HTMX)
    content = response.content.decode()
    assert response.status_code == 200 and expected in content and "<meter" in content
    assert ("ต่ำกว่าเกณฑ์: ต้องระบุสาเหตุ" in content) is below


@pytest.mark.parametrize(
    ("value", "message"),
    [("abc", "กรอกผลการดำเนินงานเป็นตัวเลข"), ("-1", "ผลการดำเนินงานต้องไม่ติดลบ"), ("", "")],
)
def test_the_preview_says_what_is_wrong_with_the_value(client, cast, cycle, kpi, value, message):
    client.force_login(cast.coordinator_a)
    response = client.post(preview_url(cast, cycle, kpi), {f"kpi{kpi.pk}-value": value}, **HTMX)
    content = response.content.decode()
    assert "<meter" not in content and message in content


def test_the_preview_reads_thai_digits_and_thousands_separators(client, cast, cycle, kpi):
    client.force_login(cast.coordinator_a)
    response = client.post(preview_url(cast, cycle, kpi), {"value": "๘๐"}, **HTMX)
    assert "ร้อยละ 100.00 ของเป้าหมาย" in response.content.decode()


@pytest.mark.parametrize(("activities", "kpis_each"), [(3, 1), (4, 10)])
def test_the_page_costs_the_same_queries_for_3_or_40_kpis(
    client, cast, cycle, activities, kpis_each, django_assert_num_queries
):
    plan_with(cast.unit_a, cycle, activities=activities, kpis_each=kpis_each)
    client.force_login(cast.coordinator_a)
    # 1 session, 2 user, 3 the actor's role grants, 4 the unit, 5 the cycle, 6 step 5,
    # 7 its submission, 8 the unit's due-date extensions, 9 the action plan's KPIs with their
    # sheets, 10 all their actuals with reporter and evidence count (one prefetch)
    with django_assert_num_queries(10):
        response = client.get(page_url(cast, cycle))
    assert response.content.decode().count('class="kpi-card') == activities * kpis_each


def test_a_kpi_of_another_unit_is_not_found_through_this_unit(client, cast, cycle, kpi):
    theirs = add_kpi(cast.unit_b, cycle, code="K1")
    add_activity(cast.unit_b, cycle, kpis=[theirs])
    client.force_login(cast.coordinator_a)
    assert client.post(report_url(cast, cycle, theirs), fields(theirs)).status_code == 404
    assert client.post(preview_url(cast, cycle, theirs), {"value": "1"}).status_code == 404
    assert not KpiActual.objects.exists()
