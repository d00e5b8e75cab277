from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from pmqa4.core.admin_site import CentralModelAdmin, CentralTabularInline

from .admin_forms import RULE_FIELDS, CycleAdminForm
from .models import Cycle, Round, Step, StepExtension


class DatesOnTheTimeline:
    """A new cycle gets its steps and rounds here; after that their dates are changed on the
    timeline's dates page, which checks them against the date rules and locks the page."""

    def get_readonly_fields(self, request, obj=None):
        return self.fields if obj else ()

    def has_add_permission(self, request, obj=None):
        return obj is None and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return obj is None and super().has_delete_permission(request, obj)


class StepInline(DatesOnTheTimeline, CentralTabularInline):
    model = Step
    fields = ["number", "opens_on", "due_on", "description"]


class RoundInline(DatesOnTheTimeline, CentralTabularInline):
    model = Round
    fields = ["number", "assessed_on"]


@admin.register(Cycle)
class CycleAdmin(CentralModelAdmin):
    form = CycleAdminForm
    list_display = ["fiscal_year", "starts_on", "ends_on", "plan_first_year"]
    inlines = [StepInline, RoundInline]
    fieldsets = [
        (None, {"fields": ["fiscal_year", "starts_on", "ends_on", "plan_first_year"]}),
        (_("เกณฑ์การหักคะแนน"), {"fields": RULE_FIELDS}),
        (_("การแจ้งเตือน"), {"fields": ["reminder_days", "seen"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        """A cycle's dates move on the timeline's dates page (the date rules, the lock); its
        year never moves once it holds the units' work."""
        return ["fiscal_year", "starts_on", "ends_on"] if obj else []


@admin.register(Step)
class StepAdmin(CentralModelAdmin):
    list_display = ["cycle", "number", "opens_on", "due_on"]
    readonly_fields = ["cycle", "number", "opens_on", "due_on"]  # dates: the timeline's page
    list_select_related = ["cycle"]
    list_filter = ["cycle", "number"]


@admin.register(StepExtension)
class StepExtensionAdmin(CentralModelAdmin):
    list_display = ["unit", "step", "due_on", "granted_by", "created_at"]
    list_select_related = ["unit", "step__cycle", "granted_by"]
    list_filter = ["step__cycle", "step__number"]
    search_fields = ["unit__code", "unit__name_th", "reason"]
    autocomplete_fields = ["unit"]
    readonly_fields = ["granted_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.granted_by = request.user
        super().save_model(request, obj, form, change)
