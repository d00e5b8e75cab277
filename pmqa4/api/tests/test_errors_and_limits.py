"""Errors are JSON with a Thai message and an English code, for every status; the rate limit
is per token."""

import pytest

from pmqa4.api.endpoints import org
from pmqa4.api.models import Scope

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(world, issue, caller):
    return caller(issue(world.cast.coordinator_a, Scope.READ))


def test_after_the_limit_a_token_gets_429_until_the_window_passes(settings, world, issue, caller):
    settings.API_RATE_LIMIT = "3/m"
    first = caller(issue(world.cast.coordinator_a))
    assert [first.get("/units").status_code for _ in range(3)] == [200, 200, 200]
    refused = first.get("/units")
    assert refused.status_code == 429
    body = refused.json()
    assert body["code"] == "rate_limited"
    assert body["message"].startswith("เรียกใช้บ่อยเกินกำหนด กรุณารอ")
    assert 1 <= int(refused["Retry-After"]) <= 60
    # the limit is per token: another token (even the same person's) is counted apart
    assert caller(issue(world.cast.coordinator_a)).get("/units").status_code == 200
    # and the setting is read on every call
    settings.API_RATE_LIMIT = "10/m"
    assert first.get("/units").status_code == 200


def test_a_wrong_method_is_a_405_in_json(coordinator):
    response = coordinator.send("DELETE", "/units")
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert response.json() == {
        "code": "method_not_allowed",
        "message": "ที่อยู่นี้ไม่รองรับวิธีเรียก (HTTP method) นี้ ใช้ได้เฉพาะ GET",
        "errors": [],
    }


def test_an_unknown_address_under_the_api_is_a_json_404(coordinator):
    response = coordinator.get("/no/such/thing")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "not_found"


def test_the_api_root_points_to_its_document(caller):
    body = caller(None).get("/").json()
    assert body["openapi"].endswith("/api/v1/openapi.json")
    assert body["docs"].endswith("/api/v1/docs")


@pytest.mark.parametrize(
    "params, field, message",
    [
        ({"page": 0}, "query.page", "ค่าน้อยเกินไป"),
        ({"page_size": 101}, "query.page_size", "ค่ามากเกินไป"),
        ({"page": "two"}, "query.page", "ต้องเป็นจำนวนเต็ม"),
        ({"kind": "ministry"}, "query.kind", "ไม่ใช่ค่าที่เลือกได้"),
        ({"q": "ก" * 101}, "query.q", "ข้อความยาวเกินไป"),
    ],
)
def test_a_bad_query_is_a_422_naming_the_parameter(coordinator, params, field, message):
    response = coordinator.get("/units", params)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error"
    assert body["message"] == "ข้อมูลที่ส่งมาไม่ถูกต้อง กรุณาตรวจสอบรายการใน errors"
    assert (body["errors"][0]["field"], body["errors"][0]["message"]) == (field, message)


def test_a_server_error_is_json_without_a_traceback(coordinator, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("the database is on fire")

    monkeypatch.setattr(org, "units_visible_to", broken)
    response = coordinator.get("/units")
    assert response.status_code == 500
    body = response.json()
    assert body["code"] == "server_error" and body["message"].startswith("ระบบขัดข้อง")
    assert "fire" not in response.content.decode() and "Traceback" not in response.content.decode()
    assert "the database is on fire" in caplog.text  # but the server's log has it


def test_thai_is_sent_as_itself(coordinator):
    response = coordinator.get("/units/OPS-AAA")
    assert "กองทดสอบเอ" in response.content.decode()


def test_an_unknown_query_parameter_is_refused_not_ignored(coordinator):
    response = coordinator.get("/units", {"staus": "x"})
    assert response.status_code == 422
    body = response.json()
    assert body["errors"] == [
        {"field": "query.staus", "message": "ไม่รู้จักพารามิเตอร์นี้", "type": "unknown_parameter"}
    ]
    assert "page_size" in body["message"] and "takes_part" in body["message"]
    assert (
        coordinator.get("/me", {"x": "1"}).json()["message"] == "ที่อยู่นี้ไม่รับพารามิเตอร์ใน query string"
    )


def test_answers_are_never_cached(coordinator):
    response = coordinator.get("/units/OPS-AAA")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
