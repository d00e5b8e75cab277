"""The central administrator sees every token (never its secret: only a hash is stored) and
revokes one that has leaked; the token-use log is read-only (pruned by prune_api_logs)."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from pmqa4.core.admin_site import ReadOnlyAdmin

from . import tokens
from .models import ApiToken, ApiTokenUse


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = (
        "name",
        "user",
        "scope",
        "hint",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
    )
    list_filter = ("scope", ("revoked_at", admin.EmptyFieldListFilter))
    search_fields = ("name", "user__username", "user__first_name", "user__last_name", "hint")
    list_select_related = ("user",)
    fields = list_display
    actions = ["revoke"]

    @admin.action(description=_("ยกเลิกโทเค็นที่เลือก"))
    def revoke(self, request, queryset):
        now = timezone.now()
        count = sum(tokens.revoke(token, now=now) for token in queryset)
        text = ngettext("ยกเลิกโทเค็นแล้ว %(count)d รายการ", "ยกเลิกโทเค็นแล้ว %(count)d รายการ", count)
        self.message_user(request, text % {"count": count}, messages.SUCCESS)


@admin.register(ApiTokenUse)
class ApiTokenUseAdmin(ReadOnlyAdmin):
    list_display = ("at", "token", "method", "path", "status", "ip")
    list_filter = ("method", "status")
    search_fields = ("path", "token__name", "token__user__username", "ip")
    list_select_related = ("token",)
    date_hierarchy = "at"
    show_full_result_count = False
