"""What a backup archive holds and how its parts are checked, shared by ``backup`` and
``restore``.

One ``.tar.gz``: ``database.json`` (every row, Django's dumpdata with natural keys for content
types and permissions), ``media/<name>`` for every stored file, and ``manifest.json`` with the
schema's migrations, each table's row count and each file's SHA-256, so a restore can refuse a
damaged archive or one from another schema before it touches anything.
"""

import hashlib
import importlib.metadata
import tomllib
from pathlib import PurePosixPath

from django.apps import apps
from django.conf import settings
from django.db import connections
from django.db.migrations.loader import MigrationLoader

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE = "database.json"
MEDIA = "media/"
CHUNK = 1024 * 1024

# Recreated by migrate (content types, permissions: their rows are referenced by natural key
# and never emptied) or not worth restoring (sessions: live sign-ins would be credentials).
KEPT_TABLE_MODELS = frozenset({"contenttypes.contenttype", "auth.permission"})
SKIPPED_MODELS = KEPT_TABLE_MODELS | {"sessions.session"}


class ArchiveError(Exception):
    """A backup that cannot be made or restored; the message says why, in Thai."""


def sha256_of(stream) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def backed_up_models(*, include_auto_created: bool = False) -> list:
    """Every concrete model whose rows go into the archive (m2m tables only when asked: their
    rows travel inside their owners' records)."""
    return [
        model
        for model in apps.get_models(include_auto_created=include_auto_created)
        if not model._meta.proxy and model._meta.label_lower not in SKIPPED_MODELS
    ]


def row_counts(using: str) -> dict[str, int]:
    return {
        model._meta.label_lower: model._base_manager.using(using).count()
        for model in backed_up_models(include_auto_created=True)
    }


def migration_leaves(using: str) -> dict[str, list[str]]:
    """app label → its latest migrations in the code (the schema the rows belong to)."""
    loader = MigrationLoader(connections[using], ignore_no_migrations=True)
    leaves: dict[str, list[str]] = {}
    for app_label, name in loader.graph.leaf_nodes():
        leaves.setdefault(app_label, []).append(name)
    return {label: sorted(names) for label, names in sorted(leaves.items())}


def unapplied_migrations(using: str) -> list[str]:
    loader = MigrationLoader(connections[using], ignore_no_migrations=True)
    applied = set(loader.applied_migrations)
    return sorted(f"{a}.{n}" for a, n in loader.graph.leaf_nodes() if (a, n) not in applied)


def app_version() -> str:
    try:
        return importlib.metadata.version("pmqa4")
    except importlib.metadata.PackageNotFoundError:
        pass
    try:
        with open(settings.BASE_DIR / "pyproject.toml", "rb") as handle:
            return tomllib.load(handle)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


def storage_files(storage, directory: str = ""):
    """Every file's name in ``storage``, walked with listdir (any storage backend)."""
    try:
        folders, files = storage.listdir(directory)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for folder in sorted(folders):
        yield from storage_files(storage, f"{directory}/{folder}" if directory else folder)


def referenced_files(using: str) -> set[str]:
    """Names stored in every FileField of every row: the files the database needs."""
    names: set[str] = set()
    for model in backed_up_models():
        for field in model._meta.concrete_fields:
            if field.get_internal_type() in ("FileField", "ImageField"):
                rows = model._base_manager.using(using).exclude(**{field.attname: ""})
                names.update(n for n in rows.values_list(field.attname, flat=True) if n)
    return names


def safe_member_name(name: str) -> str:
    """The archive member's name if it may be extracted; ArchiveError for traversal tricks."""
    path = PurePosixPath(name)
    if (
        not name
        or "\\" in name
        or "\x00" in name
        or path.is_absolute()
        or any(part in ("..", "") for part in name.split("/"))
        or (name != MANIFEST and name != DATABASE and not name.startswith(MEDIA))
        or name == MEDIA
    ):
        raise ArchiveError(
            f"ไฟล์สำรองมีชื่อไฟล์ที่ไม่ปลอดภัย ({name!r}) อาจพยายามเขียนทับไฟล์นอกโฟลเดอร์ ระบบไม่กู้คืนจากไฟล์นี้"
        )
    return name
