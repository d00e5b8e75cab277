"""The dashboard's small parts on their own: the histogram bins, the filters' query strings,
how a table cell reads."""

from decimal import Decimal

import pytest
from django.http import QueryDict

from pmqa4.dashboard import bins
from pmqa4.dashboard.filters import Filters
from pmqa4.dashboard.tables import cell_text
from pmqa4.dashboard.templatetags.dashboard import with_query


def test_kpi_bins_split_at_the_threshold_and_count_each_value_once():
    values = [Decimal(v) for v in ("0", "49.99", "50", "84.99", "85", "99.5", "100", "120", "300")]
    histogram = bins.kpi_histogram(values, Decimal("85.00"))
    labels = [label for label, _count, _reaches in histogram]
    assert labels == [
        "< 50",
        "50–60",
        "60–70",
        "70–80",
        "80–85",
        "85–90",
        "90–100",
        "100–110",
        "110–120",
        "≥ 120",
    ]
    counts = {label: count for label, count, _reaches in histogram}
    assert counts["< 50"] == 2 and counts["50–60"] == 1 and counts["80–85"] == 1
    assert counts["85–90"] == 1 and counts["90–100"] == 1 and counts["100–110"] == 1
    assert counts["≥ 120"] == 2
    assert sum(counts.values()) == len(values)
    reaches = {label: r for label, _count, r in histogram}
    assert not reaches["80–85"] and reaches["85–90"] and not reaches["< 50"]


def test_a_threshold_off_the_edges_becomes_an_edge_of_its_own():
    labels = [label for label, *_ in bins.kpi_histogram([], Decimal("87.5"))]
    assert "80–87.5" in labels and "87.5–90" in labels


def test_score_bands_are_half_points_with_five_in_the_last():
    bands = bins.score_histogram(
        [Decimal("0"), Decimal("2.75"), Decimal("3")], [Decimal("5"), Decimal("4.49")]
    )
    assert [b[0] for b in bands][:2] == ["0.0–0.5", "0.5–1.0"] and len(bands) == 10
    by_band = {band: (r, y) for band, r, y in bands}
    assert by_band["0.0–0.5"] == (1, 0)
    assert by_band["2.5–3.0"] == (1, 0) and by_band["3.0–3.5"] == (1, 0)
    assert by_band["4.0–4.5"] == (0, 1) and by_band["4.5–5.0"] == (0, 1)


def test_plain_numbers():
    assert bins.plain(Decimal("85.00")) == "85"
    assert bins.plain(Decimal("87.50")) == "87.5"
    assert bins.plain(Decimal("100")) == "100"


@pytest.mark.django_db
def test_filters_keep_only_known_values_and_write_them_back():
    query = QueryDict("kind=provincial&region=north&status=late&step=3&q=  เชียง   ใหม่ &year=2568")
    filters = Filters.from_query(query, provinces=[])
    assert (filters.kind, filters.region, filters.status, filters.step) == (
        "provincial",
        "north",
        "late",
        3,
    )
    assert filters.q == "เชียง ใหม่" and not filters.errors and filters.active
    assert filters.query_string() == (
        "?year=2568&kind=provincial&region=north&step=3&status=late"
        "&q=%E0%B9%80%E0%B8%8A%E0%B8%B5%E0%B8%A2%E0%B8%87+%E0%B9%83%E0%B8%AB%E0%B8%A1%E0%B9%88"
    )
    assert (
        filters.query_string(status="", step=None, q="")
        == "?year=2568&kind=provincial&region=north"
    )
    assert Filters().query_string() == "" and not Filters().active


@pytest.mark.django_db
def test_a_search_longer_than_100_characters_is_cut_with_a_message():
    filters = Filters.from_query(QueryDict("q=" + "ก" * 150), provinces=[])
    assert len(filters.q) == 100
    assert filters.errors == ("คำค้นยาวเกิน 100 ตัวอักษร จึงใช้เพียง 100 ตัวแรก",)


def test_with_query_changes_or_drops_one_parameter():
    assert (
        with_query("?kind=center&status=late", status="draft", step=3)
        == "?kind=center&status=draft&step=3"
    )
    assert with_query("?kind=center&status=late", status="") == "?kind=center"
    assert with_query("", step="") == ""


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "–"),
        ("", "–"),
        (1234, "1,234"),
        (Decimal("50.0"), "50.0"),
        (Decimal("0.36"), "0.36"),
        (Decimal("85"), "85"),
        (Decimal("1234.5"), "1,234.5"),
        ("ข้อความ", "ข้อความ"),
    ],
)
def test_a_cell_reads_as_people_write_numbers(value, text):
    assert cell_text(value) == text
