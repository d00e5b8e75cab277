"""The migrations: they match the models, build the schema from nothing, and upgrade a database
of the previous release without losing its rows."""

import datetime as dt
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# The previous release: the last migration of each app at commit 52a2dd6 ("Scoring in the
# application"), before the submission workflow. Apps not named here did not exist yet.
PREVIOUS_RELEASE = {
    "cycles": "0002_initial",
    "framework": "0002_reference_data",
    "org": "0002_provinces",
    "plans": "0001_initial",
    "reports": "0001_initial",
    "scoring": "0001_initial",
    "submissions": "0001_initial",
    "teams": "0001_initial",
}


def project_apps(executor) -> list[str]:
    """Our apps that have migrations (new apps included as they are added)."""
    return sorted(
        config.label
        for config in apps.get_app_configs()
        if config.name.startswith("pmqa4.") and config.label in executor.loader.migrated_apps
    )


def migrate(targets):
    """Migrate to ``targets`` and return a fresh executor (its loader sees what is applied)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db
def test_the_models_and_the_migrations_agree():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_the_schema_is_built_from_an_empty_database():
    executor = MigrationExecutor(connection)
    ours = project_apps(executor)
    leaves = latest()
    try:
        executor = migrate([(app, None) for app in ours])
        applied = {app for app, _ in executor.loader.applied_migrations}
        assert not applied & set(ours)
        tables = set(connection.introspection.table_names())
        left = [t for t in tables if t.split("_")[0] in ours]
        assert not left, f"tables left after migrating to zero: {left}"

        migrate(leaves)
    finally:
        migrate(latest())
    tables = set(connection.introspection.table_names())
    for app in ours:
        for model in apps.get_app_config(app).get_models():
            assert model._meta.db_table in tables, model
    from pmqa4.framework.models import Dimension
    from pmqa4.org.models import Province

    assert Dimension.objects.count() == 3  # the seed's reference data comes with the schema
    assert Province.objects.count() == 77


@pytest.mark.django_db(transaction=True)
def test_a_database_of_the_previous_release_upgrades_with_its_rows_intact():
    executor = MigrationExecutor(connection)
    ours = project_apps(executor)
    unknown = set(PREVIOUS_RELEASE) - set(ours)
    assert not unknown, f"apps of the previous release that are gone: {unknown}"
    targets = [(app, PREVIOUS_RELEASE.get(app)) for app in ours]
    try:
        executor = migrate(targets)
        applied = set(executor.loader.applied_migrations)
        assert ("submissions", "0001_initial") in applied
        assert ("submissions", "0002_sent_back_event") not in applied
        assert "submissions_reviewcomment" not in connection.introspection.table_names()
        old = executor.loader.project_state(list(PREVIOUS_RELEASE.items())).apps
        assert "reviewcomment" not in {m._meta.model_name for m in old.get_models()}
        rows = _previous_release_rows(old)
        migrate(latest())
    finally:
        migrate(latest())

    from pmqa4.submissions.models import ReviewComment, Submission, SubmissionEvent
    from pmqa4.teams.models import Meeting, TeamMember

    submission = Submission.objects.select_related("unit", "step__cycle").get(pk=rows["submission"])
    assert (submission.unit.code, submission.step.number) == ("UPG-001", 1)
    assert submission.step.cycle.fiscal_year == 2567
    assert submission.state == "submitted"
    event = SubmissionEvent.objects.get(submission=submission)
    assert (event.kind, event.actor.username) == ("submitted", "upgrade.coordinator")
    assert TeamMember.objects.get(pk=rows["member"]).full_name == "นางสาวก่อนหน้า อัปเกรด"
    meeting = Meeting.objects.get(pk=rows["meeting"])
    assert (meeting.title, meeting.version) == ("ประชุมชี้แจงปีก่อน", 1)  # a new field's default
    assert event.version.snapshot == {"roster": ["นางสาวก่อนหน้า อัปเกรด"]}
    assert not ReviewComment.objects.exists()
    ReviewComment.objects.create(  # the new table works with the old rows
        submission=submission,
        version=event.version,
        section="roster",
        text="ตรวจแล้ว",
        author=event.actor,
    )
    assert submission.comments.count() == 1


def _previous_release_rows(old) -> dict:
    """A unit's year as the previous release stored it, through that release's models."""

    def model(label):
        return old.get_model(*label.split("."))

    ministry = model("org.Ministry").objects.create(name_th="กระทรวงแรงงาน")
    department = model("org.Department").objects.create(ministry=ministry, name_th="สำนักงาน")
    unit = model("org.Unit").objects.create(
        department=department, code="UPG-001", name_th="กองก่อนอัปเกรด", kind="division"
    )
    user = model("org.User").objects.create(username="upgrade.coordinator", unit=unit)
    cycle = model("cycles.Cycle").objects.create(
        fiscal_year=2567,
        starts_on=dt.date(2023, 10, 1),
        ends_on=dt.date(2024, 9, 30),
        plan_first_year=2567,
    )
    step = model("cycles.Step").objects.create(cycle=cycle, number=1, due_on=dt.date(2023, 11, 30))
    roster = model("teams.Roster").objects.create(unit=unit, cycle=cycle)
    member = model("teams.TeamMember").objects.create(
        roster=roster, full_name="นางสาวก่อนหน้า อัปเกรด", position="นักวิเคราะห์"
    )
    start = dt.datetime(2023, 12, 20, 2, 30, tzinfo=dt.UTC)
    meeting = model("teams.Meeting").objects.create(
        cycle=cycle,
        title="ประชุมชี้แจงปีก่อน",
        held_on=start.date(),
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        checkin_token="upgrade-token",
    )
    at = dt.datetime(2023, 11, 28, 3, 0, tzinfo=dt.UTC)
    submission = model("submissions.Submission").objects.create(
        unit=unit, step=step, state="submitted", first_submitted_at=at, last_submitted_at=at
    )
    version = model("submissions.SubmissionVersion").objects.create(
        submission=submission, number=1, snapshot={"roster": [member.full_name]}, created_by=user
    )
    model("submissions.SubmissionEvent").objects.create(
        submission=submission, kind="submitted", at=at, actor=user, version=version
    )
    return {"submission": submission.pk, "member": member.pk, "meeting": meeting.pk}
