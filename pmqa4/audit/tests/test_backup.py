"""backup and restore: one archive, a faithful round trip, and refusals that touch nothing."""

import hashlib
import io
import json
import shutil
import stat
import tarfile

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.test import override_settings

from pmqa4.audit.archive import backed_up_models
from pmqa4.core.testing.factories import SubmissionFactory
from pmqa4.org.models import Unit, User
from pmqa4.submissions.evidence import evidence_add
from pmqa4.submissions.models import EvidenceFile, State, Submission

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture
def media(tmp_path):
    root = tmp_path / "media"
    root.mkdir()
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, MEDIA_ROOT=str(root)):
        yield root


def _natural(model, pk):
    if pk is None:
        return None
    obj = model._base_manager.get(pk=pk)
    return obj.natural_key()


def table_rows() -> dict[str, list]:
    """Every row of every backed-up table (m2m tables too, without their own row ids, which
    nothing refers to); content types and permissions by natural key, since their ids belong to
    the database, not to the data."""
    rows = {}
    for model in backed_up_models(include_auto_created=True):
        fields = [
            f
            for f in model._meta.concrete_fields
            if not (model._meta.auto_created and f.primary_key)
        ]
        values = []
        for row in model._base_manager.values_list(*(f.attname for f in fields)):
            values.append(
                tuple(
                    _natural(f.related_model, v)
                    if f.is_relation and f.related_model in (ContentType, Permission)
                    else v
                    for f, v in zip(fields, row, strict=True)
                )
            )
        rows[model._meta.label_lower] = sorted(values, key=repr)
    return rows


def file_hashes(root) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _upload(submission, content, name, user):
    return evidence_add(
        submission=submission, upload=ContentFile(content, name=name), description="", actor=user
    )


@pytest.mark.django_db(transaction=True)
def test_the_demo_with_evidence_survives_backup_wipe_and_restore(media, tmp_path):
    call_command("seed_demo", "--quiet")
    submission = Submission.objects.filter(state=State.DRAFT).select_related("unit").first()
    coordinator = User.objects.get(username="central")
    with set_actor(coordinator):
        _upload(submission, PDF, "หนังสือเวียน.pdf", coordinator)
        _upload(submission, PNG, "ภาพประชุม.png", coordinator)
        unit = Unit.objects.get(code="OPS-SPD")
        unit.short_name = "ทดสอบสำรองข้อมูล"
        unit.save()
    assert EvidenceFile.objects.count() >= 2
    assert LogEntry.objects.get_for_object(unit).count() == 1
    rows, files = table_rows(), file_hashes(media)
    assert len(files) >= 2 and sum(len(r) for r in rows.values()) > 1000

    archive = tmp_path / "backup.tar.gz"
    out = io.StringIO()
    call_command("backup", "--out", str(archive), stdout=out)
    assert "สำรองข้อมูลแล้ว" in out.getvalue()
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600

    # Wipe: every table emptied (content types come back with new ids), every file gone.
    call_command("flush", interactive=False, verbosity=0)
    ContentType.objects.clear_cache()
    shutil.rmtree(media)
    media.mkdir()
    assert not Unit.objects.exists()

    out = io.StringIO()
    call_command("restore", str(archive), "--yes", stdout=out)
    ContentType.objects.clear_cache()
    assert "กู้คืนแล้ว" in out.getvalue()
    assert table_rows() == rows
    assert file_hashes(media) == files
    evidence = EvidenceFile.objects.get(original_name="หนังสือเวียน.pdf")
    assert evidence.file.read() == PDF
    entry = LogEntry.objects.get_for_object(Unit.objects.get(code="OPS-SPD")).get()
    assert entry.changes["short_name"][1] == "ทดสอบสำรองข้อมูล"


# The refusals below use a small database in the test's own transaction.


@pytest.fixture
def backed_up(media, tmp_path, cast, cycle):
    submission = SubmissionFactory(unit=cast.unit_a, step=cycle.steps.get(number=1))
    _upload(submission, PDF, "a.pdf", cast.coordinator_a)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", "--out", str(archive), stdout=io.StringIO())
    return archive


def test_the_manifest_lists_schema_counts_and_every_files_hash(backed_up, media, cast):
    with tarfile.open(backed_up) as archive:
        names = archive.getnames()
        manifest = json.load(archive.extractfile("manifest.json"))
        dump = archive.extractfile("database.json").read()
    assert set(names) == {
        "database.json",
        "manifest.json",
        *(f"media/{n}" for n in manifest["files"]),
    }
    assert manifest["created_at"] and manifest["django_version"].startswith("5.2")
    assert manifest["app_version"] == "0.1.0"
    assert "0001_initial" in manifest["migrations"]["privacy"]
    assert manifest["row_counts"]["org.unit"] == Unit.objects.count()
    assert manifest["row_counts"]["submissions.evidencefile"] == 1
    assert "contenttypes.contenttype" not in manifest["row_counts"]
    assert "sessions.session" not in manifest["row_counts"]
    [(name, entry)] = manifest["files"].items()
    assert entry == {"sha256": hashlib.sha256(PDF).hexdigest(), "size": len(PDF)}
    assert EvidenceFile.objects.get().file.name == name
    assert manifest["database"]["sha256"] == hashlib.sha256(dump).hexdigest()
    assert manifest["missing_files"] == []
    # natural keys: the audit trail's content types travel as names, not ids
    assert b'"content_type": ["org", "unit"]' in dump or b'"content_type":["org","unit"]' in dump


