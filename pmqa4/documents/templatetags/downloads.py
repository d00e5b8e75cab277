"""The download buttons of a unit's form page (documents/_downloads.html): one per format the
form is printed in, each pointing at the unit's document of the page's cycle."""

from django import template
from django.urls import reverse

from pmqa4.documents import service

register = template.Library()


@register.simple_tag(takes_context=True)
def document_links(context, kind: str) -> list[dict]:
    """[{fmt, label, icon, url}] for the context's unit and cycle; none without them."""
    unit, cycle = context.get("unit"), context.get("cycle")
    if unit is None or cycle is None or kind not in service.KINDS:
        return []
    doc = service.slug(kind)
    return [
        {
            "fmt": fmt,
            "label": service.FORMATS[fmt].label,
            "icon": service.FORMATS[fmt].icon,
            "url": reverse("downloads:download", args=[unit.code, cycle.fiscal_year, doc, fmt]),
        }
        for fmt, kinds in service.OFFERED.items()
        if kind in kinds
    ]


@register.simple_tag
def document_label(kind: str) -> str:
    return service.kind_label(kind)


@register.filter
def central_admin(request) -> bool:
    """Whether the request's user is a central administrator (the ZIP page's only users)."""
    from pmqa4.org.permissions import actor_of

    return actor_of(request).is_central_admin
