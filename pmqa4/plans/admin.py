from django.contrib import admin

from pmqa4.core.admin_site import CentralModelAdmin, CentralTabularInline

from .models import (
    ActionPlan,
    Activity,
    ActivityStep,
    Kpi,
    KpiActual,
    KpiBaseline,
    KpiSheet,
    KpiSheetStep,
    PlanItem,
    ThreeYearPlan,
)

UNIT_CYCLE = ["unit", "cycle"]


class PlanItemInline(CentralTabularInline):
    model = PlanItem
    fields = ["dimension", "number", "name", "in_year1", "in_year2", "in_year3"]


@admin.register(ThreeYearPlan)
class ThreeYearPlanAdmin(CentralModelAdmin):
    list_display = ["unit", "cycle", "first_year", "version", "updated_at"]
    list_select_related = UNIT_CYCLE
    list_filter = ["cycle", "unit__kind"]
    search_fields = ["unit__code", "unit__name_th"]
    raw_id_fields = ["carried_from"]
    inlines = [PlanItemInline]


@admin.register(PlanItem)
class PlanItemAdmin(CentralModelAdmin):
    list_display = ["label", "name", "plan"]
    list_select_related = ["plan__unit", "dimension"]
    search_fields = ["name", "plan__unit__code"]
    filter_horizontal = ["kpis", "characteristics"]


class ActivityInline(CentralTabularInline):
    model = Activity
    fields = ["dimension", "number", "name", "responsible", "months"]


@admin.register(ActionPlan)
class ActionPlanAdmin(CentralModelAdmin):
    list_display = ["unit", "cycle", "version", "updated_at"]
    list_select_related = UNIT_CYCLE
    list_filter = ["cycle", "unit__kind"]
    search_fields = ["unit__code", "unit__name_th"]
    inlines = [ActivityInline]


class ActivityStepInline(CentralTabularInline):
    model = ActivityStep
    fields = ["number", "name", "months"]


@admin.register(Activity)
class ActivityAdmin(CentralModelAdmin):
    list_display = ["label", "name", "action_plan", "responsible"]
    list_select_related = ["action_plan__unit", "action_plan__cycle", "dimension"]
    search_fields = ["name", "action_plan__unit__code"]
    filter_horizontal = ["kpis", "characteristics"]
    raw_id_fields = ["plan_item"]
    inlines = [ActivityStepInline]


@admin.register(Kpi)
class KpiAdmin(CentralModelAdmin):
    list_display = ["code", "name", "unit", "cycle"]
    list_select_related = UNIT_CYCLE
    list_filter = ["cycle"]
    search_fields = ["code", "name", "unit__code"]


class KpiBaselineInline(CentralTabularInline):
    model = KpiBaseline
    fields = ["fiscal_year", "value", "note"]


class KpiSheetStepInline(CentralTabularInline):
    model = KpiSheetStep
    fields = ["number", "detail", "evidence"]


@admin.register(KpiSheet)
class KpiSheetAdmin(CentralModelAdmin):
    list_display = ["kpi", "dimension", "target", "direction", "unit_of_measure"]
    list_select_related = ["kpi__unit", "dimension"]
    list_filter = ["kpi__cycle", "direction", "dimension"]
    search_fields = ["kpi__code", "kpi__name", "kpi__unit__code"]
    raw_id_fields = ["kpi"]
    inlines = [KpiBaselineInline, KpiSheetStepInline]


@admin.register(KpiActual)
class KpiActualAdmin(CentralModelAdmin):
    list_display = ["kpi", "value", "measured_on", "reported_by", "reported_at"]
    list_select_related = ["kpi__unit", "reported_by"]
    list_filter = ["kpi__cycle"]
    search_fields = ["kpi__code", "kpi__name", "kpi__unit__code"]
    raw_id_fields = ["kpi", "reported_by"]
