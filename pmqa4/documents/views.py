"""Downloading the official documents: a unit's forms, and the central group's ZIP of all units.

A unit's document is for its readers (the plans pages' rule: coordinator, executive, central
administrator, evaluator); another unit is a 404, a missing role a 403, an anonymous visitor goes
to the login. The ZIPs are the central administrator's only: built in the background, the page
polls each running one with htmx and offers the file when it is done.
"""

import io

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pmqa4.cycles.models import Cycle
from pmqa4.cycles.selectors import selected_cycle
from pmqa4.org.permissions import UNIT_READERS, central_admin_of
from pmqa4.submissions.access import workspace

from . import service
from .models import BundleStatus, BundleStep, DocumentBundle
from .responses import attachment
from .tasks import bundle_kinds, request_bundle, requeue_stalled

RECENT_BUNDLES = 20


@login_required
def download(request, code, year, doc, fmt):
    """A unit's form as Word, PDF or Excel, Thai numerals unless ?numerals=arabic."""
    _actor, unit, cycle = workspace(request, code, year, roles=UNIT_READERS)
    kind = service.kind_of(doc)
    if kind is None or kind not in service.OFFERED.get(fmt, ()):
        raise Http404
    numerals = request.GET.get("numerals") or "thai"
    if numerals not in service.NUMERALS:
        return HttpResponseBadRequest(
            _("ตัวเลขต้องเป็น thai (เลขไทย) หรือ arabic (เลขอารบิก)"),
            content_type="text/plain; charset=utf-8",
        )
    document = service.render_document(unit, cycle, kind, fmt, numerals)
    return attachment(io.BytesIO(document.data), document.filename, document.content_type)


def _radios():
    return forms.RadioSelect(attrs={"class": "form-check-input"})


class BundleForm(forms.Form):
    step = forms.ChoiceField(
        label=gettext_lazy("เอกสาร"), choices=BundleStep.choices, widget=_radios()
    )
    fmt = forms.ChoiceField(
        label=gettext_lazy("รูปแบบไฟล์"),
        choices=[(key, f.label) for key, f in service.FORMATS.items()],
        widget=_radios(),
        initial="pdf",
    )
    numerals = forms.ChoiceField(
        label=gettext_lazy("ตัวเลขในเอกสาร"),
        choices=[("thai", gettext_lazy("เลขไทย")), ("arabic", gettext_lazy("เลขอารบิก"))],
        widget=_radios(),
        initial="thai",
    )

    def clean(self):
        data = super().clean()
        if "step" in data and "fmt" in data:
            try:
                bundle_kinds(data["step"], data["fmt"])
            except ValueError as exc:
                raise ValidationError(str(exc)) from None
        return data


@login_required
def bundles(request, year):
    """Choose a step and a format, queue the ZIP; the year's latest ZIPs with their progress."""
    central_admin_of(request)
    cycle = get_object_or_404(Cycle, fiscal_year=year)
    requeue_stalled()
    form = BundleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            request_bundle(user=request.user, cycle=cycle, **form.cleaned_data)
        except ValueError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("สั่งสร้างชุดเอกสารแล้ว ระบบกำลังสร้างอยู่เบื้องหลัง ดูความคืบหน้าได้ด้านล่าง")
            )
            return redirect(reverse("downloads:bundles", args=[cycle.fiscal_year]))
    recent = (
        DocumentBundle.objects.filter(cycle=cycle)
        .select_related("cycle", "requested_by")
        .order_by("-created_at", "-pk")[:RECENT_BUNDLES]
    )
    others = Cycle.objects.exclude(pk=cycle.pk).order_by("-fiscal_year")
    context = {"cycle": cycle, "form": form, "bundles": recent, "other_cycles": others}
    return render(request, "documents/bundles.html", context, status=400 if form.errors else 200)


@login_required
def bundles_current(request):
    """The menu's link: the ZIP page of the year the pages show (?year=, else the current)."""
    central_admin_of(request)
    cycle = selected_cycle(request.GET.get("year"), timezone.localdate())
    if cycle is None:
        raise Http404
    return redirect(reverse("downloads:bundles", args=[cycle.fiscal_year]))


@login_required
def bundle_progress(request, pk):
    """The bundle's row: polled every second while it is queued or running."""
    central_admin_of(request)
    bundle = get_object_or_404(
        DocumentBundle.objects.select_related("cycle", "requested_by"), pk=pk
    )
    return render(request, "documents/bundles.html#bundle", {"bundle": bundle})


@login_required
def bundle_download(request, pk):
    """The finished ZIP from the default storage (central administrator only)."""
    central_admin_of(request)
    bundle = get_object_or_404(DocumentBundle.objects.select_related("cycle"), pk=pk)
    if bundle.status != BundleStatus.DONE or not bundle.file:
        raise Http404
    try:
        stream = default_storage.open(bundle.file.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    return attachment(stream, bundle.filename, "application/zip")
