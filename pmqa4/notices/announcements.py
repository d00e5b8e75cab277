"""Posting, changing and removing announcements, and telling the units they are addressed to.

A save writes the announcement, its audience and its files in one transaction; a file stored
for a save that then fails is removed, and a removed file leaves storage only after the
transaction commits, so a failure never leaves a row without its file. The units are told once
(the notification key is the announcement's) when its publish date has come: at the save, or,
for one dated in the future, by ``manage.py notify_announcements`` on that day.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pmqa4.core.locking import claim_version
from pmqa4.notifications.models import Kind
from pmqa4.notifications.notify import Message, notify
from pmqa4.org.models import RoleGrant, User
from pmqa4.submissions.uploads import CheckedFile

from .models import Announcement, AnnouncementAudience, AnnouncementFile
from .selectors import ASKERS

MAX_FILES = 10
EXCERPT = 500  # characters of the body in the e-mail and LINE message


@dataclass(frozen=True)
class NewFile:
    upload: UploadedFile
    checked: CheckedFile


def _delete_stored(names: list[str]) -> None:
    from django.core.files.storage import default_storage

    for name in names:
        default_storage.delete(name)


def _sync_audience(announcement: Announcement, kinds: list[str]) -> None:
    wanted = set() if announcement.to_all_units else set(kinds)
    have = set(announcement.audiences.values_list("kind", flat=True))
    for audience in announcement.audiences.filter(kind__in=have - wanted):
        audience.delete()  # one by one, so each removal is in the audit trail
    for kind in sorted(wanted - have):
        AnnouncementAudience.objects.create(announcement=announcement, kind=kind)


def _add_files(announcement: Announcement, files: list[NewFile], actor: User) -> list[str]:
    """Store each file and its row; the stored names (to remove if the save fails)."""
    stored = []
    for new in files:
        row = AnnouncementFile(
            announcement=announcement,
            original_name=(new.upload.name or "")[:255],
            content_type=new.checked.content_type,
            size=new.checked.size,
            sha256=new.checked.sha256,
            uploaded_by=actor,
        )
        row.file.save(f"attachment{new.checked.extension}", new.upload, save=False)
        stored.append(row.file.name)
        row.save()
    return stored


def save_announcement(
    *,
    announcement: Announcement | None,
    actor: User,
    title: str,
    body: str,
    pinned: bool,
    kinds: list[str],
    published_on: dt.date,
    files: list[NewFile] = (),
    remove_file_ids: list[int] = (),
    version: int | None = None,
    now: dt.datetime | None = None,
) -> Announcement:
    """Create (``announcement`` None) or change an announcement; ``kinds`` empty = every unit.
    A change carries the ``version`` its page was loaded at: StaleEdit if someone saved since."""
    now = now or timezone.now()
    stored: list[str] = []
    try:
        with transaction.atomic():
            if announcement is None:
                announcement = Announcement(created_by=actor)
            else:
                claim_version(announcement, announcement.version if version is None else version)
            announcement.title = title.strip()
            announcement.body = body.strip()
            announcement.pinned = pinned
            announcement.to_all_units = not kinds
            announcement.published_on = published_on
            announcement.save()
            _sync_audience(announcement, kinds)
            removed = list(announcement.files.filter(pk__in=remove_file_ids))
            names = [row.file.name for row in removed]
            for row in removed:
                row.delete()
            stored = _add_files(announcement, list(files), actor)
            transaction.on_commit(lambda: _delete_stored(names), robust=True)
            if announcement.is_published(timezone.localdate(now)):
                tell_units(announcement, now=now)
    except BaseException:
        _delete_stored(stored)  # nothing saved: no file left behind without its row
        raise
    return announcement


@transaction.atomic
def delete_announcement(announcement: Announcement) -> None:
    """Remove it with its files (the files leave storage once the removal is committed)."""
    names = [row.file.name for row in announcement.files.all()]
    for row in announcement.files.all():
        row.delete()
    announcement.delete()
    transaction.on_commit(lambda: _delete_stored(names), robust=True)


def recipients(announcement: Announcement):
    """The active coordinators and executives of the active units it is addressed to."""
    grants = RoleGrant.objects.filter(role__in=ASKERS, unit__is_active=True)
    if not announcement.to_all_units:
        grants = grants.filter(unit__kind__in=announcement.audiences.values("kind"))
    return User.objects.filter(is_active=True, pk__in=grants.values("user_id")).order_by("pk")


def _message(announcement: Announcement) -> Message:
    with translation.override(settings.LANGUAGE_CODE):
        count = announcement.files.count()
        lines = [truncatechars(announcement.body, EXCERPT)]
        if count:
            lines.append(
                ngettext("มีไฟล์แนบ %(count)d ไฟล์", "มีไฟล์แนบ %(count)d ไฟล์", count) % {"count": count}
            )
        return Message(
            kind=Kind.ANNOUNCEMENT,
            key=f"announcement:{announcement.pk}",
            title=_("ประกาศ: %(title)s") % {"title": announcement.title},
            body="\n\n".join(lines),
            link=reverse("notices:announcement", args=[announcement.pk]),
        )


def tell_units(announcement: Announcement, *, now: dt.datetime | None = None) -> int:
    """Notify its audience (in-app, e-mail, LINE) once; how many people were told now."""
    told = notify(recipients(announcement), _message(announcement))
    if announcement.notified_at is None:
        announcement.notified_at = now or timezone.now()
        # update(): the notice time is bookkeeping, not a change to audit
        Announcement.objects.filter(pk=announcement.pk).update(notified_at=announcement.notified_at)
    return len(told)


def tell_due(*, now: dt.datetime | None = None) -> list[tuple[Announcement, int]]:
    """Announcements whose publish date has come and whose units have not been told yet."""
    now = now or timezone.now()
    due = Announcement.objects.filter(
        published_on__lte=timezone.localdate(now), notified_at__isnull=True
    ).order_by("published_on", "pk")
    done = []
    for announcement in due:
        with transaction.atomic():
            done.append((announcement, tell_units(announcement, now=now)))
    return done
