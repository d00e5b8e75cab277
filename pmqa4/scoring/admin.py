from django.contrib import admin

from pmqa4.core.admin_site import ReadOnlyAdmin

from .models import ScoreRecord


@admin.register(ScoreRecord)
class ScoreRecordAdmin(ReadOnlyAdmin):
    list_display = ["unit", "cycle", "kind", "round1", "year", "published_at", "published_by"]
    list_select_related = ["unit", "cycle", "published_by"]
    list_filter = ["cycle", "kind", "unit__kind"]
    search_fields = ["unit__code", "unit__name_th"]
