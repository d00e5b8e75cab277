from django.contrib import admin

from pmqa4.core.admin_site import CentralModelAdmin, CentralTabularInline

from .models import Characteristic, Dimension, MaturityLevel, PmqaCategory


@admin.register(PmqaCategory)
class PmqaCategoryAdmin(CentralModelAdmin):
    list_display = ["number", "name_th", "name_en", "is_results"]


class CharacteristicInline(CentralTabularInline):
    model = Characteristic
    fields = ["order", "name_th", "name_en"]


@admin.register(Dimension)
class DimensionAdmin(CentralModelAdmin):
    list_display = ["number", "name_th", "name_en", "category_numbers"]
    filter_horizontal = ["categories"]
    inlines = [CharacteristicInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("categories")

    @admin.display(description="หมวด PMQA")
    def category_numbers(self, obj):
        return ", ".join(str(c.number) for c in obj.categories.all())


@admin.register(Characteristic)
class CharacteristicAdmin(CentralModelAdmin):
    list_display = ["name_th", "name_en", "dimension", "order"]
    list_select_related = ["dimension"]
    list_filter = ["dimension"]
    search_fields = ["name_th", "name_en"]


@admin.register(MaturityLevel)
class MaturityLevelAdmin(CentralModelAdmin):
    list_display = ["order", "name_th", "name_en", "min_score", "max_score"]
