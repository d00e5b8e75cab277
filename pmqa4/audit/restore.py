"""Restoring a backup archive: check everything first, then replace the data in one transaction.

Nothing is touched until the whole archive has been read and checked: readable (gzip and tar
intact), only safe member names (no absolute paths, ``..``, links or devices: path traversal),
the same migrations as this code and database, and every part's SHA-256 equal to the
manifest's. The files are then written to the storage (a file already there with the same hash
is left alone) and the tables are emptied and loaded in one transaction that also checks every
table's row count; any failure rolls the database back to what it was.
"""

import hashlib
import json
import tarfile
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from auditlog.context import disable_auditlog
from django.apps import apps
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, DatabaseError, IntegrityError, connections, transaction

from .archive import (
    DATABASE,
    FORMAT,
    KEPT_TABLE_MODELS,
    MANIFEST,
    MEDIA,
    ArchiveError,
    migration_leaves,
    row_counts,
    safe_member_name,
    sha256_of,
    storage_files,
    unapplied_migrations,
)
from .serialization import load

DAMAGED = "ไฟล์สำรองเสียหายหรือไม่ใช่ไฟล์ที่คำสั่ง backup สร้าง ({detail}) ระบบไม่กู้คืนจากไฟล์นี้"


@dataclass
class Checked:
    """An archive unpacked into ``folder`` whose every part matched its manifest."""

    folder: Path
    manifest: dict
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def database(self) -> Path:
        return self.folder / DATABASE


def _members(archive: tarfile.TarFile) -> dict[str, tarfile.TarInfo]:
    members = {}
    for info in archive.getmembers():
        name = safe_member_name(info.name)
        if not info.isfile():
            raise ArchiveError(f"ไฟล์สำรองมีรายการที่ไม่ใช่ไฟล์ธรรมดา ({name!r}) ระบบไม่กู้คืนจากไฟล์นี้")
        if name in members:
            raise ArchiveError(f"ไฟล์สำรองมีไฟล์ชื่อซ้ำ ({name!r}) ระบบไม่กู้คืนจากไฟล์นี้")
        members[name] = info
    for required in (MANIFEST, DATABASE):
        if required not in members:
            raise ArchiveError(DAMAGED.format(detail=f"ไม่มี {required}"))
    return members


def _extract(archive, info, target: Path) -> tuple[str, int]:
    """Copy one member to ``target`` (a path we chose, never the member's name) and hash it."""
    source = archive.extractfile(info)
    target.parent.mkdir(parents=True, exist_ok=True)
    with source, open(target, "wb") as out:
        digest = _HashingWriter(out)
        while chunk := source.read(1024 * 1024):
            digest.write(chunk)
    return digest.hexdigest(), digest.size


class _HashingWriter:
    def __init__(self, out):
        self.out, self.digest, self.size = out, hashlib.sha256(), 0

    def write(self, chunk):
        self.out.write(chunk)
        self.digest.update(chunk)
        self.size += len(chunk)

    def hexdigest(self):
        return self.digest.hexdigest()


def _check_schema(manifest: dict, using: str) -> None:
    if manifest.get("format") != FORMAT or manifest.get("application") != "pmqa4":
        raise ArchiveError(DAMAGED.format(detail="รูปแบบ manifest ไม่รู้จัก"))
    unapplied = unapplied_migrations(using)
    if unapplied:
        raise ArchiveError(
            "ฐานข้อมูลปลายทางยังไม่ได้ migrate ครบ (" + ", ".join(unapplied) + ") กรุณารัน migrate ก่อน"
        )
    ours, theirs = migration_leaves(using), manifest.get("migrations")
    if ours != theirs:
        differing = sorted(
            label
            for label in set(ours) | set(theirs or {})
            if ours.get(label) != (theirs or {}).get(label)
        )
        details = "; ".join(
            f"{label}: ไฟล์สำรอง {(theirs or {}).get(label)} ระบบนี้ {ours.get(label)}"
            for label in differing
        )
        raise ArchiveError(
            "โครงสร้างฐานข้อมูล (migrations) ของไฟล์สำรองไม่ตรงกับระบบนี้ "
            f"({details}) กรุณากู้คืนด้วยรุ่นของโปรแกรมเดียวกับที่สำรองไว้"
        )


