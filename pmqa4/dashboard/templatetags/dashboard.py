"""Small helpers of the dashboard's templates."""

from django import template

from pmqa4.dashboard import rendering
from pmqa4.dashboard.tables import cell_text

register = template.Library()


@register.filter
def dash_cell(value):
    """A table cell as text: numbers with separators, an empty value as a dash."""
    return cell_text(value)


@register.filter
def table_rows(table):
    """{{ table|table_rows }}: the body rows of a dashboard Table, made in Python (a table of
    900 units through the template language is slow)."""
    return rendering.table_rows(table)


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.simple_tag
def with_query(query: str, **params) -> str:
    """The page's filters (``?kind=…``) with some values changed: {% with_query q status=… %}.
    An empty value removes the parameter."""
    from django.http import QueryDict

    values = QueryDict(query.lstrip("?"), mutable=True)
    for key, value in params.items():
        if value in (None, ""):
            values.pop(key, None)
        else:
            values[key] = str(value)
    encoded = values.urlencode()
    return "?" + encoded if encoded else ""
