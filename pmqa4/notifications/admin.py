"""The central administrator sees every send: what failed and why, and can send one again."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from pmqa4.core.admin_site import CentralModelAdmin, CentralTabularInline

from .models import Delivery, DeliveryStatus, Notification


class DeliveryInline(CentralTabularInline):
    model = Delivery
    fields = ["channel", "address", "status", "attempts", "last_error", "sent_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Notification)
class NotificationAdmin(CentralModelAdmin):
    list_display = ["title", "recipient", "kind", "created_at", "read_at"]
    list_filter = ["kind", ("read_at", admin.EmptyFieldListFilter)]
    list_select_related = ["recipient"]
    search_fields = ["title", "key", "recipient__username", "recipient__email"]
    readonly_fields = ["recipient", "kind", "key", "title", "body", "link", "created_at", "read_at"]
    inlines = [DeliveryInline]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False


@admin.action(description=_("ส่งใหม่อีกครั้ง (เริ่มนับจำนวนครั้งใหม่)"))
def send_again(modeladmin, request, queryset):
    count = queryset.exclude(status=DeliveryStatus.SENT).update(
        status=DeliveryStatus.PENDING, attempts=0, next_attempt_at=None
    )
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d รายการจะส่งในการรัน send_reminders ครั้งถัดไป",
            "%(count)d รายการจะส่งในการรัน send_reminders ครั้งถัดไป",
            count,
        )
        % {"count": count},
        messages.SUCCESS,
    )


@admin.register(Delivery)
class DeliveryAdmin(CentralModelAdmin):
    list_display = [
        "notification",
        "channel",
        "address",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]
    list_filter = ["status", "channel"]
    list_select_related = ["notification"]
    search_fields = ["address", "notification__title", "notification__key", "last_error"]
    readonly_fields = [
        "notification",
        "channel",
        "address",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "sent_at",
        "created_at",
        "retry_key",
    ]
    actions = [send_again]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False
