"""Questions and answers, and the FAQ.

A unit's coordinators and executives ask and follow up in their unit's threads; the central roles
(administrator, evaluator) read every thread and answer; the central administrator promotes an
answer to the FAQ, which everyone signed in reads. Another unit's thread is a 404; an action
the person's role does not allow on a thread they can read is a 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from pmqa4.core.locking import StaleEdit
from pmqa4.org.permissions import actor_of, central_admin_of

from . import questions
from .forms import FaqForm, PostForm, QuestionForm
from .models import Faq
from .selectors import (
    ASKERS,
    asking_units,
    may_answer,
    may_ask,
    may_read_questions,
    thread_list,
    threads_for,
)
from .views import PER_PAGE

STATUSES = ("waiting", "answered")


@require_GET
@login_required
def question_list(request):
    """The central roles: every unit's threads; a unit's people: their unit's. Waiting first."""
    actor = actor_of(request)
    if not may_read_questions(actor):
        raise PermissionDenied
    status = request.GET.get("status", "")
    status = status if status in STATUSES else ""
    query = request.GET.get("q", "").strip()[:100]
    threads = thread_list(actor, status=status, query=query)
    page = Paginator(threads, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "status": status,
        "query": query,
        "filters": urlencode({k: v for k, v in (("status", status), ("q", query)) if v}),
        "may_ask": may_ask(actor),
        "sees_all": actor.sees_all_units,
        "waiting": threads_for(actor).filter(awaiting_answer=True).count(),
    }
    return render(request, "notices/questions.html", context)


@login_required
def question_create(request):
    actor = actor_of(request)
    units = asking_units(actor)
    if not may_ask(actor) or not units:
        raise PermissionDenied
    form = QuestionForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        thread = questions.ask(
            unit=data["unit"], actor=request.user, title=data["title"], body=data["body"]
        )
        messages.success(request, _("ส่งคำถามแล้ว กลุ่มพัฒนาระบบบริหารจะตอบในหน้านี้และแจ้งให้ท่านทราบ"))
        return redirect("notices:thread", thread.pk)
    return render(request, "notices/question_form.html", {"form": form, "units": units})


def _thread(request, pk):
    actor = actor_of(request)
    found = threads_for(actor).select_related("unit", "asked_by")
    return actor, get_object_or_404(found, pk=pk)


def _may_follow_up(actor, thread) -> bool:
    return any(role in ASKERS and unit == thread.unit_id for role, unit in actor.grants)


def _thread_page(request, actor, thread, *, answer_form=None, reply_form=None, status=200):
    can_answer = may_answer(actor)
    can_reply = _may_follow_up(actor, thread)
    context = {
        "thread": thread,
        "posts": thread.posts.select_related("author"),
        "faqs": thread.faqs.all(),
        "can_answer": can_answer,
        "can_reply": can_reply,
        "can_promote": actor.is_central_admin,
        "answer_form": answer_form or (PostForm(prefix="answer") if can_answer else None),
        "reply_form": reply_form or (PostForm(prefix="reply") if can_reply else None),
    }
    return render(request, "notices/thread.html", context, status=status)


@require_GET
@login_required
def thread_detail(request, pk):
    actor, thread = _thread(request, pk)
    return _thread_page(request, actor, thread)


@require_POST
@login_required
def thread_answer(request, pk):
    """The central group's answer (coordinators and executives: 403)."""
    actor, thread = _thread(request, pk)
    if not may_answer(actor):
        raise PermissionDenied
    form = PostForm(request.POST, prefix="answer")
    if not form.is_valid():
        return _thread_page(request, actor, thread, answer_form=form)
    questions.answer(thread=thread, actor=request.user, body=form.cleaned_data["body"])
    messages.success(request, _("บันทึกคำตอบแล้ว และแจ้งหน่วยงานแล้ว"))
    return redirect("notices:thread", thread.pk)


@require_POST
@login_required
def thread_reply(request, pk):
    """The unit adds to its own question (the central roles answer instead: 403)."""
    actor, thread = _thread(request, pk)
    if not _may_follow_up(actor, thread):
        raise PermissionDenied
    form = PostForm(request.POST, prefix="reply")
    if not form.is_valid():
        return _thread_page(request, actor, thread, reply_form=form)
    questions.follow_up(thread=thread, actor=request.user, body=form.cleaned_data["body"])
    messages.success(request, _("ส่งข้อความเพิ่มเติมแล้ว"))
    return redirect("notices:thread", thread.pk)


@login_required
def thread_promote(request, pk, post_pk):
    """An answer to the FAQ, its text edited first (personal data taken out)."""
    actor, thread = _thread(request, pk)
    central_admin_of(request)
    post = get_object_or_404(thread.posts.select_related("author"), pk=post_pk, is_answer=True)
    form = FaqForm(request.POST or None, initial=questions.faq_draft(thread, post))
    if request.method == "POST" and form.is_valid():
        faq = questions.promote(
            thread=thread,
            actor=request.user,
            question=form.cleaned_data["question"],
            answer_text=form.cleaned_data["answer"],
        )
        messages.success(request, _("เผยแพร่เป็นคำถามที่พบบ่อยแล้ว"))
        return redirect(reverse("notices:faq") + f"#faq-{faq.pk}")
    context = {"form": form, "thread": thread, "post": post}
    return render(request, "notices/faq_form.html", context)


@require_GET
@login_required
def faq_list(request):
    actor = actor_of(request)
    query = request.GET.get("q", "").strip()[:100]
    faqs = Faq.objects.all()
    if query:
        faqs = faqs.filter(Q(question__icontains=query) | Q(answer__icontains=query))
    context = {"faqs": faqs, "query": query, "is_admin": actor.is_central_admin}
    return render(request, "notices/faq.html", context)


@login_required
def faq_edit(request, pk):
    central_admin_of(request)
    faq = get_object_or_404(Faq, pk=pk)
    initial = {"question": faq.question, "answer": faq.answer, "version": faq.version}
    form = FaqForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            questions.edit_faq(
                faq=faq,
                version=data["version"] or faq.version,
                question=data["question"],
                answer_text=data["answer"],
            )
        except StaleEdit as stale:
            # what this editor typed stays, now against the stored version
            posted = request.POST.copy()
            posted["version"] = stale.current.version
            context = {"form": FaqForm(posted), "faq": stale.current, "conflict": stale.message}
            return render(request, "notices/faq_form.html", context, status=409)
        messages.success(request, _("บันทึกคำถามที่พบบ่อยแล้ว"))
        return redirect(reverse("notices:faq") + f"#faq-{faq.pk}")
    return render(request, "notices/faq_form.html", {"form": form, "faq": faq})


@login_required
def faq_delete(request, pk):
    central_admin_of(request)
    faq = get_object_or_404(Faq, pk=pk)
    if request.method == "POST":
        faq.delete()
        messages.success(request, _("ลบคำถามที่พบบ่อยแล้ว"))
        return redirect("notices:faq")
    return render(request, "notices/faq_delete.html", {"faq": faq})
