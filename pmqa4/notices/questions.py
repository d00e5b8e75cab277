"""A unit's question threads: asking, following up, the central group's answers, and the FAQ.

An answer is saved with its notice to the unit (the one who asked, those who followed up, and
the unit's coordinators) in one transaction; the notice goes out after it commits. Promoting an
answer to the FAQ starts from the thread's text with e-mail addresses, phone numbers, LINE user
IDs and the names of the people in the thread taken out; the central administrator reads and
edits it before it is published.
"""

import datetime as dt
import re

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pmqa4.core.locking import claim_version
from pmqa4.notifications.models import Kind
from pmqa4.notifications.notify import Message, notify
from pmqa4.org.models import Role, RoleGrant, Unit, User

from .models import Faq, Post, Thread
from .selectors import ASKERS

EXCERPT = 500

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Thai numbers as people write them: 0 2232 1367, 081-234-5678, +66 81 234 5678
PHONE = re.compile(r"(?<![\d])(?:\+66|0)(?:[\s.-]?\d){8,9}(?![\d])")
LINE_USER_ID = re.compile(r"\bU[0-9a-f]{32}\b")


@transaction.atomic
def ask(*, unit: Unit, actor: User, title: str, body: str, now: dt.datetime | None = None):
    now = now or timezone.now()
    thread = Thread.objects.create(
        unit=unit, title=title.strip(), asked_by=actor, awaiting_answer=True, last_post_at=now
    )
    Post.objects.create(thread=thread, author=actor, body=body.strip(), created_at=now)
    return thread


def _post(thread: Thread, actor: User, body: str, *, answer: bool, now) -> Post:
    locked = Thread.objects.select_for_update().get(pk=thread.pk)
    post = Post.objects.create(
        thread=locked, author=actor, body=body.strip(), is_answer=answer, created_at=now
    )
    locked.awaiting_answer = not answer
    locked.last_post_at = now
    locked.save(update_fields=["awaiting_answer", "last_post_at", "updated_at"])
    thread.awaiting_answer, thread.last_post_at = locked.awaiting_answer, now
    return post


@transaction.atomic
def follow_up(*, thread: Thread, actor: User, body: str, now: dt.datetime | None = None) -> Post:
    """The unit adds to its question: the thread waits for an answer again."""
    return _post(thread, actor, body, answer=False, now=now or timezone.now())


@transaction.atomic
def answer(*, thread: Thread, actor: User, body: str, now: dt.datetime | None = None) -> Post:
    """The central group answers; the unit is told."""
    post = _post(thread, actor, body, answer=True, now=now or timezone.now())
    notify(answer_recipients(thread), _answer_message(thread, post))
    return post


def answer_recipients(thread: Thread) -> list[User]:
    """Of the unit's people who may read the thread: the coordinators, and whoever asked or
    followed up in it."""
    joined = set(thread.posts.filter(is_answer=False).values_list("author_id", flat=True))
    joined.add(thread.asked_by_id)
    grants = RoleGrant.objects.filter(
        unit_id=thread.unit_id, role__in=ASKERS, user__is_active=True
    ).select_related("user")
    return [g.user for g in grants if g.role == Role.COORDINATOR or g.user_id in joined]


def _answer_message(thread: Thread, post: Post) -> Message:
    with translation.override(settings.LANGUAGE_CODE):
        return Message(
            kind=Kind.ANSWER,
            key=f"answer:{post.pk}",
            title=_("ตอบคำถามแล้ว: %(title)s") % {"title": thread.title},
            body=truncatechars(post.body, EXCERPT),
            link=reverse("notices:thread", args=[thread.pk]),
        )


def _names(users) -> list[str]:
    """The ways the people of a thread may be named in it, longest first."""
    found = set()
    for user in users:
        full = (user.display_name, f"{user.first_name} {user.last_name}".strip())
        found.update(name for name in full if len(name) >= 2)
        if len(user.first_name.strip()) >= 3:  # Thais call each other by the first name
            found.add(user.first_name.strip())
    return sorted(found, key=len, reverse=True)


def scrub(text: str, names=()) -> str:
    """The text without e-mail addresses, phone numbers, LINE user IDs and the given names."""
    text = EMAIL.sub(_("[อีเมล]"), text)
    text = LINE_USER_ID.sub(_("[LINE]"), text)
    text = PHONE.sub(_("[หมายเลขโทรศัพท์]"), text)
    for name in names:
        text = text.replace(name, _("[ชื่อ]"))
    return text


def faq_draft(thread: Thread, post: Post) -> dict:
    """The FAQ's starting text: the question and the chosen answer, personal data taken out."""
    posts = list(thread.posts.select_related("author"))
    people = {p.author_id: p.author for p in posts}
    people.setdefault(thread.asked_by_id, thread.asked_by)
    names = _names(people.values())
    question = posts[0].body if posts else ""
    return {
        "question": scrub(f"{thread.title}\n{question}".strip(), names),
        "answer": scrub(post.body, names),
    }


@transaction.atomic
def edit_faq(*, faq: Faq, version: int, question: str, answer_text: str) -> Faq:
    """Change a FAQ entry saved at ``version`` (StaleEdit if someone saved it since)."""
    claim_version(faq, version)
    faq.question, faq.answer = question.strip(), answer_text.strip()
    faq.save()
    return faq


@transaction.atomic
def promote(*, thread: Thread, actor: User, question: str, answer_text: str) -> Faq:
    return Faq.objects.create(
        thread=thread, question=question.strip(), answer=answer_text.strip(), created_by=actor
    )
