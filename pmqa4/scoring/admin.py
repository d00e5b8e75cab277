from django.contrib import admin

from pmqa4.core.admin_site import ReadOnlyAdmin

from .models import ScoreRecord


@admin.register(ScoreRecord)
class ScoreRecordAdmin(ReadOnlyAdmin):
    list_display = ["unit", "cycle", "as_of", "round1", "year", "published_at"]
    list_select_related = ["unit", "cycle"]
    list_filter = ["cycle", "unit__kind"]
    search_fields = ["unit__code", "unit__name_th"]
