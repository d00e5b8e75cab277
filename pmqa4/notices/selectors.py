"""Who sees which announcement and which question thread.

An announcement is for every unit or for some kinds of unit. A person reads those addressed to
the kinds of their units (the units of their role grants and the unit they belong to); the
central roles read all, and the central administrator also sees those not yet published. A
thread is its unit's: its coordinators and executives, and the central roles (the administrator
and the evaluator answer; the ministry's executives only read).
"""

from django.db.models import Case, Count, F, Q, When
from django.utils import timezone

from pmqa4.org.models import Role, Unit
from pmqa4.org.permissions import Actor

from .models import Announcement, AnnouncementAudience, Thread

# Who asks and follows up for a unit; the central roles answer.
ASKERS = frozenset({Role.COORDINATOR, Role.EXECUTIVE})
ANSWERERS = frozenset({Role.CENTRAL_ADMIN, Role.EVALUATOR})


def unit_kinds_of(actor: Actor) -> set[str]:
    """The kinds of the person's units (one query)."""
    user = actor.user
    ids = actor.unit_ids()
    if user.unit_id:
        ids.add(user.unit_id)
    if not ids:
        return set()
    return set(Unit.objects.filter(pk__in=ids).values_list("kind", flat=True))


def announcements_for(actor: Actor, today=None):
    """The announcements this person may read, pinned first, newest first."""
    today = today or timezone.localdate()
    found = Announcement.objects.all()
    if not actor.is_central_admin:
        found = found.filter(published_on__lte=today)
    if not actor.sees_all_units:
        kinds = unit_kinds_of(actor)
        addressed = AnnouncementAudience.objects.filter(kind__in=kinds).values("announcement_id")
        found = found.filter(Q(to_all_units=True) | Q(pk__in=addressed))
    return found.order_by("-pinned", "-published_on", "-id")


def announcement_list(actor: Actor, today=None):
    """The list page's rows: the author, the kinds addressed and the number of files."""
    return (
        announcements_for(actor, today)
        .select_related("created_by")
        .prefetch_related("audiences")
        .annotate(file_count=Count("files"))
    )


def threads_for(actor: Actor):
    """The threads this person may read: all for the central roles, else their units'."""
    threads = Thread.objects.all()
    if actor.sees_all_units:
        return threads
    return threads.filter(unit_id__in=actor.unit_ids(ASKERS))


def thread_list(actor: Actor, *, status: str = "", query: str = ""):
    """Waiting for an answer first (the longest-waiting on top), then the most recent."""
    threads = (
        threads_for(actor).select_related("unit", "asked_by").annotate(post_count=Count("posts"))
    )
    if status == "waiting":
        threads = threads.filter(awaiting_answer=True)
    elif status == "answered":
        threads = threads.filter(awaiting_answer=False)
    if query:
        threads = threads.filter(
            Q(title__icontains=query) | Q(unit__name_th__icontains=query) | Q(unit__code=query)
        )
    waiting_since = Case(When(awaiting_answer=True, then=F("last_post_at")))
    return threads.order_by(
        "-awaiting_answer", waiting_since.asc(nulls_last=True), "-last_post_at", "-id"
    )


def may_ask(actor: Actor) -> bool:
    return bool(actor.roles & ASKERS)


def may_answer(actor: Actor) -> bool:
    return bool(actor.roles & ANSWERERS)


def may_read_questions(actor: Actor) -> bool:
    """A unit's askers, and the central roles (the ministry's executives read, never answer)."""
    return may_ask(actor) or actor.sees_all_units


def asking_units(actor: Actor):
    """The units the person may ask for (coordinator or executive), active ones only."""
    return Unit.objects.filter(pk__in=actor.unit_ids(ASKERS), is_active=True).order_by("code")
