import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from pmqa4.core.errors import WorkflowError
from pmqa4.core.locking import StaleEdit
from pmqa4.core.testing.factories import (
    AttendanceFactory,
    RosterFactory,
    SubmissionFactory,
    TeamMemberFactory,
    bangkok,
)
from pmqa4.submissions.models import State
from pmqa4.teams.models import Roster, TeamMember
from pmqa4.teams.selectors import incomplete_members, roster_members
from pmqa4.teams.services import roster_member_add, roster_member_remove, roster_member_update

pytestmark = pytest.mark.django_db
FIELDS = {
    "full_name": "  นายสมชาย   ใจดี ",
    "position": "นักวิเคราะห์",
    "team_role": "chair",
    "phone": "081-234-5678",
    "email": "somchai@mol.mail.go.th",
}


def test_the_first_member_creates_the_roster_at_version_two(cast, cycle):
    member = roster_member_add(
        unit=cast.unit_a, cycle=cycle, actor=cast.coordinator_a, version=1, fields=FIELDS
    )
    assert (member.full_name, member.phone, member.order) == ("นายสมชาย ใจดี", "08 1234 5678", 1)
    assert Roster.objects.get().version == 2


def test_a_save_from_a_stale_page_writes_nothing(cast, cycle):
    roster = RosterFactory(unit=cast.unit_a, cycle=cycle, version=3)
    member = TeamMemberFactory(roster=roster, full_name="นายเดิม")
    with pytest.raises(StaleEdit):
        roster_member_update(member=member, actor=cast.coordinator_a, version=2, fields={**FIELDS})
    with pytest.raises(StaleEdit):
        roster_member_add(
            unit=cast.unit_a, cycle=cycle, actor=cast.coordinator_a, version=2, fields=FIELDS
        )
    with pytest.raises(StaleEdit):
        roster_member_remove(member=member, actor=cast.coordinator_a, version=2)
    member.refresh_from_db()
    roster.refresh_from_db()
    assert (member.full_name, roster.version, roster.members.count()) == ("นายเดิม", 3, 1)


def test_two_pages_opened_before_the_roster_existed_cannot_both_add(cast, cycle):
    roster_member_add(
        unit=cast.unit_a, cycle=cycle, actor=cast.coordinator_a, version=1, fields=FIELDS
    )
    with pytest.raises(StaleEdit):
        roster_member_add(
            unit=cast.unit_a, cycle=cycle, actor=cast.coordinator_a, version=1, fields=FIELDS
        )
    assert TeamMember.objects.count() == 1


def test_a_bad_phone_is_refused_by_the_service_too(cast, cycle):
    with pytest.raises(ValidationError) as error:
        roster_member_add(
            unit=cast.unit_a,
            cycle=cycle,
            actor=cast.coordinator_a,
            version=1,
            fields={**FIELDS, "phone": "12345"},
        )
    assert "phone" in error.value.message_dict
    assert not Roster.objects.exists()


@pytest.mark.parametrize("state", [State.SUBMITTED, State.RESUBMITTED, State.ACCEPTED])
def test_a_submitted_roster_refuses_every_change(cast, cycle, state):
    roster = RosterFactory(unit=cast.unit_a, cycle=cycle)
    member = TeamMemberFactory(roster=roster)
    SubmissionFactory(
        unit=cast.unit_a,
        step=cycle.steps.get(number=1),
        state=state,
        first_submitted_at=bangkok("2024-11-20 10:00"),
    )
    with pytest.raises(WorkflowError, match="ส่งแล้ว"):
        roster_member_update(member=member, actor=cast.coordinator_a, version=1, fields=FIELDS)
    with pytest.raises(WorkflowError, match="ส่งแล้ว"):
        roster_member_remove(member=member, actor=cast.coordinator_a, version=1)
    roster.refresh_from_db()
    assert roster.version == 1


def test_removing_a_member_removes_their_attendance_and_is_audited(cast, cycle):
    member = TeamMemberFactory(roster=RosterFactory(unit=cast.unit_a, cycle=cycle))
    AttendanceFactory(member=member)
    roster_member_remove(member=member, actor=cast.coordinator_a, version=1)
    assert not TeamMember.objects.exists()
    assert LogEntry.objects.filter(
        content_type__model="teammember", action=LogEntry.Action.DELETE
    ).exists()


def test_incomplete_members_are_numbered_as_on_the_roster(cast, cycle):
    roster = RosterFactory(unit=cast.unit_a, cycle=cycle)
    TeamMemberFactory(roster=roster, order=1)
    TeamMemberFactory(roster=roster, order=2, position="", full_name="นายไม่มีตำแหน่ง")
    TeamMemberFactory(roster=roster, order=3, phone="", email="")
    rows = incomplete_members(roster_members(unit=cast.unit_a, cycle=cycle))
    assert [(r.number, r.reasons) for r in rows] == [
        (2, ("ไม่มีตำแหน่ง",)),
        (3, ("ไม่มีทั้งโทรศัพท์และอีเมล",)),
    ]
