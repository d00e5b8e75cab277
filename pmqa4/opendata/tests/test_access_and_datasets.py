"""Anyone may read, nobody may write; the datasets keep their columns; the index costs the same
number of queries for 10 units as for 50."""

import datetime as dt
import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pmqa4.core.testing.factories import UnitFactory
from pmqa4.opendata.catalog import DATASETS
from pmqa4.org.models import Province, UnitKind

from .world import PUBLISHED_AT, publish

pytestmark = pytest.mark.django_db
YEAR = 2568
ACTORS = ("coordinator_a", "executive_a", "coordinator_b", "evaluator", "central", "staff_a")

# The column names people's scripts read: change them only by adding at the end.
HEADERS = {
    "scores": "fiscal_year,unit_code,unit_name,unit_kind,unit_kind_name,province_code,"
    "province_name,round,round_name,score,max_score,assessed_as_of,published_at",
    "step_points": "fiscal_year,unit_code,round,step,step_name,done,points,deduction_total,"
    "note,published_at",
    "deductions": "fiscal_year,unit_code,round,step,rule,rule_name,amount,reason,published_at",
    "form1_items": "fiscal_year,unit_code,unit_name,item_label,dimension,dimension_name,"
    "item_name,plan_first_year,runs_in_year1,runs_in_year2,runs_in_year3,kpi_codes,"
    "plan_version,accepted_at",
    "form2_activities": "fiscal_year,unit_code,unit_name,activity_label,step_number,dimension,"
    "dimension_name,name,fiscal_months,months_name,kpi_codes,plan_version,accepted_at",
    "form2_months": "fiscal_year,unit_code,activity_label,step_number,fiscal_month,month,"
    "month_name",
    "plan_kpis": "fiscal_year,unit_code,kpi_code,kpi_name,plan_version",
}


def urls():
    return [
        reverse("opendata:home"),
        reverse("opendata:dictionary"),
        reverse("opendata:index", args=[YEAR]),
        reverse("opendata:unit", args=[YEAR, "OPS-AAA"]),
        reverse("opendata:download", args=[YEAR, "scores", "csv"]),
        reverse("opendata:download", args=[YEAR, "form1_items", "json"]),
    ]


def test_anyone_reads_every_public_page_without_signing_in(client, published):
    for url in urls():
        response = client.get(url)
        assert response.status_code == 200, url
        assert "login" not in response.get("Location", "")
    for actor in ACTORS:
        signed_in = Client()
        signed_in.force_login(getattr(published.cast, actor))
        for url in urls():
            assert signed_in.get(url).status_code == 200, (actor, url)


def test_the_public_pages_are_read_only(client, published):
    for url in urls():
        assert client.post(url).status_code == 405, url


