"""Before publishing nothing of the year is public; after, the scores are the ScoreRecords and
the plans are the accepted, frozen version."""

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from pmqa4.core.testing.factories import bangkok
from pmqa4.opendata.catalog import DATASETS
from pmqa4.plans.models import Activity, PlanItem
from pmqa4.scoring.models import ScoreKind
from pmqa4.submissions.workflow import (
    submission_accept,
    submission_request_sign_off,
    submission_return,
    submission_sign_off,
)
from pmqa4.teams.models import TeamMember

from .world import MEMBER_WITH_GAPS, PUBLISHED_AT, publish

pytestmark = pytest.mark.django_db
YEAR = 2568


def page(client, name, *args):
    response = client.get(reverse(f"opendata:{name}", args=args))
    assert response.status_code == 200
    return response.content.decode()


def main(html: str) -> str:
    """The page's own content (the header carries a fresh CSRF token each time)."""
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def csv_rows(client, dataset) -> list[dict]:
    response = client.get(reverse("opendata:download", args=[YEAR, dataset, "csv"]))
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def json_doc(client, dataset) -> dict:
    response = client.get(reverse("opendata:download", args=[YEAR, dataset, "json"]))
    assert response.status_code == 200
    return json.loads(response.content)


# Before publishing ----------------------------------------------------------------------------


def test_before_publishing_the_pages_say_so_and_show_no_scores_or_plans(client, world):
    home = page(client, "home")
    assert "ยังไม่มีการเผยแพร่ผลคะแนน" in home
    assert reverse("opendata:index", args=[YEAR]) not in home

    index = page(client, "index", YEAR)
    assert "ยังไม่มีการเผยแพร่ผลคะแนนของปีงบประมาณ พ.ศ. 2568" in index
    assert 'id="public-scores"' not in index
    assert "OPS-AAA" not in index

    unit = page(client, "unit", YEAR, "OPS-AAA")
    assert "ยังไม่มีผลคะแนนที่เผยแพร่ของหน่วยงานนี้ในปีงบประมาณ พ.ศ. 2568" in unit
    # unit A's plans are accepted, but nothing is public before the scores are published
    assert "พัฒนาบริการออนไลน์ เอ" not in unit
    assert 'id="form1"' not in unit


@pytest.mark.parametrize("dataset", sorted(DATASETS))
def test_before_publishing_every_download_is_empty(client, world, dataset):
    response = client.get(reverse("opendata:download", args=[YEAR, dataset, "csv"]))
    assert response.status_code == 200
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines == [",".join(DATASETS[dataset].header)]  # the header, no rows
    document = json_doc(client, dataset)
    assert document["records"] == []
    assert document["metadata"]["record_count"] == 0
    assert document["metadata"]["published"] is False
    assert document["metadata"]["last_modified"] is None


def test_an_unknown_year_unit_dataset_or_format_is_404(client, world):
    assert client.get(reverse("opendata:index", args=[2599])).status_code == 404
    assert client.get(reverse("opendata:unit", args=[YEAR, "NO-SUCH"])).status_code == 404
    assert client.get(reverse("opendata:download", args=[2599, "scores", "csv"])).status_code == 404
    assert client.get(reverse("opendata:download", args=[YEAR, "roster", "csv"])).status_code == 404
    assert (
        client.get(reverse("opendata:download", args=[YEAR, "scores", "xlsx"])).status_code == 404
    )


# After publishing -----------------------------------------------------------------------------


def test_the_index_lists_the_latest_published_scores(client, published):
    index = page(client, "index", YEAR)
    a_round1, a_year = published.round1["OPS-AAA"], published.year["OPS-AAA"]
    assert "OPS-AAA" in index and "OPS-BBB" in index
    assert "OPS-ASD" not in index  # the central group takes no part: never published
    row = index.split('<span class="unit-code">OPS-AAA</span>')[1].split("</tr>")[0]
    assert f">{a_round1.round1}<" in row
    assert f">{a_year.year}<" in row


