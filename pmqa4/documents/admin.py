"""The background tasks' results (the ZIPs, the reminders), read-only for the central administrator.

django-tasks-db registers its admin with Django's per-model permissions, which the project's
role-based admin does not grant; the same page is registered again on the central role.
"""

from django.contrib import admin
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from pmqa4.core.admin_site import ReadOnlyAdmin

from .models import DocumentBundle

if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(ReadOnlyAdmin, DBTaskResultAdmin):
    pass


@admin.register(DocumentBundle)
class DocumentBundleAdmin(ReadOnlyAdmin):
    list_display = ("pk", "cycle", "step", "fmt", "status", "done", "total", "created_at")
    list_filter = ("status", "step", "fmt")
    list_select_related = ("cycle",)
