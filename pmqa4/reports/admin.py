from django.contrib import admin

from pmqa4.core.admin_site import CentralModelAdmin

from .models import ResultsReport


@admin.register(ResultsReport)
class ResultsReportAdmin(CentralModelAdmin):
    list_display = ["activity", "unit", "version", "updated_at"]
    list_select_related = ["activity__action_plan__unit", "activity__dimension"]
    list_filter = ["activity__action_plan__cycle"]
    search_fields = ["activity__name", "activity__action_plan__unit__code"]
    raw_id_fields = ["activity", "updated_by"]

    @admin.display(description="หน่วยงาน")
    def unit(self, obj):
        return obj.activity.action_plan.unit
