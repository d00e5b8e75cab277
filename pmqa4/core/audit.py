"""Every change to plans, submissions, findings, rules and scores goes into one audit table.

django-auditlog keeps a single LogEntry table (who, when, before/after as JSON) that the central
group can search across all kinds of record, which a per-model history table cannot do in one
query. The actor comes from AuditlogMiddleware for web requests and from
``auditlog.context.set_actor`` in commands.
"""

from auditlog.registry import auditlog


def track(*models, exclude: tuple[str, ...] = ()) -> None:
    for model in models:
        auditlog.register(model, exclude_fields=["updated_at", *exclude])
