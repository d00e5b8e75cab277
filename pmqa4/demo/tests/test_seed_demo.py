import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from pmqa4.core.fiscal import BANGKOK
from pmqa4.demo.people import DEMO_PASSWORD
from pmqa4.org.models import Unit, UnitKind
from pmqa4.plans.models import Activity, Kpi, PlanItem
from pmqa4.scoring.models import ScoreKind, ScoreRecord
from pmqa4.submissions.models import EventKind, SignOff, Submission, SubmissionEvent
from pmqa4.teams.models import Attendance, Meeting

pytestmark = pytest.mark.django_db

VOLATILE = {"created_at", "updated_at", "last_login", "date_joined", "password", "checkin_token"}


@pytest.fixture
def demo():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def snapshot():
    """Every row of every project table, without the fields that record when it was written."""
    rows = {}
    for model in apps.get_models():
        if not model.__module__.startswith("pmqa4."):
            continue
        fields = [f.attname for f in model._meta.concrete_fields if f.attname not in VOLATILE]
        rows[model._meta.label] = sorted(model.objects.values_list(*fields), key=repr)
    return rows


def test_seed_demo_twice_gives_the_same_rows(demo):
    first = snapshot()
    call_command("seed_demo", "--quiet")
    assert snapshot() == first


def test_fy2568_is_published_once_with_the_examples_scores(demo):
    records = ScoreRecord.objects.filter(cycle__fiscal_year=2568)
    taking_part = Unit.objects.filter(takes_part=True).count()
    assert records.filter(kind=ScoreKind.ROUND1).count() == taking_part
    assert records.filter(kind=ScoreKind.YEAR).count() == taking_part
    year = {r.unit.code: r for r in records.filter(kind=ScoreKind.YEAR).select_related("unit")}
    assert (year["OPS-SPD"].round1, year["OPS-SPD"].year) == (Decimal("3.00"), Decimal("5.00"))
    assert (year["OPS-ICT"].round1, year["OPS-ICT"].year) == (Decimal("1.45"), Decimal("2.95"))
    assert year["OPS-SPD"].published_at == dt.datetime(2025, 10, 20, 10, tzinfo=BANGKOK)
    assert not ScoreRecord.objects.filter(cycle__fiscal_year=2570).exists()


def test_a_version_is_what_the_unit_stored_when_it_was_sent(demo):
    submission = Submission.objects.get(
        unit__code="OPS-SPD", step__cycle__fiscal_year=2568, step__number=3
    )
    version = submission.versions.order_by("number").first()
    assert version.created_at == submission.first_submitted_at
    activity = version.snapshot["form2"][0]
    assert activity["label"] == "1.1" and activity["months"] and activity["steps"]
    roster = Submission.objects.get(
        unit__code="OPS-SPD", step__cycle__fiscal_year=2568, step__number=1
    )
    members = roster.versions.get(number=1).snapshot["members"]
    assert all(m["full_name"] and m["team_role"] for m in members)


def test_the_demo_has_the_ministry_the_central_units_and_76_provincial_offices(demo):
    assert Unit.objects.filter(kind=UnitKind.PROVINCIAL_OFFICE).count() == 76
    assert not Unit.objects.filter(province__code="BKK").exists()
    central = Unit.objects.get(code="OPS-ASD")
    assert central.name_th == "กลุ่มพัฒนาระบบบริหาร" and not central.takes_part
    assert Unit.objects.get(code="PLO-CNX").name_th == "สำนักงานแรงงานจังหวัดเชียงใหม่"


def test_the_command_prints_every_login_with_the_password(demo):
    assert DEMO_PASSWORD in demo
    for username in ("central", "evaluator", "staff", "spd.coord", "spd.exec", "cnx.coord"):
        assert username in demo


def test_seed_demo_refuses_where_demo_data_is_not_allowed():
    with override_settings(DEMO_DATA_ALLOWED=False), pytest.raises(CommandError):
        call_command("seed_demo")
    assert not Unit.objects.exists()


def test_the_demo_adds_nothing_to_the_audit_trail(demo):
    from auditlog.models import LogEntry

    assert LogEntry.objects.count() == 0


def _submitted_at(code, step):
    return Submission.objects.get(unit__code=code, step__cycle__fiscal_year=2568, step__number=step)


def _attended(code):
    return (
        Attendance.objects.filter(
            member__roster__unit__code=code,
            meeting__cycle__fiscal_year=2568,
            meeting__required=True,
        )
        .values("meeting")
        .distinct()
        .count()
    )


def _dimensions(model, code, path):
    return sorted(
        set(
            model.objects.filter(
                **{f"{path}__unit__code": code, f"{path}__cycle__fiscal_year": 2568}
            ).values_list("dimension__number", flat=True)
        )
    )


def _kpis(code):
    return {
        k.code: (k.sheet.target, k.actuals.get().value if k.actuals.exists() else None)
        for k in Kpi.objects.filter(unit__code=code, cycle__fiscal_year=2568)
    }


