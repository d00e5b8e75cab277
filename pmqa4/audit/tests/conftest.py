import pytest
from auditlog.context import set_actor

from pmqa4.core.testing.factories import RosterFactory, TeamMemberFactory


@pytest.fixture
def roster_a(cast, cycle):
    return RosterFactory(unit=cast.unit_a, cycle=cycle)


@pytest.fixture
def roster_b(cast, cycle):
    return RosterFactory(unit=cast.unit_b, cycle=cycle)


@pytest.fixture
def members(roster_a, roster_b, cast):
    """One member added by each unit's coordinator: two audit entries of kind TeamMember."""
    with set_actor(cast.coordinator_a):
        a = TeamMemberFactory(roster=roster_a, full_name="นางสาวสมหญิง รักงาน", phone="081 111 1111")
    with set_actor(cast.coordinator_b):
        b = TeamMemberFactory(roster=roster_b, full_name="นายสมชาย ใจดี", phone="082 222 2222")
    return a, b
