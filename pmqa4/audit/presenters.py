"""Audit entries as people read them: who, when, which record of which unit, each field before
and after — for a whole page of entries in a fixed number of queries.

django-auditlog's own ``changes_display_dict`` looks up each foreign key's name with one query
per value and per entry; here every name is fetched once per kind of related record.
"""

import datetime as dt
from dataclasses import dataclass, field

from auditlog.models import LogEntry
from dateutil import parser as date_parser
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _

from pmqa4.core.thai import format_be_date, format_be_datetime

from .filters import ACTION_LABELS
from .units import unit_path, units_by_object

NAME_FIELDS = ("code", "name_th", "name", "full_name", "title")
EMPTY = "—"


@dataclass
class FieldChange:
    label: str
    before: str
    after: str


@dataclass
class AuditRow:
    entry: LogEntry
    action: str
    kind: str
    actor: str
    actor_username: str
    unit_code: str = ""
    unit_name: str = ""
    changes: list[FieldChange] = field(default_factory=list)


def _model(entry):
    return entry.content_type.model_class()


def _field(model, name):
    if model is None:
        return None
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    # A reverse relation is not a column of the record: no label or type to read from it.
    return model_field if model_field.concrete or model_field.many_to_many else None


def _is_link(model_field) -> bool:
    return bool(
        model_field is not None
        and model_field.is_relation
        and model_field.concrete
        and (model_field.many_to_one or model_field.one_to_one)
    )


def _names(model, ids) -> dict[str, str]:
    """id → a readable name of each record that still exists, read from its name-like columns
    (or, for a record without one, its kind, number and unit) in one query."""
    rows = model._base_manager.filter(pk__in=ids)
    if model is get_user_model():
        rows = rows.values("pk", "username", "title", "first_name", "last_name")
        return {
            str(r["pk"]): f"{r['title']}{r['first_name']} {r['last_name']}".strip()
            + f" ({r['username']})"
            for r in rows
        }
    columns = [name for name in NAME_FIELDS if _field(model, name) is not None]
    if _field(model, "fiscal_year") is not None:
        columns.append("fiscal_year")
    path = unit_path(model)
    unit_code = None if columns or path is None else ("code" if path == "pk" else f"{path}__code")
    names = {}
    for row in rows.values("pk", *columns, *([unit_code] if unit_code else [])):
        parts = [str(row[c]) for c in columns if c != "fiscal_year" and row[c] not in ("", None)]
        if "fiscal_year" in row:
            parts.append(_("ปีงบประมาณ %(year)s") % {"year": row["fiscal_year"]})
        if not parts:
            parts.append(f"{model._meta.verbose_name} #{row['pk']}")
            if unit_code and row[unit_code]:
                parts.append(f"({row[unit_code]})")
        names[str(row["pk"])] = " ".join(parts[:2])
    return names


def _linked_names(entries) -> dict[tuple[type, str], str]:
    wanted: dict[type, set[str]] = {}
    for entry in entries:
        model = _model(entry)
        for name, values in (entry.changes or {}).items():
            model_field = _field(model, name)
            if not _is_link(model_field) or not isinstance(values, list):
                continue
            for value in values:
                if value not in (None, "None", ""):
                    wanted.setdefault(model_field.related_model, set()).add(str(value))
    found = {}
    for related, ids in wanted.items():
        pk_field = related._meta.pk
        clean = [i for i in ids if i.isdigit()] if isinstance(pk_field, models.AutoField) else ids
        for pk, name in _names(related, clean).items():
            found[(related, pk)] = name
    return found


def _value(model_field, value, linked) -> str:
    if value in (None, "None", ""):
        return EMPTY
    text = str(value)
    if model_field is None:
        return text
    if _is_link(model_field):
        related = model_field.related_model
        name = linked.get((related, text))
        if name is None:
            return _("%(kind)s รหัส %(id)s (ไม่พบแล้ว)") % {
                "kind": related._meta.verbose_name,
                "id": text,
            }
        return name
    if model_field.choices:
        labels = {str(key): label for key, label in model_field.flatchoices}
        return str(labels.get(text, text))
    if isinstance(model_field, models.BooleanField):
        return {"True": _("ใช่"), "False": _("ไม่ใช่")}.get(text, text)
    try:
        if isinstance(model_field, models.DateTimeField):
            moment = date_parser.parse(text)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=dt.UTC)
            return format_be_datetime(moment)
        if isinstance(model_field, models.DateField):
            return format_be_date(date_parser.parse(text).date(), "short")
    except (ValueError, OverflowError):
        return text
    return text


def _m2m(values: dict) -> tuple[str, str]:
    objects = ", ".join(str(o) for o in values.get("objects", []))
    operation = values.get("operation")
    if operation == "add":
        return EMPTY, _("เพิ่ม: %(objects)s") % {"objects": objects}
    if operation == "delete":
        return _("นำออก: %(objects)s") % {"objects": objects}, EMPTY
    return _("ล้างทั้งหมด"), EMPTY


def _is_reverse(model, name) -> bool:
    """A reverse relation (auditlog records e.g. 'attendances': 'teams.Attendance.None' on a
    new record): not a value of the record, left out."""
    try:
        model_field = model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        return False
    return model_field is not None and not (model_field.concrete or model_field.many_to_many)


def _changes(entry, linked) -> list[FieldChange]:
    model = _model(entry)
    rows = []
    for name, values in (entry.changes or {}).items():
        if _is_reverse(model, name):
            continue
        model_field = _field(model, name)
        label = str(getattr(model_field, "verbose_name", name) or name)
        if isinstance(values, dict):
            before, after = _m2m(values)
        elif isinstance(values, list) and len(values) == 2:
            before = _value(model_field, values[0], linked)
            after = _value(model_field, values[1], linked)
        else:
            before, after = EMPTY, str(values)
        rows.append(FieldChange(label, before, after))
    return rows


def _kind(entry) -> str:
    model = _model(entry)
    return str(model._meta.verbose_name) if model else entry.content_type.model


def _actor(entry) -> tuple[str, str]:
    user = entry.actor
    if user is None:
        return (entry.actor_email or _("ระบบ (ไม่มีผู้ใช้)")), ""
    return (user.display_name or user.username), user.username


def present(entries) -> list[AuditRow]:
    """Rows for ``entries`` (with actor and content type selected): one query per kind of record
    and per kind of linked record, whatever the number of entries."""
    entries = list(entries)
    units = units_by_object((e.content_type, e.object_pk) for e in entries)
    linked = _linked_names(entries)
    rows = []
    for entry in entries:
        actor, username = _actor(entry)
        unit = units.get((entry.content_type_id, entry.object_pk))
        rows.append(
            AuditRow(
                entry=entry,
                action=str(ACTION_LABELS.get(entry.action, entry.get_action_display())),
                kind=_kind(entry),
                actor=actor,
                actor_username=username,
                unit_code=unit.code if unit else "",
                unit_name=unit.name_th if unit else "",
                changes=_changes(entry, linked),
            )
        )
    return rows
