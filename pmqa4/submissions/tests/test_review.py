import datetime as dt

import pytest
from django.urls import reverse

from pmqa4.core.testing.factories import RosterFactory, TeamMemberFactory, UnitFactory
from pmqa4.submissions.models import ReviewComment, State
from pmqa4.submissions.workflow import submission_for, submission_submit

pytestmark = pytest.mark.django_db
QUEUE = reverse("submissions:review-queue") + "?year=2568"


def submitted_roster(unit, cycle, actor):
    TeamMemberFactory(roster=RosterFactory(unit=unit, cycle=cycle))
    submission = submission_for(unit=unit, step=cycle.steps.get(number=1))
    return submission_submit(submission=submission, actor=actor, now=cycle.created_at)


@pytest.fixture
def waiting(cast, cycle):
    return submitted_roster(cast.unit_a, cycle, cast.coordinator_a)


@pytest.mark.parametrize(
    ("who", "status"),
    [("central", 200), ("evaluator", 200), ("coordinator_a", 403), ("executive_a", 403)],
)
def test_the_review_queue_is_for_the_central_roles(client, cast, waiting, who, status):
    client.force_login(getattr(cast, who))
    assert client.get(QUEUE).status_code == status
    assert client.get(reverse("submissions:review", args=[waiting.pk])).status_code == status


@pytest.mark.parametrize("count", [1, 20])
def test_the_queue_takes_the_same_queries_for_1_or_20_submissions(
    client, cast, cycle, count, django_assert_num_queries
):
    for _ in range(count):
        unit = UnitFactory()
        submitted_roster(unit, cycle, cast.coordinator_a)
    client.force_login(cast.central)
    # session, user, role grants, cycles, their steps, their rounds, submissions with units,
    # steps and version counts
    with django_assert_num_queries(7):
        response = client.get(QUEUE)
    assert len(response.context["submissions"]) == count


def test_the_central_administrator_returns_with_a_comment_and_a_due_date(client, cast, waiting):
    client.force_login(cast.central)
    due = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    comment_url = reverse("submissions:comment", args=[waiting.pk])
    client.post(comment_url, {"section": "members", "item": "1", "text": "ระบุเบอร์โทรศัพท์"})
    client.post(
        reverse("submissions:return", args=[waiting.pk]),
        {"comment": "กรุณาแก้ไขตามความเห็น", "correction_due": due},
    )
    waiting.refresh_from_db()
    assert waiting.state == State.RETURNED
    assert ReviewComment.objects.get().text == "ระบุเบอร์โทรศัพท์"
    client.force_login(cast.coordinator_a)
    history = reverse(
        "submissions:history", kwargs={"code": cast.unit_a.code, "year": 2568, "step": 1}
    )
    page = client.get(history).content.decode()
    assert "กรุณาแก้ไขตามความเห็น" in page and "ระบุเบอร์โทรศัพท์" in page
    assert "รายชื่อทีมงาน" in page


def test_a_return_without_a_comment_is_refused(client, cast, waiting):
    client.force_login(cast.central)
    response = client.post(
        reverse("submissions:return", args=[waiting.pk]), {"comment": ""}, follow=True
    )
    assert "กรุณาระบุสิ่งที่หน่วยงานต้องแก้ไข" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.state == State.SUBMITTED


def test_only_the_central_administrator_accepts(client, cast, waiting):
    client.force_login(cast.evaluator)
    assert client.post(reverse("submissions:accept", args=[waiting.pk])).status_code == 403
    client.force_login(cast.central)
    client.post(reverse("submissions:accept", args=[waiting.pk]))
    waiting.refresh_from_db()
    assert waiting.state == State.ACCEPTED
