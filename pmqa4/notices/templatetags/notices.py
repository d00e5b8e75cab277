"""The contact card, the top menu's links, and small display helpers for the notices pages."""

from django import template
from django.utils.translation import gettext as _

from pmqa4.org.models import UnitKind
from pmqa4.org.permissions import actor_of

from ..contact import contact_card, phone_link
from ..selectors import may_ask, may_read_questions

register = template.Library()


@register.simple_tag
def central_contact():
    """The central group's contact card (one query): ``{% central_contact as contact %}``."""
    return contact_card()


@register.simple_tag(takes_context=True)
def may_ask_questions(context) -> bool:
    """Whether the signed-in person may ask the central group (a unit's coordinator/executive)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and may_ask(actor_of(request)))


@register.filter
def tel_href(phone: str) -> str:
    return phone_link(phone or "")


@register.filter
def audience_label(announcement) -> str:
    """ "ทุกหน่วยงาน" or the kinds of unit it is for (its audiences prefetched)."""
    if announcement.to_all_units:
        return _("ทุกหน่วยงาน")
    chosen = {a.kind for a in announcement.audiences.all()}
    return ", ".join(str(label) for kind, label in UnitKind.choices if kind in chosen)


@register.inclusion_tag("notices/_menu.html", takes_context=True)
def notices_menu(context):
    """The menu's links for a signed-in person: announcements and the FAQ for everyone, the
    questions for those with a role. The role grants are the ones the page already read (the
    actor is kept on the request), so the menu adds no query."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    name = match.url_name if match and match.namespace == "notices" else ""
    return {
        "current": name,
        "questions": bool(request) and may_read_questions(actor_of(request)),
    }
