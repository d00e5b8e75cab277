"""Questions and answers: a unit's threads are its own, the central group answers (the unit is
notified), a good answer becomes a FAQ without personal data, and the lists' queries are fixed."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pmqa4.notices import questions
from pmqa4.notices.models import Faq, Post, Thread
from pmqa4.notifications.models import Kind, Notification

from .conftest import thread_of

pytestmark = pytest.mark.django_db
LIST = reverse("notices:questions")


def url(name, *args):
    return reverse(f"notices:{name}", args=args)


# Who reads which thread ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator_a", 200),
        ("executive_a", 200),
        ("coordinator_b", 404),  # another unit's thread
        ("staff_a", 404),  # no role: the unit's threads are not theirs
        ("evaluator", 200),
        ("central", 200),
    ],
)
def test_a_thread_is_read_by_its_unit_and_the_central_group(client, cast, who, status):
    thread = thread_of(cast.unit_a, cast.coordinator_a, title="ถามเรื่องแบบฟอร์มที่ ๓")
    client.force_login(getattr(cast, who))
    response = client.get(url("thread", thread.pk))
    assert response.status_code == status
    if status == 200:
        assert "ถามเรื่องแบบฟอร์มที่ ๓" in response.content.decode()
        assert "กรอกอย่างไร" in response.content.decode()
        assert 'data-testid="contact-card"' in response.content.decode()


def test_a_unit_lists_its_own_threads_and_the_central_group_all_with_the_waiting_first(
    client, cast
):
    now = timezone.now()
    old_wait = thread_of(cast.unit_a, cast.coordinator_a, title="รอนานที่สุด")
    Thread.objects.filter(pk=old_wait.pk).update(last_post_at=now - dt.timedelta(days=3))
    answered = thread_of(cast.unit_a, cast.executive_a, title="ตอบแล้วล่าสุด")
    Thread.objects.filter(pk=answered.pk).update(awaiting_answer=False, last_post_at=now)
    thread_of(cast.unit_b, cast.coordinator_b, title="ของหน่วยงานบี")
    Thread.objects.filter(title="ของหน่วยงานบี").update(last_post_at=now - dt.timedelta(days=1))

    client.force_login(cast.coordinator_a)
    page = client.get(LIST)
    assert [t.title for t in page.context["page"].object_list] == ["รอนานที่สุด", "ตอบแล้วล่าสุด"]
    assert "ของหน่วยงานบี" not in page.content.decode()

    for who in ("central", "evaluator"):
        client.force_login(getattr(cast, who))
        page = client.get(LIST)
        titles = [t.title for t in page.context["page"].object_list]
        assert titles == ["รอนานที่สุด", "ของหน่วยงานบี", "ตอบแล้วล่าสุด"]
        assert "รอคำตอบ 2 เรื่อง" in page.content.decode()
        waiting = client.get(LIST, {"status": "waiting", "q": "OPS-BBB"}).context["page"]
        assert [t.title for t in waiting.object_list] == ["ของหน่วยงานบี"]


def test_staff_without_a_role_may_not_use_the_questions(client, cast):
    client.force_login(cast.staff_a)
    assert client.get(LIST).status_code == 403
    assert client.get(url("question-create")).status_code == 403


# Asking and answering ----------------------------------------------------------------------


def test_a_coordinator_asks_for_their_unit(client, cast):
    client.force_login(cast.coordinator_a)
    response = client.post(
        url("question-create"),
        {"unit": cast.unit_a.pk, "title": "แนบไฟล์ไม่ได้", "body": "แนบ PDF แล้วขึ้นข้อความผิดพลาด"},
    )
    thread = Thread.objects.get()
    assert response["Location"] == url("thread", thread.pk)
    assert thread.unit == cast.unit_a and thread.awaiting_answer
    assert thread.posts.get().body == "แนบ PDF แล้วขึ้นข้อความผิดพลาด"
    assert LogEntry.objects.get_for_object(thread).get().actor == cast.coordinator_a


def test_a_coordinator_cannot_ask_in_another_units_name(client, cast):
    client.force_login(cast.coordinator_a)
    response = client.post(
        url("question-create"), {"unit": cast.unit_b.pk, "title": "ถาม", "body": "ถาม"}
    )
    assert response.status_code == 200
    assert "กรุณาเลือกหน่วยงานของท่าน" in response.content.decode()
    assert not Thread.objects.exists()


@pytest.mark.parametrize("who", ["central", "evaluator"])
def test_the_central_roles_cannot_ask(client, cast, who):
    client.force_login(getattr(cast, who))
    assert client.get(url("question-create")).status_code == 403


@pytest.mark.parametrize("who", ["central", "evaluator"])
def test_the_central_group_answers_and_the_unit_is_notified(
    client, cast, who, django_capture_on_commit_callbacks
):
    thread = thread_of(cast.unit_a, cast.executive_a, title="กำหนดส่งขั้นตอนที่ ๔")
    client.force_login(getattr(cast, who))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("answer", thread.pk), {"answer-body": "ภายใน ๓๐ กันยายน"})
    assert response["Location"] == url("thread", thread.pk)
    thread.refresh_from_db()
    assert not thread.awaiting_answer
    answer = thread.posts.get(is_answer=True)
    assert answer.body == "ภายใน ๓๐ กันยายน"
    told = Notification.objects.filter(kind=Kind.ANSWER)
    # the executive who asked and the unit's coordinator; nobody of unit B
    assert {n.recipient.username for n in told} == {"exec.a", "coord.a"}
    assert told.first().link == url("thread", thread.pk)
    assert told.first().title == "ตอบคำถามแล้ว: กำหนดส่งขั้นตอนที่ ๔"
    assert LogEntry.objects.get_for_object(answer).get().actor == getattr(cast, who)


@pytest.mark.parametrize(("who", "status"), [("coordinator_a", 403), ("executive_a", 403)])
def test_only_the_central_roles_answer(client, cast, who, status):
    thread = thread_of(cast.unit_a, cast.coordinator_a)
    client.force_login(getattr(cast, who))
    response = client.post(url("answer", thread.pk), {"answer-body": "ตอบเอง"})
    assert response.status_code == status
    assert not Post.objects.filter(is_answer=True).exists()
    assert 'data-testid="answer-form"' not in client.get(url("thread", thread.pk)).content.decode()


def test_another_unit_cannot_answer_or_reply_to_a_thread_it_cannot_see(client, cast):
    thread = thread_of(cast.unit_a, cast.coordinator_a)
    client.force_login(cast.coordinator_b)
    assert client.post(url("answer", thread.pk), {"answer-body": "x"}).status_code == 404
    assert client.post(url("reply", thread.pk), {"reply-body": "x"}).status_code == 404
    assert thread.posts.count() == 1


def test_the_unit_follows_up_and_the_thread_waits_again(client, cast):
    thread = thread_of(cast.unit_a, cast.coordinator_a)
    questions.answer(thread=thread, actor=cast.central, body="ตอบครั้งแรก")
    client.force_login(cast.executive_a)
    response = client.post(url("reply", thread.pk), {"reply-body": "ขอถามเพิ่ม"})
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.awaiting_answer
    assert [p.body for p in thread.posts.all()] == ["กรอกอย่างไร", "ตอบครั้งแรก", "ขอถามเพิ่ม"]
    client.force_login(cast.central)
    assert client.post(url("reply", thread.pk), {"reply-body": "x"}).status_code == 403


def test_an_empty_answer_is_refused_with_a_thai_message(client, cast):
    thread = thread_of(cast.unit_a, cast.coordinator_a)
    client.force_login(cast.central)
    response = client.post(url("answer", thread.pk), {"answer-body": "   "})
    assert response.status_code == 200
    assert "กรุณาพิมพ์ข้อความ" in response.content.decode()
    assert thread.posts.count() == 1


# The FAQ -----------------------------------------------------------------------------------------


def test_an_answer_is_promoted_to_the_faq_without_personal_data(client, cast):
    asker = cast.coordinator_a
    asker.first_name, asker.last_name = "สมหญิง", "ใจดี"
    asker.save()
    thread = thread_of(
        cast.unit_a,
        asker,
        title="ส่งแบบฟอร์มที่ ๓ ทางอีเมลได้ไหม",
        body="ดิฉันสมหญิง ใจดี โทร 081-234-5678 อีเมล somying@example.go.th ส่งทางอีเมลได้ไหมคะ",
    )
    answer = questions.answer(
        thread=thread, actor=cast.central, body="คุณสมหญิงส่งผ่านระบบเท่านั้น โทรถามได้ที่ 0 2232 1367"
    )
    client.force_login(cast.central)
    form = client.get(url("promote", thread.pk, answer.pk))
    draft = form.context["form"].initial
    assert "081-234-5678" not in draft["question"] and "somying@" not in draft["question"]
    assert "สมหญิง" not in draft["question"] and "สมหญิง" not in draft["answer"]
    assert "[หมายเลขโทรศัพท์]" in draft["question"] and "[อีเมล]" in draft["question"]
    assert draft["question"].startswith("ส่งแบบฟอร์มที่ ๓ ทางอีเมลได้ไหม")
    response = client.post(
        url("promote", thread.pk, answer.pk),
        {"question": "ส่งแบบฟอร์มที่ ๓ ทางอีเมลได้หรือไม่", "answer": "ส่งผ่านระบบเท่านั้น"},
    )
    faq = Faq.objects.get()
    assert response["Location"] == reverse("notices:faq") + f"#faq-{faq.pk}"
    assert faq.thread == thread and faq.created_by == cast.central
    assert LogEntry.objects.get_for_object(faq).get().action == LogEntry.Action.CREATE
    # every signed-in person reads it, whatever their unit or role
    for who in ("coordinator_b", "staff_a", "evaluator"):
        client.force_login(getattr(cast, who))
        page = client.get(reverse("notices:faq")).content.decode()
        assert "ส่งแบบฟอร์มที่ ๓ ทางอีเมลได้หรือไม่" in page
        assert "ส่งผ่านระบบเท่านั้น" in page
        assert "สมหญิง" not in page


@pytest.mark.parametrize(
    ("who", "status"), [("evaluator", 403), ("coordinator_a", 403), ("coordinator_b", 404)]
)
def test_only_the_central_administrator_promotes(client, cast, who, status):
    thread = thread_of(cast.unit_a, cast.coordinator_a)
    answer = questions.answer(thread=thread, actor=cast.evaluator, body="ตอบ")
    client.force_login(getattr(cast, who))
    promote = url("promote", thread.pk, answer.pk)
    assert client.post(promote, {"question": "q", "answer": "a"}).status_code == status
    assert not Faq.objects.exists()


def test_only_an_answer_can_be_promoted(client, cast):
    thread = thread_of(cast.unit_a, cast.coordinator_a)
    question = thread.posts.get()
    client.force_login(cast.central)
    assert client.get(url("promote", thread.pk, question.pk)).status_code == 404


def test_the_administrator_edits_and_deletes_a_faq(client, cast):
    faq = Faq.objects.create(question="ถามเดิม", answer="ตอบเดิม", created_by=cast.central)
    client.force_login(cast.central)
    client.post(url("faq-edit", faq.pk), {"question": "ถามใหม่", "answer": "ตอบใหม่"})
    faq.refresh_from_db()
    assert (faq.question, faq.answer) == ("ถามใหม่", "ตอบใหม่")
    assert client.post(url("faq-delete", faq.pk))["Location"] == reverse("notices:faq")
    assert not Faq.objects.exists()
    client.force_login(cast.evaluator)
    other = Faq.objects.create(question="ถาม", answer="ตอบ", created_by=cast.central)
    assert (
        client.post(url("faq-edit", other.pk), {"question": "x", "answer": "y"}).status_code == 403
    )


# Queries ---------------------------------------------------------------------------------------


def test_the_question_list_runs_the_same_queries_for_3_and_30_threads(client, cast):
    def make(count):
        for n in range(count):
            unit, asker = (
                (cast.unit_a, cast.coordinator_a) if n % 2 else (cast.unit_b, cast.coordinator_b)
            )
            thread = thread_of(unit, asker, title=f"คำถามที่ {n}")
            if n % 3 == 0:
                Post.objects.create(thread=thread, author=cast.central, body="ตอบ", is_answer=True)

    client.force_login(cast.central)
    make(3)
    with CaptureQueriesContext(connection) as few:
        assert len(client.get(LIST).context["page"].object_list) == 3
    make(27)
    with CaptureQueriesContext(connection) as many:
        response = client.get(LIST)
    assert len(response.context["page"].object_list) == 20
    assert len(many) == len(few)
    assert "OPS-AAA" in response.content.decode() and "OPS-BBB" in response.content.decode()


def test_the_faq_page_runs_the_same_queries_for_3_and_30_entries(client, cast):
    def make(count):
        for n in range(count):
            Faq.objects.create(question=f"คำถาม {n}", answer="คำตอบ", created_by=cast.central)

    client.force_login(cast.coordinator_a)
    make(3)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("notices:faq"))
    make(27)
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("notices:faq")).content.decode()
    assert page.count('data-testid="faq"') == 30
    assert len(many) == len(few)


def test_a_faq_edited_from_a_stale_page_is_refused_with_409(client, cast):
    faq = Faq.objects.create(question="ถาม", answer="ตอบ", created_by=cast.central)
    client.force_login(cast.central)
    edit = url("faq-edit", faq.pk)
    assert client.post(edit, {"question": "ก", "answer": "ข", "version": 1}).status_code == 302
    stale = client.post(edit, {"question": "ค", "answer": "ง", "version": 1})
    assert stale.status_code == 409
    assert 'data-testid="conflict"' in stale.content.decode()
    faq.refresh_from_db()
    assert (faq.question, faq.version) == ("ก", 2)