def test_the_scores_dataset_equals_the_score_records(client, published):
    rows = {(r["unit_code"], r["round"]): r for r in csv_rows(client, "scores")}
    assert set(rows) == {(c, k) for c in ("OPS-AAA", "OPS-BBB") for k in ("round1", "year")}
    for code in ("OPS-AAA", "OPS-BBB"):
        r1, year = published.round1[code], published.year[code]
        assert Decimal(rows[code, "round1"]["score"]) == r1.round1
        assert Decimal(rows[code, "year"]["score"]) == year.year
        assert rows[code, "round1"]["max_score"] == "3.00"
        assert rows[code, "year"]["max_score"] == "5.00"
        assert rows[code, "round1"]["published_at"] == "2025-10-15T10:00:00+07:00"
    records = {(r["unit_code"], r["round"]): r for r in json_doc(client, "scores")["records"]}
    assert records["OPS-AAA", "year"]["score"] == float(published.year["OPS-AAA"].year)


def test_step_points_and_deductions_follow_the_breakdown(client, published):
    record = published.year["OPS-AAA"]
    points = [r for r in csv_rows(client, "step_points") if r["unit_code"] == "OPS-AAA"]
    round1 = [r for r in points if r["round"] == "round1"]
    year = [r for r in points if r["round"] == "year"]
    assert [r["step"] for r in round1] == ["1", "2", "3"]  # round 1 is steps 1–3
    assert [r["step"] for r in year] == ["1", "2", "3", "4", "5"]
    for row, step in zip(year, record.breakdown["steps"], strict=True):
        assert row["points"] == step["points"]
        assert row["done"] == ("true" if step["done"] else "false")
    expected = [
        (step["step"], d["rule"], d["amount"])
        for step in record.breakdown["steps"]
        for d in step["deductions"]
    ]
    deductions = [
        (int(r["step"]), r["rule"], r["amount"])
        for r in csv_rows(client, "deductions")
        if r["unit_code"] == "OPS-AAA" and r["round"] == "year"
    ]
    assert deductions == expected
    assert (1, "late_or_incomplete", "0.05") in deductions  # the roster's gap


def test_a_republication_replaces_the_public_score(client, published):
    cycle, central = published.cycle, published.cast.central
    # the roster's gap is filled in: step 1 loses its deduction
    TeamMember.objects.filter(full_name=MEMBER_WITH_GAPS).update(
        position="นักวิเคราะห์นโยบายและแผน", email="member2@example.go.th"
    )
    publish(cycle, central, now=PUBLISHED_AT + dt.timedelta(days=2))
    rows = {(r["unit_code"], r["round"]): r for r in csv_rows(client, "scores")}
    before = published.round1["OPS-AAA"].round1
    assert rows["OPS-AAA", "round1"]["score"] == str(before + Decimal("0.05"))
    assert rows["OPS-AAA", "round1"]["published_at"] == "2025-10-17T10:00:00+07:00"
    assert rows["OPS-AAA", "year"]["score"] == str(published.year["OPS-AAA"].year)  # unchanged


def test_the_unit_page_shows_its_scores_breakdown_and_accepted_plans(client, published):
    html = page(client, "unit", YEAR, "OPS-AAA")
    assert f'{published.round1["OPS-AAA"].round1} <span class="of">/ 3.00</span>' in html
    assert f'{published.year["OPS-AAA"].year} <span class="of">/ 5.00</span>' in html
    assert "สมาชิกลำดับที่ 2 ไม่มีตำแหน่งและทั้งโทรศัพท์และอีเมล" in html
    assert "พัฒนาบริการออนไลน์ เอ" in html and "เปิดเผยข้อมูลภาครัฐ" in html
    assert "ยื่นคำขอออนไลน์ เอ" in html and "ออกแบบแบบฟอร์ม" in html
    assert "ร้อยละของบริการออนไลน์ เอ" in html  # the KPI's name, from the snapshot
    assert "จากฉบับที่ 1 ที่ผ่านการตรวจรับเมื่อ 10 ก.พ. 2568 14:00 น." in html


def test_plans_come_from_the_accepted_snapshot_not_the_live_plan(client, published):
    before_page = main(page(client, "unit", YEAR, "OPS-AAA"))
    before_rows = csv_rows(client, "form1_items"), csv_rows(client, "form2_activities")
    PlanItem.objects.filter(pk=published.a.item1.pk).update(name="ชื่อที่แก้ภายหลัง")
    Activity.objects.filter(pk=published.a.activity.pk).update(months=[12], name="กิจกรรมใหม่")
    assert main(page(client, "unit", YEAR, "OPS-AAA")) == before_page
    assert (csv_rows(client, "form1_items"), csv_rows(client, "form2_activities")) == before_rows
    assert "ชื่อที่แก้ภายหลัง" not in before_page


