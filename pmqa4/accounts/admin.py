"""Sign-in records in the central admin, in Thai, for the central administrator.

django-axes' own admin is off (AXES_ENABLE_ADMIN = False) and django-otp's is taken down here:
both are English and ask for Django model permissions the central administrator does not hold.
Nothing is added or edited by hand; deleting a failed-login row unlocks it, deleting someone's
authenticator app resets their two-step sign-in (they set it up again at the next sign-in).
"""

import logging

from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from pmqa4.core.admin_site import ReadOnlyAdmin, is_central_admin

from .models import AuthenticatorApp, FailedLogin, FailedLoginLog, LoginLog, RecoveryCodeSet

log = logging.getLogger("pmqa4.security")

for _model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


class DeletableReadOnlyAdmin(ReadOnlyAdmin):
    def has_delete_permission(self, request, obj=None):
        return is_central_admin(request)


class _AccessColumns:
    """Thai column names for the fields every axes record has."""

    @admin.display(description=_("ชื่อผู้ใช้ที่กรอก"), ordering="username")
    def user_name(self, obj):
        return obj.username

    @admin.display(description=_("ที่อยู่ IP"), ordering="ip_address")
    def address(self, obj):
        return obj.ip_address

    @admin.display(description=_("เวลา"), ordering="attempt_time")
    def when(self, obj):
        return obj.attempt_time

    @admin.display(description=_("โปรแกรมค้นดู"))
    def browser(self, obj):
        return obj.user_agent

    @admin.display(description=_("หน้าที่ใช้เข้าสู่ระบบ"))
    def path(self, obj):
        return obj.path_info


@admin.register(FailedLogin)
class FailedLoginAdmin(_AccessColumns, DeletableReadOnlyAdmin):
    list_display = ["user_name", "address", "failures", "when", "browser"]
    search_fields = ["username", "ip_address"]
    date_hierarchy = "attempt_time"
    fields = readonly_fields = ["user_name", "address", "failures", "when", "browser", "path"]
    actions = ["unlock_selected"]

    @admin.display(description=_("จำนวนครั้งที่ผิด"), ordering="failures_since_start")
    def failures(self, obj):
        return obj.failures_since_start

    @admin.action(description=_("ปลดล็อกรายการที่เลือก"))
    def unlock_selected(self, request, queryset):
        names = sorted({row.username or "" for row in queryset})
        count, _deleted = queryset.delete()
        log.warning("User %s unlocked %s in the admin", request.user.pk, names)
        self.message_user(
            request,
            _("ปลดล็อกแล้ว: %(names)s") % {"names": ", ".join(names)},
            messages.SUCCESS,
        )


@admin.register(FailedLoginLog)
class FailedLoginLogAdmin(_AccessColumns, ReadOnlyAdmin):
    list_display = ["user_name", "address", "when", "locked", "browser"]
    list_filter = ["locked_out"]
    search_fields = ["username", "ip_address"]
    date_hierarchy = "attempt_time"
    fields = readonly_fields = ["user_name", "address", "when", "locked", "browser", "path"]

    @admin.display(description=_("ทำให้ถูกล็อก"), boolean=True, ordering="locked_out")
    def locked(self, obj):
        return obj.locked_out


@admin.register(LoginLog)
class LoginLogAdmin(_AccessColumns, ReadOnlyAdmin):
    list_display = ["user_name", "address", "when", "logged_out", "browser"]
    search_fields = ["username", "ip_address"]
    date_hierarchy = "attempt_time"
    fields = readonly_fields = ["user_name", "address", "when", "logged_out", "browser", "path"]

    @admin.display(description=_("ออกจากระบบเมื่อ"), ordering="logout_time")
    def logged_out(self, obj):
        return obj.logout_time


class _DeviceColumns:
    @admin.display(description=_("ผู้ใช้"), ordering="user__username")
    def owner(self, obj):
        return f"{obj.user.get_username()} · {obj.user}"

    @admin.display(description=_("สร้างเมื่อ"), ordering="created_at")
    def created(self, obj):
        return obj.created_at

    @admin.display(description=_("ใช้ล่าสุด"), ordering="last_used_at")
    def last_used(self, obj):
        return obj.last_used_at

    @admin.display(description=_("ใส่รหัสผิดติดกัน (ครั้ง)"))
    def wrong_codes(self, obj):
        return obj.throttling_failure_count


@admin.register(AuthenticatorApp)
class AuthenticatorAppAdmin(_DeviceColumns, DeletableReadOnlyAdmin):
    """The secret is never shown: deleting the app is how a lost phone is reset."""

    list_display = ["owner", "active", "created", "last_used", "wrong_codes"]
    list_select_related = ["user"]
    list_filter = ["confirmed"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = readonly_fields = ["owner", "active", "created", "last_used", "wrong_codes"]

    @admin.display(description=_("ตั้งค่าเสร็จแล้ว"), boolean=True, ordering="confirmed")
    def active(self, obj):
        return obj.confirmed


@admin.register(RecoveryCodeSet)
class RecoveryCodeSetAdmin(_DeviceColumns, DeletableReadOnlyAdmin):
    """How many codes are left, never the codes themselves."""

    list_display = ["owner", "codes_left", "created", "last_used", "wrong_codes"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = readonly_fields = ["owner", "codes_left", "created", "last_used", "wrong_codes"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(codes_count=Count("token_set"))

    @admin.display(description=_("รหัสสำรองที่เหลือ"), ordering="codes_count")
    def codes_left(self, obj):
        return obj.codes_count
