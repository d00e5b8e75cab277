"""Two coordinators (two browser sessions) edit the same roster: the later save is refused."""

import pytest
from django.test import Client
from django.urls import reverse

from pmqa4.core.testing.factories import RosterFactory, TeamMemberFactory, person
from pmqa4.org.models import Role
from pmqa4.teams.models import TeamMember

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"teams:{name}", args=["OPS-AAA", 2568, *args])


@pytest.fixture
def two_sessions(cast, cycle):
    roster = RosterFactory(unit=cast.unit_a, cycle=cycle)
    member = TeamMemberFactory(roster=roster, full_name="นายเดิม ชื่อเดิม", position="นักวิเคราะห์")
    first, second = Client(), Client()
    first.force_login(cast.coordinator_a)
    second.force_login(person(Role.COORDINATOR, cast.unit_a, username="coord.a2"))
    return roster, member, first, second


def loaded_version(client):
    return client.get(url("roster")).context["version"]


def edit(member, version, **changes):
    data = {
        "full_name": member.full_name,
        "position": member.position,
        "team_role": member.team_role,
        "phone": member.phone,
        "email": member.email,
        "version": version,
    }
    return {**data, **changes}


def test_the_second_of_two_saves_gets_409_and_the_first_change_stands(two_sessions):
    roster, member, first, second = two_sessions
    seen_by_first, seen_by_second = loaded_version(first), loaded_version(second)

    saved = first.post(
        url("member-edit", member.pk), edit(member, seen_by_first, full_name="นายแรก บันทึกก่อน")
    )
    refused = second.post(
        url("member-edit", member.pk), edit(member, seen_by_second, full_name="นายสอง บันทึกทีหลัง")
    )

    assert saved.status_code == 302
    assert refused.status_code == 409
    member.refresh_from_db()
    roster.refresh_from_db()
    assert (member.full_name, roster.version) == ("นายแรก บันทึกก่อน", 2)
    page = refused.content.decode()
    assert "มีผู้อื่นบันทึกแบบฟอร์มนี้ไปก่อนแล้ว" in page
    assert refused.context["differences"] == [("ชื่อ-สกุล", "นายสอง บันทึกทีหลัง", "นายแรก บันทึกก่อน")]
    assert 'name="version" value="2"' in page  # saving again from here is a deliberate choice


def test_a_stale_add_and_a_stale_remove_are_refused_too(two_sessions):
    roster, member, first, second = two_sessions
    stale = loaded_version(second)
    first.post(
        url("member-edit", member.pk), edit(member, loaded_version(first), position="ผู้อำนวยการ")
    )

    add = second.post(url("member-add"), edit(member, stale, full_name="นายเพิ่ม ใหม่"))
    remove = second.post(url("member-remove", member.pk), {"version": stale})

    assert (add.status_code, remove.status_code) == (409, 409)
    assert list(TeamMember.objects.values_list("full_name", "position")) == [
        ("นายเดิม ชื่อเดิม", "ผู้อำนวยการ")
    ]


def test_with_htmx_a_stale_save_sends_the_page_to_the_current_form(two_sessions):
    roster, member, first, second = two_sessions
    stale = loaded_version(second)
    first.post(
        url("member-edit", member.pk), edit(member, loaded_version(first), position="ผู้อำนวยการ")
    )

    response = second.post(
        url("member-edit", member.pk), edit(member, stale), HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 409
    assert response["HX-Redirect"] == url("member-edit", member.pk)
    follow = second.get(url("member-edit", member.pk))
    assert "มีผู้อื่นบันทึกแบบฟอร์มนี้ไปก่อนแล้ว" in follow.content.decode()
    assert follow.context["form"].initial["position"] == "ผู้อำนวยการ"


def test_saves_from_the_same_page_follow_the_version_it_made(two_sessions):
    roster, member, first, _ = two_sessions
    version = loaded_version(first)
    response = first.post(
        url("member-add"), edit(member, version, full_name="นายเพิ่ม หนึ่ง"), HTTP_HX_REQUEST="true"
    )
    assert 'id="roster-version" name="version" value="2"' in response.content.decode()
    response = first.post(
        url("member-add"), edit(member, 2, full_name="นายเพิ่ม สอง"), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert TeamMember.objects.count() == 3
