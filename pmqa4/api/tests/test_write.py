"""Recording a KPI actual through the API: the same service as step 5's page, so the same
rules, the same audit trail; only a coordinator's write-scoped token."""

from decimal import Decimal

import pytest
from auditlog.models import LogEntry

from pmqa4.api.models import Scope
from pmqa4.core.testing.factories import bangkok
from pmqa4.plans.models import KpiActual
from pmqa4.submissions.models import State, Submission

pytestmark = pytest.mark.django_db

URL = "/units/OPS-AAA/cycles/2568/kpis/{}/actuals"
GOOD = {"value": "95.5", "measured_on": "2025-06-30", "note": "ข้อมูลจากระบบของกอง"}


@pytest.fixture
def writer(world, issue, caller):
    """writer("coordinator_a") → a Caller with a read-and-write token of that person."""
    return lambda who="coordinator_a", scope=Scope.READ_WRITE_ACTUALS: caller(
        issue(getattr(world.cast, who), scope)
    )


def test_a_coordinator_records_an_actual_which_is_audited(writer, world):
    response = writer().post(URL.format("K1"), GOOD)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["actual"]["value"] == "95.5" and body["actual"]["note"] == "ข้อมูลจากระบบของกอง"
    assert body["kpi"]["latest_actual"]["id"] == body["actual"]["id"]
    assert body["kpi"]["achievement_percent"] == "119.38" and body["kpi"]["actuals_count"] == 2
    actual = KpiActual.objects.get(pk=body["actual"]["id"])
    assert actual.value == Decimal("95.5") and actual.kpi == world.a.k1
    assert actual.reported_by == world.cast.coordinator_a
    entry = LogEntry.objects.get_for_object(actual).get()
    assert entry.actor == world.cast.coordinator_a
    assert entry.action == LogEntry.Action.CREATE
    assert entry.remote_addr == "127.0.0.1"


def test_below_the_threshold_needs_a_cause_and_a_remedy_like_the_page(writer):
    response = writer().post(URL.format("K1"), {"value": "40", "measured_on": "2025-06-30"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error"
    fields = {e["field"]: e["message"] for e in body["errors"]}
    assert fields == {
        "body.cause": "ผลต่ำกว่าเกณฑ์ร้อยละ 85 กรุณาระบุสาเหตุที่ไม่บรรลุเป้าหมาย",
        "body.remedy": "ผลต่ำกว่าเกณฑ์ร้อยละ 85 กรุณาระบุแนวทางแก้ไข",
    }
    explained = {
        "value": "40",
        "measured_on": "2025-06-30",
        "cause": "ระบบล่ม",
        "remedy": "ย้ายเซิร์ฟเวอร์",
    }
    assert writer().post(URL.format("K1"), explained).status_code == 201
    assert KpiActual.objects.filter(kpi__unit__code="OPS-AAA", cause="ระบบล่ม").exists()


@pytest.mark.parametrize(
    "body, field, message",
    [
        (
            {"value": "90", "measured_on": "2099-01-01"},
            "body.measured_on",
            "วันที่วัดผลต้องไม่เป็นวันในอนาคต",
        ),
        (
            {"value": "90", "measured_on": "2024-09-30"},
            "body.measured_on",
            "วันที่วัดผลต้องไม่ก่อนวันเริ่มปีงบประมาณ (1 ต.ค. 2567)",
        ),
        ({"value": "-1", "measured_on": "2025-06-30"}, "body.value", "ค่าน้อยเกินไป"),
        ({"value": "เก้าสิบ", "measured_on": "2025-06-30"}, "body.value", "ต้องเป็นตัวเลข"),
        ({"value": "90.12345", "measured_on": "2025-06-30"}, "body.value", "ทศนิยมได้ไม่เกิน ๔ ตำแหน่ง"),
        (
            {"value": "90", "measured_on": "30/06/2568"},
            "body.measured_on",
            "วันที่ไม่ถูกต้อง ใช้รูปแบบ ปปปป-ดด-วว (ค.ศ.) เช่น 2025-09-30",
        ),
        ({"value": "90"}, "body.measured_on", "ต้องระบุค่านี้"),
        (
            {"value": "90", "measured_on": "2025-06-30", "note": "a\x00b"},
            "body.note",
            "ข้อความมีอักขระที่ใช้ไม่ได้",
        ),
        (
            {"value": "90", "measured_on": "2025-06-30", "note": "ก" * 5001},
            "body.note",
            "ข้อความยาวเกินไป",
        ),
    ],
)
def test_bad_input_is_a_422_in_thai_and_nothing_is_stored(writer, body, field, message):
    response = writer().post(URL.format("K1"), body)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert (errors[0]["field"], errors[0]["message"]) == (field, message)
    assert KpiActual.objects.count() == 2  # the world's two, one per unit


def test_a_body_that_is_not_json_is_a_400(world, issue, client):
    secret = issue(world.cast.coordinator_a, Scope.READ_WRITE_ACTUALS)
    response = client.post(
        "/api/v1" + URL.format("K1"),
        "value=90",
        content_type="application/json",
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_body"
    assert response.json()["message"].startswith("อ่านข้อมูลที่ส่งมาไม่ได้")


def test_a_read_only_token_is_a_403(writer):
    response = writer(scope=Scope.READ).post(URL.format("K1"), GOOD)
    assert response.status_code == 403
    assert response.json()["code"] == "insufficient_scope"
    assert "อ่านอย่างเดียว" in response.json()["message"]
    assert KpiActual.objects.count() == 2


@pytest.mark.parametrize("who", ["executive_a", "evaluator", "central"])
def test_only_the_units_coordinator_writes(writer, who):
    response = writer(who).post(URL.format("K1"), GOOD)
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert KpiActual.objects.count() == 2


@pytest.mark.parametrize("who", ["coordinator_b", "staff_a"])
def test_another_units_kpi_is_a_404(writer, who):
    assert writer(who).post(URL.format("K1"), GOOD).status_code == 404
    assert KpiActual.objects.count() == 2


def test_the_steps_rules_apply(writer, world):
    not_in_plan = writer().post(URL.format("K2"), GOOD)
    assert not_in_plan.status_code == 409
    assert "ไม่อยู่ในแผนปฏิบัติการ" in not_in_plan.json()["message"]
    no_target = writer().post(URL.format("K3"), GOOD)
    assert no_target.status_code == 409
    assert "ยังไม่มีค่าเป้าหมาย" in no_target.json()["message"]
    assert writer().post(URL.format("K9"), GOOD).status_code == 404
    at = bangkok("2025-09-29 10:00")
    Submission.objects.create(
        unit=world.cast.unit_a,
        step=world.cycle.steps.get(number=5),
        state=State.SUBMITTED,
        first_submitted_at=at,
        last_submitted_at=at,
    )
    submitted = writer().post(URL.format("K1"), GOOD)
    assert submitted.status_code == 409
    assert submitted.json() == {
        "code": "workflow_refused",
        "message": "ขั้นตอนนี้ส่งแล้ว จึงแก้ไขไม่ได้ จนกว่าส่วนกลางจะส่งกลับให้แก้ไข",
        "errors": [],
    }
    assert KpiActual.objects.count() == 2


def test_only_post_records(writer):
    response = writer().send("PUT", URL.format("K1"), data="{}", content_type="application/json")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json()["code"] == "method_not_allowed"


def test_an_unknown_field_is_refused(writer):
    response = writer().post(URL.format("K1"), {**GOOD, "valeu": "1"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.valeu"
    assert response.json()["errors"][0]["message"] == "ไม่รู้จักช่องนี้"
