"""The read endpoints: what each returns, its filters and pages, and the pages' permission
rules (own unit 200, another unit 404, no token 401)."""

import pytest

from pmqa4.api.models import Scope

pytestmark = pytest.mark.django_db

A = "/units/OPS-AAA/cycles/2568"
B = "/units/OPS-BBB/cycles/2568"


@pytest.fixture
def as_(world, issue, caller):
    """as_("coordinator_a") → a Caller with a read token of that member of the cast."""
    return lambda who, scope=Scope.READ: caller(issue(getattr(world.cast, who), scope))


def codes(response, key="code"):
    assert response.status_code == 200, response.content
    return [row[key] for row in response.json()["items"]]


def test_me_says_who_calls_with_which_roles_and_no_contact_details(as_, world):
    response = as_("coordinator_a", Scope.READ_WRITE_ACTUALS).get("/me")
    body = response.json()
    assert body["username"] == "coord.a"
    assert body["roles"] == [
        {"role": "coordinator", "role_label": "ผู้ประสานงานหน่วยงาน", "unit_code": "OPS-AAA"}
    ]
    assert body["token"]["scope"] == "read_write_actuals"
    text = response.content.decode()
    assert world.cast.coordinator_a.email not in text and "email" not in text


def test_units_are_those_the_pages_show(as_):
    assert codes(as_("coordinator_a").get("/units")) == ["OPS-AAA"]
    assert codes(as_("executive_a").get("/units")) == ["OPS-AAA"]
    assert codes(as_("staff_a").get("/units")) == []  # no role: no unit
    assert codes(as_("central").get("/units")) == ["OPS-AAA", "OPS-ASD", "OPS-BBB"]
    assert codes(as_("evaluator").get("/units")) == ["OPS-AAA", "OPS-ASD", "OPS-BBB"]


def test_units_filter_and_page(as_):
    central = as_("central")
    assert codes(central.get("/units", {"q": "ทดสอบบี"})) == ["OPS-BBB"]
    assert codes(central.get("/units", {"takes_part": "false"})) == ["OPS-ASD"]
    assert codes(central.get("/units", {"kind": "provincial"})) == []
    page = central.get("/units", {"page": 2, "page_size": 2}).json()
    assert page["count"] == 3 and page["page"] == 2 and page["page_size"] == 2
    assert [u["code"] for u in page["items"]] == ["OPS-BBB"]
    past_the_end = central.get("/units", {"page": 9, "page_size": 2}).json()
    assert past_the_end["items"] == [] and past_the_end["count"] == 3


def test_one_unit_is_a_404_for_someone_elses(as_):
    body = as_("coordinator_a").get("/units/OPS-AAA").json()
    assert body["name_th"] == "กองทดสอบเอ" and body["kind_label"] == "กอง"
    for who in ("coordinator_a", "staff_a"):
        response = as_(who).get("/units/OPS-BBB")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
    assert as_("central").get("/units/OPS-BBB").status_code == 200
    assert as_("central").get("/units/NO-SUCH").status_code == 404


def test_cycles_with_their_steps_and_due_dates(as_):
    caller = as_("coordinator_a")
    assert codes(caller.get("/cycles"), key="fiscal_year") == [2568]
    cycle = caller.get("/cycles/2568").json()
    assert cycle["starts_on"] == "2024-10-01" and cycle["kpi_threshold"] == "85"
    assert [(s["number"], s["due_on"], s["round"]) for s in cycle["steps"]] == [
        (1, "2024-11-29", 1),
        (2, "2025-09-30", 1),
        (3, "2025-01-31", 1),
        (4, "2025-09-24", 2),
        (5, "2025-09-30", 2),
    ]
    assert caller.get("/cycles/2569").status_code == 404
    invalid = caller.get("/cycles/68")
    assert invalid.status_code == 422
    assert invalid.json()["errors"][0]["field"] == "path.year"
    assert invalid.json()["errors"][0]["message"] == "ค่าน้อยเกินไป"


def test_a_units_steps_and_their_status(as_, world):
    body = as_("executive_a").get(f"{A}/steps").json()
    steps = {s["number"]: s for s in body["steps"]}
    assert list(steps) == [1, 3, 4, 5]  # step 2 (meetings) has nothing to submit
    assert steps[1]["status"] == "accepted" and steps[1]["status_label"] == "ผ่านการตรวจรับ"
    assert steps[1]["submission"]["first_submitted_at"] == "2024-11-20T10:00:00+07:00"
    assert steps[3]["submission"] is None
    assert as_("coordinator_a").get(f"{B}/steps").status_code == 404
    assert as_("evaluator").get(f"{B}/steps").json()["steps"][0]["submission"] is None


def test_every_visible_units_step_status_in_one_list(as_):
    assert codes(as_("coordinator_b").get("/cycles/2568/step-status"), "unit_code") == ["OPS-BBB"]
    everyone = as_("central").get("/cycles/2568/step-status", {"takes_part": "true"})
    assert codes(everyone, "unit_code") == ["OPS-AAA", "OPS-BBB"]
    first = everyone.json()["items"][0]["steps"][0]
    assert first["number"] == 1 and first["status"] == "accepted"


