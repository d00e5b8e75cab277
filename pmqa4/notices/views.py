"""Announcements and the contact card: everyone signed in reads what is addressed to them; the
central administrator writes. An announcement not addressed to the reader is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from pmqa4.core.locking import StaleEdit
from pmqa4.org.permissions import actor_of, central_admin_of

from .announcements import delete_announcement, save_announcement
from .attachments import INLINE_TYPES
from .contact import contact_card, save_contact_card
from .forms import AnnouncementForm, ContactCardForm
from .models import AnnouncementFile
from .selectors import announcement_list, announcements_for

PER_PAGE = 20


@require_GET
@login_required
def announcements(request):
    """Pinned first, then the newest; the central administrator also sees scheduled ones."""
    actor = actor_of(request)
    today = timezone.localdate()
    page = Paginator(announcement_list(actor, today), PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "today": today, "is_admin": actor.is_central_admin}
    return render(request, "notices/announcements.html", context)


def _visible(request, pk):
    actor = actor_of(request)
    found = announcements_for(actor).select_related("created_by").prefetch_related("audiences")
    return actor, get_object_or_404(found, pk=pk)


@require_GET
@login_required
def announcement_detail(request, pk):
    actor, announcement = _visible(request, pk)
    context = {
        "announcement": announcement,
        "files": announcement.files.all(),
        "today": timezone.localdate(),
        "is_admin": actor.is_central_admin,
    }
    return render(request, "notices/announcement.html", context)


@require_GET
@login_required
def announcement_file(request, pk, file_pk):
    """A file only through this view, to those the announcement is addressed to: PDF and images
    shown in the browser, the rest downloaded; the browser never guesses the type."""
    _actor, announcement = _visible(request, pk)
    row = get_object_or_404(AnnouncementFile, pk=file_pk, announcement=announcement)
    try:
        stored = row.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        stored,
        content_type=row.content_type,
        as_attachment=row.content_type not in INLINE_TYPES,
        filename=row.original_name or row.file.name.rsplit("/", 1)[-1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _save(request, form, announcement):
    data = form.cleaned_data
    return save_announcement(
        announcement=announcement,
        actor=request.user,
        title=data["title"],
        body=data["body"],
        pinned=data["pinned"],
        kinds=data["kinds"],
        published_on=data["published_on"],
        files=data["files"],
        remove_file_ids=data.get("remove_files") or [],
        version=data.get("version"),
    )


@login_required
def announcement_create(request):
    central_admin_of(request)
    form = AnnouncementForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        announcement = _save(request, form, None)
        if announcement.notified_at:
            messages.success(request, _("เผยแพร่ประกาศและแจ้งหน่วยงานแล้ว"))
        else:
            messages.success(request, _("บันทึกประกาศแล้ว ระบบจะแจ้งหน่วยงานในวันที่เผยแพร่"))
        return redirect("notices:announcement", announcement.pk)
    return render(request, "notices/announcement_form.html", {"form": form})


@login_required
def announcement_edit(request, pk):
    actor = central_admin_of(request)
    announcement = get_object_or_404(announcements_for(actor), pk=pk)
    form = AnnouncementForm(request.POST or None, request.FILES or None, announcement=announcement)
    if request.method == "POST" and form.is_valid():
        try:
            _save(request, form, announcement)
        except StaleEdit as stale:
            return _conflict(request, stale)
        messages.success(request, _("บันทึกการแก้ไขประกาศแล้ว"))
        return redirect("notices:announcement", announcement.pk)
    context = {"form": form, "announcement": announcement}
    return render(request, "notices/announcement_form.html", context)


def _conflict(request, stale: StaleEdit):
    """Someone saved since this page was loaded: nothing was written. What this editor typed
    stays on the form, now against the stored version (saving again is a deliberate choice);
    the files chosen must be chosen again (a browser never re-sends them)."""
    current = stale.current
    data = request.POST.copy()
    data["version"] = current.version
    form = AnnouncementForm(data, announcement=current)
    context = {"form": form, "announcement": current, "conflict": stale.message}
    return render(request, "notices/announcement_form.html", context, status=409)


@login_required
def announcement_delete(request, pk):
    actor = central_admin_of(request)
    announcement = get_object_or_404(announcements_for(actor), pk=pk)
    if request.method == "POST":
        delete_announcement(announcement)
        messages.success(request, _("ลบประกาศ “%(title)s” แล้ว") % {"title": announcement.title})
        return redirect("notices:announcements")
    context = {"announcement": announcement, "files": announcement.files.all()}
    return render(request, "notices/announcement_delete.html", context)


@login_required
def contact_edit(request):
    """The central group's contact card, shown on every unit's home page and the Q&A pages."""
    central_admin_of(request)
    card = contact_card()
    form = ContactCardForm(request.POST or None, instance=card)
    if request.method == "POST" and form.is_valid():
        save_contact_card(**{name: form.cleaned_data[name] for name in form.Meta.fields})
        messages.success(request, _("บันทึกข้อมูลติดต่อแล้ว"))
        return redirect("notices:contact-edit")
    return render(request, "notices/contact_form.html", {"form": form, "card": card})
