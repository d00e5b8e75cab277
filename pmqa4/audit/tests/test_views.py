import datetime as dt

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from pmqa4.core.fiscal import BANGKOK
from pmqa4.core.testing.factories import KpiSheetFactory, TeamMemberFactory
from pmqa4.org.models import Role, RoleGrant
from pmqa4.teams.models import TeamMember

pytestmark = pytest.mark.django_db

LOG = reverse("audit:log")
EXPORT = reverse("audit:export")


def entries_of(response):
    return [row.entry for row in response.context["rows"]]


@pytest.mark.parametrize("url", [LOG, EXPORT])
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator_a", 403),
        ("executive_a", 403),
        ("coordinator_b", 403),
        ("staff_a", 403),
        ("evaluator", 403),
        ("central", 200),
    ],
)
def test_only_the_central_administrator_opens_the_audit_trail(client, cast, url, who, status):
    client.force_login(getattr(cast, who))
    assert client.get(url).status_code == status


@pytest.mark.parametrize("url", [LOG, EXPORT])
def test_anonymous_visitors_go_to_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_each_change_shows_who_when_what_and_before_after(client, cast):
    with set_actor(cast.coordinator_a):
        sheet = KpiSheetFactory(kpi__unit=cast.unit_a, kpi__code="K-AUD")
        sheet.target = 95
        sheet.save()
    update = LogEntry.objects.get_for_object(sheet).get(action=LogEntry.Action.UPDATE)
    LogEntry.objects.filter(pk=update.pk).update(
        timestamp=dt.datetime(2024, 12, 20, 9, 30, tzinfo=BANGKOK)
    )
    client.force_login(cast.central)
    response = client.get(LOG, {"kind": "plans.kpisheet", "action": "1"})
    [row] = response.context["rows"]
    assert row.actor == cast.coordinator_a.display_name
    assert row.actor_username == "coord.a"
    assert row.action == "แก้ไข"
    assert row.kind == "รายละเอียดตัวชี้วัด (แบบฟอร์ม ๓)"
    assert (row.unit_code, row.unit_name) == ("OPS-AAA", "กองทดสอบเอ")
    [change] = row.changes
    assert change.label == "ค่าเป้าหมาย"
    assert change.before.startswith("80") and change.after.startswith("95")
    html = response.content.decode()
    assert "20 ธ.ค. 2567 09:30 น." in html
    assert "ค่าเป้าหมาย" in html and "coord.a" in html


def test_links_and_choices_are_shown_by_name(client, cast):
    with set_actor(cast.central):
        grant = RoleGrant.objects.create(user=cast.staff_a, unit=cast.unit_a, role=Role.EXECUTIVE)
    client.force_login(cast.central)
    response = client.get(LOG, {"kind": "org.rolegrant"})
    [row] = [r for r in response.context["rows"] if r.entry.object_pk == str(grant.pk)]
    changes = {c.label: c.after for c in row.changes}
    assert changes["หน่วยงาน"] == "OPS-AAA กองทดสอบเอ"
    assert changes["บทบาท"] == "ผู้บริหารหน่วยงาน"
    assert changes["ผู้ใช้"].endswith("(staff.a)")


def test_a_link_to_a_record_without_a_name_shows_its_kind_number_and_unit(client, cast, roster_a):
    with set_actor(cast.coordinator_a):
        member = TeamMemberFactory(roster=roster_a)
    client.force_login(cast.central)
    response = client.get(LOG, {"kind": "teams.teammember"})
    [row] = [r for r in response.context["rows"] if r.entry.object_pk == str(member.pk)]
    changes = {c.label: c.after for c in row.changes}
    assert changes["ทีมงาน"] == f"ทีมงาน PMQA Team #{roster_a.pk} (OPS-AAA)"
    assert "attendances" not in changes  # a reverse relation auditlog records on creation
    assert changes["บทบาทในทีม"] == "คณะทำงาน"


def test_filters_by_actor_unit_kind_action_and_text(client, cast, members):
    member_a, member_b = members
    with set_actor(cast.coordinator_a):
        member_a.delete()
    client.force_login(cast.central)

    by_actor = entries_of(client.get(LOG, {"actor": "coord.b"}))
    assert by_actor and all(e.actor == cast.coordinator_b for e in by_actor)

    by_unit = entries_of(client.get(LOG, {"unit": "OPS-BBB", "kind": "teams.teammember"}))
    assert [e.object_repr for e in by_unit] == ["นายสมชาย ใจดี"]

    by_name = entries_of(client.get(LOG, {"unit": "กองทดสอบบี", "kind": "teams.roster"}))
    assert len(by_name) == 1 and by_name[0].object_pk == str(member_b.roster_id)

    deleted = entries_of(client.get(LOG, {"action": "2"}))
    assert [e.object_repr for e in deleted] == ["นางสาวสมหญิง รักงาน"]

    text = entries_of(client.get(LOG, {"q": "082 222"}))
    assert [e.object_repr for e in text] == ["นายสมชาย ใจดี"]
    thai = entries_of(client.get(LOG, {"q": "รักงาน", "action": "0"}))
    assert [e.object_repr for e in thai] == ["นางสาวสมหญิง รักงาน"]


