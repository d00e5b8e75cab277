"""Excel import of Forms 1–3: the form round-trips, every kind of bad row is named by row and
column (bad files: test_excel_import_refusals.py), nothing is written before the confirmation,
and only the unit's coordinator may import while step 3 is open."""

import io
import re
import time
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from playwright.sync_api import expect

from pmqa4.core.testing.factories import person
from pmqa4.cycles.models import Cycle
from pmqa4.documents import content
from pmqa4.documents.excel import render_xlsx
from pmqa4.documents.printing import Printer
from pmqa4.org.models import Role, Unit
from pmqa4.plans.models import (
    ActionPlan,
    Activity,
    Kpi,
    KpiSheet,
    PlanItem,
    ThreeYearPlan,
)
from pmqa4.plans.tests.test_builders import form1, form2, kpi
from pmqa4.reports.models import ResultsReport
from pmqa4.submissions.models import State, Submission

from .excel_files import blank, edited, exported, nothing_written, preview, upload, url

pytestmark = pytest.mark.django_db

# Every problem named by row and column ------------------------------------------------------


def test_form1_problems_name_the_row_the_column_and_what_is_wrong(cast, cycle):
    data = edited(
        blank(cycle, "1"),
        {
            "C8": "✓",  # a year ticked, no name
            "A9": "4.1",
            "B9": "มิติที่ไม่มี",
            "B10": "ชื่อ",
            "C10": "y",
            "A12": "2.1",
            "B12": "ก",
            "A13": "2.1",
            "B13": "ข",
            "B14": "ก" * 600,
            "B16": "=1+1",
            "B17": "ถูกต้อง",
            "F17": "✓",
            "G17": "✓",
            "B18": "ตัวชี้วัดผิด",
            "F18": "K9\nK10:",
        },
    )
    result = preview(cast.unit_a, cycle, "1", data)
    assert not result.ok
    assert result.problems == [
        "แถว 8 คอลัมน์ B: ไม่มีชื่อแผนงาน/โครงการ/กิจกรรม",
        "แถว 9 คอลัมน์ A: ไม่มีมิติที่ ๔ ในระบบ (มีมิติที่ ๑–๓)",
        "แถว 10 คอลัมน์ C: “y” ไม่ใช่เครื่องหมายที่ระบบรับในคอลัมน์ปี ๒๕๖๘ ใช้ ✓ หรือ x หรือ 1 หรือเว้นว่าง",
        "แถว 13 คอลัมน์ A: ลำดับ ๒.๑ ซ้ำกับแถว 12",
        "แถว 14 คอลัมน์ B: ข้อความยาวเกิน ๕๐๐ ตัวอักษร (มี ๖๐๐ ตัวอักษร)",
        "แถว 16 คอลัมน์ B: มีสูตร “=1+1” ระบบไม่รับสูตร กรุณาคัดลอกแล้ววางแบบค่า (Paste Values)",
        "แถว 17 คอลัมน์ F: เครื่องหมาย “✓” อยู่ในคอลัมน์ตัวชี้วัด ซึ่งไม่ใช่คอลัมน์ปี/เดือน",
        "แถว 17 คอลัมน์ G: เครื่องหมาย “✓” อยู่นอกคอลัมน์ปี",
        "แถว 18 คอลัมน์ F: ไม่รู้จักตัวชี้วัด “K9” กรุณาเขียนบรรทัดละหนึ่งตัวชี้วัดในรูปแบบ รหัส: ชื่อตัวชี้วัด เช่น K1: ร้อยละของ…",
        "แถว 18 คอลัมน์ F: ตัวชี้วัดใหม่ K10 ต้องมีชื่อ (รหัส: ชื่อตัวชี้วัด)",
    ]
    by_row = {row["row"]: row for row in result.rows}
    assert by_row[9]["problems"] == ["แถว 9 คอลัมน์ A: ไม่มีมิติที่ ๔ ในระบบ (มีมิติที่ ๑–๓)"]