def test_form1_items(as_, world):
    body = as_("coordinator_a").get(f"{A}/plan-items").json()
    assert body["count"] == 2
    first, second = body["items"]
    assert (first["label"], first["name"], first["fiscal_years"]) == (
        "1.1",
        "พัฒนาบริการออนไลน์",
        [2568],
    )
    assert first["kpi_codes"] == ["K1"] and first["characteristics"] == ["การคิดเชิงยุทธศาสตร์"]
    assert (second["label"], second["fiscal_years"]) == ("2.1", [2569, 2570])
    only_two = as_("coordinator_a").get(f"{A}/plan-items", {"dimension": 2}).json()
    assert [i["label"] for i in only_two["items"]] == ["2.1"]
    assert as_("coordinator_a").get(f"{B}/plan-items").status_code == 404


def test_form2_activities(as_):
    body = as_("coordinator_b").get(f"{B}/activities").json()
    (activity,) = body["items"]
    assert activity["name"] == "ยื่นคำขอออนไลน์" and activity["months"] == [1, 2, 3]
    assert activity["plan_item_label"] == "1.1" and activity["kpi_codes"] == ["K1", "K3"]
    assert activity["steps"] == [{"number": 1, "name": "ออกแบบแบบฟอร์ม", "months": [1]}]
    assert as_("coordinator_b").get(f"{A}/activities").status_code == 404


def test_kpis_with_targets_actuals_and_achievement(as_):
    body = as_("coordinator_a").get(f"{A}/kpis").json()
    kpis = {k["code"]: k for k in body["items"]}
    assert list(kpis) == ["K1", "K2", "K3"]
    k1 = kpis["K1"]
    assert (k1["target"], k1["status"], k1["achievement_percent"]) == ("80", "reached", "112.50")
    assert k1["latest_actual"]["value"] == "90" and k1["in_action_plan"] is True
    assert (kpis["K2"]["in_action_plan"], kpis["K2"]["status"]) == (False, "no_actual")
    assert (kpis["K3"]["target"], kpis["K3"]["status"]) == (None, "no_target")
    reached = as_("coordinator_a").get(f"{A}/kpis", {"status": "reached"})
    assert codes(reached) == ["K1"]
    assert codes(as_("coordinator_a").get(f"{A}/kpis", {"in_action_plan": "true"})) == ["K1", "K3"]
    assert codes(as_("coordinator_a").get(f"{A}/kpis", {"q": "พึงพอใจ"})) == ["K3"]


def test_one_kpi_without_the_contacts_of_form3(as_, world):
    response = as_("coordinator_a").get(f"{A}/kpis/K1")
    body = response.json()
    assert body["calculation"] == "จำนวนที่เชื่อมโยง ÷ ทั้งหมด × 100"
    assert body["baselines"] == [{"fiscal_year": 2567, "value": "72.5", "note": "ผลปีก่อน"}]
    assert [a["value"] for a in body["actuals"]] == ["90"]
    sheet = world.a.k1.sheet
    text = response.content.decode()
    assert sheet.supervisor_phone not in text and sheet.supervisor_name not in text
    assert "phone" not in text and "email" not in text
    assert as_("coordinator_a").get(f"{A}/kpis/K9").status_code == 404
    assert as_("coordinator_a").get(f"{B}/kpis/K1").status_code == 404
    assert as_("evaluator").get(f"{B}/kpis/K1").json()["name"] == "ร้อยละของบริการออนไลน์ บี"


def test_published_scores_latest_first_and_only_ones_own(as_, world):
    mine = as_("coordinator_a").get("/scores").json()
    assert [(s["unit_code"], s["id"]) for s in mine["items"]] == [("OPS-AAA", world.score_a.pk)]
    history = as_("coordinator_a").get("/scores", {"latest": "false"}).json()
    assert history["count"] == 2
    everyone = as_("central").get("/scores", {"year": 2568, "kind": 1}).json()
    assert sorted(s["unit_code"] for s in everyone["items"]) == ["OPS-AAA", "OPS-BBB"]
    assert as_("central").get("/scores", {"unit": "OPS-BBB"}).json()["count"] == 1
    assert as_("staff_a").get("/scores").json()["count"] == 0


def test_one_published_score_with_its_breakdown(as_, world):
    body = as_("executive_a").get(f"/scores/{world.score_a.pk}").json()
    assert body["kind"] == 1 and body["round1"] == world.score_a.breakdown["round1"]
    assert [s["step"] for s in body["steps"]] == [1, 2, 3, 4, 5]
    step1 = body["steps"][0]
    assert step1["title"] == world.score_a.breakdown["steps"][0]["title"]
    assert "members" in step1["details"]
    assert as_("coordinator_a").get(f"/scores/{world.score_b.pk}").status_code == 404
    assert as_("central").get(f"/scores/{world.score_b.pk}").json()["unit_code"] == "OPS-BBB"


@pytest.mark.parametrize(
    "path",
    [
        "/me",
        "/units",
        "/units/OPS-AAA",
        "/cycles",
        f"{A}/steps",
        f"{A}/kpis",
        f"{A}/kpis/K1",
        "/scores",
    ],
)
def test_without_a_token_every_endpoint_is_a_401(world, caller, path):
    response = caller(None).get(path)
    assert response.status_code == 401 and response.json()["code"] == "token_missing"