@pytest.mark.parametrize("dataset", sorted(DATASETS))
def test_each_csv_keeps_its_header_and_opens_in_excel(client, published, dataset):
    response = client.get(reverse("opendata:download", args=[YEAR, dataset, "csv"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="pmqa4_{YEAR}_{dataset}.csv"'
    body = response.content
    assert body.startswith("\ufeff".encode())  # the BOM: Excel reads the Thai
    assert body.decode("utf-8-sig").splitlines()[0] == HEADERS[dataset]
    assert len(body.decode("utf-8-sig").splitlines()) > 1  # the published world has rows


def test_the_catalog_lists_exactly_the_pinned_datasets():
    assert {name: ",".join(d.header) for name, d in DATASETS.items()} == HEADERS


def test_the_json_carries_the_metadata_of_the_open_data_catalogue(client, published):
    response = client.get(reverse("opendata:download", args=[YEAR, "deductions", "json"]))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Last-Modified" in response
    document = json.loads(response.content)
    meta = document["metadata"]
    assert meta["title"].startswith("การหักคะแนนตัวชี้วัด") and meta["title"].endswith("2568")
    assert meta["publisher"] == "กลุ่มพัฒนาระบบบริหาร สำนักงานปลัดกระทรวงแรงงาน"
    assert meta["license"]["id"] == "cc-by" and meta["license"]["url"].startswith("https://")
    assert meta["fiscal_year"] == YEAR and meta["language"] == "th"
    assert meta["last_modified"] == "2025-10-15T11:00:00+07:00"  # the year's publication
    assert meta["record_count"] == len(document["records"]) > 0
    assert [c["name"] for c in meta["columns"]] == HEADERS["deductions"].split(",")
    assert meta["columns"][6] == {
        "name": "amount",
        "type": "decimal",
        "type_label": "ทศนิยม (จุดเป็นตัวคั่นทศนิยม)",
        "description": "คะแนนที่หัก",
        "example": 0.05,
    }
    assert meta["distribution"]["csv"].endswith("/public/2568/data/deductions.csv")
    assert list(document["records"][0]) == HEADERS["deductions"].split(",")


def test_the_data_dictionary_lists_every_column_with_type_description_and_example(
    client, published
):
    html = client.get(reverse("opendata:dictionary")).content.decode()
    for name, dataset in DATASETS.items():
        assert f'id="{name}"' in html
        for column in dataset.columns:
            assert f"<code>{column.name}</code>" in html
    assert "ประเภทหน่วยงาน: bureau = สำนัก" in html
    assert "<samp>true</samp>" in html  # a boolean's example as the CSV writes it
    assert reverse("opendata:download", args=[YEAR, "scores", "csv"]) in html
    assert "Creative Commons Attribution 4.0" in html


def test_the_downloads_are_thai_whatever_the_visitors_language(client, published):
    client.cookies["django_language"] = "en"
    rows = client.get(reverse("opendata:download", args=[YEAR, "scores", "csv"]))
    assert "รอบการประเมินที่ ๑" in rows.content.decode("utf-8-sig")


def test_the_index_filters_by_kind_and_province_and_sorts(client, cycle, cast):
    chiang_mai = Province.objects.get(iso_code="50")
    UnitFactory(
        code="PLO-CNX",
        name_th="สำนักงานแรงงานจังหวัดเชียงใหม่",
        kind=UnitKind.PROVINCIAL_OFFICE,
        province=chiang_mai,
    )
    UnitFactory(code="CTR-ONE", name_th="ศูนย์ทดสอบ", kind=UnitKind.CENTER)
    publish(cycle, cast.central)
    url = reverse("opendata:index", args=[YEAR])
    html = client.get(url, {"kind": "provincial"}).content.decode()
    assert "PLO-CNX" in html and "OPS-AAA" not in html and "CTR-ONE" not in html
    html = client.get(url, {"province": chiang_mai.code}).content.decode()
    assert "PLO-CNX" in html and "CTR-ONE" not in html
    assert "แสดง 1 จาก 4 หน่วยงาน" in html
    html = client.get(url, {"sort": "name"}).content.decode()
    codes = ("OPS-BBB", "OPS-AAA", "CTR-ONE", "PLO-CNX")  # กองทดสอบบี < กองทดสอบเอ < ศ… < ส…
    order = [html.index(f'unit-code">{code}<') for code in codes]
    assert order == sorted(order)
    html = client.get(url, {"kind": "nonsense", "sort": "nonsense"}).content.decode()
    assert "แสดง 4 จาก 4 หน่วยงาน" in html  # a bad filter shows everything, never an error
    html = client.get(url, {"province": "ZZZ"}).content.decode()
    assert "ไม่พบหน่วยงานตามเงื่อนไข" in html


def _units(count: int, cycle, central, start=0):
    for n in range(start, start + count):
        UnitFactory(code=f"QRY-{n:03d}", name_th=f"หน่วยทดสอบ {n}")
    publish(cycle, central, now=PUBLISHED_AT + dt.timedelta(days=start))


def _queries(url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = Client().get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_index_runs_the_same_queries_for_10_and_50_units(
    cycle, cast, django_assert_max_num_queries
):
    url = reverse("opendata:index", args=[YEAR])
    _units(8, cycle, cast.central)  # with units A and B: 10 published
    ten = _queries(url)
    _units(40, cycle, cast.central, start=8)
    assert Client().get(url).content.decode().count('class="unit-code"') == 50
    with django_assert_max_num_queries(ten):
        response = Client().get(url)
    assert response.status_code == 200
    assert _queries(url) == ten <= 6


def test_a_download_runs_the_same_queries_for_10_and_50_units(cycle, cast):
    url = reverse("opendata:download", args=[YEAR, "step_points", "csv"])
    _units(8, cycle, cast.central)
    ten = _queries(url)
    _units(40, cycle, cast.central, start=8)
    assert _queries(url) == ten
