import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from auditlog.context import set_actor
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from pmqa4.core.testing.factories import (
    AttendanceFactory,
    KpiFactory,
    MeetingFactory,
    RosterFactory,
    SubmissionFactory,
    TeamMemberFactory,
)
from pmqa4.plans.models import KpiActual
from pmqa4.privacy.middleware import client_ip
from pmqa4.privacy.models import AccessLog
from pmqa4.submissions.models import SignOff, SubmissionVersion

pytestmark = pytest.mark.django_db

NOTICE = reverse("privacy:notice")
MY_DATA = reverse("privacy:my-data")
DOWNLOAD = reverse("privacy:my-data-download")


# The privacy notice -----------------------------------------------------------------------


@override_settings(
    PERSONAL_DATA_RETENTION_YEARS=7,
    ACCESS_LOG_RETENTION_DAYS=45,
    PRIVACY_CONTACT_NAME="เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล สป.รง.",
    PRIVACY_CONTACT_EMAIL="dpo@mol.go.th",
    PRIVACY_CONTACT_PHONE="0 2232 9999",
)
def test_the_notice_is_public_and_shows_the_retention_settings_and_contact(client):
    response = client.get(NOTICE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "เก็บไว้ 7 ปีงบประมาณ" in html
    assert "เก็บไว้ 45 วัน" in html
    assert "เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล สป.รง." in html
    assert 'href="mailto:dpo@mol.go.th"' in html and "0 2232 9999" in html
    for words in ("ชื่อ-สกุล ตำแหน่ง", "โทรศัพท์ อีเมล", "สิทธิขอเข้าถึง", "ผู้ประสานงานและผู้บริหาร"):
        assert words in html


def test_the_footer_and_the_login_page_link_to_the_notice(client, cast):
    login = client.get(reverse("login")).content.decode()
    assert login.count(f'href="{NOTICE}"') >= 2  # the login card and the footer
    client.force_login(cast.coordinator_a)
    page = client.get(NOTICE).content.decode()
    assert f'href="{MY_DATA}"' in page


# My data ----------------------------------------------------------------------------------


def test_anonymous_visitors_must_sign_in_for_their_data(client):
    for url in (MY_DATA, DOWNLOAD):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    "who", ["coordinator_a", "executive_a", "coordinator_b", "staff_a", "evaluator", "central"]
)
def test_everyone_signed_in_gets_their_own_data(client, cast, who):
    client.force_login(getattr(cast, who))
    assert f'href="{DOWNLOAD}"' in client.get(MY_DATA).content.decode()
    data = json.loads(client.get(DOWNLOAD).content)
    assert data["user"]["username"] == getattr(cast, who).username


@pytest.fixture
def two_people(cast, cycle):
    """Executive A and coordinator B, each with a team place, a meeting, a signature or a
    result, audit entries and access logs of their own."""
    a, b = cast.executive_a, cast.coordinator_b
    a.phone, b.phone = "081 000 0001", "089 999 9999"
    a.save()
    b.save()
    meeting = MeetingFactory(cycle=cycle, title="ประชุมชี้แจง PMQA")
    roster_a = RosterFactory(unit=cast.unit_a, cycle=cycle)
    roster_b = RosterFactory(unit=cast.unit_b, cycle=cycle)
    mine = TeamMemberFactory(roster=roster_a, full_name="นางผู้บริหาร เอ", user=a, phone="02 111 1111")
    by_email = TeamMemberFactory(
        roster=roster_b, full_name="นางผู้บริหาร เอ (ยืม)", email=a.email.upper()
    )
    theirs = TeamMemberFactory(
        roster=roster_b,
        full_name="นายประสาน บี",
        user=b,
        phone="02 999 9999",
        email="b-private@example.go.th",
    )
    AttendanceFactory(meeting=meeting, member=mine)
    AttendanceFactory(meeting=meeting, member=theirs)
    step3 = cycle.steps.get(number=3)
    submission = SubmissionFactory(unit=cast.unit_a, step=step3)
    version = SubmissionVersion.objects.create(
        submission=submission, number=1, snapshot={}, created_by=cast.coordinator_a
    )
    SignOff.objects.create(
        submission=submission,
        version=version,
        executive=a,
        signed_at=timezone.now(),
        signer_name="นางผู้บริหาร เอ",
        signer_position="ผู้อำนวยการกอง",
    )
    KpiActual.objects.create(
        kpi=KpiFactory(unit=cast.unit_b, cycle=cycle, code="KB1"),
        value=Decimal("91"),
        measured_on=dt.date(2025, 9, 30),
        reported_by=b,
        reported_at=timezone.now(),
    )
    with set_actor(b):
        TeamMemberFactory(roster=roster_b, full_name="นายเพื่อนร่วมทีม ซี", phone="085 555 5555")
    for user in (a, b):
        AccessLog.objects.create(
            user=user,
            path=f"/units/{user.username}/",
            method="GET",
            status=200,
            ip="10.0.0.1",
            at=timezone.now(),
        )
    return a, b, mine, by_email, theirs


