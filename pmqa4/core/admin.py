from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.auth.models import Group

from .admin_site import ReadOnlyAdmin

# The audit trail can be searched but never edited or deleted through the application.
admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class AuditEntryAdmin(ReadOnlyAdmin, LogEntryAdmin):
    pass


# Roles are RoleGrants per unit (pmqa4.org); Django's groups and permissions are not used.
admin.site.unregister(Group)