def test_form1_accepts_every_documented_mark_and_new_kpis(cast, cycle):
    data = edited(
        blank(cycle, "1"),
        {
            "B8": "ก",
            "C8": "✓",
            "D8": "x",
            "E8": 1,
            "F8": "N1: ตัวชี้วัดใหม่",
            "B9": " ข\nต่อ ",
            "D9": "X",
        },
    )
    result = preview(cast.unit_a, cycle, "1", data)
    assert result.ok, result.problems
    assert [(r["label"], r["name"], r["years"], r["kpis"]) for r in result.rows] == [
        ("1.1", "ก", [True, True, True], [["N1", "ตัวชี้วัดใหม่"]]),
        ("1.2", "ข ต่อ", [False, True, False], []),
    ]


def test_numbers_are_closed_up_in_the_order_written_with_a_note(cast, cycle):
    data = edited(blank(cycle, "1"), {"A8": "1.3", "B8": "สาม", "A9": "1.1", "B9": "หนึ่ง"})
    result = preview(cast.unit_a, cycle, "1", data)
    assert result.ok
    assert [(r["row"], r["label"], r["name"]) for r in result.rows] == [
        (8, "1.2", "สาม"),
        (9, "1.1", "หนึ่ง"),
    ]
    assert result.rows[0]["notes"] == ["ลำดับ ๑.๓ จะบันทึกเป็น ๑.๒ (ระบบเรียงลำดับต่อเนื่องกัน)"]


def test_a_workbook_exported_in_arabic_numerals_reads_back(cast, cycle):
    k1 = kpi(cast.unit_a, cycle, "K1")
    form1(cast.unit_a, cycle, [(1, "แผน", (True, False, True), [k1])])
    data = render_xlsx("1", content.form1(cast.unit_a, cycle, Printer("arabic")))
    result = preview(cast.unit_a, cycle, "1", data)
    assert result.ok and not result.notes
    assert [(r["label"], r["years"], r["kpis"]) for r in result.rows] == [
        ("1.1", [True, False, True], [["K1", "ตัวชี้วัด K1"]])
    ]
    assert not result.removals


def test_form2_marks_outside_the_month_columns_and_steps_with_a_kpi(cast, cycle):
    data = edited(
        blank(cycle, "2"),
        {
            "B7": "กิจกรรม",
            "C7": "✓",
            "O7": "✓",
            "Q7": "✓",
            "B8": "ขั้นตอน",
            "D8": "✓",
            "P8": "กลุ่มงาน",
            "E9": "ok?",
            "B9": "ขั้นตอนสอง",
            "C10": "✓",
        },
    )
    result = preview(cast.unit_a, cycle, "2", data)
    assert result.problems == [
        "แถว 7 คอลัมน์ O: เครื่องหมาย “✓” อยู่ในคอลัมน์ตัวชี้วัด ซึ่งไม่ใช่คอลัมน์ปี/เดือน",
        "แถว 7 คอลัมน์ Q: เครื่องหมาย “✓” อยู่นอกคอลัมน์เดือน",
        "แถว 8 คอลัมน์ P: แถวของขั้นตอนไม่มีตัวชี้วัดหรือผู้รับผิดชอบ กรุณาใส่ไว้ที่แถวของกิจกรรม",
        "แถว 9 คอลัมน์ E: “ok?” ไม่ใช่เครื่องหมายที่ระบบรับในคอลัมน์เดือน ธ.ค. ใช้ ✓ หรือ x หรือ 1 หรือเว้นว่าง",
        "แถว 10 คอลัมน์ B: ไม่มีชื่อแผนงาน/โครงการ/กิจกรรม",
    ]
    activity = result.rows[0]
    assert (activity["label"], activity["months"]) == ("1.1", [1])
    assert [(s["label"], s["name"], s["months"]) for s in activity["steps"]] == [
        ("1.1.1", "ขั้นตอน", [2]),
        ("1.1.2", "ขั้นตอนสอง", []),
    ]