def check_archive(path: Path, folder: Path, *, using: str = DEFAULT_DB_ALIAS) -> Checked:
    """Unpack ``path`` into ``folder`` and check it against its manifest; ArchiveError if not."""
    try:
        with tarfile.open(path, mode="r:gz") as archive:
            members = _members(archive)
            try:
                manifest = json.loads(archive.extractfile(members[MANIFEST]).read())
            except (ValueError, UnicodeDecodeError):
                raise ArchiveError(DAMAGED.format(detail="manifest.json อ่านไม่ได้")) from None
            _check_schema(manifest, using)
            checked = Checked(folder=folder, manifest=manifest)
            digest, size = _extract(archive, members[DATABASE], checked.database)
            expected = manifest.get("database", {})
            if (digest, size) != (expected.get("sha256"), expected.get("size")):
                raise ArchiveError(DAMAGED.format(detail="database.json ไม่ตรงกับค่า SHA-256"))
            listed = manifest.get("files", {})
            present = {n[len(MEDIA) :] for n in members if n.startswith(MEDIA)}
            if present != set(listed):
                extra = sorted(present ^ set(listed))[:5]
                raise ArchiveError(DAMAGED.format(detail=f"รายชื่อไฟล์ไม่ตรงกับ manifest: {extra}"))
            for index, name in enumerate(sorted(listed)):
                target = folder / "media" / f"{index:08d}"
                digest, size = _extract(archive, members[MEDIA + name], target)
                if (digest, size) != (listed[name]["sha256"], listed[name]["size"]):
                    raise ArchiveError(DAMAGED.format(detail=f"ไฟล์ {name} ไม่ตรงกับค่า SHA-256"))
                checked.files[name] = target
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise ArchiveError(DAMAGED.format(detail=type(exc).__name__)) from None
    return checked


def _restore_files(checked: Checked, storage) -> int:
    written = 0
    for name, source in checked.files.items():
        expected = checked.manifest["files"][name]["sha256"]
        if storage.exists(name):
            with storage.open(name, "rb") as current:
                if sha256_of(current)[0] == expected:
                    continue
            storage.delete(name)
        with open(source, "rb") as handle:
            saved = storage.save(name, File(handle, name=name))
        if saved != name:
            storage.delete(saved)
            raise ArchiveError(f"เขียนไฟล์ {name} กลับไม่ได้ (ระบบจัดเก็บตั้งชื่อเป็น {saved})")
        written += 1
    return written


def _empty_tables(using: str) -> None:
    """Delete every row except content types and permissions (kept, so natural keys resolve)."""
    connection = connections[using]
    kept = {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.label_lower in KEPT_TABLE_MODELS
    }
    tables = [
        table
        for table in connection.introspection.django_table_names(only_existing=True)
        if table not in kept
    ]
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
    # PostgreSQL refuses TRUNCATE while deferred foreign-key checks of this transaction are
    # pending (a caller's transaction that wrote rows): run them now.
    connection.check_constraints()
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _load(checked: Checked, using: str) -> None:
    expected = checked.manifest.get("row_counts", {})
    with transaction.atomic(using=using), disable_auditlog():
        _empty_tables(using)
        with open(checked.database, encoding="utf-8") as stream:
            load(stream, using)
        actual = row_counts(using)
        wrong = {
            label: (count, actual.get(label))
            for label, count in expected.items()
            if actual.get(label) != count
        }
        if wrong:
            raise ArchiveError(
                "จำนวนแถวหลังกู้คืนไม่ตรงกับไฟล์สำรอง "
                + ", ".join(f"{k}: ควรเป็น {a} ได้ {b}" for k, (a, b) in sorted(wrong.items()))
                + " — ยกเลิกการกู้คืน ฐานข้อมูลกลับเป็นเหมือนเดิม"
            )


def _verify_files(checked: Checked, storage) -> list[str]:
    wrong = []
    for name, entry in checked.manifest.get("files", {}).items():
        try:
            with storage.open(name, "rb") as handle:
                if sha256_of(handle)[0] != entry["sha256"]:
                    wrong.append(name)
        except FileNotFoundError:
            wrong.append(name)
    return wrong


@dataclass
class Restored:
    manifest: dict
    rows: int
    files: int
    files_written: int
    extra_files: list[str]


def restore_archive(path, *, confirm, using: str = DEFAULT_DB_ALIAS, storage=None) -> Restored:
    """Check ``path``, ask ``confirm(manifest)`` (False: nothing happens), then restore."""
    storage = storage or default_storage
    path = Path(path)
    if not path.is_file():
        raise ArchiveError(f"ไม่พบไฟล์สำรอง {path}")
    with tempfile.TemporaryDirectory(prefix="pmqa4-restore-") as work:
        checked = check_archive(path, Path(work), using=using)
        if not confirm(checked.manifest):
            raise ArchiveError("ยกเลิกการกู้คืน ข้อมูลไม่ถูกเปลี่ยนแปลง")
        written = _restore_files(checked, storage)
        try:
            _load(checked, using)
        except (DatabaseError, IntegrityError) as exc:
            raise ArchiveError(
                f"โหลดข้อมูลเข้าฐานข้อมูลไม่สำเร็จ ({exc}) — ฐานข้อมูลกลับเป็นเหมือนเดิม"
            ) from exc
        wrong = _verify_files(checked, storage)
        if wrong:
            raise ArchiveError(
                "กู้คืนฐานข้อมูลแล้ว แต่ไฟล์ต่อไปนี้ในที่จัดเก็บไม่ตรงกับไฟล์สำรอง: " + ", ".join(wrong[:10])
            )
        listed = set(checked.manifest.get("files", {}))
        extra = [name for name in storage_files(storage) if name not in listed]
        return Restored(
            manifest=checked.manifest,
            rows=sum(checked.manifest.get("row_counts", {}).values()),
            files=len(listed),
            files_written=written,
            extra_files=extra,
        )
