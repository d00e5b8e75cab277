"""The Thai fiscal year (1 Oct to 30 Sep, named by its B.E. year), in Python and in templates."""

import datetime as dt

import pytest

from pmqa4.core.fiscal import (
    BANGKOK,
    BE_OFFSET,
    FISCAL_MONTHS,
    be_year,
    ce_year,
    end_of_day,
    fiscal_month_index,
    fiscal_year_bounds,
    fiscal_year_of,
    start_of_day,
)
from pmqa4.core.thai import bangkok_date, fiscal_month_labels

UTC = dt.UTC
# 17:00 UTC on 30 Sep 2025 is exactly midnight starting 1 Oct 2025 in Bangkok (UTC+7).
BANGKOK_MIDNIGHT_1_OCT_2025 = dt.datetime(2025, 9, 30, 17, 0, tzinfo=UTC)


def test_be_and_ce_years_differ_by_543_both_ways():
    assert BE_OFFSET == 543
    assert be_year(2025) == 2568
    assert ce_year(2568) == 2025


def test_the_last_day_of_september_closes_the_fiscal_year():
    assert fiscal_year_of(dt.date(2025, 9, 30)) == 2568


def test_the_first_of_october_opens_the_next_fiscal_year():
    assert fiscal_year_of(dt.date(2025, 10, 1)) == 2569


def test_january_belongs_to_the_fiscal_year_of_its_own_be_year():
    assert fiscal_year_of(dt.date(2025, 1, 31)) == 2568


def test_fiscal_year_2568_runs_from_1_october_2024_to_30_september_2025():
    assert fiscal_year_bounds(2568) == (dt.date(2024, 10, 1), dt.date(2025, 9, 30))


def test_every_day_inside_the_bounds_belongs_to_that_fiscal_year():
    first, last = fiscal_year_bounds(2568)
    assert fiscal_year_of(first) == fiscal_year_of(last) == 2568
    assert fiscal_year_of(first - dt.timedelta(days=1)) == 2567
    assert fiscal_year_of(last + dt.timedelta(days=1)) == 2569


def test_a_utc_instant_at_bangkok_midnight_falls_on_the_new_day_and_fiscal_year():
    day = bangkok_date(BANGKOK_MIDNIGHT_1_OCT_2025)
    assert day == dt.date(2025, 10, 1)
    assert fiscal_year_of(day) == 2569


def test_one_microsecond_before_bangkok_midnight_is_still_the_old_fiscal_year():
    just_before = BANGKOK_MIDNIGHT_1_OCT_2025 - dt.timedelta(microseconds=1)
    assert bangkok_date(just_before) == dt.date(2025, 9, 30)
    assert fiscal_year_of(bangkok_date(just_before)) == 2568


def test_fiscal_months_start_in_october_and_end_in_september():
    assert FISCAL_MONTHS == (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)
    assert fiscal_month_index(dt.date(2024, 10, 15)) == 1
    assert fiscal_month_index(dt.date(2025, 1, 1)) == 4
    assert fiscal_month_index(dt.date(2025, 9, 30)) == 12


def test_fiscal_month_labels_follow_fiscal_order():
    assert fiscal_month_labels() == (
        "ต.ค.",
        "พ.ย.",
        "ธ.ค.",
        "ม.ค.",
        "ก.พ.",
        "มี.ค.",
        "เม.ย.",
        "พ.ค.",
        "มิ.ย.",
        "ก.ค.",
        "ส.ค.",
        "ก.ย.",
    )
    full = fiscal_month_labels(short=False)
    assert (full[0], full[3], full[-1]) == ("ตุลาคม", "มกราคม", "กันยายน")


def test_a_due_date_ends_at_the_last_microsecond_of_its_bangkok_day():
    due = end_of_day(dt.date(2025, 9, 30))
    assert due.tzinfo is BANGKOK
    assert (due.hour, due.minute, due.second, due.microsecond) == (23, 59, 59, 999999)
    assert due.astimezone(UTC) == dt.datetime(2025, 9, 30, 16, 59, 59, 999999, tzinfo=UTC)
    assert due < BANGKOK_MIDNIGHT_1_OCT_2025


def test_a_day_starts_at_bangkok_midnight():
    assert start_of_day(dt.date(2025, 10, 1)) == BANGKOK_MIDNIGHT_1_OCT_2025


# Template filters: need Django settings (pytest --ds=config.settings.test); skipped without them.


@pytest.fixture
def render():
    from django.conf import settings

    if not settings.configured:
        pytest.skip("Django settings not configured")
    from django.template import Context, Template

    return lambda source, **context: Template(source).render(Context(context))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2025, 9, 30), "2568"),
        (dt.date(2025, 10, 1), "2569"),
        (BANGKOK_MIDNIGHT_1_OCT_2025, "2569"),
        (BANGKOK_MIDNIGHT_1_OCT_2025 - dt.timedelta(seconds=1), "2568"),
        (None, ""),
        (dt.datetime(2025, 10, 1), ""),  # naive: no guess, no crash
    ],
)
def test_fiscal_year_filter_gives_the_be_fiscal_year_of_the_bangkok_day(render, value, expected):
    assert render("{{ v|fiscal_year }}", v=value) == expected


def test_fiscal_month_filter_counts_from_october(render):
    assert render("{{ d|fiscal_month }}", d=dt.date(2024, 10, 1)) == "1"
    assert render("{{ d|fiscal_month }}", d=dt.date(2025, 9, 1)) == "12"
    assert render("{{ d|fiscal_month }}", d=BANGKOK_MIDNIGHT_1_OCT_2025) == "1"
    assert render("{{ d|fiscal_month }}", d=None) == ""


def test_fiscal_month_labels_tag_gives_column_headers_in_fiscal_order(render):
    source = "{% fiscal_month_labels as months %}{{ months|join:' ' }}"
    assert render(source) == "ต.ค. พ.ย. ธ.ค. ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย."
    long_source = "{% fiscal_month_labels 'long' as months %}{{ months|first }}–{{ months|last }}"
    assert render(long_source) == "ตุลาคม–กันยายน"
