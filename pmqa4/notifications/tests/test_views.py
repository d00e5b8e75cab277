"""The bell, the list, marking read, preferences: one's own only, in few queries."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from pmqa4.notifications.models import Delivery, Kind, Notification, Preference

from .conftest import LINE_ID_A, TOKEN

pytestmark = pytest.mark.django_db
LIST = reverse("notifications:list")
COUNT = reverse("notifications:count")
PREFS = reverse("notifications:preferences")


def make(user, n=1, read=False, link="/units/OPS-AAA/2568/plans/"):
    rows = [
        Notification(
            recipient=user,
            kind=Kind.REMINDER,
            key=f"k-{user.pk}-{i}-{read}",
            title=f"เตือนครั้งที่ {i}",
            body="ยังไม่ได้ส่ง",
            link=link,
            read_at=timezone.now() if read else None,
        )
        for i in range(n)
    ]
    return Notification.objects.bulk_create(rows)


def test_every_page_has_the_bell_which_loads_its_count_after_the_page(client, cast):
    client.force_login(cast.coordinator_a)
    page = client.get(reverse("privacy:notice")).content.decode()
    assert f'href="{LIST}" class="notification-bell"' in page
    assert f'hx-get="{COUNT}" hx-trigger="load"' in page


def test_the_bells_count_is_the_unread_of_this_person_in_one_count_query(
    client, cast, django_assert_num_queries
):
    make(cast.coordinator_a, 3)
    make(cast.coordinator_a, 2, read=True)
    make(cast.coordinator_b, 4)
    client.force_login(cast.coordinator_a)
    # the session, the user, the COUNT
    with django_assert_num_queries(3):
        body = client.get(COUNT).content.decode()
    assert '<span class="badge rounded-pill text-bg-danger" data-testid="unread-count">3' in body
    assert "รายการที่ยังไม่อ่าน" in body
    client.force_login(cast.executive_a)
    assert client.get(COUNT).content.decode().strip() == ""


@pytest.mark.parametrize("count", [1, 40])
def test_the_list_is_newest_first_in_the_same_queries_for_1_or_40(
    client, cast, count, django_assert_num_queries
):
    make(cast.coordinator_a, count)
    make(cast.coordinator_b, 2)
    client.force_login(cast.coordinator_a)
    # session, user, the page's count, its rows, the unread count (role grants for the menu)
    with django_assert_num_queries(6):
        response = client.get(LIST)
    page = response.content.decode()
    shown = response.context["page"].object_list
    assert len(shown) == min(count, 30)
    assert all(n.recipient_id == cast.coordinator_a.pk for n in shown)
    assert [n.pk for n in shown] == sorted((n.pk for n in shown), reverse=True)
    assert f"ยังไม่อ่าน {count} รายการ" in page
    assert "เตือนครั้งที่ 0" in page or count > 30


def test_an_unread_notification_opens_its_page_and_is_read(client, cast):
    [note] = make(cast.coordinator_a)
    client.force_login(cast.coordinator_a)
    page = client.get(LIST).content.decode()
    assert reverse("notifications:read", args=[note.pk]) in page
    response = client.post(reverse("notifications:read", args=[note.pk]), {"open": "1"})
    assert response.status_code == 302 and response["Location"] == "/units/OPS-AAA/2568/plans/"
    note.refresh_from_db()
    assert note.read_at is not None
    page = client.get(LIST).content.decode()
    assert '<a href="/units/OPS-AAA/2568/plans/">เตือนครั้งที่ 0</a>' in page  # read: a plain link
    assert "อ่านครบทุกรายการแล้ว" in page


def test_marking_read_stays_on_the_list(client, cast):
    [note] = make(cast.coordinator_a)
    client.force_login(cast.coordinator_a)
    response = client.post(reverse("notifications:read", args=[note.pk]), {"page": "2"})
    assert response["Location"] == f"{LIST}?page=2"
    assert Notification.objects.get(pk=note.pk).read_at is not None


def test_a_link_to_another_site_is_never_followed(client, cast):
    [note] = make(cast.coordinator_a, link="https://evil.example/")
    client.force_login(cast.coordinator_a)
    response = client.post(reverse("notifications:read", args=[note.pk]), {"open": "1"})
    assert response["Location"] == LIST


def test_someone_elses_notification_is_a_404_and_stays_unread(client, cast):
    [note] = make(cast.coordinator_b)
    for who in (cast.coordinator_a, cast.central, cast.executive_a):
        client.force_login(who)
        assert client.post(reverse("notifications:read", args=[note.pk])).status_code == 404
        assert "เตือนครั้งที่" not in client.get(LIST).content.decode()
    note.refresh_from_db()
    assert note.read_at is None


def test_mark_all_read_marks_only_ones_own(client, cast):
    make(cast.coordinator_a, 3)
    make(cast.coordinator_b, 2)
    client.force_login(cast.coordinator_a)
    assert client.get(reverse("notifications:read-all")).status_code == 405
    response = client.post(reverse("notifications:read-all"), follow=True)
    assert "ทำเครื่องหมายว่าอ่านแล้ว 3 รายการ" in response.content.decode()
    assert Notification.objects.filter(read_at__isnull=True).count() == 2
    assert not Notification.objects.filter(recipient=cast.coordinator_a, read_at=None).exists()


def test_anonymous_visitors_go_to_the_login_page(client):
    for url in (LIST, COUNT, PREFS):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_preferences_save_the_channels_and_the_line_user_id(client, cast):
    client.force_login(cast.coordinator_a)
    page = client.get(PREFS).content.decode()
    assert "ตั้งค่าการแจ้งเตือน" in page and "ขณะนี้ระบบยังไม่เปิดการส่งทาง LINE" in page
    assert "ส่งถึง coord.a@example.go.th" in page
    response = client.post(PREFS, {"line": "on", "line_user_id": LINE_ID_A}, follow=True)
    assert "บันทึกการตั้งค่าการแจ้งเตือนแล้ว" in response.content.decode()
    preference = Preference.objects.get(user=cast.coordinator_a)
    assert (preference.email, preference.line) == (False, True)
    cast.coordinator_a.refresh_from_db()
    assert cast.coordinator_a.line_user_id == LINE_ID_A


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"line": "on", "line_user_id": "@somchai"}, "LINE user ID ต้องขึ้นต้นด้วย U"),
        ({"line": "on", "line_user_id": "U" + "G" * 32}, "LINE user ID ต้องขึ้นต้นด้วย U"),
        ({"line": "on", "line_user_id": ""}, "กรุณากรอก LINE user ID ก่อนเปิดรับ"),
        ({"line_user_id": "U" + "a" * 40}, "33"),
    ],
)
def test_a_wrong_line_user_id_is_refused_in_thai_and_nothing_changes(client, cast, data, error):
    cast.coordinator_a.line_user_id = LINE_ID_A
    cast.coordinator_a.save()
    client.force_login(cast.coordinator_a)
    response = client.post(PREFS, {"email": "on", **data})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Preference.objects.exists()
    cast.coordinator_a.refresh_from_db()
    assert cast.coordinator_a.line_user_id == LINE_ID_A


def test_a_test_message_goes_out_now_and_says_how_each_channel_went(client, cast, line_on):
    cast.coordinator_a.line_user_id = LINE_ID_A
    cast.coordinator_a.save()
    Preference.objects.create(user=cast.coordinator_a, email=True, line=True)
    client.force_login(cast.coordinator_a)
    line_on.answer(400)
    page = client.post(reverse("notifications:test"), follow=True).content.decode()
    assert "ส่งทางอีเมลสำเร็จ" in page
    assert "ส่งทางLINEไม่สำเร็จ: LINE HTTP 400: fake error 400" in page
    assert [m.to for m in mail.outbox] == [["coord.a@example.go.th"]]
    assert line_on.pushes[0]["headers"]["authorization"] == f"Bearer {TOKEN}"
    # a failed test is not retried later, and a second test within a minute is refused
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent", "failed"}
    page = client.post(reverse("notifications:test"), follow=True).content.decode()
    assert "เพิ่งส่งข้อความทดสอบไป" in page
    assert len(mail.outbox) == 1


def test_a_link_that_is_not_a_path_of_this_site_is_not_shown(client, cast):
    make(cast.coordinator_a, read=True, link="javascript:alert(1)")
    make(cast.coordinator_a, link="//evil.example/")
    client.force_login(cast.coordinator_a)
    page = client.get(LIST).content.decode()
    assert "javascript:" not in page and "evil.example" not in page
    assert page.count('<h2 class="h6 mb-1">เตือนครั้งที่ 0</h2>') == 2  # listed, as plain titles


def test_unticking_everything_is_saved(client, cast):
    client.force_login(cast.coordinator_a)
    assert client.post(PREFS, {}).status_code == 302
    assert Preference.objects.get(user=cast.coordinator_a).email is False