def test_form3_target_direction_dimension_and_email_are_checked(cast, cycle):
    sheet = "แบบฟอร์ม ๓"
    base = {"B4": "K1", "B6": "ชื่อตัวชี้วัด", "D8": "ยิ่งมากยิ่งดี"}
    data = edited(blank(cycle, "3"), {**base, "B8": "abc", "B5": "9. มิติใหม่", "D26": "not-an-email"})
    assert preview(cast.unit_a, cycle, "3", data).problems == [
        "แผ่นงาน “แบบฟอร์ม ๓” แถว 5 คอลัมน์ B: ไม่มีมิติที่ ๙ ในระบบ (มีมิติที่ ๑–๓)",
        "แผ่นงาน “แบบฟอร์ม ๓” แถว 8 คอลัมน์ B: ค่าเป้าหมาย “abc” ไม่ใช่ตัวเลข",
        "แผ่นงาน “แบบฟอร์ม ๓” แถว 26 คอลัมน์ D: อีเมล “not-an-email” ไม่ถูกต้อง",
    ]
    zero = edited(blank(cycle, "3"), {**base, "B8": 0}, sheet)
    assert preview(cast.unit_a, cycle, "3", zero).problems == [
        "แผ่นงาน “แบบฟอร์ม ๓” แถว 8 คอลัมน์ B: ตัวชี้วัดแบบยิ่งมากยิ่งดีต้องมีค่าเป้าหมายมากกว่า ๐"
    ]
    both = edited(blank(cycle, "3"), {"B4": "K1", "B6": "ชื่อ", "B8": "๘๐.๕"})
    assert preview(cast.unit_a, cycle, "3", both).problems == [
        "แผ่นงาน “แบบฟอร์ม ๓” แถว 8 คอลัมน์ D: ทิศทาง “ยิ่งมากยิ่งดี / ยิ่งน้อยยิ่งดี” ไม่ถูกต้อง เลือก ยิ่งมากยิ่งดี หรือ ยิ่งน้อยยิ่งดี อย่างใดอย่างหนึ่ง"
    ]
    lower = edited(
        blank(cycle, "3"), {**base, "B8": 0, "D8": "ยิ่งน้อยยิ่งดี", "B5": "มิติเปิดกว้างและเชื่อมโยง"}
    )
    result = preview(cast.unit_a, cycle, "3", lower)
    assert result.ok and result.rows[0]["values"]["target"] == "0"
    assert result.rows[0]["values"]["dimension"] == 1


# The pages: upload, preview, confirm ----------------------------------------------------------


def test_the_preview_shows_every_row_and_writes_nothing_until_confirmed(client, cast, cycle):
    k1 = kpi(cast.unit_a, cycle, "K1")
    stored = [
        (1, "เดิม ก", (True, True, True), [k1]),
        (1, "เดิม ข", (True, False, False), []),
        (2, "เดิม ค", (True, False, False), []),
    ]
    form1(cast.unit_a, cycle, stored)
    # Rows: 7 heading 1, 8 item 1.1, 9 item 1.2, 10 heading 2, 11 item 2.1, 12 heading 3,
    # 13 empty (the signature starts at 14): 1.1 renamed, 1.2 emptied, 2.1 changed, 3.1 added.
    edits = {"B8": "ใหม่ ก", "A9": None, "B9": None, "C9": None, "B11": "ใหม่ ค", "C11": None}
    edits.update({"D11": "✓", "F11": "K2: ตัวชี้วัดใหม่", "A13": "๓.๑", "B13": "ใหม่ ง", "E13": "x"})
    data = edited(exported(cast.unit_a, cycle, "1"), edits)
    client.force_login(cast.coordinator_a)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url("import"), {"file": upload(data)})
    page = response.content.decode()
    assert response.status_code == 200, page
    assert "ไฟล์ถูกต้อง พบ ๓ รายการ" in page
    assert "ใหม่ ก" in page and "ใหม่ ง" in page and "K2: ตัวชี้วัดใหม่" in page
    assert "ลบรายการ ๑.๒ “เดิม ข” (ไม่อยู่ในไฟล์)" in page
    preview_queries = len(queries)
    assert sorted(PlanItem.objects.values_list("name", flat=True)) == ["เดิม ก", "เดิม ข", "เดิม ค"]
    token = page.split('name="token" value="')[1].split('"')[0]
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url("import-confirm"), {"token": token})
    assert (
        response.status_code == 302 and response["Location"] == "/units/OPS-AAA/2568/plans/form1/"
    )
    items = PlanItem.objects.select_related("dimension").order_by("dimension__number", "number")
    assert [(i.label, i.name, i.in_year1, i.in_year2, i.in_year3) for i in items] == [
        ("1.1", "ใหม่ ก", True, True, True),
        ("2.1", "ใหม่ ค", False, True, False),
        ("3.1", "ใหม่ ง", False, False, True),
    ]
    assert [k.code for k in items[1].kpis.all()] == ["K2"]
    assert Kpi.objects.get(code="K2").name == "ตัวชี้วัดใหม่"
    changes = LogEntry.objects.filter(actor=cast.coordinator_a)
    assert {e.content_type.model for e in changes} >= {"planitem", "kpi"}
    assert changes.filter(action=LogEntry.Action.DELETE, object_repr__contains="เดิม ข").exists()
    assert preview_queries <= 16 and len(queries) <= 42, (preview_queries, len(queries))
    message = client.get(response["Location"]).content.decode()
    assert "นำเข้าแล้ว ๓ รายการ (เพิ่ม ๑ แก้ไข ๒ ลบ ๑)" in message
    # The token is used once.
    response = client.post(url("import-confirm"), {"token": token}, follow=True)
    assert "ไม่พบไฟล์ที่ตรวจไว้หรือหมดเวลาแล้ว" in response.content.decode()