def test_my_data_holds_the_requesters_records_and_nobody_elses(client, two_people):
    a, b, mine, by_email, theirs = two_people
    client.force_login(a)
    response = client.get(DOWNLOAD)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="pmqa4-my-data-')
    body = response.content.decode()
    data = json.loads(body)
    assert data["user"]["phone"] == "081 000 0001"
    assert "password" not in body and "pbkdf2" not in body and "md5$" not in body
    assert {(m["id"], m["matched_by"]) for m in data["team_memberships"]} == {
        (mine.pk, "account"),
        (by_email.pk, "email"),
    }
    assert [a_["meeting"] for a_ in data["attendance"]] == ["ประชุมชี้แจง PMQA"]
    assert [s["signer_position"] for s in data["sign_offs"]] == ["ผู้อำนวยการกอง"]
    assert [g["role"] for g in data["role_grants"]] == ["executive"]
    assert data["kpi_actuals_reported"] == []
    assert [log["path"] for log in data["access_logs"]] == [f"/units/{a.username}/"]
    # nothing of coordinator B or of the people they entered
    for other in (
        "089 999 9999",
        "02 999 9999",
        "b-private@example.go.th",
        "นายประสาน บี",
        b.username,
        "085 555 5555",
        "นายเพื่อนร่วมทีม ซี",
        "KB1",
    ):
        assert other not in body, other


def test_audit_entries_list_the_fields_a_person_changed_not_other_peoples_values(
    client, two_people
):
    a, b, *_ = two_people
    client.force_login(b)
    data = json.loads(client.get(DOWNLOAD).content)
    [entry] = [e for e in data["audit_entries"] if e["kind"] == "สมาชิกทีมงาน"]
    assert entry["by_me"] is True and "phone" in entry["fields_changed"]
    assert "changes" not in entry
    body = json.dumps(data, ensure_ascii=False)
    assert "085 555 5555" not in body and "นายเพื่อนร่วมทีม ซี" not in body
    assert [r["kpi"] for r in data["kpi_actuals_reported"]] == ["KB1"]
    assert "081 000 0001" not in body and a.username not in body


def test_changes_to_my_own_account_are_shown_in_full(client, cast):
    with set_actor(cast.central):
        cast.staff_a.position = "นักทรัพยากรบุคคลชำนาญการ"
        cast.staff_a.save()
    client.force_login(cast.staff_a)
    data = json.loads(client.get(DOWNLOAD).content)
    [entry] = [
        e
        for e in data["audit_entries"]
        if e.get("changes", {}).get("position", [None, None])[1] == "นักทรัพยากรบุคคลชำนาญการ"
    ]
    assert entry["by_me"] is False
    assert cast.central.username not in json.dumps(data, ensure_ascii=False)


# Access logs ------------------------------------------------------------------------------


def test_a_signed_in_request_is_logged_with_one_insert(
    client, cast, django_capture_on_commit_callbacks, django_assert_num_queries
):
    client.force_login(cast.coordinator_a)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.get(NOTICE + "?q=ค้นหา", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 200
    with django_assert_num_queries(1):
        for callback in callbacks:
            callback()
    log = AccessLog.objects.get()
    assert (log.user, log.path, log.method, log.status, log.ip) == (
        cast.coordinator_a,
        NOTICE,
        "GET",
        200,
        "203.0.113.9",
    )
    assert abs((timezone.now() - log.at).total_seconds()) < 60


def test_errors_are_logged_with_their_status(client, cast, django_capture_on_commit_callbacks):
    client.force_login(cast.coordinator_b)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(reverse("audit:log")).status_code == 403
        assert client.get(reverse("org:unit-home", args=["OPS-AAA"])).status_code == 404
    assert sorted(AccessLog.objects.values_list("path", "status")) == [
        ("/audit/", 403),
        ("/units/OPS-AAA/", 404),
    ]


def test_anonymous_static_and_health_requests_are_not_logged(
    client, cast, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.get(NOTICE)
        client.force_login(cast.coordinator_a)
        client.get(reverse("healthz"))
        client.get("/static/css/pmqa4.css")
    assert not AccessLog.objects.exists()


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_the_address_it_saw_is_logged(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="198.51.100.7, 192.0.2.1", REMOTE_ADDR="10.0.0.2")
    assert client_ip(request) == "192.0.2.1"
    assert client_ip(rf.get("/", REMOTE_ADDR="not-an-ip")) is None


def _log(user, days_ago):
    return AccessLog.objects.create(
        user=user,
        path="/",
        method="GET",
        status=200,
        ip=None,
        at=timezone.now() - dt.timedelta(days=days_ago),
    )


def test_prune_deletes_only_logs_older_than_the_retention(cast):
    old, recent = _log(cast.staff_a, 91), _log(cast.staff_a, 89)
    out = io.StringIO()
    call_command("prune_access_logs", "--dry-run", stdout=out)
    assert "จะลบบันทึกการเข้าใช้งาน 1 รายการ" in out.getvalue()
    assert AccessLog.objects.count() == 2
    out = io.StringIO()
    call_command("prune_access_logs", stdout=out)
    assert "ลบบันทึกการเข้าใช้งานแล้ว 1 รายการ" in out.getvalue()
    assert list(AccessLog.objects.all()) == [recent]
    assert not AccessLog.objects.filter(pk=old.pk).exists()


@override_settings(ACCESS_LOG_RETENTION_DAYS=30)
def test_prune_follows_the_retention_setting(cast):
    _log(cast.staff_a, 31)
    _log(cast.staff_a, 29)
    out = io.StringIO()
    call_command("prune_access_logs", stdout=out)
    assert "แล้ว 1 รายการ" in out.getvalue() and "เก็บ 30 วัน" in out.getvalue()
    assert AccessLog.objects.count() == 1


def test_access_logs_are_read_only_in_the_admin(client, cast):
    log = _log(cast.staff_a, 1)
    client.force_login(cast.central)
    assert client.get(reverse("admin:privacy_accesslog_changelist")).status_code == 200
    assert (
        client.post(
            reverse("admin:privacy_accesslog_delete", args=[log.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert AccessLog.objects.filter(pk=log.pk).exists()
