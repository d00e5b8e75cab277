"""Which unit a changed record belongs to, found through its foreign keys.

An audit entry names only the record's kind and id. Each tracked kind reaches ``org.Unit``
through a chain of foreign keys (a team member → its roster → the unit); the shortest chain is
found once from the models themselves, so a kind added later is covered without a list to keep.
Links through a person (``reported_by``, ``updated_by``…) are not followed: a person's own unit
is not the unit of the record they touched.
"""

from collections import deque
from functools import cache

from django.contrib.auth import get_user_model
from django.db.models import Q

from pmqa4.org.models import Unit

MAX_DEPTH = 4


def _forward_links(model):
    for field in model._meta.get_fields():
        if not (field.is_relation and field.concrete and (field.many_to_one or field.one_to_one)):
            continue
        yield field


@cache
def unit_path(model) -> str | None:
    """The ORM path from ``model`` to its unit ("pk" for a unit itself); None if it has none."""
    if model is None:
        return None
    if issubclass(model, Unit):
        return "pk"
    user_model = get_user_model()
    queue = deque([(model, "", 0)])
    seen = {model}
    while queue:
        current, prefix, depth = queue.popleft()
        if depth >= MAX_DEPTH:
            continue
        for field in _forward_links(current):
            target = field.related_model
            path = f"{prefix}{field.name}"
            if target is Unit:
                return path
            if target in seen or target is user_model:
                continue
            seen.add(target)
            queue.append((target, f"{path}__", depth + 1))
    return None


def units_by_object(pairs) -> dict[tuple[int, str], Unit]:
    """(content type id, object pk) → the unit, for records that still exist.

    One query per kind of record among ``pairs`` (content types), however many records.
    """
    by_type: dict = {}
    for content_type, object_pk in pairs:
        by_type.setdefault(content_type, set()).add(object_pk)
    found: dict[tuple[int, str], Unit] = {}
    units: dict[int, Unit] = {}
    for content_type, pks in by_type.items():
        model = content_type.model_class()
        path = unit_path(model)
        if path is None:
            continue
        ids = [pk for pk in pks if pk.isdigit()]
        if not ids:
            continue
        column = "pk" if path == "pk" else path
        prefix = "" if path == "pk" else f"{path}__"
        rows = (
            model._base_manager.filter(pk__in=ids)
            .exclude(**{f"{column}__isnull": True})
            .values_list("pk", column, f"{prefix}code", f"{prefix}name_th")
        )
        for pk, unit_id, code, name in rows:
            unit = units.setdefault(unit_id, Unit(pk=unit_id, code=code, name_th=name))
            found[(content_type.pk, str(pk))] = unit
    return found


def unit_filter(models, unit_ids) -> Q:
    """Entries about records of ``models`` that belong to one of ``unit_ids`` (existing records)."""
    condition = Q(pk__in=[])
    for model in models:
        path = unit_path(model)
        if path is None:
            continue
        column = "pk" if path == "pk" else path
        subquery = model._base_manager.filter(**{f"{column}__in": unit_ids}).values("pk")
        condition |= Q(
            content_type__app_label=model._meta.app_label,
            content_type__model=model._meta.model_name,
            object_id__in=subquery,
        )
    return condition
