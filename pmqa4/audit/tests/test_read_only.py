"""The audit trail can be read but never changed or deleted through the application."""

import ast
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.contrib import admin
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import pmqa4
from pmqa4.core.testing.factories import KpiSheetFactory, UserFactory

PROJECT = Path(pmqa4.__file__).parent


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.mark.django_db
def test_not_even_a_superuser_may_add_change_or_delete_audit_entries(superuser):
    model_admin = admin.site._registry[LogEntry]
    request = RequestFactory().get("/admin/")
    request.user = superuser
    entry = LogEntry.objects.get_for_object(KpiSheetFactory()).first()
    assert model_admin.has_view_permission(request, entry)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, entry)
    assert not model_admin.has_delete_permission(request, entry)
    assert "delete_selected" not in model_admin.get_actions(request)


@pytest.mark.django_db
def test_the_admin_refuses_a_superusers_edit_and_delete_of_an_entry(client, superuser):
    entry = LogEntry.objects.get_for_object(KpiSheetFactory()).first()
    before = LogEntry.objects.filter(pk=entry.pk).values().get()
    client.force_login(superuser)
    assert client.get(reverse("admin:auditlog_logentry_changelist")).status_code == 200
    assert client.get(reverse("admin:auditlog_logentry_add")).status_code == 403
    change = reverse("admin:auditlog_logentry_change", args=[entry.pk])
    assert client.post(change, {"object_repr": "แก้แล้ว", "changes": "{}"}).status_code == 403
    delete = reverse("admin:auditlog_logentry_delete", args=[entry.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    bulk = client.post(
        reverse("admin:auditlog_logentry_changelist"),
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302)
    assert LogEntry.objects.filter(pk=entry.pk).values().get() == before


def _deletes_audit_entries(source: str) -> list[str]:
    """Calls in ``source`` that delete rows and mention the audit model in the same expression:
    ``LogEntry.objects.filter(...).delete()``, ``entries._raw_delete(...)`` after
    ``entries = LogEntry...``, or raw SQL against the audit table."""
    tree = ast.parse(source)
    audit_names = {"LogEntry"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and "LogEntry" in ast.unparse(node.value):
            audit_names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        text = ast.unparse(node)
        deleting = isinstance(node.func, ast.Attribute) and node.func.attr in (
            "delete",
            "_raw_delete",
        )
        names = (
            {n.id for n in ast.walk(node.func.value) if isinstance(n, ast.Name)}
            if deleting
            else set()
        )
        if names & audit_names:
            found.append(text)
        if "auditlog_logentry" in text.lower() and any(
            word in text.upper() for word in ("DELETE", "TRUNCATE", "UPDATE")
        ):
            found.append(text)
    return found


def test_the_detector_finds_a_deletion_of_audit_entries():
    assert _deletes_audit_entries("LogEntry.objects.filter(actor=u).delete()")
    assert _deletes_audit_entries("old = LogEntry.objects.all()\nold._raw_delete('default')")
    assert _deletes_audit_entries("cursor.execute('DELETE FROM auditlog_logentry')")
    assert not _deletes_audit_entries("member.delete()\nLogEntry.objects.filter(actor=u)")


def _view_modules():
    """The module of every view any URL of the site leads to."""
    modules = set()

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern):
                view = pattern.callback
                while hasattr(view, "__wrapped__"):
                    view = view.__wrapped__
                view = getattr(view, "view_class", view)
                modules.add(view.__module__)

    walk(get_resolver().url_patterns)
    return modules


def test_no_code_of_the_project_deletes_audit_entries():
    offenders = {}
    for path in PROJECT.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        found = _deletes_audit_entries(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(PROJECT))] = found
    assert offenders == {}


def test_every_view_of_the_site_is_project_code_or_a_framework_view_without_audit_deletes():
    modules = _view_modules()
    assert "pmqa4.audit.views" in modules
    ours = {m for m in modules if m.startswith("pmqa4.")}
    others = modules - ours
    # auditlog ships no views; the admin's are guarded by the read-only permissions above
    assert not any(m.startswith("auditlog") for m in others)
    for module in ours:
        path = PROJECT.parent / (module.replace(".", "/") + ".py")
        assert path.exists(), module
        assert _deletes_audit_entries(path.read_text(encoding="utf-8")) == [], module
