"""Making one backup archive: a consistent snapshot of the database plus every stored file.

The rows (written by serialization.py) are read in one transaction — on PostgreSQL a read-only
REPEATABLE READ transaction, so every table is read as of the same moment while others keep
working; on SQLite one transaction, which holds a shared lock (or a WAL snapshot) for the same
effect. The row counts and the list of files the rows need are read in that same transaction.
Stored files are only ever added under new random names or deleted, so they are copied after
the snapshot; a file a snapshot row needs but that was deleted meanwhile is listed in the
manifest (``missing_files``).
"""

import datetime as dt
import hashlib
import io
import json
import os
import platform
import tarfile
import tempfile
from pathlib import Path

import django
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import timezone

from .archive import (
    DATABASE,
    FORMAT,
    MANIFEST,
    MEDIA,
    ArchiveError,
    app_version,
    backed_up_models,
    migration_leaves,
    referenced_files,
    row_counts,
    sha256_of,
    storage_files,
    unapplied_migrations,
)
from .serialization import dump


class _Hashing:
    """A file object that hashes what tarfile reads from it."""

    def __init__(self, stream):
        self.stream = stream
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size=-1):
        chunk = self.stream.read(size)
        self.digest.update(chunk)
        self.size += len(chunk)
        return chunk


def _snapshot(dump_path: Path, using: str) -> dict:
    """Dump every row and read the counts and the needed files as of one moment."""
    connection = connections[using]
    # Inside a caller's transaction atomic() is a savepoint and the isolation is the caller's.
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        with open(dump_path, "w", encoding="utf-8") as stream:
            dump(stream, backed_up_models(), using)
        return {"row_counts": row_counts(using), "referenced": referenced_files(using)}


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes, mtime: float) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), mtime, 0o600
    archive.addfile(info, io.BytesIO(data))


def _add_media(archive: tarfile.TarFile, storage, name: str, mtime: float) -> dict | None:
    try:
        size = storage.size(name)
        handle = storage.open(name, "rb")
    except FileNotFoundError:
        return None  # deleted since it was listed
    with handle:
        info = tarfile.TarInfo(MEDIA + name)
        info.size, info.mtime, info.mode = size, mtime, 0o600
        reader = _Hashing(handle)
        archive.addfile(info, reader)
    if reader.size != size:
        raise ArchiveError(f"ไฟล์ {name} เปลี่ยนขนาดระหว่างสำรองข้อมูล กรุณาสำรองใหม่อีกครั้ง")
    return {"sha256": reader.digest.hexdigest(), "size": size}


def default_archive_name(now: dt.datetime | None = None) -> str:
    now = timezone.localtime(now or timezone.now())
    return f"pmqa4-backup-{now:%Y%m%d-%H%M%S}.tar.gz"


def make_backup(out: Path, *, using: str = DEFAULT_DB_ALIAS, storage=None) -> dict:
    """Write the archive to ``out`` (created readable by its owner only) and return the manifest.

    The archive is written under a temporary name and renamed when complete, so ``out`` is
    never a half-written file.
    """
    storage = storage or default_storage
    unapplied = unapplied_migrations(using)
    if unapplied:
        raise ArchiveError(
            "ฐานข้อมูลยังไม่ได้ migrate ครบ (" + ", ".join(unapplied) + ") กรุณารัน migrate ก่อน"
        )
    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    created = timezone.now()
    mtime = created.timestamp()
    with tempfile.TemporaryDirectory(prefix="pmqa4-backup-") as work:
        dump_path = Path(work) / DATABASE
        snapshot = _snapshot(dump_path, using)
        with open(dump_path, "rb") as handle:
            db_hash, db_size = sha256_of(handle)
        fd, partial = tempfile.mkstemp(prefix=".pmqa4-backup-", suffix=".partial", dir=out.parent)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
                archive.add(dump_path, arcname=DATABASE, recursive=False, filter=_private)
                files = {}
                for name in storage_files(storage):
                    entry = _add_media(archive, storage, name, mtime)
                    if entry is not None:
                        files[name] = entry
                manifest = {
                    "format": FORMAT,
                    "application": "pmqa4",
                    "app_version": app_version(),
                    "created_at": created.isoformat(),
                    "django_version": django.get_version(),
                    "python_version": platform.python_version(),
                    "database_vendor": connections[using].vendor,
                    "migrations": migration_leaves(using),
                    "database": {"name": DATABASE, "sha256": db_hash, "size": db_size},
                    "row_counts": snapshot["row_counts"],
                    "files": files,
                    "missing_files": sorted(snapshot["referenced"] - set(files)),
                }
                body = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
                _add_bytes(archive, MANIFEST, body, mtime)
            os.replace(partial, out)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
    return manifest


def _private(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mode = 0o600
    return info