def test_the_date_range_is_in_buddhist_era_and_bangkok_days(client, cast, members):
    member_a, member_b = members
    tm = ContentType.objects.get_for_model(TeamMember)
    # 00:30 on 1 Oct 2024 in Bangkok is still 30 Sep in UTC
    LogEntry.objects.filter(content_type=tm, object_id=member_a.pk).update(
        timestamp=dt.datetime(2024, 10, 1, 0, 30, tzinfo=BANGKOK)
    )
    LogEntry.objects.filter(content_type=tm, object_id=member_b.pk).update(
        timestamp=dt.datetime(2024, 9, 30, 23, 30, tzinfo=BANGKOK)
    )
    client.force_login(cast.central)
    october = client.get(LOG, {"date_from": "1/10/2567", "kind": "teams.teammember"})
    assert [e.object_pk for e in entries_of(october)] == [str(member_a.pk)]
    september = client.get(LOG, {"date_to": "๓๐/๙/๒๕๖๗", "kind": "teams.teammember"})
    assert [e.object_pk for e in entries_of(september)] == [str(member_b.pk)]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date_from": "31/2/2567"}, "วันที่ไม่ถูกต้อง"),
        ({"date_from": "1/10/67"}, "วันที่ไม่ถูกต้อง"),
        ({"date_from": "2/10/2567", "date_to": "1/10/2567"}, "วันที่เริ่มต้องไม่อยู่หลังวันที่สิ้นสุด"),
        ({"kind": "auth.nothing"}, "ไม่มีประเภทข้อมูลนี้ในบันทึก"),
        ({"action": "9"}, "การดำเนินการไม่ถูกต้อง"),
    ],
)
def test_bad_filters_are_explained_in_thai_and_show_nothing(client, cast, members, params, message):
    client.force_login(cast.central)
    response = client.get(LOG, params)
    assert response.status_code == 200
    assert response.context["rows"] == []
    assert message in response.content.decode()


def test_fifty_entries_a_page_newest_first(client, cast, roster_a):
    with set_actor(cast.coordinator_a):
        TeamMemberFactory.create_batch(55, roster=roster_a)
    client.force_login(cast.central)
    first = client.get(LOG, {"kind": "teams.teammember"})
    rows = entries_of(first)
    assert len(rows) == 50
    assert [e.timestamp for e in rows] == sorted((e.timestamp for e in rows), reverse=True)
    second = client.get(LOG, {"kind": "teams.teammember", "page": "2"})
    assert len(entries_of(second)) == 5
    assert "kind=teams.teammember&amp;page=2" in first.content.decode()


def _audit_entries(cast, roster, count):
    """``count`` entries: members added and then changed, the last one only added."""
    with set_actor(cast.coordinator_a):
        for n, member in enumerate(TeamMemberFactory.create_batch((count + 1) // 2, roster=roster)):
            if 2 * n + 1 < count:
                member.phone = "02 000 0000"
                member.save()


@pytest.mark.parametrize("count", [5, 50])
def test_the_page_costs_the_same_queries_for_5_or_50_entries(
    client, cast, roster_a, count, django_assert_num_queries
):
    LogEntry.objects.all().delete()  # the cast's own creation: the same start for both runs
    _audit_entries(cast, roster_a, count - 1)
    with set_actor(cast.central):
        RoleGrant.objects.create(user=cast.staff_a, unit=cast.unit_b, role=Role.EXECUTIVE)
    assert LogEntry.objects.count() == count
    client.force_login(cast.central)
    # session, user, role grants, count, the page of entries, each kind's unit (team members,
    # role grants), each linked kind's names (rosters, units, users), the units for the filter
    with django_assert_num_queries(11):
        response = client.get(LOG)
    assert len(response.context["rows"]) == count


def test_the_csv_export_is_the_filtered_trail_safe_for_spreadsheets(client, cast, roster_a):
    with set_actor(cast.coordinator_a):
        TeamMemberFactory(roster=roster_a, full_name='=HYPERLINK("http://evil","คลิก")')
        TeamMemberFactory(roster=roster_a, full_name="นายปกติ ดีมาก", phone="+66 81 234 5678")
    client.force_login(cast.central)
    response = client.get(EXPORT, {"kind": "teams.teammember"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="audit-')
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(body[1:])))
    assert rows[0][:3] == ["วันเวลา", "ผู้ดำเนินการ", "ชื่อผู้ใช้"]
    data = rows[1:]
    assert {r[4] for r in data} == {"สมาชิกทีมงาน"}
    assert {r[7] for r in data} == {"OPS-AAA"}
    assert '\'=HYPERLINK("http://evil","คลิก")' in {r[5] for r in data}
    phone = [r for r in data if r[9] == "โทรศัพท์" and r[5] == "นายปกติ ดีมาก"]
    assert phone and phone[0][11] == "'+66 81 234 5678"
    for row in data:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)
    assert all("2568" in r[0] or "2569" in r[0] or "2567" in r[0] for r in data)


def test_an_export_with_a_bad_filter_explains_it_instead_of_exporting(client, cast, members):
    client.force_login(cast.central)
    response = client.get(EXPORT, {"date_from": "ไม่ใช่วันที่"})
    assert response.status_code == 400
    assert "วันที่ไม่ถูกต้อง" in response.content.decode()


def test_the_export_link_keeps_the_filters(client, cast, members):
    client.force_login(cast.central)
    html = client.get(LOG, {"unit": "OPS-AAA", "action": "0"}).content.decode()
    assert f"{EXPORT}?unit=OPS-AAA&amp;action=0" in html


def test_the_menu_shows_the_audit_link_only_to_the_central_administrator(client, cast):
    client.force_login(cast.central)
    assert LOG in client.get(reverse("dashboard:overview")).content.decode()
    client.force_login(cast.evaluator)
    assert LOG not in client.get(reverse("dashboard:overview")).content.decode()
