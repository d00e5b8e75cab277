"""Thai date and number filters, registered as a template builtin (no ``{% load %}`` needed).

Thin wrappers over pmqa4.core.thai and pmqa4.core.fiscal. A page must still render when a
value is missing or odd, so every filter turns None, "" and bad input into "" instead of raising.
"""

import datetime as dt
import functools

from django import template

from pmqa4.core import fiscal
from pmqa4.core import thai as text

register = template.Library()


def _blank_on_error(func):
    """Empty input or input the formatter refuses renders as "", like Django's own ``date``."""

    @functools.wraps(func)
    def wrapper(value, *args):
        if value is None or value == "":
            return ""
        try:
            return func(value, *args)
        except (TypeError, ValueError, OverflowError):
            return ""

    return wrapper


def _decimals(arg):
    return None if arg is None or arg == "" else int(arg)


@register.filter(is_safe=True)
def thai_digits(value):
    """{{ 2567|thai_digits }} → ๒๕๖๗"""
    return text.thai_digits(value)


@register.filter
@_blank_on_error
def be_date(value, style="long"):
    """{{ d|be_date }} → 20 ธันวาคม 2567; :"short" → 20 ธ.ค. 2567; :"short2" → 20 ธ.ค. 67"""
    return text.format_be_date(value, style, "arabic")


@register.filter
@_blank_on_error
def be_date_th(value, style="long"):
    """{{ d|be_date_th:"short" }} → ๒๐ ธ.ค. ๒๕๖๗"""
    return text.format_be_date(value, style, "thai")


@register.filter
@_blank_on_error
def be_datetime(value, numerals="arabic"):
    """{{ dt|be_datetime }} → 20 ธ.ค. 2567 09:30 น.; :"thai" for Thai numerals.

    A plain date has no time to show, so it renders as the short date alone.
    """
    if not isinstance(value, dt.datetime):
        return text.format_be_date(value, "short", numerals)
    return text.format_be_datetime(value, numerals)


@register.filter
@_blank_on_error
def be_year(value):
    """{{ 2024|be_year }} → 2567; a date or datetime gives the B.E. year of its Bangkok day."""
    if isinstance(value, dt.date):
        return fiscal.be_year(text.bangkok_date(value).year)
    if isinstance(value, bool):
        return ""
    return fiscal.be_year(int(value))


@register.filter
@_blank_on_error
def fiscal_year(value):
    """{{ d|fiscal_year }} → 2569 for 1 Oct 2025 (datetimes are taken in Bangkok)."""
    return fiscal.fiscal_year_of(text.bangkok_date(value))


@register.filter
@_blank_on_error
def fiscal_month(value):
    """{{ d|fiscal_month }} → 1 for any day in October, 12 for September."""
    return fiscal.fiscal_month_index(text.bangkok_date(value))


@register.simple_tag
def fiscal_month_labels(style="short"):
    """{% fiscal_month_labels as months %} → ต.ค. … ก.ย.; "long" gives full month names."""
    return list(text.fiscal_month_labels(short=style != "long"))


@register.filter
@_blank_on_error
def thai_number(value, decimals=None):
    """{{ 1234567.891|thai_number:2 }} → 1,234,567.89 (chain |thai_digits for Thai numerals)."""
    return text.format_number(value, _decimals(decimals))
