from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimeStampedModel):
    """An editable form whose saves are checked against the version the editor loaded.

    Two coordinators editing the same plan must never overwrite each other silently: a save
    carries the version it started from, and a stale one is refused (optimistic locking).
    """

    version = models.PositiveIntegerField(_("รุ่นการแก้ไข"), default=1, editable=False)

    class Meta:
        abstract = True
