"""Who may act for which unit. Every unit-scoped view goes through these helpers.

Another unit's object is a 404 (its existence is not confirmed); your own unit without the
needed role is a 403. The central roles (administrator, evaluator, the ministry's
executives) see every unit; only the administrator changes what is not a unit's own.
"""

from collections.abc import Iterable
from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import ALL_UNIT_ROLES, Role, Unit, User


class Actor:
    """A user's role grants, read once per request."""

    def __init__(self, user: User):
        self.user = user

    @cached_property
    def grants(self) -> frozenset[tuple[str, int]]:
        if not self.user.is_authenticated:
            return frozenset()
        return frozenset(self.user.role_grants.values_list("role", "unit_id"))

    @cached_property
    def roles(self) -> frozenset[str]:
        return frozenset(role for role, _ in self.grants)

    @property
    def sees_all_units(self) -> bool:
        return bool(self.roles & ALL_UNIT_ROLES)

    @property
    def is_central_admin(self) -> bool:
        return Role.CENTRAL_ADMIN in self.roles

    def unit_ids(self, roles: Iterable[str] | None = None) -> set[int]:
        wanted = set(roles) if roles is not None else None
        return {unit for role, unit in self.grants if wanted is None or role in wanted}

    def has_role_for(self, unit: Unit, roles: Iterable[str]) -> bool:
        wanted = set(roles)
        if self.roles & ALL_UNIT_ROLES & wanted:
            return True
        return any(role in wanted and unit_id == unit.pk for role, unit_id in self.grants)


def actor_of(request) -> Actor:
    if not hasattr(request, "_pmqa4_actor"):
        request._pmqa4_actor = Actor(request.user)
    return request._pmqa4_actor


def units_visible_to(actor: Actor):
    """Units this actor may open: all of them for the central roles, else their granted units."""
    units = Unit.objects.select_related("department", "province")
    if actor.sees_all_units:
        return units
    return units.filter(pk__in=actor.unit_ids())


def get_unit_for_actor(actor: Actor, code: str, *, roles: Iterable[str]) -> Unit:
    """The unit named by ``code`` if the actor may see it: 404 otherwise, 403 without ``roles``."""
    try:
        unit = units_visible_to(actor).get(code=code)
    except Unit.DoesNotExist:
        raise Http404 from None
    if not actor.has_role_for(unit, roles):
        raise PermissionDenied
    return unit


# Who may read a unit's workspace, and who may change its forms (an evaluator reads, never edits).
UNIT_READERS = frozenset(
    {Role.COORDINATOR, Role.EXECUTIVE, Role.CENTRAL_ADMIN, Role.EVALUATOR, Role.MINISTRY_EXECUTIVE}
)
UNIT_EDITORS = frozenset({Role.COORDINATOR})


def central_admin_of(request) -> Actor:
    """The central administrator's own pages (what is not a unit's): anyone else gets 403."""
    actor = actor_of(request)
    if not actor.is_central_admin:
        raise PermissionDenied
    return actor


def all_units_reader_of(request) -> Actor:
    """Pages over every unit (the central roles read them): a unit's people get 403."""
    actor = actor_of(request)
    if not actor.sees_all_units:
        raise PermissionDenied
    return actor
