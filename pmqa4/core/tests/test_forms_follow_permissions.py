"""No page shows a form its viewer may not send: every POST form on every page an actor can
open (the permission matrix's rows) goes to an address where the matrix lets that actor post.
A read-only viewer (an evaluator, the ministry's executive, a unit's executive on the forms)
gets the page without the buttons, not buttons that answer 403."""

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


class PostForms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.actions: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and (attributes.get("method") or "get").lower() == "post":
            self.actions.append(attributes.get("action"))


@pytest.mark.parametrize("actor", ACTORS[1:])
def test_every_post_form_an_actor_sees_is_one_they_may_send(actor, cast, cycle):
    world = build_world(cast, cycle)
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = signed_in_sessions(world)[actor]
    pages = 0
    wrong = []
    for row in MATRIX.values():
        if row.api or dict(zip(ACTORS, row.get, strict=True))[actor] != 200:
            continue
        urls = row.url(world, world.a, world.a)
        for url in [urls] if isinstance(urls, str) else urls:
            response = client.get(url, row.data)
            if "html" not in response.get("Content-Type", ""):
                continue
            pages += 1
            parser = PostForms()
            parser.feed(response.content.decode())
            for action in parser.actions:
                target = resolve((action or url).split("?")[0]).route
                if target in VIEWERS_OWN or target.startswith(ADMIN):
                    continue  # the admin's own forms: the matrix walks the admin as one row
                post = MATRIX[target].post
                status = dict(zip(ACTORS, post, strict=True))[actor] if post else None
                if status is None or status in REFUSED:
                    wrong.append(f"{url} shows a form to {action or url} ({target}): {status}")
    assert pages >= 10
    assert not wrong, f"{actor}: " + "; ".join(sorted(set(wrong)))
