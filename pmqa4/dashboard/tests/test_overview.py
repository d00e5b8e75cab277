import pytest
from django.urls import reverse

from pmqa4.core.testing.factories import (
    AttendanceFactory,
    MeetingFactory,
    RosterFactory,
    SubmissionFactory,
    TeamMemberFactory,
    UnitFactory,
    bangkok,
)
from pmqa4.submissions.models import State

pytestmark = pytest.mark.django_db
URL = reverse("dashboard:overview")


@pytest.mark.parametrize(
    ("who", "status"),
    [("central", 200), ("evaluator", 200), ("coordinator_a", 403), ("staff_a", 403)],
)
def test_only_the_central_roles_see_every_unit(client, cast, cycle, who, status):
    client.force_login(getattr(cast, who))
    assert client.get(URL).status_code == status


def _units_with_work(cycle, count):
    step1 = cycle.steps.get(number=1)
    meeting = MeetingFactory(cycle=cycle)
    for _ in range(count):
        unit = UnitFactory()
        SubmissionFactory(
            unit=unit,
            step=step1,
            state=State.SUBMITTED,
            first_submitted_at=bangkok("2024-11-28 10:00"),
        )
        member = TeamMemberFactory(roster=RosterFactory(unit=unit, cycle=cycle))
        AttendanceFactory(meeting=meeting, member=member)


@pytest.mark.parametrize("count", [1, 30])
def test_the_overview_takes_the_same_queries_for_1_or_30_units(
    client, cast, cycle, count, django_assert_num_queries
):
    _units_with_work(cycle, count)
    client.force_login(cast.central)
    # session, user, role grants, cycles, their steps, their rounds, units, extensions,
    # submissions, required meetings held, attended meetings grouped by unit
    with django_assert_num_queries(11):
        response = client.get(URL)
    assert len(response.context["rows"]) == count + 2  # plus the cast's two units


def test_the_overview_filters_by_unit_kind(client, cast, cycle):
    UnitFactory(kind="center", name_th="ศูนย์ทดสอบ")
    client.force_login(cast.central)
    response = client.get(URL, {"kind": "center"})
    assert [unit.name_th for unit, *_ in response.context["rows"]] == ["ศูนย์ทดสอบ"]


def test_the_central_group_itself_is_not_listed(client, cast, cycle):
    client.force_login(cast.central)
    codes = {unit.code for unit, *_ in client.get(URL).context["rows"]}
    assert "OPS-ASD" not in codes


def test_each_cell_links_to_its_submission_or_to_the_units_step_page(client, cast, cycle):
    from pmqa4.submissions.models import Submission

    _units_with_work(cycle, 1)
    submission = Submission.objects.get()
    client.force_login(cast.central)
    content = client.get(URL).content.decode()
    assert reverse("submissions:review", args=[submission.pk]) in content
    assert f"/units/{cast.unit_a.code}/2568/roster/" in content
