from django.contrib import admin

from pmqa4.core.admin_site import ReadOnlyAdmin

from .models import AccessLog


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdmin):
    """Read-only: rows leave only by ``prune_access_logs`` after the retention period."""

    list_display = ("at", "user", "method", "path", "status", "ip")
    list_filter = ("method", "status")
    search_fields = ("user__username", "path", "ip")
    date_hierarchy = "at"
    list_select_related = ("user",)
    show_full_result_count = False
