"""No page shows a form its viewer may not send, nor a link its viewer may not open.

Every page an actor can open (the permission matrix's rows) is read: each POST form must go
to an address where the matrix lets that actor post (a read-only viewer — an evaluator, the
ministry's executive, a unit's executive on the forms — gets the page without the buttons, not
buttons that answer 403), and each link must open for that actor (no 403, 404 or error)."""

from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.test import Client
from django.urls import resolve

from pmqa4.core.testing.matrix import ACTORS, ADMIN, MATRIX
from pmqa4.core.testing.matrix_check import build_world, signed_in_sessions

pytestmark = pytest.mark.django_db

REFUSED = (403, 404, 405)
# Forms on the viewer's own objects (their tokens, their notifications): the matrix's row
# names another person's, which is rightly a 404 for everyone else.
VIEWERS_OWN = {"accounts/tokens/<int:pk>/revoke/", "notifications/<int:pk>/read/"}


class PageParts(HTMLParser):
    """The actions of a page's POST forms and the addresses of its links within the site."""

    def __init__(self):
        super().__init__()
        self.actions: list[str | None] = []
        self.links: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and (attributes.get("method") or "get").lower() == "post":
            self.actions.append(attributes.get("action"))
        href = attributes.get("href") or ""
        if tag == "a" and href.startswith("/") and not href.startswith("/static/"):
            self.links.add(href.split("#")[0])


def pages_of(actor: str, world):
    """(url, response) of every page of the matrix the actor opens (200, HTML), signed in."""
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = signed_in_sessions(world)[actor]
    for row in MATRIX.values():
        if row.api or dict(zip(ACTORS, row.get, strict=True))[actor] != 200:
            continue
        urls = row.url(world, world.a, world.a)
        for url in [urls] if isinstance(urls, str) else urls:
            response = client.get(url, row.data)
            if "html" in response.get("Content-Type", ""):
                yield client, url, response


@pytest.mark.parametrize("actor", ACTORS[1:])
def test_every_post_form_an_actor_sees_is_one_they_may_send(actor, cast, cycle):
    world = build_world(cast, cycle)
    pages = 0
    wrong = []
    for _client, url, response in pages_of(actor, world):
        pages += 1
        parts = PageParts()
        parts.feed(response.content.decode())
        for action in parts.actions:
            target = resolve((action or url).split("?")[0]).route
            if target in VIEWERS_OWN or target.startswith(ADMIN):
                continue  # the admin's own forms: the matrix walks the admin as one row
            post = MATRIX[target].post
            status = dict(zip(ACTORS, post, strict=True))[actor] if post else None
            if status is None or status in REFUSED:
                wrong.append(f"{url} shows a form to {action or url} ({target}): {status}")
    assert pages >= 10
    assert not wrong, f"{actor}: " + "; ".join(sorted(set(wrong)))


@pytest.mark.parametrize("actor", ACTORS[1:])
def test_every_link_an_actor_sees_opens_for_them(actor, cast, cycle):
    world = build_world(cast, cycle)
    opened: dict[str, int] = {}
    wrong = []
    for client, url, response in pages_of(actor, world):
        parts = PageParts()
        parts.feed(response.content.decode())
        for link in sorted(parts.links - opened.keys()):
            opened[link] = client.get(link).status_code
            if opened[link] in (*REFUSED, 500):
                wrong.append(f"{url} links to {link}: {opened[link]}")
    assert len(opened) >= 10
    assert not wrong, f"{actor}: " + "; ".join(wrong)