def test_a_preview_with_problems_offers_no_confirmation(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    data = edited(blank(cycle, "1"), {"B8": "ก", "B9": "=SUM(1,2)"})
    page = client.post(url("import"), {"file": upload(data)}).content.decode()
    assert "พบข้อผิดพลาด ๑ รายการ" in page
    assert "แถว 9 คอลัมน์ B: มีสูตร “=SUM(1,2)”" in page
    assert 'name="token"' not in page
    assert "documents.excel_import" not in client.session
    nothing_written(cast.unit_a)


def test_the_query_count_of_a_preview_does_not_grow_with_the_rows(client, cast, cycle):
    client.force_login(cast.coordinator_a)

    def count(rows):
        data = edited(blank(cycle, "1"), {f"B{8 + n}": f"แถว {n}" for n in range(rows)})
        with CaptureQueriesContext(connection) as queries:
            assert client.post(url("import"), {"file": upload(data)}).status_code == 200
        return len(queries)

    assert count(1) == count(3)


def test_a_wrong_or_missing_token_writes_nothing(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    client.post(url("import"), {"file": upload(edited(blank(cycle, "1"), {"B8": "ก"}))})
    for token in ("", "guessed"):
        response = client.post(url("import-confirm"), {"token": token}, follow=True)
        assert "ไม่พบไฟล์ที่ตรวจไว้หรือหมดเวลาแล้ว" in response.content.decode()
    nothing_written(cast.unit_a)


def test_a_save_between_preview_and_confirm_refuses_the_import(client, cast, cycle):
    form1(cast.unit_a, cycle, [(1, "เดิม", (True, True, True), [])])
    client.force_login(cast.coordinator_a)
    data = edited(exported(cast.unit_a, cycle, "1"), {"B8": "จากไฟล์"})
    page = client.post(url("import"), {"file": upload(data)}).content.decode()
    token = page.split('name="token" value="')[1].split('"')[0]
    ThreeYearPlan.objects.filter(unit=cast.unit_a).update(version=5)  # someone saved meanwhile
    response = client.post(url("import-confirm"), {"token": token}, follow=True)
    assert "มีผู้บันทึกแบบฟอร์มนี้หลังจากท่านตรวจไฟล์" in response.content.decode()
    assert PlanItem.objects.get().name == "เดิม"


def test_form2_keeps_an_activity_with_a_report_out_of_reach(cast, cycle):
    plan = form2(cast.unit_a, cycle, [(1, "ก", [1], "", []), (1, "ข มีรายงาน", [2], "", [])])
    ResultsReport.objects.create(activity=plan.activities.get(number=2))
    data = edited(exported(cast.unit_a, cycle, "2"), {"A8": None, "B8": None, "D8": None})
    result = preview(cast.unit_a, cycle, "2", data)
    assert result.problems == [
        "กิจกรรม ๑.๒ “ข มีรายงาน” มีรายงานผลการดำเนินงาน (แบบฟอร์ม ๔) แล้ว จึงลบออกไม่ได้ กรุณาคงรายการนี้ไว้ในไฟล์ด้วยลำดับเดิม"
    ]


def test_form3_import_creates_updates_and_removes_sheets(client, cast, cycle):
    kpi(cast.unit_a, cycle, "OLD")
    data = edited(
        blank(cycle, "3"),
        {
            "B4": "K7",
            "B5": "๒",
            "B6": "ร้อยละความพึงพอใจ",
            "B7": "ร้อยละ",
            "B8": 85,
            "D8": "ยิ่งมากยิ่งดี",
            "D14": 70,
            "F14": "๘๐.๕",
            "B17": "สำรวจ",
            "E17": "แบบสำรวจ",
            "A26": "นายผู้กำกับ",
            "B26": "0 2232 1111",
            "D26": "k@example.go.th",
        },
    )
    client.force_login(cast.coordinator_a)
    page = client.post(url("import", "3"), {"file": upload(data)}).content.decode()
    assert "ลบแบบฟอร์ม ๓ ของตัวชี้วัด OLD" in page
    token = page.split('name="token" value="')[1].split('"')[0]
    response = client.post(url("import-confirm", "3"), {"token": token})
    assert response["Location"] == "/units/OPS-AAA/2568/plans/kpis/"
    sheet = KpiSheet.objects.select_related("kpi", "dimension").get()
    assert (sheet.kpi.code, sheet.kpi.name, sheet.dimension.number) == ("K7", "ร้อยละความพึงพอใจ", 2)
    assert (sheet.target, sheet.direction, sheet.supervisor_email) == (
        Decimal("85"),
        "higher",
        "k@example.go.th",
    )
    assert sorted(sheet.baselines.values_list("fiscal_year", "value")) == [
        (2565, Decimal("70")),
        (2567, Decimal("80.5")),
    ]
    assert list(sheet.steps.values_list("number", "detail", "evidence")) == [
        (1, "สำรวจ", "แบบสำรวจ")
    ]
    assert Kpi.objects.filter(code="OLD").exists()  # the KPI stays; only its sheet went


# Who may import, and when ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator_a", 200),
        ("executive_a", 403),
        ("evaluator", 403),
        ("central", 403),
        ("coordinator_b", 404),
        ("staff_a", 404),
    ],
)
def test_only_the_units_coordinator_may_import(client, cast, cycle, who, status):
    client.force_login(getattr(cast, who))
    assert client.get(url("import")).status_code == status
    assert client.get(url("import-template")).status_code == status
    data = edited(blank(cycle, "1"), {"B8": "ก"})
    assert client.post(url("import"), {"file": upload(data)}).status_code == status
    confirmed = client.post(url("import-confirm"), {"token": "x"}).status_code
    assert confirmed == (302 if status == 200 else status)
    if status != 200:
        nothing_written(cast.unit_a)


