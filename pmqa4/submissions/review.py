"""The central administrator's review queue: read a submitted version, comment, accept or
return it for correction. Evaluators read the same pages without the actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pmqa4.core.errors import WorkflowError
from pmqa4.cycles.selectors import selected_cycle
from pmqa4.org.permissions import all_units_reader_of, central_admin_of

from .forms import CommentForm, ReturnForm
from .models import ReviewComment, State, Submission
from .workflow import submission_accept, submission_return

QUEUE_STATES = {
    "waiting": (State.SUBMITTED, State.RESUBMITTED),
    "returned": (State.RETURNED,),
    "accepted": (State.ACCEPTED,),
    "signing": (State.AWAITING_SIGN_OFF,),
}


@login_required
def queue(request):
    all_units_reader_of(request)
    cycle = selected_cycle(request.GET.get("year"), timezone.localdate())
    if cycle is None:
        raise Http404
    show = request.GET.get("show", "waiting")
    states = QUEUE_STATES.get(show, QUEUE_STATES["waiting"])
    submissions = (
        Submission.objects.filter(step__cycle=cycle, state__in=states)
        .select_related("unit", "step")
        .annotate(version_count=Count("versions"))
        .order_by("last_submitted_at", "unit__code")
    )
    step = request.GET.get("step", "")
    if step.isdigit():
        submissions = submissions.filter(step__number=int(step))
    return render(
        request,
        "submissions/review_queue.html",
        {"cycle": cycle, "submissions": submissions, "show": show, "step": step},
    )


def _submission(pk) -> Submission:
    return get_object_or_404(Submission.objects.select_related("unit", "step__cycle"), pk=pk)


@login_required
def detail(request, pk):
    actor = all_units_reader_of(request)
    submission = _submission(pk)
    version = submission.versions.select_related("created_by").order_by("-number").first()
    return render(
        request,
        "submissions/review.html",
        {
            "submission": submission,
            "unit": submission.unit,
            "cycle": submission.step.cycle,
            "version": version,
            "events": submission.events.select_related("actor").order_by("-at", "-id"),
            "comments": ReviewComment.objects.filter(submission=submission, version=version)
            .select_related("author")
            .order_by("section", "item", "id"),
            "can_act": actor.is_central_admin,
            "return_form": ReturnForm(),
            "comment_form": CommentForm(sections=version.snapshot.keys() if version else ()),
        },
    )


def _back(submission):
    return redirect(reverse("submissions:review", kwargs={"pk": submission.pk}))


@require_POST
@login_required
def accept(request, pk):
    central_admin_of(request)
    submission = _submission(pk)
    try:
        submission_accept(submission=submission, actor=request.user, now=timezone.now())
    except WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("ตรวจรับแล้ว"))
    return _back(submission)


@require_POST
@login_required
def return_for_correction(request, pk):
    central_admin_of(request)
    submission = _submission(pk)
    form = ReturnForm(request.POST)
    try:
        if not form.is_valid():
            raise WorkflowError(" ".join(e for errors in form.errors.values() for e in errors))
        submission_return(
            submission=submission,
            actor=request.user,
            comment=form.cleaned_data["comment"],
            correction_due=form.cleaned_data["correction_due"],
            now=timezone.now(),
        )
    except WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("ส่งกลับให้หน่วยงานแก้ไขแล้ว"))
    return _back(submission)


@require_POST
@login_required
def comment(request, pk):
    central_admin_of(request)
    submission = _submission(pk)
    version = submission.versions.order_by("-number").first()
    form = CommentForm(request.POST, sections=version.snapshot.keys() if version else ())
    if version is None or not form.is_valid():
        typed = [e for name in ("text", "item") for e in form.errors.get(name, ())]
        messages.error(request, " ".join(typed) or _("กรุณาเลือกส่วนของแบบฟอร์มและพิมพ์ความเห็น"))
    else:
        ReviewComment.objects.create(
            submission=submission, version=version, author=request.user, **form.cleaned_data
        )
        messages.success(request, _("บันทึกความเห็นแล้ว หน่วยงานจะเห็นเมื่อส่งกลับให้แก้ไข"))
    return _back(submission)
