"""Two people editing the same form at once never overwrite each other silently.

For every editable form, two sessions (two Client instances: two coordinators of unit A, or two
central administrators) load the page, the first saves, and the second's save, made from the
version its page carried, is answered 409 with the Thai conflict message: the stored value stays
the first person's. The actuals of step 5 are a history (each report is a new row) and the
attendance tick list merges, so for those both saves must survive instead.
"""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from pmqa4.core.testing.factories import UnitFactory, person
from pmqa4.org.models import Role
from pmqa4.plans.models import Activity as ActivityModel
from pmqa4.plans.models import ActivityStep, KpiSheet, KpiSheetStep, PlanItem
from pmqa4.reports.models import ResultsReport
from pmqa4.teams.models import Attendance, Meeting, TeamMember

from .world import YEAR, A, build_world

pytestmark = pytest.mark.django_db

CONFLICT = "มีผู้อื่นบันทึกแบบฟอร์มนี้ไปก่อนแล้ว"


@pytest.fixture
def world(cast, cycle):
    return build_world(cast, cycle)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def coordinators(cast):
    """coordinator_a and a second coordinator of the same unit, each in their own session."""
    second = person(Role.COORDINATOR, cast.unit_a, username="coord.a2")
    return _client(cast.coordinator_a), _client(second)


@pytest.fixture
def administrators(cast):
    second = person(Role.CENTRAL_ADMIN, cast.central.unit, username="central2")
    return _client(cast.central), _client(second)