def test_anonymous_goes_to_the_login_and_an_unknown_form_is_404(client, cast, cycle):
    response = client.get(url("import"))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.force_login(cast.coordinator_a)
    assert client.get(url("import", kind="4")).status_code == 404


def test_the_template_is_the_export_of_the_units_plans_or_the_blank_form(client, cast, cycle):
    form1(cast.unit_a, cycle, [(1, "แผนของหน่วยงาน", (True, True, True), [])])
    client.force_login(cast.coordinator_a)
    response = client.get(url("import-template"))
    assert response["Content-Disposition"] == 'attachment; filename="OPS-AAA_2568_form1.xlsx"'
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws["B8"].value == "แผนของหน่วยงาน"
    response = client.get(url("import-template"), {"blank": "1"})
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws["A3"].value == "หน่วยงาน กองทดสอบเอ" and ws["B8"].value is None


def test_the_form_pages_link_to_the_import_for_the_coordinator_only(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    for page, kind in (("form1", "1"), ("form2", "2"), ("kpis", "3")):
        html = client.get(reverse(f"plans:{page}", args=["OPS-AAA", 2568])).content.decode()
        assert f'href="{url("import", kind)}"' in html and "นำเข้าจาก Excel" in html
    client.force_login(cast.executive_a)
    html = client.get(reverse("plans:form1", args=["OPS-AAA", 2568])).content.decode()
    assert "นำเข้าจาก Excel" not in html


def test_nothing_is_imported_once_step_3_is_with_the_executive(client, cast, cycle):
    client.force_login(cast.coordinator_a)
    data = edited(blank(cycle, "1"), {"B8": "ก"})
    page = client.post(url("import"), {"file": upload(data)}).content.decode()
    token = page.split('name="token" value="')[1].split('"')[0]
    step = cycle.steps.get(number=3)
    Submission.objects.create(unit=cast.unit_a, step=step, state=State.AWAITING_SIGN_OFF)
    response = client.post(url("import-confirm"), {"token": token}, follow=True)
    assert "จึงนำเข้าไม่ได้" in response.content.decode()
    response = client.post(url("import"), {"file": upload(data)})
    assert response.status_code == 409
    assert "ขั้นตอนที่ ๓ เสนอผู้บริหารลงนามหรือส่งแล้ว จึงนำเข้าไม่ได้" in response.content.decode()
    nothing_written(cast.unit_a)


def test_the_service_itself_refuses_a_locked_step_and_another_role(cast, cycle):
    from pmqa4.core.errors import WorkflowError
    from pmqa4.documents.excel_apply import apply

    result = preview(cast.unit_a, cycle, "1", edited(blank(cycle, "1"), {"B8": "ก"}))
    with pytest.raises(WorkflowError, match="เฉพาะผู้ประสานงาน"):
        apply(result, unit=cast.unit_a, cycle=cycle, actor=cast.executive_a)
    Submission.objects.create(
        unit=cast.unit_a, step=cycle.steps.get(number=3), state=State.AWAITING_SIGN_OFF
    )
    with pytest.raises(WorkflowError, match="แก้ไขไม่ได้"):
        apply(result, unit=cast.unit_a, cycle=cycle, actor=cast.coordinator_a)
    nothing_written(cast.unit_a)


# The demo: a unit's exported forms imported into another unit ---------------------------------


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """The demo seeded once for the class, in a transaction rolled back at its end."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("seed_demo", "--quiet")
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def snapshot(unit, cycle):
    """Forms 1, 2 and 3 of a unit, field by field, without ids."""
    items = PlanItem.objects.filter(plan__unit=unit, plan__cycle=cycle)
    activities = Activity.objects.filter(action_plan__unit=unit, action_plan__cycle=cycle)
    sheets = KpiSheet.objects.filter(kpi__unit=unit, kpi__cycle=cycle).select_related("kpi")
    fields = [
        f.attname
        for f in KpiSheet._meta.concrete_fields
        if f.attname not in ("id", "kpi_id", "version", "created_at", "updated_at")
    ]
    return {
        "form1": sorted(
            (
                i.dimension.number,
                i.number,
                i.name,
                i.in_year1,
                i.in_year2,
                i.in_year3,
                sorted(k.code for k in i.kpis.all()),
            )
            for i in items.select_related("dimension").prefetch_related("kpis")
        ),
        "form2": sorted(
            (
                a.dimension.number,
                a.number,
                a.name,
                a.months,
                a.responsible,
                sorted(k.code for k in a.kpis.all()),
                [(s.number, s.name, s.months) for s in a.steps.order_by("number")],
            )
            for a in activities.select_related("dimension").prefetch_related("kpis")
        ),
        "form3": sorted(
            (
                s.kpi.code,
                s.kpi.name,
                [getattr(s, f) for f in fields],
                sorted(s.baselines.values_list("fiscal_year", "value")),
                list(s.steps.order_by("number").values_list("number", "detail", "evidence")),
            )
            for s in sheets
        ),
    }


@pytest.mark.usefixtures("demo")
class TestDemoRoundTrip:
    def test_a_demo_units_forms_import_into_an_empty_unit_unchanged(self, client):
        cycle = Cycle.objects.get(fiscal_year=2568)
        source, target = Unit.objects.get(code="OPS-SPD"), Unit.objects.get(code="PLO-SKA")
        assert snapshot(target, cycle) == {"form1": [], "form2": [], "form3": []}
        assert not Kpi.objects.filter(unit=target, cycle=cycle).exists()
        client.force_login(person(Role.COORDINATOR, target, username="ska.import"))
        timings = {}
        for kind in ("1", "2", "3"):
            data = exported(source, cycle, kind)
            started = time.perf_counter()
            page = client.post(
                url("import", kind, "PLO-SKA"), {"file": upload(data)}
            ).content.decode()
            assert "ไฟล์ถูกต้อง" in page, page
            assert "ไฟล์นี้ระบุหน่วยงาน “กองยุทธศาสตร์และแผนงาน”" in page
            token = page.split('name="token" value="')[1].split('"')[0]
            with CaptureQueriesContext(connection) as queries:
                response = client.post(url("import-confirm", kind, "PLO-SKA"), {"token": token})
            timings[kind] = (time.perf_counter() - started, len(queries))
            assert response.status_code == 302
        assert snapshot(target, cycle) == snapshot(source, cycle)
        assert snapshot(target, cycle)["form2"]  # not two empty lists
        print(f"\nimport (upload + preview + confirm), seconds and confirm queries: {timings}")
        assert timings["2"][0] < 5

    def test_the_demo_export_reads_back_in_thai_numerals(self):
        cycle = Cycle.objects.get(fiscal_year=2568)
        unit = Unit.objects.get(code="OPS-SPD")
        ws = load_workbook(io.BytesIO(exported(unit, cycle, "2"))).active
        assert ws["A3"].value == "หน่วยงาน กองยุทธศาสตร์และแผนงาน"
        numbered = re.compile(r"[๐-๙]+(\.[๐-๙]+)+")
        labels = [c.value for c in ws["A"] if c.value and numbered.fullmatch(c.value)]
        assert labels[:2] == ["๑.๑", "๑.๑.๑"]
        assert ws["A2"].value.endswith("พ.ศ. ๒๕๖๘")
        action_plan = ActionPlan.objects.get(unit=unit, cycle=cycle)
        first = action_plan.activities.get(dimension__number=1, number=1)
        marks = [ws.cell(7, 2 + m).value for m in range(1, 13)]
        assert [m for m, v in enumerate(marks, start=1) if v == "✓"] == sorted(first.months)


# Through a real browser ------------------------------------------------------------------------


SHOTS = "var/test-output/documents"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_in_a_browser_the_coordinator_checks_a_file_then_confirms_it(page, cast, cycle, tmp_path):
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill("coord.a")
    page.get_by_label("รหัสผ่าน").fill("pw-for-tests")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.goto(page.base_url + reverse("plans:form1", args=["OPS-AAA", 2568]))
    page.get_by_role("link", name="นำเข้าจาก Excel").click()
    assert page.locator("h1").inner_text() == "นำเข้าแบบฟอร์ม ๑ แผนระยะ ๓ ปีจาก Excel"
    bad, good = tmp_path / "bad.xlsx", tmp_path / "good.xlsx"
    bad.write_bytes(edited(blank(cycle, "1"), {"B8": "ก", "C8": "ใช่", "B9": "=1+1"}))
    good.write_bytes(edited(blank(cycle, "1"), {"B8": "แผนจากไฟล์", "C8": "✓", "B12": "แผนมิติสอง"}))
    page.get_by_label("ไฟล์ Excel (.xlsx)").set_input_files(str(bad))
    page.get_by_role("button", name="ตรวจไฟล์").click()
    alert = page.get_by_role("alert").first.inner_text()
    assert "พบข้อผิดพลาด ๒ รายการ" in alert and "แถว 8 คอลัมน์ C" in alert
    assert page.get_by_role("button", name="ยืนยันนำเข้า").count() == 0
    page.screenshot(path=f"{SHOTS}/import-problems.png", full_page=True)
    page.get_by_label("ไฟล์ Excel (.xlsx)").set_input_files(str(good))
    page.get_by_role("button", name="ตรวจไฟล์").click()
    assert "แผนจากไฟล์" in page.locator("table").inner_text()
    page.screenshot(path=f"{SHOTS}/import-preview.png", full_page=True)
    assert not PlanItem.objects.exists()
    page.get_by_role("button", name="ยืนยันนำเข้า").click()
    expect(page.get_by_role("status").first).to_contain_text("นำเข้าแล้ว ๒ รายการ")
    assert sorted(PlanItem.objects.values_list("name", flat=True)) == ["แผนจากไฟล์", "แผนมิติสอง"]
