from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from pmqa4.core.admin_site import CentralModelAdmin, CentralTabularInline

from .models import Department, Ministry, Province, RoleGrant, Unit, User


@admin.register(Ministry)
class MinistryAdmin(CentralModelAdmin):
    list_display = ["name_th", "short_name", "name_en"]
    search_fields = ["name_th", "name_en", "short_name"]


@admin.register(Department)
class DepartmentAdmin(CentralModelAdmin):
    list_display = ["name_th", "short_name", "ministry"]
    list_select_related = ["ministry"]
    search_fields = ["name_th", "name_en", "short_name"]


@admin.register(Province)
class ProvinceAdmin(CentralModelAdmin):
    list_display = ["name_th", "name_en", "code", "iso_code", "region"]
    list_filter = ["region"]
    search_fields = ["name_th", "name_en", "code"]


class RoleGrantInline(CentralTabularInline):
    model = RoleGrant
    fk_name = "user"
    fields = ["unit", "role"]
    autocomplete_fields = ["unit"]


@admin.register(Unit)
class UnitAdmin(CentralModelAdmin):
    list_display = ["code", "name_th", "kind", "province", "takes_part", "is_active"]
    list_select_related = ["province"]
    list_filter = ["kind", "is_active", "takes_part", "province__region"]
    search_fields = ["code", "name_th", "name_en", "short_name"]
    autocomplete_fields = ["parent", "merged_into", "province"]
    fieldsets = [
        (None, {"fields": ["code", "name_th", "name_en", "short_name", "kind"]}),
        (_("สังกัด"), {"fields": ["department", "parent", "province"]}),
        (_("สถานะ"), {"fields": ["takes_part", "is_active", "closed_on", "merged_into"]}),
    ]


@admin.register(User)
class PersonAdmin(CentralModelAdmin, UserAdmin):
    list_display = ["username", "display_name", "unit", "position", "email", "is_active"]
    list_select_related = ["unit"]
    list_filter = ["is_active", "role_grants__role", "unit__kind"]
    search_fields = ["username", "first_name", "last_name", "email", "unit__code", "unit__name_th"]
    autocomplete_fields = ["unit"]
    inlines = [RoleGrantInline]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (
            _("ข้อมูลบุคคล"),
            {"fields": ["title", "first_name", "last_name", "position", "phone", "email", "unit"]},
        ),
        (_("สถานะบัญชี"), {"fields": ["is_active", "last_login", "date_joined"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["username", "password1", "password2", "title", "first_name"],
            },
        ),
        (_("ข้อมูลบุคคล"), {"fields": ["last_name", "position", "phone", "email", "unit"]}),
    ]

    @admin.display(description=_("ชื่อ-สกุล"))
    def display_name(self, obj):
        return obj.display_name


@admin.register(RoleGrant)
class RoleGrantAdmin(CentralModelAdmin):
    list_display = ["user", "role", "unit", "granted_by", "created_at"]
    list_select_related = ["user", "unit", "granted_by"]
    list_filter = ["role", "unit__kind"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "unit__code"]
    autocomplete_fields = ["user", "unit"]
    readonly_fields = ["granted_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.granted_by = request.user
        super().save_model(request, obj, form, change)
