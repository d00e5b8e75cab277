"""Rows to JSON and back for backups: exact, and in a fixed number of queries per table.

Django's ``dumpdata``/``loaddata`` would do, but (1) its JSON cuts times to milliseconds, so a
restored row would not be the row saved; (2) with natural keys it looks up every user a row
points to, one query per row, and loaddata tries an UPDATE before each INSERT. Here only content
types and permissions travel by natural key (their ids differ between databases; every other id
is data and is kept), many-to-many links are prefetched, and rows are inserted in bulk.
"""

import datetime as dt
from collections import defaultdict

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import connections
from django.db.models import Prefetch

BATCH = 1000


class ExactJSONEncoder(DjangoJSONEncoder):
    """Every microsecond of a time is kept (Django's encoder keeps milliseconds)."""

    def default(self, o):
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


class BackupSerializer(JSONSerializer):
    """JSON rows; content types and permissions by natural key, everything else by id."""

    def start_serialization(self):
        super().start_serialization()
        self._permissions = None

    def _permission_key(self, pk):
        if self._permissions is None:
            self._permissions = {
                p.pk: list(p.natural_key())
                for p in Permission.objects.select_related("content_type")
            }
        return self._permissions[pk]

    def handle_fk_field(self, obj, field):
        pk = getattr(obj, field.attname)
        model = field.remote_field.model
        if pk is not None and model is ContentType:
            self._current[field.name] = list(ContentType.objects.get_for_id(pk).natural_key())
        elif pk is not None and model is Permission:
            self._current[field.name] = self._permission_key(pk)
        else:
            self._current[field.name] = self._value_from_field(obj, field)

    def handle_m2m_field(self, obj, field):
        if not field.remote_field.through._meta.auto_created:
            return  # an explicit through model is dumped as rows of its own
        related = obj._prefetched_objects_cache[field.name]
        if field.remote_field.model is Permission:
            self._current[field.name] = [self._permission_key(p.pk) for p in related]
        else:
            self._current[field.name] = [p.pk for p in related]


def dump(stream, models, using: str) -> None:
    """Every row of ``models`` to ``stream``, in an order loaddata could also follow."""
    by_app: dict = {}
    for model in models:
        by_app.setdefault(model._meta.app_config, []).append(model)
    ordered = serializers.sort_dependencies(by_app.items(), allow_cycles=True)

    def rows():
        for model in ordered:
            links = [
                f.name
                for f in model._meta.many_to_many
                if f.remote_field.through._meta.auto_created
            ]
            queryset = model._base_manager.using(using).order_by(model._meta.pk.name)
            if links:
                queryset = queryset.prefetch_related(
                    *(Prefetch(name, queryset=_pks_only(model, name)) for name in links)
                )
            yield from queryset.iterator(chunk_size=BATCH)

    BackupSerializer().serialize(rows(), stream=stream, cls=ExactJSONEncoder)


def _pks_only(model, name):
    return model._meta.get_field(name).related_model._base_manager.only("pk")


def _insert_raw(objs, using: str) -> None:
    """INSERT the rows as they are. A raw insert, like loaddata's: ``auto_now`` fields keep the
    stored times instead of taking the time of the restore (bulk_create would overwrite them)."""
    model = type(objs[0])
    fields = [f for f in model._meta.local_concrete_fields if not f.generated]
    manager = model._base_manager.using(using)
    size = max(1, connections[using].ops.bulk_batch_size(fields, objs) or len(objs))
    for start in range(0, len(objs), size):
        manager._insert(objs[start : start + size], fields=fields, raw=True, using=using)


def load(stream, using: str) -> list:
    """Insert every row of a dump into emptied tables; returns the models loaded.

    Rows go in with multi-row raw inserts, table by table in the dump's order; the database
    checks the foreign keys at the end (Django creates them deferrable), so rows may point to
    rows loaded later. Sequences are then set past the highest id.
    """
    connection = connections[using]
    loaded: list = []
    links: dict = defaultdict(list)
    batch: list = []

    def flush():
        if batch:
            _insert_raw(batch, using)
            batch.clear()

    for item in serializers.deserialize("json", stream, using=using):
        obj = item.object
        model = type(obj)
        if model not in loaded:
            flush()
            loaded.append(model)
        if model._meta.parents:
            item.save(using=using)  # multi-table inheritance: bulk insert cannot
        else:
            batch.append(obj)
            if len(batch) >= BATCH:
                flush()
        for name, values in (item.m2m_data or {}).items():
            links[(model, name)].append((obj.pk, values))
    flush()
    for (model, name), pairs in links.items():
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        rows = [through(**{source: pk, target: value}) for pk, values in pairs for value in values]
        through._base_manager.using(using).bulk_create(rows, batch_size=BATCH)
        loaded.append(through)
    statements = connection.ops.sequence_reset_sql(no_style(), loaded)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    connection.check_constraints()
    return loaded
