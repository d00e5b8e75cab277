"""Optimistic locking for the unit's editable forms (VersionedModel).

A page carries the version it was loaded at; a save first moves the stored version on, in the
same transaction, only if it is still the one the editor saw. If someone else saved in between,
nothing is written and the editor is told, in Thai, what the other person changed.
"""

from django.db.models import F
from django.utils.translation import gettext as _

from .errors import WorkflowError
from .models import VersionedModel


class StaleEdit(WorkflowError):
    """Someone saved the same form since this editor loaded it (HTTP 409 in the views)."""

    def __init__(self, current: VersionedModel, changes: list[tuple[str, object, object]]):
        super().__init__(_("มีผู้อื่นบันทึกแบบฟอร์มนี้ไปก่อนแล้ว ข้อมูลของท่านยังไม่ถูกบันทึก กรุณาตรวจสอบแล้วบันทึกอีกครั้ง"))
        self.current = current
        self.changes = changes  # (field label, what the editor saw, what is stored now)


def claim_version(document: VersionedModel, expected: int, *, seen: dict | None = None) -> None:
    """Move ``document`` (a plan, a roster, a KPI sheet…) to its next version, or raise StaleEdit.

    Call inside the transaction that writes the edit. ``seen`` maps field names to the values
    the editor started from, so the message can show what the other save changed.
    """
    model = type(document)
    moved = model.objects.filter(pk=document.pk, version=expected).update(version=F("version") + 1)
    if moved:
        document.version = expected + 1
        return
    current = model.objects.get(pk=document.pk)
    changes = []
    for name, before in (seen or {}).items():
        field = model._meta.get_field(name)
        now = getattr(current, field.attname)
        if field.to_python(before) != now:
            changes.append((str(field.verbose_name), before, now))
    raise StaleEdit(current, changes)
