"""The workflow through its pages: who may submit, sign, send back, attach, read."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pmqa4.core.testing.factories import RosterFactory, TeamMemberFactory
from pmqa4.submissions.models import EvidenceFile, State, Submission
from pmqa4.submissions.workflow import submission_for, submission_request_sign_off

from .test_uploads import PDF, office

pytestmark = pytest.mark.django_db


def url(name, unit, step, year=2568):
    return reverse(f"submissions:{name}", kwargs={"code": unit.code, "year": year, "step": step})


@pytest.fixture
def roster(cast, cycle):
    return TeamMemberFactory(roster=RosterFactory(unit=cast.unit_a, cycle=cycle))


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator_a", 302),
        ("executive_a", 403),
        ("evaluator", 403),
        ("central", 403),
        ("coordinator_b", 404),
        ("staff_a", 404),
    ],
)
def test_only_the_units_coordinator_submits(client, cast, roster, who, status):
    client.force_login(getattr(cast, who))
    assert client.post(url("submit", cast.unit_a, 1)).status_code == status
    submitted = Submission.objects.filter(unit=cast.unit_a, state=State.SUBMITTED).exists()
    assert submitted is (status == 302)


def test_submitting_twice_says_so_and_submits_once(client, cast, roster):
    client.force_login(cast.coordinator_a)
    client.post(url("submit", cast.unit_a, 1))
    response = client.post(url("submit", cast.unit_a, 1), follow=True)
    assert "ไม่ต้องส่งซ้ำ" in response.content.decode()
    assert Submission.objects.get(unit=cast.unit_a).events.count() == 1


def test_anonymous_visitors_are_sent_to_log_in(client, cast, roster):
    response = client.post(url("submit", cast.unit_a, 1))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.fixture
def awaiting(cast, cycle):
    submission = submission_for(unit=cast.unit_a, step=cycle.steps.get(number=3))
    submission_request_sign_off(
        submission=submission, actor=cast.coordinator_a, now=cycle.created_at
    )
    return submission


@pytest.mark.parametrize(
    ("who", "status"),
    [("executive_a", 200), ("coordinator_a", 403), ("central", 403), ("coordinator_b", 404)],
)
def test_only_the_units_executive_opens_the_sign_page(client, cast, awaiting, who, status):
    client.force_login(getattr(cast, who))
    assert client.get(url("sign", cast.unit_a, 3)).status_code == status


def test_signing_needs_the_executives_own_password(client, cast, awaiting):
    client.force_login(cast.executive_a)
    response = client.post(url("sign", cast.unit_a, 3), {"password": "wrong"})
    assert "รหัสผ่านไม่ถูกต้อง" in response.content.decode()
    awaiting.refresh_from_db()
    assert awaiting.state == State.AWAITING_SIGN_OFF
    client.post(url("sign", cast.unit_a, 3), {"password": "pw-for-tests"})
    awaiting.refresh_from_db()
    assert awaiting.state == State.SUBMITTED
    assert awaiting.sign_offs.get().executive == cast.executive_a


def test_the_executive_sends_back_with_a_comment_the_coordinator_sees(client, cast, awaiting):
    client.force_login(cast.executive_a)
    client.post(url("send-back", cast.unit_a, 3), {"comment": "เพิ่มกิจกรรมมิติที่ ๒"})
    awaiting.refresh_from_db()
    assert awaiting.state == State.DRAFT
    client.force_login(cast.coordinator_a)
    page = client.get(url("history", cast.unit_a, 3)).content.decode()
    assert "เพิ่มกิจกรรมมิติที่ ๒" in page


def test_the_history_compares_two_versions(client, cast, cycle, roster):
    from pmqa4.submissions.workflow import submission_return, submission_submit

    submission = submission_for(unit=cast.unit_a, step=cycle.steps.get(number=1))
    now = cycle.created_at
    submission_submit(submission=submission, actor=cast.coordinator_a, now=now)
    submission_return(
        submission=submission, actor=cast.central, comment="แก้เบอร์", correction_due=None, now=now
    )
    roster.phone = "08 1234 5678"
    roster.save()
    submission_submit(submission=submission, actor=cast.coordinator_a, now=now)
    client.force_login(cast.central)
    response = client.get(url("history", cast.unit_a, 1))
    changes = response.context["diff"]
    assert [(c.kind, c.field, c.after) for c in changes] == [("changed", "phone", "08 1234 5678")]


def _attach(client, unit, content, name):
    return client.post(
        url("evidence-upload", unit, 3),
        {"file": SimpleUploadedFile(name, content), "description": "คำสั่งแต่งตั้ง"},
        follow=True,
    )


def test_evidence_is_stored_under_a_random_name_and_served_only_to_the_units_readers(
    client, cast, cycle
):
    client.force_login(cast.coordinator_a)
    _attach(client, cast.unit_a, PDF, "../../คำสั่ง.pdf")
    evidence = EvidenceFile.objects.get()
    assert evidence.original_name == "คำสั่ง.pdf"  # Django keeps only the base name
    assert evidence.file.name.startswith("evidence/") and evidence.file.name.endswith(".pdf")
    assert "คำสั่ง" not in evidence.file.name
    download = reverse("submissions:evidence", kwargs={"code": cast.unit_a.code, "pk": evidence.pk})
    response = client.get(download)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    for who, status in (
        ("executive_a", 200),
        ("central", 200),
        ("coordinator_b", 404),
        ("staff_a", 404),
    ):
        client.force_login(getattr(cast, who))
        assert client.get(download).status_code == status, who
    other = reverse("submissions:evidence", kwargs={"code": cast.unit_b.code, "pk": evidence.pk})
    client.force_login(cast.coordinator_b)
    assert client.get(other).status_code == 404


def test_word_files_download_as_attachments(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    _attach(client, cast.unit_a, office("word/document.xml"), "แผน.docx")
    evidence = EvidenceFile.objects.get()
    response = client.get(
        reverse("submissions:evidence", kwargs={"code": cast.unit_a.code, "pk": evidence.pk})
    )
    assert response["Content-Disposition"].startswith("attachment")


def test_a_disguised_file_is_refused_with_a_thai_message(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    response = _attach(client, cast.unit_a, b"MZ\x90\x00", "report.pdf")
    assert "รับเฉพาะไฟล์ PDF" in response.content.decode()
    assert not EvidenceFile.objects.exists()


def test_nothing_can_be_attached_once_the_step_is_submitted(client, cast, awaiting):
    client.force_login(cast.executive_a)
    client.post(url("sign", cast.unit_a, 3), {"password": "pw-for-tests"})
    client.force_login(cast.coordinator_a)
    response = _attach(client, cast.unit_a, PDF, "late.pdf")
    assert "แนบไฟล์ในขั้นตอนนี้ไม่ได้" in response.content.decode()
    assert not EvidenceFile.objects.exists()


def test_an_evaluator_cannot_attach(client, cast, cycle):
    client.force_login(cast.evaluator)
    assert _attach(client, cast.unit_a, PDF, "x.pdf").status_code == 403
