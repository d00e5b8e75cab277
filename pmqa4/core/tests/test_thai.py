"""Thai numerals, B.E. dates and numbers, in Python and through the template filters."""

import datetime as dt
from decimal import Decimal

import pytest

from pmqa4.core.thai import (
    MONTHS_FULL,
    MONTHS_SHORT,
    arabic_digits,
    format_be_date,
    format_be_datetime,
    format_number,
    month_name,
    thai_digits,
)

UTC = dt.UTC
DEC_20 = dt.date(2024, 12, 20)


def test_thai_digits_replaces_every_arabic_digit_in_str_int_and_decimal():
    assert thai_digits("0123456789") == "๐๑๒๓๔๕๖๗๘๙"
    assert thai_digits(2567) == "๒๕๖๗"
    assert thai_digits(Decimal("4.50")) == "๔.๕๐"
    assert thai_digits("ข้อ 3.2") == "ข้อ ๓.๒"


def test_thai_digits_of_none_is_empty_not_the_word_none():
    assert thai_digits(None) == ""
    assert arabic_digits(None) == ""


def test_arabic_digits_reads_thai_numerals_back():
    assert arabic_digits("๒๐ ธ.ค. ๒๕๖๗") == "20 ธ.ค. 2567"


@pytest.mark.parametrize("plain", ["", "ตัวชี้วัดที่ 1.2.3 ปี 2568", "-1,234.50", "no digits"])
def test_converting_to_thai_and_back_restores_the_text(plain):
    assert arabic_digits(thai_digits(plain)) == plain
    assert not any(c in "0123456789" for c in thai_digits(plain))


def test_month_names_cover_the_year_in_calendar_order():
    assert len(MONTHS_FULL) == len(MONTHS_SHORT) == 12
    assert month_name(1) == "มกราคม"
    assert month_name(12) == "ธันวาคม"
    assert month_name(4, short=True) == "เม.ย."
    with pytest.raises(ValueError):
        month_name(13)


@pytest.mark.parametrize(
    ("style", "numerals", "expected"),
    [
        ("long", "arabic", "20 ธันวาคม 2567"),
        ("long", "thai", "๒๐ ธันวาคม ๒๕๖๗"),
        ("short", "arabic", "20 ธ.ค. 2567"),
        ("short", "thai", "๒๐ ธ.ค. ๒๕๖๗"),
        ("short2", "arabic", "20 ธ.ค. 67"),
        ("short2", "thai", "๒๐ ธ.ค. ๖๗"),
    ],
)
def test_a_date_formats_in_every_style_with_either_numeral_system(style, numerals, expected):
    assert format_be_date(DEC_20, style, numerals) == expected


def test_a_date_defaults_to_the_long_style_in_arabic_numerals():
    assert format_be_date(DEC_20) == "20 ธันวาคม 2567"


def test_the_last_day_of_january_2025_is_in_be_2568():
    assert format_be_date(dt.date(2025, 1, 31), numerals="thai") == "๓๑ มกราคม ๒๕๖๘"


def test_a_two_digit_be_year_keeps_its_leading_zero():
    assert format_be_date(dt.date(1957, 3, 5), "short2") == "5 มี.ค. 00"


def test_an_aware_datetime_is_dated_by_its_day_in_bangkok():
    evening_utc = dt.datetime(2024, 12, 19, 17, 30, tzinfo=UTC)
    assert format_be_date(evening_utc, "short") == "20 ธ.ค. 2567"


def test_a_naive_datetime_is_refused_rather_than_guessed():
    with pytest.raises(ValueError, match="naive"):
        format_be_date(dt.datetime(2024, 12, 20, 9, 30))
    with pytest.raises(ValueError, match="naive"):
        format_be_datetime(dt.datetime(2024, 12, 20, 9, 30))


def test_an_unknown_style_or_numeral_system_is_an_error():
    with pytest.raises(ValueError):
        format_be_date(DEC_20, "medium")
    with pytest.raises(ValueError):
        format_be_date(DEC_20, "short", "roman")


def test_a_datetime_shows_the_short_date_and_the_bangkok_time():
    morning = dt.datetime(2024, 12, 20, 2, 30, tzinfo=UTC)
    assert format_be_datetime(morning) == "20 ธ.ค. 2567 09:30 น."
    assert format_be_datetime(morning, numerals="thai") == "๒๐ ธ.ค. ๒๕๖๗ ๐๙:๓๐ น."


