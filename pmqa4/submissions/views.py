from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pmqa4.core.errors import WorkflowError
from pmqa4.org.models import Role
from pmqa4.org.permissions import UNIT_EDITORS, UNIT_READERS, actor_of, get_unit_for_actor

from .access import step_of, workspace
from .evidence import evidence_add, evidence_remove
from .forms import EvidenceForm, SendBackForm, SignForm
from .models import EvidenceFile, SubmissionVersion
from .pages import step_page_url
from .selectors import step_panel
from .versions import compare_versions
from .workflow import (
    submission_for,
    submission_request_sign_off,
    submission_send_back,
    submission_sign_off,
    submission_submit,
)

EXECUTIVES = frozenset({Role.EXECUTIVE})


def _step_page(unit, cycle, number) -> str:
    """Back to the step's own page (its forms) after a workflow action."""
    return step_page_url(unit, cycle.fiscal_year, number)


def _next_or(request, fallback: str) -> str:
    """The posted ``next`` page when it is a path of this site, else ``fallback``: never another
    site, a view name for redirect() to look up, or a value that cannot be a Location header."""
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe and target.startswith("/") and target.isprintable() else fallback


@require_POST
@login_required
def submit(request, code, year, step):
    """The coordinator submits (steps 1, 5) or asks the executive to sign (steps 3, 4)."""
    _actor, unit, cycle = workspace(request, code, year, roles=UNIT_EDITORS)
    submission = submission_for(unit=unit, step=step_of(cycle, step))
    try:
        if submission.needs_sign_off:
            submission_request_sign_off(
                submission=submission, actor=request.user, now=timezone.now()
            )
            messages.success(request, _("เสนอผู้บริหารลงนามแล้ว ผู้บริหารจะเห็นแบบฟอร์มตามที่จะพิมพ์"))
        else:
            submission_submit(submission=submission, actor=request.user, now=timezone.now())
            messages.success(request, _("ส่งเรียบร้อยแล้ว"))
    except WorkflowError as error:
        messages.error(request, error.message)
    return redirect(_next_or(request, _step_page(unit, cycle, step)))


@login_required
def sign(request, code, year, step):
    """The executive reads the version awaiting signature and signs it (re-entering the
    password) or sends it back with a comment."""
    actor, unit, cycle = workspace(request, code, year, roles=EXECUTIVES)
    panel = step_panel(unit=unit, step=step_of(cycle, step), actor=actor, now=timezone.now())
    version = panel.submission.versions.order_by("-number").first() if panel.submission else None
    form = SignForm(request.user, request.POST or None)
    if request.method == "POST":
        if not panel.can_sign:
            messages.error(request, _("ไม่มีฉบับที่รอลงนาม"))
            return redirect(_step_page(unit, cycle, step))
        if form.is_valid():
            try:
                submission_sign_off(
                    submission=panel.submission, actor=request.user, now=timezone.now()
                )
            except WorkflowError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("ลงนามและส่งเรียบร้อยแล้ว"))
            return redirect(_step_page(unit, cycle, step))
    return render(
        request,
        "submissions/sign.html",
        {
            "unit": unit,
            "cycle": cycle,
            "panel": panel,
            "version": version,
            "form": form,
            "send_back_form": SendBackForm(),
        },
    )


@require_POST
@login_required
def send_back(request, code, year, step):
    _actor, unit, cycle = workspace(request, code, year, roles=EXECUTIVES)
    submission = submission_for(unit=unit, step=step_of(cycle, step))
    form = SendBackForm(request.POST)
    try:
        if not form.is_valid():
            raise WorkflowError(" ".join(e for errors in form.errors.values() for e in errors))
        submission_send_back(
            submission=submission,
            actor=request.user,
            comment=form.cleaned_data["comment"],
            now=timezone.now(),
        )
    except WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("ส่งคืนผู้ประสานงานให้แก้ไขแล้ว"))
    return redirect(_step_page(unit, cycle, step))


@login_required
def history(request, code, year, step):
    """Every version the unit sent and every workflow event; two versions side by side."""
    actor, unit, cycle = workspace(request, code, year, roles=UNIT_READERS)
    panel = step_panel(unit=unit, step=step_of(cycle, step), actor=actor, now=timezone.now())
    versions = list(
        SubmissionVersion.objects.filter(submission=panel.submission)
        .select_related("created_by")
        .order_by("number")
    )
    by_number = {v.number: v for v in versions}
    older, newer = _pick(request.GET.get("a"), by_number), _pick(request.GET.get("b"), by_number)
    if newer is None and len(versions) >= 2:
        older, newer = versions[-2], versions[-1]
    diff = compare_versions(older.snapshot, newer.snapshot) if older and newer else None
    return render(
        request,
        "submissions/history.html",
        {
            "unit": unit,
            "cycle": cycle,
            "panel": panel,
            "versions": versions,
            "older": older,
            "newer": newer,
            "diff": diff,
        },
    )


def _pick(value, by_number):
    ok = value and value.isascii() and value.isdigit() and len(value) < 10
    return by_number.get(int(value)) if ok else None


@require_POST
@login_required
def evidence_upload(request, code, year, step):
    actor, unit, cycle = workspace(request, code, year, roles=UNIT_EDITORS | EXECUTIVES)
    panel = step_panel(unit=unit, step=step_of(cycle, step), actor=actor, now=timezone.now())
    form = EvidenceForm(request.POST, request.FILES)
    if not panel.can_attach:
        messages.error(request, _("ขณะนี้แนบไฟล์ในขั้นตอนนี้ไม่ได้"))
    elif not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    else:
        try:
            evidence_add(
                submission=panel.submission or submission_for(unit=unit, step=panel.step),
                upload=form.cleaned_data["file"],
                description=form.cleaned_data["description"],
                actor=request.user,
            )
        except WorkflowError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("แนบไฟล์แล้ว"))
    return redirect(_next_or(request, _step_page(unit, cycle, step)))


@require_POST
@login_required
def evidence_delete(request, code, pk):
    actor = actor_of(request)
    unit = get_unit_for_actor(actor, code, roles=UNIT_EDITORS)
    evidence = get_object_or_404(
        EvidenceFile.objects.select_related("submission__step__cycle"), pk=pk, unit=unit
    )
    try:
        evidence_remove(evidence=evidence, actor=request.user)
    except WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("ลบไฟล์แล้ว"))
    step = evidence.submission.step
    return redirect(_step_page(unit, step.cycle, step.number))


INLINE_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})


@login_required
def evidence_download(request, code, pk):
    """Served only through this view (never from a public folder), to the unit's readers."""
    actor = actor_of(request)
    unit = get_unit_for_actor(actor, code, roles=UNIT_READERS)
    evidence = get_object_or_404(EvidenceFile, pk=pk, unit=unit)
    try:
        stored = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None  # the row outlived its file (a restore without media)
    response = FileResponse(
        stored,
        content_type=evidence.content_type,
        as_attachment=evidence.content_type not in INLINE_TYPES,
        filename=evidence.original_name or evidence.file.name.rsplit("/", 1)[-1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
