import pytest
from django.urls import reverse

from pmqa4.core.testing.factories import (
    RosterFactory,
    SubmissionFactory,
    TeamMemberFactory,
    bangkok,
)
from pmqa4.submissions.models import State
from pmqa4.teams.models import Roster, TeamMember, TeamRole

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name, *args, unit="OPS-AAA", year=2568):
    return reverse(f"teams:{name}", args=[unit, year, *args])


def member_data(version=1, **changes):
    data = {
        "full_name": "นางสาวใจดี มีสุข",
        "position": "นักวิเคราะห์นโยบายและแผนชำนาญการ",
        "team_role": TeamRole.MEMBER,
        "phone": "02-232-1234 #123",
        "email": "jaidee@mol.mail.go.th",
        "version": version,
    }
    data.update(changes)
    return data


@pytest.fixture
def roster(cast, cycle):
    return RosterFactory(unit=cast.unit_a, cycle=cycle)


def test_the_coordinator_sees_an_empty_roster_with_an_add_button(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    response = client.get(url("roster"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "ยังไม่มีรายชื่อทีมงาน" in page
    assert url("member-add") in page
    assert 'id="roster-version" name="version" value="1"' in page


def test_adding_the_first_member_creates_the_roster_and_normalises_the_phone(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    response = client.post(url("member-add"), member_data())
    member = TeamMember.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("roster") + f"#member-{member.pk}"
    assert member.phone == "0 2232 1234 ต่อ 123"
    assert (member.roster.unit, member.roster.version) == (cast.unit_a, 2)


def test_members_are_added_at_the_end_in_order(client, cast, roster):
    TeamMemberFactory(roster=roster, order=4)
    client.force_login(cast.coordinator_a)
    client.post(url("member-add"), member_data(version=roster.version))
    assert list(roster.members.values_list("order", flat=True)) == [4, 5]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("full_name", "   ", "กรุณากรอกชื่อ-สกุล"),
        ("phone", "02-232-123", "ต้องมี ๙ หลัก"),
        ("phone", "โทร 1506", "อักขระที่ใช้ไม่ได้"),
        ("email", "jaidee@", "อีเมลไม่ถูกต้อง"),
    ],
)
def test_bad_input_is_refused_with_a_thai_message_on_its_field(
    client, cast, cycle, field, value, message
):
    client.force_login(cast.coordinator_a)
    response = client.post(url("member-add"), member_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["form"].errors[field]
    assert not TeamMember.objects.exists()
    assert not Roster.objects.exists()


def test_a_member_without_position_or_contact_is_saved_and_listed_as_incomplete(
    client, cast, cycle
):
    client.force_login(cast.coordinator_a)
    client.post(url("member-add"), member_data(position="", phone="", email=""))
    response = client.get(url("roster"))
    [row] = response.context["incomplete"]
    assert row.reasons == ("ไม่มีตำแหน่ง", "ไม่มีทั้งโทรศัพท์และอีเมล")
    assert "ข้อมูลยังไม่ครบ 1 คน" in response.content.decode()


def test_editing_a_member_saves_and_moves_the_version_on(client, cast, roster):
    member = TeamMemberFactory(roster=roster)
    client.force_login(cast.coordinator_a)
    response = client.post(
        url("member-edit", member.pk), member_data(version=1, full_name="นายใหม่ แก้ชื่อ")
    )
    assert response.status_code == 302
    member.refresh_from_db()
    roster.refresh_from_db()
    assert (member.full_name, roster.version) == ("นายใหม่ แก้ชื่อ", 2)


def test_the_edit_page_without_javascript_carries_the_version(client, cast, roster):
    member = TeamMemberFactory(roster=roster)
    client.force_login(cast.coordinator_a)
    response = client.get(url("member-edit", member.pk))
    assert response.status_code == 200
    assert "teams/member_form.html" in [t.name for t in response.templates]
    assert 'name="version" value="1"' in response.content.decode()


def test_htmx_opens_the_row_form_in_place_and_saves_the_row_with_the_new_version(
    client, cast, roster
):
    member = TeamMemberFactory(roster=roster)
    client.force_login(cast.coordinator_a)
    form = client.get(url("member-edit", member.pk), **HTMX).content.decode()
    assert form.lstrip().startswith(f'<tr id="member-{member.pk}" class="member-form-row">')
    assert 'name="version"' not in form  # taken from #roster-version via hx-include
    response = client.post(url("member-edit", member.pk), member_data(version=1), **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith(f'<tr id="member-{member.pk}"')
    assert 'id="roster-version" name="version" value="2" hx-swap-oob="true"' in page
    assert 'id="roster-warnings"' in page


def test_htmx_add_returns_every_row_and_clears_the_add_slot(client, cast, roster):
    TeamMemberFactory(roster=roster, full_name="นายคนแรก ในทีม")
    client.force_login(cast.coordinator_a)
    response = client.post(url("member-add"), member_data(version=1), **HTMX)
    page = response.content.decode()
    assert "นายคนแรก ในทีม" in page and "นางสาวใจดี มีสุข" in page
    assert '<tbody id="new-member-slot" hx-swap-oob="true"></tbody>' in page


def test_htmx_add_with_errors_replaces_only_the_form_row(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    response = client.post(url("member-add"), member_data(full_name=""), **HTMX)
    assert response["HX-Retarget"] == "#member-new"
    assert response.content.decode().lstrip().startswith('<tr id="member-new"')


def test_cancelling_an_in_place_edit_shows_the_row_again(client, cast, roster):
    TeamMemberFactory(roster=roster)
    second = TeamMemberFactory(roster=roster)
    client.force_login(cast.coordinator_a)
    response = client.get(url("member-row", second.pk), **HTMX)
    assert '<td data-label="ลำดับ">2</td>' in response.content.decode()
    assert client.get(url("member-row", second.pk)).status_code == 302


def test_removing_a_member_asks_first_without_javascript(client, cast, roster):
    member = TeamMemberFactory(roster=roster)
    client.force_login(cast.coordinator_a)
    response = client.get(url("member-remove", member.pk))
    assert response.status_code == 200
    assert TeamMember.objects.filter(pk=member.pk).exists()
    response = client.post(url("member-remove", member.pk), {"version": 1})
    assert response.status_code == 302
    assert not TeamMember.objects.filter(pk=member.pk).exists()


def test_a_member_of_another_unit_is_not_found(client, cast, cycle):
    other = TeamMemberFactory(roster=RosterFactory(unit=cast.unit_b, cycle=cycle))
    client.force_login(cast.coordinator_a)
    assert client.get(url("member-edit", other.pk)).status_code == 404
    assert client.post(url("member-remove", other.pk), {"version": 1}).status_code == 404


@pytest.mark.parametrize("state", [State.SUBMITTED, State.ACCEPTED, State.RESUBMITTED])
def test_a_submitted_roster_cannot_be_changed(client, cast, cycle, roster, state):
    member = TeamMemberFactory(roster=roster, full_name="นายเดิม ชื่อเดิม")
    SubmissionFactory(
        unit=cast.unit_a,
        step=cycle.steps.get(number=1),
        state=state,
        first_submitted_at=bangkok("2024-11-20 10:00"),
    )
    client.force_login(cast.coordinator_a)
    page = client.get(url("roster")).content.decode()
    assert url("member-add") not in page
    assert "โดยยังคงเวลาส่งครั้งแรกไว้" in page
    for response in (
        client.post(url("member-add"), member_data()),
        client.post(url("member-edit", member.pk), member_data(full_name="นายใหม่")),
        client.post(url("member-remove", member.pk), {"version": 1}),
    ):
        assert response.status_code == 302
    messages = [str(m) for m in client.get(url("roster")).context["messages"]]
    assert any("แก้ไขรายชื่อไม่ได้" in m for m in messages)
    assert list(TeamMember.objects.values_list("full_name", flat=True)) == ["นายเดิม ชื่อเดิม"]
    roster.refresh_from_db()
    assert roster.version == 1


def test_a_returned_roster_is_editable_again(client, cast, cycle, roster):
    SubmissionFactory(
        unit=cast.unit_a,
        step=cycle.steps.get(number=1),
        state=State.RETURNED,
        first_submitted_at=bangkok("2024-11-20 10:00"),
    )
    client.force_login(cast.coordinator_a)
    response = client.post(url("member-add"), member_data())
    assert response.status_code == 302
    assert TeamMember.objects.count() == 1


@pytest.mark.parametrize("who", ["executive_a", "evaluator", "central"])
def test_readers_see_the_roster_without_edit_controls(client, cast, roster, who):
    TeamMemberFactory(roster=roster)
    client.force_login(getattr(cast, who))
    page = client.get(url("roster")).content.decode()
    assert "รายชื่อคณะทำงานพัฒนาคุณภาพการบริหารจัดการภาครัฐ (PMQA Team)" in page
    assert url("member-add") not in page
    assert "อ่านอย่างเดียว" in page


@pytest.mark.parametrize("count", [3, 30])
def test_the_roster_page_takes_the_same_queries_for_3_or_30_members(
    client, cast, roster, count, django_assert_num_queries
):
    SubmissionFactory(unit=cast.unit_a, step=roster.cycle.steps.get(number=1))
    TeamMemberFactory.create_batch(count, roster=roster)
    TeamMemberFactory(roster=roster, position="", phone="", email="")
    client.force_login(cast.coordinator_a)
    # session, user, role grants, the unit, the cycle, step 1; the step panel's submission,
    # due-date extensions, events, evidence files, version count, review comments; the roster
    # (its version), its members
    with django_assert_num_queries(14):
        response = client.get(url("roster"))
    assert len(response.context["members"]) == count + 1
