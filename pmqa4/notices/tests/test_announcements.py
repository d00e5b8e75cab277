"""Announcements: who sees which, in what order, the central administrator's writing (audited,
notified), and the list's fixed number of queries."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pmqa4.notices.models import Announcement, AnnouncementFile
from pmqa4.notifications.models import Kind, Notification
from pmqa4.org.models import UnitKind

from .conftest import PDF, announce, pptx, upload

pytestmark = pytest.mark.django_db
LIST = reverse("notices:announcements")


def detail(announcement):
    return reverse("notices:announcement", args=[announcement.pk])


def titles(response) -> list[str]:
    return [a.title for a in response.context["page"].object_list]


# Who sees which ------------------------------------------------------------------------------


def test_a_provincial_office_sees_what_is_for_provincial_offices_not_what_is_only_for_bureaus(
    client, cast, kinds
):
    announce(cast.central, "ถึงทุกหน่วยงาน")
    to_provinces = announce(
        cast.central, "ถึงสำนักงานแรงงานจังหวัด", kinds=[UnitKind.PROVINCIAL_OFFICE]
    )
    to_bureaus = announce(cast.central, "ถึงสำนักเท่านั้น", kinds=[UnitKind.BUREAU])
    client.force_login(kinds.provincial_coordinator)
    response = client.get(LIST)
    assert titles(response) == ["ถึงสำนักงานแรงงานจังหวัด", "ถึงทุกหน่วยงาน"]
    assert "ถึงสำนักเท่านั้น" not in response.content.decode()
    assert client.get(detail(to_provinces)).status_code == 200
    assert client.get(detail(to_bureaus)).status_code == 404

    client.force_login(kinds.bureau_coordinator)
    assert titles(client.get(LIST)) == ["ถึงสำนักเท่านั้น", "ถึงทุกหน่วยงาน"]
    assert client.get(detail(to_provinces)).status_code == 404


def test_the_central_roles_see_every_audience_and_only_the_administrator_sees_scheduled_ones(
    client, cast
):
    announce(cast.central, "ถึงสำนัก", kinds=[UnitKind.BUREAU])
    later = announce(
        cast.central, "ตั้งเวลาไว้", published_on=timezone.localdate() + dt.timedelta(days=3)
    )
    client.force_login(cast.evaluator)
    assert titles(client.get(LIST)) == ["ถึงสำนัก"]
    assert client.get(detail(later)).status_code == 404
    client.force_login(cast.central)
    response = client.get(LIST)
    assert titles(response) == ["ตั้งเวลาไว้", "ถึงสำนัก"]
    assert "ตั้งเวลาเผยแพร่" in response.content.decode()
    client.force_login(cast.coordinator_a)
    assert client.get(detail(later)).status_code == 404


def test_staff_without_a_role_see_what_is_for_the_kind_of_their_own_unit(client, cast):
    announce(cast.central, "ถึงกอง", kinds=[UnitKind.DIVISION])  # unit A is a division
    announce(cast.central, "ถึงจังหวัด", kinds=[UnitKind.PROVINCIAL_OFFICE])
    client.force_login(cast.staff_a)
    assert titles(client.get(LIST)) == ["ถึงกอง"]


def test_pinned_come_first_then_the_newest(client, cast):
    announce(cast.central, "เก่า", published_on=dt.date(2024, 10, 1))
    announce(cast.central, "ใหม่", published_on=dt.date(2025, 2, 1))
    announce(cast.central, "ปักหมุดเก่า", pinned=True, published_on=dt.date(2024, 9, 1))
    client.force_login(cast.coordinator_a)
    response = client.get(LIST)
    assert titles(response) == ["ปักหมุดเก่า", "ใหม่", "เก่า"]
    content = response.content.decode()
    assert content.index(">ปักหมุดเก่า<") < content.index(">ใหม่<") < content.index(">เก่า<")
    assert "1 กุมภาพันธ์ 2568" in content  # B.E. date


def test_the_list_runs_the_same_queries_for_3_and_30_announcements(client, cast, kinds):
    def make(count):
        for n in range(count):
            a = announce(
                cast.central,
                f"ประกาศที่ {n}",
                kinds=[UnitKind.PROVINCIAL_OFFICE, UnitKind.DIVISION] if n % 2 else [],
                pinned=n % 5 == 0,
            )
            AnnouncementFile.objects.create(
                announcement=a,
                file=f"notices/x{n}.pdf",
                original_name="a.pdf",
                content_type="application/pdf",
                size=1,
                sha256="0" * 64,
                uploaded_by=cast.central,
            )

    client.force_login(kinds.provincial_coordinator)
    make(3)
    with CaptureQueriesContext(connection) as few:
        assert len(titles(client.get(LIST))) == 3
    make(27)
    with CaptureQueriesContext(connection) as many:
        response = client.get(LIST)
    assert len(titles(response)) == 20  # the first page
    assert len(many) == len(few)
    assert "ไฟล์แนบ 1 ไฟล์" in response.content.decode()
    assert "ถึง กอง, สำนักงานแรงงานจังหวัด" in response.content.decode()


# The central administrator writes ------------------------------------------------------------


def post_form(client, **changes):
    data = {
        "title": "ประชุมชี้แจงตัวชี้วัด ปี ๒๕๖๘",
        "body": "ขอเชิญผู้ประสานงานเข้าร่วมประชุม\nวันที่ ๑๐ ม.ค. ๒๕๖๘\nhttps://example.go.th/meet",
        "audience": "kinds",
        "kinds": [UnitKind.DIVISION],
        "published_on": timezone.localdate().isoformat(),
        "files": [upload(PDF, "กำหนดการ.pdf"), upload(pptx(), "สไลด์.pptx")],
    }
    data.update(changes)
    return client.post(reverse("notices:announcement-create"), data)


def test_the_administrator_posts_with_files_the_units_are_notified_and_it_is_audited(
    client, cast, django_capture_on_commit_callbacks
):
    client.force_login(cast.central)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(client)
    announcement = Announcement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail(announcement)
    assert not announcement.to_all_units
    assert [a.kind for a in announcement.audiences.all()] == [UnitKind.DIVISION]
    files = {f.original_name: f.content_type for f in announcement.files.all()}
    assert files["สไลด์.pptx"].endswith("presentationml.presentation")
    assert files["กำหนดการ.pdf"] == "application/pdf"
    # the division's coordinator and executive (units A and B are divisions), not the central
    told = Notification.objects.filter(kind=Kind.ANNOUNCEMENT)
    assert {n.recipient.username for n in told} == {"coord.a", "exec.a", "coord.b"}
    assert told.first().link == detail(announcement)
    assert "มีไฟล์แนบ 2 ไฟล์" in told.first().body
    assert announcement.notified_at is not None
    assert {m.to[0] for m in mail.outbox} == {
        "coord.a@example.go.th",
        "exec.a@example.go.th",
        "coord.b@example.go.th",
    }
    entry = LogEntry.objects.get_for_object(announcement).get()
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == cast.central
    assert LogEntry.objects.get_for_objects(announcement.files.all()).count() == 2
    page = client.get(detail(announcement)).content.decode()
    assert "<br>วันที่ ๑๐ ม.ค. ๒๕๖๘" in page
    assert '<a href="https://example.go.th/meet"' in page


def test_html_in_an_announcement_is_shown_as_text(client, cast):
    client.force_login(cast.central)
    post_form(client, body="<script>alert(1)</script><b>ตัวหนา</b>", files=[])
    page = client.get(detail(Announcement.objects.get())).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;ตัวหนา" in page


def test_a_bad_file_is_refused_with_a_thai_message_and_nothing_is_saved(client, cast):
    client.force_login(cast.central)
    response = post_form(client, files=[upload(b"MZ a program", "slides.pptx")])
    assert response.status_code == 200
    assert (
        "slides.pptx: รับเฉพาะไฟล์ PDF, PNG, JPEG, DOCX, XLSX และ PPTX" in response.content.decode()
    )
    assert not Announcement.objects.exists()
    assert not AnnouncementFile.objects.exists()


def test_an_audience_of_kinds_needs_at_least_one_kind(client, cast):
    client.force_login(cast.central)
    response = post_form(client, kinds=[], files=[])
    assert "กรุณาเลือกประเภทหน่วยงานอย่างน้อย ๑ ประเภท" in response.content.decode()
    assert not Announcement.objects.exists()


def test_a_scheduled_announcement_is_told_on_its_day_once(client, cast):
    client.force_login(cast.central)
    day = timezone.localdate() + dt.timedelta(days=2)
    post_form(client, published_on=day.isoformat(), audience="all", kinds=[], files=[])
    announcement = Announcement.objects.get()
    assert announcement.notified_at is None
    assert not Notification.objects.exists()
    call_command("notify_announcements")  # not yet its day
    assert not Notification.objects.exists()
    Announcement.objects.update(published_on=timezone.localdate())
    call_command("notify_announcements")
    call_command("notify_announcements")  # a second run tells nobody again
    assert Notification.objects.filter(kind=Kind.ANNOUNCEMENT).count() == 3
    announcement.refresh_from_db()
    assert announcement.notified_at is not None


def test_editing_changes_the_audience_removes_a_file_and_is_audited(
    client, cast, django_capture_on_commit_callbacks
):
    client.force_login(cast.central)
    post_form(client)
    announcement = Announcement.objects.get()
    pdf = announcement.files.get(original_name="กำหนดการ.pdf")
    stored = pdf.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("notices:announcement-edit", args=[announcement.pk]),
            {
                "title": "ประชุมชี้แจง (เลื่อน)",
                "body": "เลื่อนเป็นวันที่ ๑๗",
                "audience": "all",
                "pinned": "on",
                "published_on": announcement.published_on.isoformat(),
                "remove_files": [pdf.pk],
            },
        )
    assert response.status_code == 302
    announcement.refresh_from_db()
    assert announcement.title == "ประชุมชี้แจง (เลื่อน)"
    assert announcement.pinned and announcement.to_all_units
    assert not announcement.audiences.exists()
    assert [f.original_name for f in announcement.files.all()] == ["สไลด์.pptx"]
    assert not pdf.file.storage.exists(stored)
    update = LogEntry.objects.get_for_object(announcement).filter(action=LogEntry.Action.UPDATE)
    assert "title" in update.get().changes_dict


def test_deleting_removes_the_announcement_and_its_files(
    client, cast, django_capture_on_commit_callbacks
):
    client.force_login(cast.central)
    post_form(client)
    announcement = Announcement.objects.get()
    names = [f.file.name for f in announcement.files.all()]
    url = reverse("notices:announcement-delete", args=[announcement.pk])
    assert "ยืนยันการลบ" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url)["Location"] == LIST
    assert not Announcement.objects.exists()
    storage = AnnouncementFile._meta.get_field("file").storage
    assert not any(storage.exists(name) for name in names)
    deleted = LogEntry.objects.filter(action=LogEntry.Action.DELETE)
    assert deleted.filter(object_repr="ประชุมชี้แจงตัวชี้วัด ปี ๒๕๖๘").exists()


@pytest.mark.parametrize("who", ["coordinator_a", "executive_a", "evaluator", "staff_a"])
def test_only_the_central_administrator_writes(client, cast, who):
    announcement = announce(cast.central)
    client.force_login(getattr(cast, who))
    assert client.get(reverse("notices:announcement-create")).status_code == 403
    assert post_form(client, files=[]).status_code == 403
    edit = reverse("notices:announcement-edit", args=[announcement.pk])
    assert client.post(edit, {"title": "x"}).status_code == 403
    delete = reverse("notices:announcement-delete", args=[announcement.pk])
    assert client.post(delete).status_code == 403
    assert Announcement.objects.get().title == "ประกาศทดสอบ"


# Attachments are served through the permission check ------------------------------------------


def test_attachments_are_served_to_the_audience_only(client, cast, kinds):
    client.force_login(cast.central)
    post_form(client)
    announcement = Announcement.objects.get()
    pdf = announcement.files.get(content_type="application/pdf")
    slides = announcement.files.exclude(pk=pdf.pk).get()
    pdf_url = reverse("notices:announcement-file", args=[announcement.pk, pdf.pk])
    slides_url = reverse("notices:announcement-file", args=[announcement.pk, slides.pk])

    client.logout()
    assert client.get(pdf_url)["Location"].startswith(reverse("login"))

    client.force_login(kinds.provincial_coordinator)  # not a division: not addressed to them
    assert client.get(pdf_url).status_code == 404

    client.force_login(cast.coordinator_a)
    response = client.get(pdf_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")
    assert b"".join(response.streaming_content) == PDF
    response = client.get(slides_url)
    assert response["Content-Disposition"].startswith("attachment")
    assert "presentationml" in response["Content-Type"]
    # a file of another announcement under this one's address is a 404
    other = announce(cast.central, "อีกประกาศ")
    wrong = reverse("notices:announcement-file", args=[other.pk, pdf.pk])
    assert client.get(wrong).status_code == 404


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "ก" * 201}, "ข้อความยาวเกินไป"),
        ({"body": "ก\x00ข"}, "อักขระที่ใช้ไม่ได้ (NUL)"),
        ({"published_on": "31/02/2568"}, "วันที่ไม่ถูกต้อง"),
        ({"kinds": ["ministry"]}, None),  # not a kind of unit: Django's own choice message
        ({"title": ""}, "กรุณาพิมพ์หัวข้อประกาศ"),
    ],
)
def test_bad_input_gets_a_message_and_saves_nothing(client, cast, changes, message):
    client.force_login(cast.central)
    response = post_form(client, files=[], **changes)
    assert response.status_code == 200
    assert not Announcement.objects.exists()
    if message is None:
        assert response.context["form"].errors["kinds"]
    else:
        assert message in response.content.decode()


def test_two_administrators_editing_at_once_never_overwrite_each_other_silently(client, cast):
    announcement = announce(cast.central, "ฉบับเดิม")
    edit = reverse("notices:announcement-edit", args=[announcement.pk])
    client.force_login(cast.central)
    loaded = client.get(edit).context["form"].initial["version"]
    assert loaded == 1

    def fields(title, version):
        return {
            "title": title,
            "body": "รายละเอียด",
            "audience": "all",
            "published_on": "2025-01-06",
            "version": version,
        }

    assert client.post(edit, fields("ฉบับของคนแรก", loaded)).status_code == 302
    response = client.post(edit, fields("ฉบับของคนที่สอง", loaded))  # from the same old page
    assert response.status_code == 409
    assert "มีผู้อื่นบันทึกแบบฟอร์มนี้ไปก่อนแล้ว" in response.content.decode()
    assert 'value="ฉบับของคนที่สอง"' in response.content.decode()  # what they typed stays
    assert Announcement.objects.get().title == "ฉบับของคนแรก"
    again = response.context["form"].data["version"]
    assert client.post(edit, fields("ฉบับของคนที่สอง", again)).status_code == 302
    assert Announcement.objects.get().title == "ฉบับของคนที่สอง"
