"""The central group's ZIP of every unit's forms: built by the task with its progress, a failing
document recorded without stopping the others, the page, its polling and the download."""

import datetime as dt
import io
import re
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from pmqa4.core.testing.factories import UnitFactory
from pmqa4.documents import service, tasks
from pmqa4.documents.models import BundleStatus, DocumentBundle

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def immediate(settings):
    settings.TASKS = IMMEDIATE


def _zip(bundle: DocumentBundle) -> zipfile.ZipFile:
    with default_storage.open(bundle.file.name, "rb") as stored:
        return zipfile.ZipFile(io.BytesIO(stored.read()))


def test_the_task_builds_one_folder_per_unit_with_its_forms(cast, cycle, immediate):
    UnitFactory(code="OPS-OLD", is_active=False, closed_on=dt.date(2024, 1, 1))
    bundle = tasks.request_bundle(
        user=cast.central, cycle=cycle, step="3", fmt="docx", numerals="thai"
    )
    bundle.refresh_from_db()
    assert bundle.status == BundleStatus.DONE
    assert (bundle.done, bundle.total, bundle.failures) == (6, 6, [])
    assert bundle.started_at <= bundle.finished_at
    names = sorted(_zip(bundle).namelist())
    # Units taking part and active only: not the central group (OPS-ASD), not a closed unit.
    assert names == [
        f"{code}/{code}_2568_form{n}.docx" for code in ("OPS-AAA", "OPS-BBB") for n in (1, 2, 3)
    ]
    archive = _zip(bundle)
    assert archive.read("OPS-AAA/OPS-AAA_2568_form1.docx").startswith(b"PK")
    assert bundle.filename == "2568_step3_docx.zip"


@pytest.mark.parametrize(
    ("step", "fmt", "files"),
    [
        ("1", "xlsx", ["OPS-AAA/OPS-AAA_2568_roster.xlsx", "OPS-BBB/OPS-BBB_2568_roster.xlsx"]),
        ("4", "pdf", ["OPS-AAA/OPS-AAA_2568_form4.pdf", "OPS-BBB/OPS-BBB_2568_form4.pdf"]),
        ("score", "pdf", ["OPS-AAA/OPS-AAA_2568_score.pdf", "OPS-BBB/OPS-BBB_2568_score.pdf"]),
    ],
)
def test_each_step_gathers_its_own_documents(cast, cycle, immediate, step, fmt, files):
    bundle = tasks.request_bundle(
        user=cast.central, cycle=cycle, step=step, fmt=fmt, numerals="thai"
    )
    bundle.refresh_from_db()
    assert bundle.status == BundleStatus.DONE
    assert sorted(_zip(bundle).namelist()) == files


def test_progress_is_counted_document_by_document(cast, cycle, immediate, monkeypatch):
    seen = []
    render = service.render_document

    def watching(unit, cycle, kind, fmt, numerals):
        row = DocumentBundle.objects.get()
        seen.append((row.status, row.done, row.total))
        return render(unit, cycle, kind, fmt, numerals)

    monkeypatch.setattr(service, "render_document", watching)
    tasks.request_bundle(user=cast.central, cycle=cycle, step="3", fmt="docx", numerals="thai")
    assert seen == [("running", n, 6) for n in range(6)]
    assert DocumentBundle.objects.get().done == 6


def test_a_failing_unit_is_recorded_and_the_others_go_on(cast, cycle, immediate, monkeypatch):
    render = service.render_document

    def failing(unit, cycle, kind, fmt, numerals):
        if unit.code == "OPS-BBB" and kind == "2":
            raise RuntimeError("แม่แบบเสียหาย")
        return render(unit, cycle, kind, fmt, numerals)

    monkeypatch.setattr(service, "render_document", failing)
    bundle = tasks.request_bundle(
        user=cast.central, cycle=cycle, step="3", fmt="docx", numerals="arabic"
    )
    bundle.refresh_from_db()
    assert bundle.status == BundleStatus.DONE and bundle.done == bundle.total == 6
    assert bundle.failures == [
        {
            "unit": "OPS-BBB",
            "name": "กองทดสอบบี",
            "kind": "2",
            "document": "แบบฟอร์ม ๒ แผนปฏิบัติการประจำปี",
            "message": "แม่แบบเสียหาย",
        }
    ]
    names = _zip(bundle).namelist()
    assert "OPS-BBB/OPS-BBB_2568_form2.docx" not in names
    assert "OPS-BBB/OPS-BBB_2568_form3.docx" in names and len(names) == 5