def loaded(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def hidden(page: str, name: str, element_id: str | None = None) -> str:
    """The value of a hidden input of the page as loaded (the first with that name or id)."""
    where = f'id="{element_id}"' if element_id else f'name="{name}"'
    match = re.search(rf'<input type="hidden" [^>]*{where}[^>]*value="([^"]*)"', page)
    if match is None:
        match = re.search(rf'<input type="hidden" [^>]*value="([^"]*)"[^>]*{where}', page)
    assert match, f"no hidden {name} {element_id or ''} on the page"
    return html.unescape(match.group(1))


def refused(response) -> None:
    assert response.status_code == 409
    assert CONFLICT in response.content.decode()


# Step 1: the roster -----------------------------------------------------------------------


def _member_data(version, name, **extra):
    return {"full_name": name, "team_role": "member", "version": version, **extra}


def test_roster_two_additions_from_the_same_version(world, coordinators):
    first, second = coordinators
    url = reverse("teams:member-add", args=[A, YEAR])
    v1, v2 = hidden(loaded(first, url), "version"), hidden(loaded(second, url), "version")
    assert first.post(url, _member_data(v1, "นายหนึ่ง เพิ่มก่อน")).status_code == 302
    refused(second.post(url, _member_data(v2, "นายสอง เพิ่มทีหลัง")))
    names = set(TeamMember.objects.values_list("full_name", flat=True))
    assert "นายหนึ่ง เพิ่มก่อน" in names and "นายสอง เพิ่มทีหลัง" not in names


def test_roster_member_edited_twice(world, coordinators):
    first, second = coordinators
    member = world.members[0]
    url = reverse("teams:member-edit", args=[A, YEAR, member.pk])
    v1, v2 = hidden(loaded(first, url), "version"), hidden(loaded(second, url), "version")
    assert first.post(url, _member_data(v1, "นางแก้ ครั้งแรก")).status_code == 302
    refused(second.post(url, _member_data(v2, "นางแก้ ครั้งที่สอง")))
    member.refresh_from_db()
    assert member.full_name == "นางแก้ ครั้งแรก"


def test_roster_member_removed_after_someone_edited_it(world, coordinators):
    first, second = coordinators
    member = world.members[0]
    edit = reverse("teams:member-edit", args=[A, YEAR, member.pk])
    remove = reverse("teams:member-remove", args=[A, YEAR, member.pk])
    v1, v2 = hidden(loaded(first, edit), "version"), hidden(loaded(second, remove), "version")
    assert first.post(edit, _member_data(v1, "นางยัง อยู่")).status_code == 302
    refused(second.post(remove, {"version": v2}))
    assert TeamMember.objects.get(pk=member.pk).full_name == "นางยัง อยู่"


# Step 2: a meeting (central administrators) and the attendance tick list --------------------


def _meeting_data(version, title):
    return {
        "title": title,
        "kind": "meeting",
        "held_on": "2025-01-17",
        "starts_time": "09:00",
        "ends_time": "12:00",
        "location": "ห้องประชุม",
        "required": "on",
        "version": version,
    }


def test_meeting_edited_by_two_administrators(world, administrators):
    first, second = administrators
    url = reverse("teams:meeting-edit", args=[world.meeting.pk])
    v1, v2 = hidden(loaded(first, url), "version"), hidden(loaded(second, url), "version")
    assert first.post(url, _meeting_data(v1, "ประชุมครั้งที่ ๑ (แก้โดยคนแรก)")).status_code == 302
    response = second.post(url, _meeting_data(v2, "ประชุมครั้งที่ ๑ (แก้โดยคนที่สอง)"))
    refused(response)
    assert "ประชุมครั้งที่ ๑ (แก้โดยคนแรก)" in response.content.decode()  # what is stored now
    meeting = Meeting.objects.get(pk=world.meeting.pk)
    assert (meeting.title, meeting.version) == ("ประชุมครั้งที่ ๑ (แก้โดยคนแรก)", 2)
    # Saving again from the refused page (it now carries the stored version) is deliberate.
    again = _meeting_data(hidden(response.content.decode(), "version"), "ประชุม (ตั้งใจแทนที่)")
    assert second.post(url, again).status_code == 302
    assert Meeting.objects.get(pk=world.meeting.pk).title == "ประชุม (ตั้งใจแทนที่)"


def test_attendance_ticked_in_two_sessions_keeps_both(world, administrators):
    first, second = administrators
    url = reverse("teams:attendance", args=[world.meeting.pk])
    loaded(first, url), loaded(second, url)
    one, two = world.members
    shown = [one.pk, two.pk]
    first.post(url, {"shown": shown, "present": [one.pk]})
    second.post(url, {"shown": shown, "present": [two.pk]})  # loaded before the first tick
    present = set(Attendance.objects.filter(meeting=world.meeting).values_list("member", flat=True))
    assert present == {one.pk, two.pk}


# Step 3: Form 1, Form 2, Form 3 -----------------------------------------------------------


def _plan(name, *args):
    return reverse(f"plans:{name}", args=[A, YEAR, *args])


def _row_lock(page, seen_id):
    return {"version": hidden(page, "version"), "seen": hidden(page, "seen", seen_id)}


def test_form1_item_saved_twice(world, coordinators):
    first, second = coordinators
    item, page_url = world.item, _plan("form1")
    lock1 = _row_lock(loaded(first, page_url), f"seen-item-{item.pk}")
    lock2 = _row_lock(loaded(second, page_url), f"seen-item-{item.pk}")
    url, prefix = _plan("form1-item", item.pk), f"item-{item.pk}"
    fields = {f"{prefix}-in_year1": "on", f"{prefix}-kpis": ["K1"]}
    assert first.post(url, {**lock1, **fields, f"{prefix}-name": "ชื่อจากคนแรก"}).status_code == 302
    response = second.post(url, {**lock2, **fields, f"{prefix}-name": "ชื่อจากคนที่สอง"})
    refused(response)
    assert "ชื่อจากคนแรก" in response.content.decode()  # the refusal shows what changed
    assert PlanItem.objects.get(pk=item.pk).name == "ชื่อจากคนแรก"


def test_form1_row_added_and_deleted_from_stale_pages(world, coordinators):
    first, second = coordinators
    item, page_url = world.item, _plan("form1")
    lock1 = _row_lock(loaded(first, page_url), f"seen-item-{item.pk}")
    lock2 = _row_lock(loaded(second, page_url), f"seen-item-{item.pk}")
    add = {"new-2-name": "รายการใหม่จากคนแรก", "new-2-in_year1": "on"}
    assert first.post(_plan("form1-item-add", 2), {**lock1, **add}).status_code == 302
    refused(second.post(_plan("form1-item", item.pk), {**lock2, "delete": "1"}))
    assert PlanItem.objects.filter(pk=item.pk).exists()
    assert PlanItem.objects.filter(name="รายการใหม่จากคนแรก").count() == 1


def test_form2_activity_saved_twice(world, coordinators):
    first, second = coordinators
    activity, page_url = world.activity, _plan("form2")
    lock1 = _row_lock(loaded(first, page_url), f"seen-activity-{activity.pk}")
    lock2 = _row_lock(loaded(second, page_url), f"seen-activity-{activity.pk}")
    url, prefix = _plan("form2-activity", activity.pk), f"activity-{activity.pk}"
    fields = {
        f"{prefix}-months": ["1", "2"],
        f"{prefix}-kpis": ["K1"],
        f"{prefix}-responsible": "กลุ่ม",
    }
    assert first.post(url, {**lock1, **fields, f"{prefix}-name": "กิจกรรมคนแรก"}).status_code == 302
    refused(second.post(url, {**lock2, **fields, f"{prefix}-name": "กิจกรรมคนที่สอง"}))
    assert ActivityModel.objects.get(pk=activity.pk).name == "กิจกรรมคนแรก"


def test_form2_step_saved_twice_and_added_from_a_stale_page(world, coordinators):
    first, second = coordinators
    step, page_url = world.step, _plan("form2")
    lock1 = _row_lock(loaded(first, page_url), f"seen-step-{step.pk}")
    lock2 = _row_lock(loaded(second, page_url), f"seen-step-{step.pk}")
    url, prefix = _plan("form2-step", step.pk), f"step-{step.pk}"
    assert (
        first.post(
            url, {**lock1, f"{prefix}-name": "ขั้นคนแรก", f"{prefix}-months": ["2"]}
        ).status_code
        == 302
    )
    refused(second.post(url, {**lock2, f"{prefix}-name": "ขั้นคนที่สอง", f"{prefix}-months": ["3"]}))
    add = _plan("form2-step-add", world.activity.pk)
    new = f"new-step-{world.activity.pk}"
    refused(second.post(add, {**lock2, f"{new}-name": "ขั้นใหม่คนที่สอง", f"{new}-months": ["4"]}))
    stored = ActivityStep.objects.get(pk=step.pk)
    assert (stored.name, stored.months) == ("ขั้นคนแรก", [2])
    assert not ActivityStep.objects.filter(name="ขั้นใหม่คนที่สอง").exists()


def _sheet_data(page, name, target):
    data = {"version": hidden(page, "version"), "seen": hidden(page, "seen", "seen-sheet")}
    data.update(
        name="ร้อยละของชุดข้อมูลที่เชื่อมโยง",
        dimension="1",
        unit_of_measure=name,
        target=target,
        direction="higher",
    )
    return data


def test_form3_sheet_saved_twice(world, coordinators):
    first, second = coordinators
    url = _plan("kpi-sheet", "K1")
    page1, page2 = loaded(first, url), loaded(second, url)
    assert first.post(url, _sheet_data(page1, "ร้อยละ", "90")).status_code == 302
    refused(second.post(url, _sheet_data(page2, "ครั้ง", "75")))
    sheet = KpiSheet.objects.get(pk=world.sheet.pk)
    assert (sheet.unit_of_measure, str(sheet.target)) == ("ร้อยละ", "90.0000")


def test_form3_step_saved_twice(world, coordinators):
    first, second = coordinators
    step, page_url = world.sheet_step, _plan("kpi-sheet", "K1")
    lock1 = _row_lock(loaded(first, page_url), f"seen-sheet-step-{step.pk}")
    lock2 = _row_lock(loaded(second, page_url), f"seen-sheet-step-{step.pk}")
    url, prefix = _plan("kpi-step", "K1", step.pk), f"sheet-step-{step.pk}"
    assert first.post(url, {**lock1, f"{prefix}-detail": "รายละเอียดคนแรก"}).status_code == 302
    refused(second.post(url, {**lock2, f"{prefix}-detail": "รายละเอียดคนที่สอง"}))
    assert KpiSheetStep.objects.get(pk=step.pk).detail == "รายละเอียดคนแรก"


# Step 4: Form 4; step 5: the actuals ------------------------------------------------------


def _report_data(page, objective):
    data = {"version": hidden(page, "version"), "action": "save", "objective": objective}
    for name in ("objective", "result_gov40", "result_kpis", "problems"):
        data[f"seen_{name}"] = hidden(page, f"seen_{name}")
    return data


def test_form4_report_saved_twice(world, coordinators):
    first, second = coordinators
    url = reverse("reports:report", args=[A, YEAR, world.activity.pk])
    page1, page2 = loaded(first, url), loaded(second, url)
    assert first.post(url, _report_data(page1, "วัตถุประสงค์คนแรก")).status_code == 302
    response = second.post(url, _report_data(page2, "วัตถุประสงค์คนที่สอง"))
    refused(response)
    assert "วัตถุประสงค์คนแรก" in response.content.decode()  # what the other save changed
    assert ResultsReport.objects.get(pk=world.report.pk).objective == "วัตถุประสงค์คนแรก"


def test_form4_autosave_from_a_stale_page_is_refused_too(world, coordinators):
    first, second = coordinators
    url = reverse("reports:report", args=[A, YEAR, world.activity.pk])
    page1, page2 = loaded(first, url), loaded(second, url)
    assert first.post(url, _report_data(page1, "บันทึกอัตโนมัติคนแรก")).status_code == 302
    data = {**_report_data(page2, "บันทึกอัตโนมัติคนที่สอง"), "action": "autosave"}
    refused(second.post(url, data, headers={"HX-Request": "true"}))
    assert ResultsReport.objects.get(pk=world.report.pk).objective == "บันทึกอัตโนมัติคนแรก"


def test_actuals_reported_in_two_sessions_are_both_kept(world, coordinators):
    first, second = coordinators
    url = reverse("reports:actual-report", args=[A, YEAR, world.kpi.pk])
    prefix = f"kpi{world.kpi.pk}"
    for client, value in ((first, "90"), (second, "95")):
        data = {f"{prefix}-value": value, f"{prefix}-measured_on": "2025-06-30"}
        assert client.post(url, data).status_code == 302
    values = sorted(str(v) for v in world.kpi.actuals.values_list("value", flat=True))
    assert values == ["10.0000", "90.0000", "95.0000"]  # history: nothing overwritten


# Publishing: a double click publishes once --------------------------------------------------


def test_publishing_twice_in_a_row_publishes_once_until_a_score_changes(world, administrators):
    from pmqa4.scoring.models import ScoreRecord

    first, second = administrators
    url = reverse("scoring:publish") + f"?year={YEAR}"
    assert first.post(url, {"kind": "2"}).status_code == 302
    published = ScoreRecord.objects.count()
    assert published >= 2  # unit A and unit B
    page = second.post(url, {"kind": "2"}, follow=True).content.decode()
    assert "เพิ่งเผยแพร่คะแนนนี้ไปเมื่อครู่" in page
    assert ScoreRecord.objects.count() == published
    # Something changed (here: one more unit takes part): publishing again at once is new.
    UnitFactory(code="OPS-CCC")
    assert second.post(url, {"kind": "2"}).status_code == 302
    assert ScoreRecord.objects.count() == 2 * published + 1