def test_a_plain_date_is_not_a_datetime():
    with pytest.raises(TypeError):
        format_be_datetime(DEC_20)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234567, None, "1,234,567"),
        (Decimal("1234.50"), None, "1,234.50"),
        (1234.5, 2, "1,234.50"),
        (Decimal("-9876543.21"), 1, "-9,876,543.2"),
        (Decimal("1E+3"), None, "1,000"),
        ("๑,๒๓๔.๕", 0, "1,235"),
        (999, None, "999"),
    ],
)
def test_a_number_gets_thousands_separators(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_rounding_is_half_up_on_the_number_as_written():
    assert format_number(Decimal("2.125"), 2) == "2.13"
    assert format_number(2.675, 2) == "2.68"
    assert format_number(Decimal("0.5"), 0) == "1"


def test_a_negative_number_rounding_to_zero_loses_its_sign():
    assert format_number(Decimal("-0.001"), 2) == "0.00"


def test_a_number_can_be_written_in_thai_numerals():
    assert format_number(1234567.5, 2, numerals="thai") == "๑,๒๓๔,๕๖๗.๕๐"


def test_a_missing_number_is_empty_and_a_non_number_is_an_error():
    assert format_number(None) == ""
    assert format_number("") == ""
    with pytest.raises(ValueError):
        format_number("abc")
    with pytest.raises(ValueError):
        format_number(float("nan"))


# Template filters: need Django settings (pytest --ds=config.settings.test); skipped without them.


@pytest.fixture
def render():
    from django.conf import settings

    if not settings.configured:
        pytest.skip("Django settings not configured")
    from django.template import Context, Template

    return lambda source, **context: Template(source).render(Context(context))


def test_the_filters_are_builtins_so_templates_need_no_load(render):
    assert render("{{ d|be_date_th:'short' }}", d=DEC_20) == "๒๐ ธ.ค. ๒๕๖๗"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ d|be_date }}", "20 ธันวาคม 2567"),
        ("{{ d|be_date:'short' }}", "20 ธ.ค. 2567"),
        ("{{ d|be_date:'short2' }}", "20 ธ.ค. 67"),
        ("{{ d|be_date_th }}", "๒๐ ธันวาคม ๒๕๖๗"),
        ("{{ d|be_date_th:'short2' }}", "๒๐ ธ.ค. ๖๗"),
        ("{{ d|be_year }}", "2567"),
        ("{{ 2024|be_year }}", "2567"),
        ("{{ 2567|thai_digits }}", "๒๕๖๗"),
        ("{{ d|be_year|thai_digits }}", "๒๕๖๗"),
        ("{{ n|thai_number }}", "1,234,567.891"),
        ("{{ n|thai_number:2 }}", "1,234,567.89"),
        ("{{ n|thai_number:'0'|thai_digits }}", "๑,๒๓๔,๕๖๘"),
    ],
)
def test_the_date_and_number_filters_render_thai_text(render, source, expected):
    assert render(source, d=DEC_20, n=Decimal("1234567.891")) == expected


def test_be_datetime_filter_shows_bangkok_time(render):
    t = dt.datetime(2024, 12, 20, 2, 30, tzinfo=UTC)
    assert render("{{ t|be_datetime }}", t=t) == "20 ธ.ค. 2567 09:30 น."
    assert render("{{ t|be_datetime:'thai' }}", t=t) == "๒๐ ธ.ค. ๒๕๖๗ ๐๙:๓๐ น."
    assert render("{{ d|be_datetime }}", d=DEC_20) == "20 ธ.ค. 2567"


def test_the_date_filters_take_aware_datetimes_in_bangkok(render):
    evening_utc = dt.datetime(2024, 12, 19, 17, 30, tzinfo=UTC)
    assert render("{{ t|be_date:'short' }}", t=evening_utc) == "20 ธ.ค. 2567"
    new_year_eve_utc = dt.datetime(2024, 12, 31, 17, 0, tzinfo=UTC)
    assert render("{{ t|be_year }}", t=new_year_eve_utc) == "2568"


@pytest.mark.parametrize(
    "source",
    [
        "{{ missing|be_date }}",
        "{{ none|be_date_th:'short' }}",
        "{{ none|be_datetime }}",
        "{{ none|be_year }}",
        "{{ none|thai_number:2 }}",
        "{{ none|thai_digits }}",
        "{{ empty|be_date }}",
        "{{ naive|be_date }}",
        "{{ naive|be_datetime }}",
        "{{ d|be_date:'medium' }}",
        "{{ word|be_year }}",
        "{{ word|thai_number }}",
        "{{ n|thai_number:'x' }}",
    ],
)
def test_the_filters_render_empty_instead_of_raising_on_bad_input(render, source):
    context = {"none": None, "empty": "", "word": "abc", "d": DEC_20, "n": 5}
    context["naive"] = dt.datetime(2024, 12, 20, 9, 30)
    assert render(source, **context) == ""