def test_the_form_datasets_carry_the_snapshot(client, published):
    form1 = [r for r in csv_rows(client, "form1_items") if r["unit_code"] == "OPS-AAA"]
    assert [(r["item_label"], r["item_name"]) for r in form1] == [
        ("1.1", "พัฒนาบริการออนไลน์ เอ"),
        ("2.1", "เปิดเผยข้อมูลภาครัฐ"),
    ]
    assert (form1[0]["runs_in_year1"], form1[0]["runs_in_year3"]) == ("true", "false")
    assert form1[0]["kpi_codes"] == "K1" and form1[0]["plan_version"] == "1"
    form2 = csv_rows(client, "form2_activities")
    assert [(r["activity_label"], r["step_number"], r["fiscal_months"]) for r in form2] == [
        ("1.1", "", "1;2;3"),
        ("1.1", "1", "2"),
        ("1.1", "2", ""),
    ]
    assert form2[2]["name"] == "รายงานผลต่อ[ปิดชื่อบุคคล] โทร [ปิดข้อมูลติดต่อ] [ปิดข้อมูลติดต่อ]"
    assert form2[0]["months_name"] == "ต.ค. 2567;พ.ย. 2567;ธ.ค. 2567"
    months = csv_rows(client, "form2_months")
    assert [(r["step_number"], r["month"]) for r in months] == [
        ("", "2024-10"),
        ("", "2024-11"),
        ("", "2024-12"),
        ("1", "2024-11"),
    ]
    kpis = csv_rows(client, "plan_kpis")
    assert [(r["unit_code"], r["kpi_code"], r["kpi_name"]) for r in kpis] == [
        ("OPS-AAA", "K1", "ร้อยละของบริการออนไลน์ เอ")
    ]


def test_signed_and_submitted_but_not_accepted_plans_stay_private(client, published):
    html = page(client, "unit", YEAR, "OPS-BBB")
    assert 'id="score-round1"' in html  # B's score is published …
    assert "ยังไม่มีแผนของหน่วยงานนี้ที่ผ่านการตรวจรับ" in html  # … its plans are not
    assert "พัฒนาบริการออนไลน์ บี" not in html
    assert not [r for r in csv_rows(client, "form1_items") if r["unit_code"] == "OPS-BBB"]


def test_plans_accepted_after_the_publication_wait_for_the_next_one(client, published):
    cast, cycle = published.cast, published.cycle
    step3 = published.step3_a
    returned = PUBLISHED_AT + dt.timedelta(days=1)
    submission_return(
        submission=step3, actor=cast.central, comment="แก้ชื่อ", correction_due=None, now=returned
    )
    PlanItem.objects.filter(pk=published.a.item1.pk).update(name="ชื่อฉบับที่สอง")
    submission_request_sign_off(submission=step3, actor=cast.coordinator_a, now=returned)
    submission_sign_off(submission=step3, actor=cast.executive_a, now=returned)
    submission_accept(submission=step3, actor=cast.central, now=returned + dt.timedelta(hours=1))
    html = page(client, "unit", YEAR, "OPS-AAA")
    assert "พัฒนาบริการออนไลน์ เอ" in html and "ชื่อฉบับที่สอง" not in html
    publish(cycle, cast.central, kind=ScoreKind.YEAR, now=returned + dt.timedelta(days=1))
    html = page(client, "unit", YEAR, "OPS-AAA")
    assert "ชื่อฉบับที่สอง" in html and "จากฉบับที่ 2" in html


def test_a_formula_typed_into_a_plan_is_neutralised_in_the_csv(client, world):
    PlanItem.objects.filter(pk=world.a.item1.pk).update(name='=HYPERLINK("http://x.test","คลิก")')
    step3 = world.step3_a
    cast, at = world.cast, bangkok("2025-02-11 09:00")
    submission_return(
        submission=step3, actor=cast.central, comment="ตรวจ", correction_due=None, now=at
    )
    submission_request_sign_off(submission=step3, actor=cast.coordinator_a, now=at)
    submission_sign_off(submission=step3, actor=cast.executive_a, now=at)
    submission_accept(submission=step3, actor=cast.central, now=at)
    publish(world.cycle, cast.central)
    body = client.get(reverse("opendata:download", args=[YEAR, "form1_items", "csv"]))
    text = body.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert ',"=HYPERLINK' not in text and ",=HYPERLINK" not in text
    records = json_doc(client, "form1_items")["records"]
    assert records[0]["item_name"].startswith("=HYPERLINK")  # JSON carries the data as typed
