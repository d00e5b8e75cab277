"""A small world of unit A's FY2568 data for the POST endpoints to act on (post_endpoints.py),
the states some of them need first, and each endpoint's form: its fields, each described by
its kind and a valid value, so a test can send the valid form or break it one field at a time.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace

from django.urls import reverse
from django.utils import timezone

from pmqa4.core.testing.factories import MeetingFactory, RosterFactory, TeamMemberFactory
from pmqa4.framework.models import Dimension
from pmqa4.plans import selectors as plan_selectors
from pmqa4.plans import services as plan_services
from pmqa4.plans.models import Activity, KpiActual
from pmqa4.reports.models import ResultsReport
from pmqa4.submissions.evidence import evidence_add
from pmqa4.submissions.findings import finding_record
from pmqa4.submissions.workflow import (
    submission_for,
    submission_request_sign_off,
    submission_sign_off,
    submission_submit,
)

YEAR = 2568
A = "OPS-AAA"
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


@dataclass(frozen=True)
class Field:
    """kind: text, int, date, time, decimal, choice, multi, check, json, file."""

    kind: str
    valid: object = ""
    choices: tuple = ()
    max_length: int | None = None  # the form's limit, for text


def text(valid="ข้อความทดสอบ", max_length=None) -> Field:
    return Field("text", valid, max_length=max_length)


@dataclass
class Endpoint:
    name: str
    who: str  # a member of the conftest ``cast``, or "anonymous"
    url: Callable[[SimpleNamespace], str]
    fields: Callable[[SimpleNamespace], dict[str, Field]] = lambda w: {}
    prepare: Callable[[SimpleNamespace], None] | None = None
    htmx: bool = False  # also answers htmx requests with partials
    models: tuple[str, ...] = field(default=())  # what its saves write, to check after


def build_world(cast, cycle) -> SimpleNamespace:
    """Unit A's roster, a meeting, Form 1–3 rows with a KPI and its sheet, a Form 4 report and a
    below-threshold actual (so Form 4 has suggestions to append)."""
    coordinator = cast.coordinator_a
    cast.executive_a.position = "ผู้อำนวยการกองทดสอบเอ"  # printed under the signature
    cast.executive_a.save(update_fields=["position"])
    roster = RosterFactory(unit=cast.unit_a, cycle=cycle)
    members = TeamMemberFactory.create_batch(2, roster=roster)
    TeamMemberFactory(roster=RosterFactory(unit=cast.unit_b, cycle=cycle))
    meeting = MeetingFactory(cycle=cycle, held_on=dt.date(2024, 12, 20))
    now = timezone.now()
    live = MeetingFactory(
        cycle=cycle,
        held_on=timezone.localdate(),
        starts_at=now - dt.timedelta(minutes=10),
        ends_at=now + dt.timedelta(hours=2),
    )
    who = {"unit": cast.unit_a, "cycle": cycle, "actor": coordinator}
    dimension = Dimension.objects.get(number=1)
    item = plan_services.plan_item_add(
        **who,
        version=0,
        dimension=dimension,
        name="พัฒนาระบบข้อมูลกลาง",
        years=(True, True, False),
        kpi_codes=[],
        new_kpi=("K1", "ร้อยละของชุดข้อมูลที่เชื่อมโยง"),
    )
    activity = plan_services.activity_add(
        **who,
        version=0,
        dimension=dimension,
        name="จัดทำชุดข้อมูล",
        months=[1, 2, 3],
        responsible="กลุ่มงานข้อมูล",
        kpi_codes=["K1"],
        new_kpi=("", ""),
    )
    step = plan_services.activity_step_add(
        **who, version=1, activity=activity, name="สำรวจข้อมูล", months=[1]
    )
    kpi = item.kpis.get()
    values = {name: "" for name in plan_selectors.SHEET_FIELDS}
    values.update(
        dimension=dimension, direction="higher", target=Decimal("80"), unit_of_measure="ร้อยละ"
    )
    sheet = plan_services.kpi_sheet_save(
        **who, version=0, seen={}, kpi=kpi, name=kpi.name, values=values, baselines={}
    )
    sheet_step = plan_services.kpi_sheet_step_add(
        **who, version=1, kpi=kpi, detail="รวบรวมข้อมูล", evidence="รายงาน"
    )
    sheet.refresh_from_db()
    report = ResultsReport.objects.create(activity=activity, objective="เพื่อเชื่อมโยงข้อมูล")
    KpiActual.objects.create(
        kpi=kpi,
        value=Decimal("10"),
        measured_on=dt.date(2024, 12, 1),
        cause="ขาดงบประมาณ",
        remedy="ของบเพิ่มเติม",
        reported_by=coordinator,
        reported_at=now,
    )
    return SimpleNamespace(
        cast=cast,
        cycle=cycle,
        roster=roster,
        members=members,
        meeting=meeting,
        live=live,
        item=item,
        activity=Activity.objects.get(pk=activity.pk),
        step=step,
        kpi=kpi,
        sheet=sheet,
        sheet_step=sheet_step,
        report=report,
        submission=None,
        evidence=None,
        finding=None,
    )


# Preparing the state an endpoint acts on ----------------------------------------------------


def awaiting_step4(w):
    submission = submission_for(unit=w.cast.unit_a, step=w.cycle.steps.get(number=4))
    w.submission = submission_request_sign_off(
        submission=submission, actor=w.cast.coordinator_a, now=timezone.now()
    )


def submitted_step3(w):
    submission = submission_for(unit=w.cast.unit_a, step=w.cycle.steps.get(number=3))
    submission_request_sign_off(
        submission=submission, actor=w.cast.coordinator_a, now=timezone.now()
    )
    w.submission = submission_sign_off(
        submission=submission, actor=w.cast.executive_a, now=timezone.now()
    )


def with_finding(w):
    submitted_step3(w)
    w.finding = finding_record(
        submission=w.submission,
        kind="not_unit_wide",
        note="ไม่ครอบคลุม",
        actor=w.cast.evaluator,
        now=timezone.now(),
    )


def submitted_step1(w):
    submission = submission_for(unit=w.cast.unit_a, step=w.cycle.steps.get(number=1))
    w.submission = submission_submit(
        submission=submission, actor=w.cast.coordinator_a, now=timezone.now()
    )


def with_evidence(w):
    from django.core.files.uploadedfile import SimpleUploadedFile

    submission = submission_for(unit=w.cast.unit_a, step=w.cycle.steps.get(number=3))
    w.evidence = evidence_add(
        submission=submission,
        upload=SimpleUploadedFile("a.pdf", PDF),
        description="หลักฐาน",
        actor=w.cast.coordinator_a,
    )


# The endpoints ------------------------------------------------------------------------------


def url(name, *args, query=""):
    return reverse(name, args=args) + query


def plan_url(name, *args):
    return url(f"plans:{name}", A, YEAR, *args)


def _months() -> Field:
    return Field("multi", ["1", "2"], choices=tuple(str(m) for m in range(1, 13)))


def member_form(w) -> dict:
    return {
        "full_name": text("นางสาวทดสอบ ระบบ", 200),
        "position": text("นักวิเคราะห์", 200),
        "team_role": Field("choice", "member", choices=("chair", "secretary", "member")),
        "phone": text("0 2232 1234", 40),
        "email": Field("text", "a@example.go.th", max_length=320),
        "version": Field("int", w.roster.version),
    }


def meeting_form(w) -> dict:
    return {
        "title": text("ประชุมทีม", 300),
        "kind": Field("choice", "meeting", choices=("meeting", "activity", "training")),
        "held_on": Field("date", "2025-01-17"),
        "starts_time": Field("time", "09:00"),
        "ends_time": Field("time", "12:00"),
        "location": text("ห้องประชุม", 300),
        "required": Field("check", "on"),
    }


def lock_fields(version, seen: dict | None = None) -> dict:
    import json

    return {
        "version": Field("int", version),
        "seen": Field("json", json.dumps(seen or {}, ensure_ascii=False), max_length=100_000),
    }


def _kpi_pick(prefix) -> dict:
    return {
        f"{prefix}-kpis": Field("multi", ["K1"], choices=("K1",)),
        f"{prefix}-new_kpi_code": Field("text", "", max_length=20),
        f"{prefix}-new_kpi_name": Field("text", "", max_length=500),
    }


def item_form(w, prefix) -> dict:
    fields = {f"{prefix}-name": text("โครงการใหม่", 500), **_kpi_pick(prefix)}
    fields.update({f"{prefix}-in_year{n}": Field("check", "on") for n in (1, 2, 3)})
    return {**fields, **lock_fields(w.item.plan.version, plan_selectors.item_state(w.item))}


def activity_form(w, prefix) -> dict:
    fields = {f"{prefix}-name": text("กิจกรรมใหม่", 500), f"{prefix}-months": _months()}
    fields[f"{prefix}-responsible"] = text("กลุ่มงาน", 300)
    version = w.activity.action_plan.version
    return {
        **fields,
        **_kpi_pick(prefix),
        **lock_fields(version, plan_selectors.activity_state(w.activity)),
    }


def step_form(w, prefix) -> dict:
    fields = {f"{prefix}-name": text("ขั้นตอนใหม่", 500), f"{prefix}-months": _months()}
    version = w.activity.action_plan.version
    return {**fields, **lock_fields(version, plan_selectors.step_state(w.step))}


def sheet_form(w) -> dict:
    fields = {
        "name": text("ร้อยละของชุดข้อมูล", 500),
        "dimension": Field(
            "choice", "1", choices=tuple(str(d.pk) for d in Dimension.objects.all())
        ),
        "unit_of_measure": text("ร้อยละ", 100),
        "calculation": text("ก ÷ ข × ๑๐๐", 5000),
        "definition": text("นิยาม", 5000),
        "collection_method": text("รายงาน", 5000),
        "collection_frequency": text("รายไตรมาส", 200),
        "data_source": text("ระบบ", 300),
        "supervisor_name": text("นายผู้กำกับ", 200),
        "supervisor_phone": text("0 2232 1000", 40),
        "supervisor_email": Field("text", "s@example.go.th", max_length=254),
        "collector_name": text("นางผู้เก็บ", 200),
        "collector_phone": text("0 2232 1001", 40),
        "collector_email": Field("text", "c@example.go.th", max_length=254),
        "target": Field("decimal", "85.5"),
        "direction": Field("choice", "higher", choices=("higher", "lower")),
    }
    for year in (YEAR - 3, YEAR - 2, YEAR - 1):
        fields[f"baseline_{year}"] = Field("decimal", "70")
    page = plan_selectors.kpi_sheet(w.cast.unit_a, w.cycle, "K1")
    return {**fields, **lock_fields(w.sheet.version, plan_selectors.sheet_state(page))}


def sheet_step_form(w, prefix) -> dict:
    fields = {f"{prefix}-detail": text("ขั้นตอน", 5000), f"{prefix}-evidence": text("เอกสาร", 5000)}
    return {**fields, **lock_fields(w.sheet.version, plan_selectors.sheet_step_state(w.sheet_step))}


REPORT_TEXT = (
    "objective",
    "result_gov40",
    "result_kpis",
    "result_stakeholders",
    "problems",
    "remedy_by_unit",
    "proposals",
    "success_factors",
)


def report_form(w) -> dict:
    fields = {name: text("ผลการดำเนินงาน", 5000) for name in REPORT_TEXT}
    fields.update({f"seen_{name}": Field("text", "") for name in REPORT_TEXT})
    fields["version"] = Field("int", w.report.version)
    fields["action"] = Field(
        "choice", "save", choices=("save", "autosave", "append_problems", "append_remedies")
    )
    return fields


def actual_form(w) -> dict:
    prefix = f"kpi{w.kpi.pk}"
    return {
        f"{prefix}-value": Field("decimal", "90"),
        f"{prefix}-measured_on": Field("date", "2025-06-30"),
        f"{prefix}-note": text("หมายเหตุ", 5000),
        f"{prefix}-cause": text("", 5000),
        f"{prefix}-remedy": text("", 5000),
    }


def step_url(name, step):
    return url(f"submissions:{name}", A, YEAR, step)
