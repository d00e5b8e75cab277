"""Every POST endpoint a unit coordinator, an executive, an evaluator or the central
administrator uses, with who posts, where, the form's fields and what its saves write.

Shared by the fuzz test (random values for each field), the length-limit test (one over-long
value per text field) and the locking test; the data they act on is built by world.py.
"""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from .world import (
    PDF,
    YEAR,
    A,
    Endpoint,
    Field,
    activity_form,
    actual_form,
    awaiting_step4,
    item_form,
    lock_fields,
    meeting_form,
    member_form,
    plan_url,
    report_form,
    sheet_form,
    sheet_step_form,
    step_form,
    step_url,
    submitted_step1,
    submitted_step3,
    text,
    url,
    with_evidence,
    with_finding,
)

ENDPOINTS = [
    # Step 1: the roster (coordinator)
    Endpoint(
        "member-add",
        "coordinator_a",
        lambda w: url("teams:member-add", A, YEAR),
        member_form,
        htmx=True,
        models=("teams.TeamMember", "teams.Roster"),
    ),
    Endpoint(
        "member-edit",
        "coordinator_a",
        lambda w: url("teams:member-edit", A, YEAR, w.members[0].pk),
        member_form,
        htmx=True,
        models=("teams.TeamMember", "teams.Roster"),
    ),
    Endpoint(
        "member-remove",
        "coordinator_a",
        lambda w: url("teams:member-remove", A, YEAR, w.members[1].pk),
        lambda w: {"version": Field("int", w.roster.version)},
        htmx=True,
        models=("teams.TeamMember", "teams.Roster"),
    ),
    # Step 2: meetings and attendance (central administrator), check-in (coordinator)
    Endpoint(
        "meeting-create",
        "central",
        lambda w: url("teams:meetings", YEAR),
        meeting_form,
        models=("teams.Meeting",),
    ),
    Endpoint(
        "meeting-edit",
        "central",
        lambda w: url("teams:meeting-edit", w.meeting.pk),
        lambda w: {**meeting_form(w), "version": Field("int", w.meeting.version)},
        models=("teams.Meeting",),
    ),
    Endpoint(
        "attendance",
        "central",
        lambda w: url("teams:attendance", w.meeting.pk),
        lambda w: {
            "shown": Field(
                "multi", [str(m.pk) for m in w.members], choices=tuple(str(m.pk) for m in w.members)
            ),
            "present": Field(
                "multi", [str(w.members[0].pk)], choices=tuple(str(m.pk) for m in w.members)
            ),
            "was": Field("multi", [], choices=tuple(str(m.pk) for m in w.members)),
            "tick_unit": Field("multi", [], choices=(str(w.cast.unit_a.pk),)),
            "q": text("", 100),
        },
        models=("teams.Attendance",),
    ),
    Endpoint(
        "checkin",
        "coordinator_a",
        lambda w: url("teams:checkin", w.live.checkin_token),
        lambda w: {
            "member": Field(
                "multi", [str(w.members[0].pk)], choices=tuple(str(m.pk) for m in w.members)
            )
        },
        models=("teams.Attendance",),
    ),
    # Step 3: Form 1, Form 2, Form 3 (coordinator)
    Endpoint(
        "form1-item-add",
        "coordinator_a",
        lambda w: plan_url("form1-item-add", 2),
        lambda w: item_form(w, "new-2"),
        htmx=True,
        models=("plans.PlanItem", "plans.Kpi"),
    ),
    Endpoint(
        "form1-item",
        "coordinator_a",
        lambda w: plan_url("form1-item", w.item.pk),
        lambda w: {**item_form(w, f"item-{w.item.pk}"), "delete": Field("check", "")},
        htmx=True,
        models=("plans.PlanItem", "plans.Kpi", "plans.ThreeYearPlan"),
    ),
    Endpoint(
        "form1-carry-over",
        "coordinator_a",
        lambda w: plan_url("form1-carry-over"),
        lambda w: lock_fields(w.item.plan.version),
        htmx=True,
        models=("plans.PlanItem",),
    ),
    Endpoint(
        "form2-activity-add",
        "coordinator_a",
        lambda w: plan_url("form2-activity-add", 3),
        lambda w: activity_form(w, "new-3"),
        htmx=True,
        models=("plans.Activity", "plans.Kpi"),
    ),
    Endpoint(
        "form2-activity",
        "coordinator_a",
        lambda w: plan_url("form2-activity", w.activity.pk),
        lambda w: {**activity_form(w, f"activity-{w.activity.pk}"), "delete": Field("check", "")},
        htmx=True,
        models=("plans.Activity", "plans.ActionPlan"),
    ),
    Endpoint(
        "form2-step-add",
        "coordinator_a",
        lambda w: plan_url("form2-step-add", w.activity.pk),
        lambda w: step_form(w, f"new-step-{w.activity.pk}"),
        htmx=True,
        models=("plans.ActivityStep",),
    ),
    Endpoint(
        "form2-step",
        "coordinator_a",
        lambda w: plan_url("form2-step", w.step.pk),
        lambda w: {**step_form(w, f"step-{w.step.pk}"), "delete": Field("check", "")},
        htmx=True,
        models=("plans.ActivityStep",),
    ),
    Endpoint(
        "form2-draft",
        "coordinator_a",
        lambda w: plan_url("form2-draft"),
        lambda w: lock_fields(w.activity.action_plan.version),
        htmx=True,
        models=("plans.Activity",),
    ),
    Endpoint(
        "kpi-sheet",
        "coordinator_a",
        lambda w: plan_url("kpi-sheet", "K1"),
        sheet_form,
        htmx=True,
        models=("plans.KpiSheet", "plans.KpiBaseline", "plans.Kpi"),
    ),
    Endpoint(
        "kpi-step-add",
        "coordinator_a",
        lambda w: plan_url("kpi-step-add", "K1"),
        lambda w: sheet_step_form(w, "new-sheet-step"),
        htmx=True,
        models=("plans.KpiSheetStep",),
    ),
    Endpoint(
        "kpi-step",
        "coordinator_a",
        lambda w: plan_url("kpi-step", "K1", w.sheet_step.pk),
        lambda w: {
            **sheet_step_form(w, f"sheet-step-{w.sheet_step.pk}"),
            "delete": Field("check", ""),
        },
        htmx=True,
        models=("plans.KpiSheetStep",),
    ),
    # Step 4: Form 4 (coordinator); step 5: KPI actuals (coordinator)
    Endpoint(
        "report",
        "coordinator_a",
        lambda w: url("reports:report", A, YEAR, w.activity.pk),
        report_form,
        htmx=True,
        models=("reports.ResultsReport",),
    ),
    Endpoint(
        "actual-report",
        "coordinator_a",
        lambda w: url("reports:actual-report", A, YEAR, w.kpi.pk),
        actual_form,
        htmx=True,
        models=("plans.KpiActual",),
    ),
    Endpoint(
        "achievement-preview",
        "coordinator_a",
        lambda w: url("reports:achievement-preview", A, YEAR, w.kpi.pk),
        lambda w: {f"kpi{w.kpi.pk}-value": Field("decimal", "90"), "value": Field("decimal", "")},
    ),
    # The workflow: submit (coordinator), sign and send back (executive)
    Endpoint(
        "submit",
        "coordinator_a",
        lambda w: step_url("submit", 1),
        lambda w: {"next": Field("text", "/")},
        models=("submissions.Submission",),
    ),
    Endpoint(
        "submit-for-signature",
        "coordinator_a",
        lambda w: step_url("submit", 3),
        lambda w: {"next": Field("text", "/")},
        models=("submissions.Submission",),
    ),
    Endpoint(
        "sign",
        "executive_a",
        lambda w: step_url("sign", 4),
        lambda w: {"password": Field("text", "pw-for-tests", max_length=1024)},
        prepare=awaiting_step4,
        models=("submissions.Submission", "submissions.SignOff"),
    ),
    Endpoint(
        "send-back",
        "executive_a",
        lambda w: step_url("send-back", 4),
        lambda w: {"comment": text("แก้ไขข้อ ๓", 2000)},
        prepare=awaiting_step4,
        models=("submissions.Submission", "submissions.SubmissionEvent"),
    ),
    Endpoint(
        "evidence-upload",
        "coordinator_a",
        lambda w: step_url("evidence-upload", 3),
        lambda w: {
            "file": Field("file", PDF),
            "description": text("คำสั่ง", 300),
            "next": Field("text", ""),
        },
        models=("submissions.EvidenceFile",),
    ),
    Endpoint(
        "evidence-upload-executive",
        "executive_a",
        lambda w: step_url("evidence-upload", 4),
        lambda w: {"file": Field("file", PDF), "description": text("ฉบับลงนาม", 300)},
        prepare=awaiting_step4,
        models=("submissions.EvidenceFile",),
    ),
    Endpoint(
        "evidence-delete",
        "coordinator_a",
        lambda w: url("submissions:evidence-delete", A, w.evidence.pk),
        prepare=with_evidence,
        models=("submissions.EvidenceFile",),
    ),
    # The central group: review, findings, publishing
    Endpoint(
        "review-accept",
        "central",
        lambda w: url("submissions:accept", w.submission.pk),
        prepare=submitted_step1,
        models=("submissions.Submission",),
    ),
    Endpoint(
        "review-return",
        "central",
        lambda w: url("submissions:return", w.submission.pk),
        lambda w: {
            "comment": text("แก้ไขรายชื่อ", 4000),
            "correction_due": Field(
                "date", (timezone.localdate() + dt.timedelta(days=7)).isoformat()
            ),
        },
        prepare=submitted_step1,
        models=("submissions.Submission", "submissions.SubmissionEvent"),
    ),
    Endpoint(
        "review-comment",
        "central",
        lambda w: url("submissions:comment", w.submission.pk),
        lambda w: {
            "section": Field("choice", "members", choices=("members", "roster")),
            "item": text("1", 100),
            "text": text("ตรวจสอบเบอร์โทร", 4000),
        },
        prepare=submitted_step1,
        models=("submissions.ReviewComment",),
    ),
    Endpoint(
        "finding-create",
        "evaluator",
        lambda w: url("scoring:finding-create", A, query="?year=2568"),
        lambda w: {
            "step": Field("choice", "3", choices=("3", "4")),
            "kind": Field(
                "choice", "not_unit_wide", choices=("not_unit_wide", "not_as_prescribed")
            ),
            "note": text("ไม่เป็นภาพรวม", 2000),
        },
        prepare=submitted_step3,
        models=("submissions.Finding",),
    ),
    Endpoint(
        "finding-create-central",
        "central",
        lambda w: url("scoring:finding-create", A, query="?year=2568"),
        lambda w: {
            "step": Field("choice", "3", choices=("3", "4")),
            "kind": Field(
                "choice", "not_as_prescribed", choices=("not_unit_wide", "not_as_prescribed")
            ),
            "note": text("ไม่ส่งตามช่องทาง", 2000),
        },
        prepare=submitted_step3,
        models=("submissions.Finding",),
    ),
    Endpoint(
        "finding-withdraw",
        "evaluator",
        lambda w: url("scoring:finding-withdraw", A, w.finding.pk),
        lambda w: {"note": text("ตรวจสอบใหม่แล้ว", 2000)},
        prepare=with_finding,
        models=("submissions.Finding",),
    ),
    Endpoint(
        "publish",
        "central",
        lambda w: url("scoring:publish", query="?year=2568"),
        lambda w: {"kind": Field("choice", "2", choices=("1", "2"))},
        models=("scoring.ScoreRecord",),
    ),
    # Everyone: logging in, choosing the language
    Endpoint(
        "login",
        "anonymous",
        lambda w: reverse("login"),
        lambda w: {
            "username": text("coord.a", 150),
            "password": Field("text", "pw-for-tests", max_length=1024),
        },
    ),
    Endpoint(
        "set-language",
        "coordinator_a",
        lambda w: reverse("set_language"),
        lambda w: {
            "language": Field("choice", "th", choices=("th", "en")),
            "next": Field("text", "/"),
        },
    ),
]