def test_a_bundle_is_built_once(cast, cycle, immediate):
    bundle = tasks.request_bundle(
        user=cast.central, cycle=cycle, step="1", fmt="docx", numerals="thai"
    )
    assert tasks.run_bundle(bundle.pk) is None  # done already: nothing is rebuilt
    assert tasks.build_bundle.call(bundle.pk) == "skipped"


@pytest.mark.parametrize(
    ("step", "fmt", "message"),
    [("4", "xlsx", "ไม่มีรูปแบบ Excel"), ("score", "xlsx", "ไม่มีรูปแบบ Excel"), ("2", "pdf", "ไม่มีชุด")],
)
def test_a_bundle_without_documents_is_refused(cast, cycle, step, fmt, message):
    with pytest.raises(ValueError, match=message):
        tasks.request_bundle(user=cast.central, cycle=cycle, step=step, fmt=fmt, numerals="thai")
    assert not DocumentBundle.objects.exists()


@pytest.fixture
def database_queue(settings, monkeypatch):
    """The production backend; its worker runs in the test's own transaction, so it must not
    close the connection between tasks as a long-running worker does."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )


def test_the_database_queue_holds_the_task_until_the_worker_runs_it(cast, cycle, database_queue):
    """As in production: the request only queues; `db_worker` builds the bundle."""
    bundle = tasks.request_bundle(
        user=cast.central, cycle=cycle, step="1", fmt="docx", numerals="thai"
    )
    bundle.refresh_from_db()
    assert bundle.status == BundleStatus.QUEUED
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())
    bundle.refresh_from_db()
    assert bundle.status == BundleStatus.DONE and bundle.done == 2


def test_a_bundle_whose_worker_died_goes_back_to_the_queue(cast, cycle, database_queue):
    stalled = DocumentBundle.objects.create(
        requested_by=cast.central,
        cycle=cycle,
        step="1",
        fmt="docx",
        status=BundleStatus.RUNNING,
        done=1,
        total=2,
        progressed_at=timezone.now() - dt.timedelta(minutes=6),
    )
    moving = DocumentBundle.objects.create(
        requested_by=cast.central,
        cycle=cycle,
        step="1",
        fmt="pdf",
        status=BundleStatus.RUNNING,
        progressed_at=timezone.now(),
    )
    assert tasks.requeue_stalled() == 1
    stalled.refresh_from_db()
    moving.refresh_from_db()
    assert (stalled.status, stalled.done) == (BundleStatus.QUEUED, 0)
    assert moving.status == BundleStatus.RUNNING
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())
    stalled.refresh_from_db()
    assert stalled.status == BundleStatus.DONE


# The page -----------------------------------------------------------------------------------


def page_url(year=2568):
    return reverse("downloads:bundles", args=[year])


@pytest.mark.parametrize(
    ("who", "status"),
    [("central", 200), ("evaluator", 403), ("coordinator_a", 403), ("staff_a", 403)],
)
def test_the_page_is_the_central_administrators(client, cast, cycle, who, status):
    client.force_login(getattr(cast, who))
    assert client.get(page_url()).status_code == status


def test_the_page_queues_a_bundle_and_shows_its_progress(client, cast, cycle, immediate):
    client.force_login(cast.central)
    response = client.post(page_url(), {"step": "3", "fmt": "docx", "numerals": "thai"})
    assert response.status_code == 302 and response["Location"] == page_url()
    bundle = DocumentBundle.objects.get()
    assert (bundle.requested_by, bundle.step, bundle.fmt) == (cast.central, "3", "docx")
    html = client.get(page_url()).content.decode()
    assert reverse("downloads:bundle-download", args=[bundle.pk]) in html
    assert 'aria-valuenow="100"' in html and "สร้างแล้ว 6 จาก 6 ไฟล์" in html
    assert 'hx-trigger="every 1s"' not in html  # done: nothing polls


def test_a_running_bundle_polls_every_second(client, cast, cycle):
    bundle = DocumentBundle.objects.create(
        requested_by=cast.central, cycle=cycle, step="3", fmt="pdf", status="running", total=8
    )
    DocumentBundle.objects.filter(pk=bundle.pk).update(done=2)
    client.force_login(cast.central)
    progress = reverse("downloads:bundle-progress", args=[bundle.pk])
    html = client.get(progress).content.decode()
    assert f'hx-get="{progress}" hx-trigger="every 1s"' in html
    assert 'aria-valuenow="25"' in html and "bundle-pct-25" in html
    assert "สร้างแล้ว 2 จาก 8 ไฟล์" in html
    assert "<html" not in html  # just the row
    assert "downloads/bundle-download" not in html


def test_the_page_refuses_a_format_the_step_lacks(client, cast, cycle):
    client.force_login(cast.central)
    response = client.post(page_url(), {"step": "4", "fmt": "xlsx", "numerals": "thai"})
    assert response.status_code == 400
    assert "ไม่มีรูปแบบ Excel" in response.content.decode()
    assert not DocumentBundle.objects.exists()


def test_the_pages_queries_do_not_grow_with_the_bundles(
    client, cast, cycle, django_assert_num_queries
):
    def add(n):
        for _ in range(n):
            DocumentBundle.objects.create(
                requested_by=cast.central, cycle=cycle, step="1", fmt="pdf", status="done"
            )

    client.force_login(cast.central)
    add(1)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        assert client.get(page_url()).status_code == 200
    add(9)
    with django_assert_num_queries(len(one.captured_queries)):
        html = client.get(page_url()).content.decode()
    assert len(re.findall(r'id="bundle-\d+"', html)) == 10


# The download --------------------------------------------------------------------------------


@pytest.fixture
def done_bundle(cast, cycle, immediate):
    bundle = tasks.request_bundle(
        user=cast.central, cycle=cycle, step="1", fmt="docx", numerals="thai"
    )
    bundle.refresh_from_db()
    return bundle


@pytest.mark.parametrize(
    ("who", "status"),
    [("central", 200), ("evaluator", 403), ("coordinator_a", 403), ("executive_a", 403)],
)
def test_the_zip_is_the_central_administrators(client, cast, done_bundle, who, status):
    client.force_login(getattr(cast, who))
    response = client.get(reverse("downloads:bundle-download", args=[done_bundle.pk]))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "application/zip"
        assert response["Content-Disposition"] == 'attachment; filename="2568_step1_docx.zip"'
        archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
        assert sorted(archive.namelist()) == [
            "OPS-AAA/OPS-AAA_2568_roster.docx",
            "OPS-BBB/OPS-BBB_2568_roster.docx",
        ]


def test_an_anonymous_visitor_goes_to_the_login(client, done_bundle):
    response = client.get(reverse("downloads:bundle-download", args=[done_bundle.pk]))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_an_unfinished_bundle_has_nothing_to_download(client, cast, cycle):
    bundle = DocumentBundle.objects.create(
        requested_by=cast.central, cycle=cycle, step="1", fmt="pdf"
    )
    client.force_login(cast.central)
    assert client.get(reverse("downloads:bundle-download", args=[bundle.pk])).status_code == 404


def test_the_dashboard_links_the_page_for_the_central_administrator(client, cast, cycle):
    client.force_login(cast.central)
    assert page_url() in client.get(reverse("dashboard:overview")).content.decode()
    client.force_login(cast.evaluator)
    assert page_url() not in client.get(reverse("dashboard:overview")).content.decode()


def test_the_menu_leads_the_central_administrator_to_the_years_page(client, cast, cycle):
    client.force_login(cast.central)
    html = client.get(reverse("dashboard:overview")).content.decode()
    assert f'href="{reverse("downloads:bundles-current")}"' in html
    response = client.get(reverse("downloads:bundles-current") + "?year=2568")
    assert response.status_code == 302 and response["Location"] == page_url()
    client.force_login(cast.evaluator)
    assert client.get(reverse("downloads:bundles-current")).status_code == 403
