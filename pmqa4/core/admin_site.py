"""The admin is the central administrator's back office, in Thai; nobody else may know it exists.

Access is by role (กลุ่มพัฒนาระบบบริหาร's central administrator role), not by Django's is_staff
and per-model permissions: a signed-in user without the role gets a 404, like any other page of
another unit.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import Http404
from django.utils.translation import gettext_lazy as _


def is_central_admin(request) -> bool:
    from pmqa4.org.permissions import actor_of

    user = request.user
    return user.is_active and (user.is_superuser or actor_of(request).is_central_admin)


class CentralAdminSite(admin.AdminSite):
    site_header = _("PMQA 4.0 · ผู้ดูแลระบบส่วนกลาง")
    site_title = _("PMQA 4.0 ผู้ดูแลระบบ")
    index_title = _("จัดการข้อมูลระบบ")

    def has_permission(self, request):
        return is_central_admin(request)

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def guarded(request, *args, **kwargs):
            if request.user.is_authenticated and not self.has_permission(request):
                raise Http404
            return inner(request, *args, **kwargs)

        return guarded


class Pmqa4AdminConfig(AdminConfig):
    default_site = "pmqa4.core.admin_site.CentralAdminSite"


class CentralModelAdmin(admin.ModelAdmin):
    """Full access for the central administrator; list pages fetch related rows in one query."""

    list_per_page = 50

    def has_module_permission(self, request):
        return is_central_admin(request)

    def has_view_permission(self, request, obj=None):
        return is_central_admin(request)

    def has_add_permission(self, request):
        return is_central_admin(request)

    def has_change_permission(self, request, obj=None):
        return is_central_admin(request)

    def has_delete_permission(self, request, obj=None):
        return is_central_admin(request)


class CentralInline:
    """Inline permissions follow the parent page's: the central administrator's."""

    extra = 0

    def has_view_permission(self, request, obj=None):
        return is_central_admin(request)

    def has_add_permission(self, request, obj=None):
        return is_central_admin(request)

    def has_change_permission(self, request, obj=None):
        return is_central_admin(request)

    def has_delete_permission(self, request, obj=None):
        return is_central_admin(request)


class CentralTabularInline(CentralInline, admin.TabularInline):
    pass


class CentralStackedInline(CentralInline, admin.StackedInline):
    pass


class ReadOnlyAdmin(CentralModelAdmin):
    """Records nobody edits by hand: the audit trail, workflow history, computed scores."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