def _rebuild(source, target, change):
    """Copy an archive, letting ``change(name, data)`` return new bytes (or None to drop)."""
    with tarfile.open(source) as old, tarfile.open(target, "w:gz") as new:
        for info in old.getmembers():
            data = change(info.name, old.extractfile(info).read())
            if data is None:
                continue
            info.size = len(data)
            new.addfile(info, io.BytesIO(data))
    return target


def _state():
    return (Unit.objects.count(), list(Unit.objects.values_list("code", "name_th")))


def _refused(archive, message):
    before = _state()
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(archive), "--yes", stdout=io.StringIO())
    assert _state() == before


def test_a_truncated_archive_is_refused_and_nothing_changes(backed_up, tmp_path, cast):
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(backed_up.read_bytes()[:-200])
    Unit.objects.filter(pk=cast.unit_a.pk).update(name_th="ชื่อหลังสำรอง")
    _refused(broken, "ไฟล์สำรองเสียหาย")
    assert Unit.objects.get(pk=cast.unit_a.pk).name_th == "ชื่อหลังสำรอง"


def test_a_file_whose_hash_differs_is_refused(backed_up, tmp_path, media):
    files_before = file_hashes(media)
    tampered = _rebuild(
        backed_up,
        tmp_path / "t.tar.gz",
        lambda name, data: data + b"x" if name.startswith("media/") else data,
    )
    _refused(tampered, "SHA-256")
    assert file_hashes(media) == files_before


def test_an_archive_of_another_schema_is_refused(backed_up, tmp_path):
    def older(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["migrations"]["privacy"] = ["0000_older"]
        return json.dumps(manifest).encode()

    _refused(_rebuild(backed_up, tmp_path / "old.tar.gz", older), "migrations")


@pytest.mark.parametrize(
    "member", ["../escaped.txt", "media/../../escaped.txt", "/tmp/escaped.txt", "media/a/../../x"]
)
def test_path_traversal_members_are_refused_before_anything_is_written(
    backed_up, tmp_path, media, member
):
    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(backed_up) as old, tarfile.open(evil, "w:gz") as new:
        for info in old.getmembers():
            new.addfile(info, old.extractfile(info))
        info = tarfile.TarInfo(member)
        info.size = 4
        new.addfile(info, io.BytesIO(b"evil"))
    _refused(evil, "ไม่ปลอดภัย")
    assert not (tmp_path / "escaped.txt").exists()
    assert not any(p.name == "escaped.txt" for p in tmp_path.rglob("*"))


def test_a_link_member_is_refused(backed_up, tmp_path):
    evil = tmp_path / "link.tar.gz"
    with tarfile.open(backed_up) as old, tarfile.open(evil, "w:gz") as new:
        for info in old.getmembers():
            new.addfile(info, old.extractfile(info))
        link = tarfile.TarInfo("media/evidence/link.pdf")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        new.addfile(link)
    _refused(evil, "ไม่ใช่ไฟล์ธรรมดา")


def test_a_count_that_does_not_match_rolls_the_whole_restore_back(backed_up, tmp_path, cast):
    def wrong_count(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["row_counts"]["org.unit"] += 1
        return json.dumps(manifest).encode()

    Unit.objects.filter(pk=cast.unit_b.pk).update(name_th="เปลี่ยนหลังสำรอง")
    _refused(_rebuild(backed_up, tmp_path / "w.tar.gz", wrong_count), "จำนวนแถวหลังกู้คืนไม่ตรง")
    assert Unit.objects.get(pk=cast.unit_b.pk).name_th == "เปลี่ยนหลังสำรอง"


def test_without_yes_a_restore_that_nobody_confirms_is_refused(backed_up, cast, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    Unit.objects.filter(pk=cast.unit_a.pk).update(name_th="ยังอยู่")
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(backed_up), stdout=io.StringIO())
    assert Unit.objects.get(pk=cast.unit_a.pk).name_th == "ยังอยู่"


def test_a_restore_into_the_same_database_brings_back_the_backed_up_rows(backed_up, cast, media):
    rows = table_rows()
    Unit.objects.filter(pk=cast.unit_a.pk).update(name_th="แก้หลังสำรอง")
    EvidenceFile.objects.get().file.delete(save=False)
    call_command("restore", str(backed_up), "--yes", stdout=io.StringIO())
    assert Unit.objects.get(pk=cast.unit_a.pk).name_th == "กองทดสอบเอ"
    assert table_rows() == rows
    assert default_storage.open(EvidenceFile.objects.get().file.name).read() == PDF


def test_every_app_model_is_in_the_backup():
    labels = {m._meta.label_lower for m in backed_up_models()}
    project = {
        m._meta.label_lower
        for m in apps.get_models()
        if m.__module__.startswith("pmqa4.") and not m._meta.proxy
    }
    assert project <= labels
    assert {"auditlog.logentry", "org.user", "privacy.accesslog"} <= labels