def test_example_a_is_stored_with_the_facts_of_scoring_md(demo):
    assert Meeting.objects.filter(cycle__fiscal_year=2568, required=True).count() == 10
    roster = _submitted_at("OPS-SPD", 1)
    assert roster.first_submitted_at == dt.datetime(2024, 11, 25, 9, 30, tzinfo=BANGKOK)
    assert _attended("OPS-SPD") == 9
    plans = _submitted_at("OPS-SPD", 3)
    assert plans.first_submitted_at == dt.datetime(2025, 1, 30, 15, tzinfo=BANGKOK)
    assert SignOff.objects.filter(submission=plans).exists()
    assert _dimensions(PlanItem, "OPS-SPD", "plan") == [1, 2, 3]
    assert _dimensions(Activity, "OPS-SPD", "action_plan") == [1, 2, 3]
    assert _kpis("OPS-SPD") == {
        "K1": (Decimal("80"), Decimal("80")),
        "K2": (Decimal("25"), Decimal("23")),
        "K3": (Decimal("20"), Decimal("17")),
        "K4": (Decimal("10"), Decimal("13")),
    }
    assert not PlanItem.objects.filter(plan__unit__code="OPS-SPD", kpis__code="K3").exists()
    report = _submitted_at("OPS-SPD", 4)
    assert report.first_submitted_at == dt.datetime(2025, 9, 22, 11, tzinfo=BANGKOK)
    assert (
        Activity.objects.filter(action_plan__unit__code="OPS-SPD", report__isnull=False).count()
        == 3
    )


def test_example_b_is_stored_with_the_facts_of_scoring_md(demo):
    roster = _submitted_at("OPS-ICT", 1)
    assert roster.first_submitted_at == dt.datetime(2024, 11, 30, 9, tzinfo=BANGKOK)
    assert _attended("OPS-ICT") == 8
    assert _dimensions(PlanItem, "OPS-ICT", "plan") == [1, 2, 3]
    assert _dimensions(Activity, "OPS-ICT", "action_plan") == [1, 3]
    kpis = _kpis("OPS-ICT")
    assert kpis["K5"] == (Decimal("100"), Decimal("70"))
    assert len(kpis) == 5


def test_the_returned_unit_has_its_return_and_correction_due_date(demo):
    events = SubmissionEvent.objects.filter(
        submission__unit__code="OPS-FIN", submission__step__number=3
    ).values_list("kind", flat=True)
    assert list(events).count(EventKind.RETURNED) == 1
    assert EventKind.RESUBMITTED in events
    returned = SubmissionEvent.objects.get(
        submission__unit__code="OPS-LEG", kind=EventKind.RETURNED
    )
    assert returned.correction_due == dt.date(2025, 2, 14)
    assert _submitted_at("OPS-LEG", 3).state == "returned"


def test_the_demo_has_units_in_every_state_the_dashboard_shows(demo):
    states = set(
        Submission.objects.filter(step__cycle__fiscal_year=2568).values_list("state", flat=True)
    )
    assert {
        "draft",
        "awaiting_sign_off",
        "submitted",
        "returned",
        "resubmitted",
        "accepted",
    } <= states
    assert not Submission.objects.filter(unit__code="PLO-SKA").exists()


@pytest.mark.parametrize(
    ("username", "lands_on"),
    [
        ("central", "/central/"),
        ("evaluator", "/central/"),
        ("ministry", "/central/"),
        ("spd.coord", "/units/OPS-SPD/"),
        ("spd.exec", "/units/OPS-SPD/"),
        ("cnx.coord", "/units/PLO-CNX/"),
        ("staff", "/cycles/"),
    ],
)
def test_every_demo_login_lands_on_its_roles_page(client, demo, username, lands_on):
    response = client.post(
        reverse("login"), {"username": username, "password": DEMO_PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == lands_on
    assert response.status_code == 200


def test_list_units_prints_code_kind_and_name_one_unit_a_line(demo):
    out = StringIO()
    call_command("list_units", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == Unit.objects.count() == 89
    assert "PLO-CNX\tสำนักงานแรงงานจังหวัด\tสำนักงานแรงงานจังหวัดเชียงใหม่" in lines
    assert "OPS-ASD\tกลุ่ม\tกลุ่มพัฒนาระบบบริหาร" in lines


def test_fy2570_has_announcements_questions_an_faq_and_an_extension(demo, client):
    from pmqa4.cycles.models import StepExtension
    from pmqa4.notices.models import Announcement, Faq, Thread

    assert Announcement.objects.filter(pinned=True).count() == 1
    provincial_only = Announcement.objects.get(to_all_units=False)
    assert list(provincial_only.audiences.values_list("kind", flat=True)) == ["provincial"]
    waiting, answered = Thread.objects.order_by("-awaiting_answer", "id")
    assert waiting.awaiting_answer and waiting.posts.count() == 1
    assert not answered.awaiting_answer and answered.posts.filter(is_answer=True).exists()
    assert answered.created_at == dt.datetime(2026, 11, 19, 10, 20, tzinfo=BANGKOK)
    assert Faq.objects.filter(thread=answered).exists() and Faq.objects.count() == 2
    extension = StepExtension.objects.get()
    assert (extension.unit.code, extension.step.cycle.fiscal_year) == ("PLO-CRI", 2570)
    # a central unit's coordinator does not see the provincial offices' announcement
    client.force_login(Unit.objects.get(code="OPS-SPD").role_grants.get(role="coordinator").user)
    page = client.get(reverse("notices:announcements")).content.decode()
    assert "กำหนดการขับเคลื่อน PMQA 4.0" in page and provincial_only.title not in page
