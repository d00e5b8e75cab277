from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from pmqa4.core.errors import WorkflowError
from pmqa4.cycles.selectors import due_dates_for, selected_cycle
from pmqa4.org.models import Province, Role, UnitKind
from pmqa4.org.permissions import (
    UNIT_READERS,
    actor_of,
    all_units_reader_of,
    central_admin_of,
    get_unit_for_actor,
)
from pmqa4.plans.models import Kpi
from pmqa4.submissions.findings import finding_record, finding_withdraw
from pmqa4.submissions.models import Finding

from . import selectors
from .advice import advise
from .forms import FindingForm, PublishForm, WithdrawForm
from .scoreboard import SORTS, scoreboard_scores
from .services import assessment_time, scores_publish, unit_score

EVALUATORS = {Role.EVALUATOR, Role.CENTRAL_ADMIN}


def _cycle_or_404(request):
    cycle = selected_cycle(request.GET.get("year"), timezone.localdate())
    if cycle is None:
        raise Http404
    return cycle


@login_required
def unit_score_page(request, code):
    """The unit's score, each deduction explained, and what it can still do in time."""
    actor = actor_of(request)
    unit = get_unit_for_actor(actor, code, roles=UNIT_READERS)
    cycle = _cycle_or_404(request)
    now = timezone.now()
    as_of = assessment_time(cycle, now)
    score = unit_score(cycle, unit, as_of=as_of)
    dues = {s.number: s.due_on for s in cycle.steps.all()}
    dues.update({n: d for (_, n), d in due_dates_for(cycle, [unit.pk]).items()})
    can_record = actor.has_role_for(unit, EVALUATORS)
    context = {
        "unit": unit,
        "cycle": cycle,
        "score": score,
        "as_of": as_of,
        "kpi_names": Kpi.objects.filter(unit=unit, cycle=cycle).values_list("code", "name"),
        "advice": advise(
            score.facts, score.breakdown, today=timezone.localdate(now), step_dues=dues
        ),
        "findings": selectors.findings_of(unit, cycle),
        "publications": selectors.publications(unit, cycle),
        "can_record_findings": can_record,
        "finding_form": FindingForm() if can_record else None,
    }
    return render(request, "scoring/unit_score.html", context)


@login_required
def scoreboard(request):
    """Every unit × the five steps, round 1 and year, for the central group."""
    actor = all_units_reader_of(request)
    cycle = _cycle_or_404(request)
    kind = request.GET.get("kind", "")
    province = request.GET.get("province", "")
    sort = request.GET.get("sort", "code")
    scores, _as_of = scoreboard_scores(
        cycle, kind=kind, province=province, sort=sort, now=timezone.now()
    )
    return render(
        request,
        "scoring/scoreboard.html",
        {
            "cycle": cycle,
            "scores": scores,
            "kinds": UnitKind.choices,
            "kind": kind,
            "provinces": Province.objects.filter(units__isnull=False).order_by("name_th"),
            "province": province,
            "sort": sort if sort in SORTS else "code",
            "sorts": SORTS,
            "can_publish": actor.is_central_admin,
            "publish_form": PublishForm(),
        },
    )


def _score_url(unit, cycle):
    return reverse("scoring:unit", kwargs={"code": unit.code}) + f"?year={cycle.fiscal_year}"


@require_POST
@login_required
def finding_create(request, code):
    actor = actor_of(request)
    unit = get_unit_for_actor(actor, code, roles=EVALUATORS)
    cycle = _cycle_or_404(request)
    form = FindingForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(_score_url(unit, cycle))
    submission = selectors.submissions_for_findings(unit, cycle).get(form.cleaned_data["step"])
    try:
        if submission is None:
            raise WorkflowError(_("หน่วยงานยังไม่ได้ส่งขั้นตอนนี้ จึงยังบันทึกข้อค้นพบไม่ได้"))
        finding_record(
            submission=submission,
            kind=form.cleaned_data["kind"],
            note=form.cleaned_data["note"],
            actor=request.user,
            now=timezone.now(),
        )
    except WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("บันทึกข้อค้นพบแล้ว คะแนนด้านล่างคำนวณใหม่ตามข้อค้นพบนี้"))
    return redirect(_score_url(unit, cycle))


@require_POST
@login_required
def finding_withdraw_view(request, code, pk):
    actor = actor_of(request)
    unit = get_unit_for_actor(actor, code, roles=EVALUATORS)
    finding = get_object_or_404(
        Finding.objects.select_related("submission__step__cycle"), pk=pk, submission__unit=unit
    )
    cycle = finding.submission.step.cycle
    form = WithdrawForm(request.POST)
    try:
        if not form.is_valid():
            raise WorkflowError(" ".join(form.errors["note"]))
        finding_withdraw(
            finding=finding, note=form.cleaned_data["note"], actor=request.user, now=timezone.now()
        )
    except WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("ถอนข้อค้นพบแล้ว"))
    return redirect(_score_url(unit, cycle))


@require_POST
@login_required
def publish(request):
    central_admin_of(request)
    cycle = _cycle_or_404(request)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("เลือกรอบที่จะเผยแพร่"))
    else:
        try:
            records = scores_publish(
                cycle=cycle, kind=form.cleaned_data["kind"], actor=request.user, now=timezone.now()
            )
        except WorkflowError as error:
            messages.error(request, error.message)
        else:
            count = len(records)
            text = ngettext(
                "เผยแพร่คะแนนของ %(count)d หน่วยงานแล้ว", "เผยแพร่คะแนนของ %(count)d หน่วยงานแล้ว", count
            )
            messages.success(request, text % {"count": count})
    return redirect(reverse("scoring:board") + f"?year={cycle.fiscal_year}")
