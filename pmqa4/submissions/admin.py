from django.contrib import admin
from django.utils import timezone

from pmqa4.core.admin_site import CentralModelAdmin, CentralTabularInline, ReadOnlyAdmin

from .models import (
    EvidenceFile,
    Finding,
    ReviewComment,
    SignOff,
    Submission,
    SubmissionEvent,
    SubmissionVersion,
)


class EventInline(CentralTabularInline):
    model = SubmissionEvent
    fields = ["kind", "at", "actor", "comment", "correction_due"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class FindingInline(CentralTabularInline):
    model = Finding
    fields = ["kind", "note", "recorded_by", "recorded_at", "withdrawn_at"]
    readonly_fields = ["recorded_by", "recorded_at", "withdrawn_at"]


@admin.register(Submission)
class SubmissionAdmin(CentralModelAdmin):
    list_display = ["unit", "step", "state", "first_submitted_at", "last_submitted_at"]
    list_select_related = ["unit", "step__cycle"]
    list_filter = ["step__cycle", "step__number", "state", "unit__kind"]
    search_fields = ["unit__code", "unit__name_th"]
    readonly_fields = ["first_submitted_at", "last_submitted_at"]
    inlines = [EventInline, FindingInline]


@admin.register(SubmissionVersion)
class SubmissionVersionAdmin(ReadOnlyAdmin):
    list_display = ["submission", "number", "created_by", "created_at"]
    list_select_related = ["submission__unit", "submission__step__cycle", "created_by"]


@admin.register(SubmissionEvent)
class SubmissionEventAdmin(ReadOnlyAdmin):
    list_display = ["submission", "kind", "at", "actor", "correction_due"]
    list_select_related = ["submission__unit", "submission__step__cycle", "actor"]
    list_filter = ["kind", "submission__step__cycle"]
    search_fields = ["submission__unit__code", "comment"]


@admin.register(SignOff)
class SignOffAdmin(ReadOnlyAdmin):
    list_display = ["submission", "signer_name", "signer_position", "signed_at"]
    list_select_related = ["submission__unit", "submission__step__cycle"]


@admin.register(EvidenceFile)
class EvidenceFileAdmin(CentralModelAdmin):
    list_display = ["original_name", "unit", "content_type", "size", "uploaded_by", "created_at"]
    list_select_related = ["unit", "uploaded_by"]
    search_fields = ["original_name", "unit__code", "sha256"]
    readonly_fields = ["sha256", "size", "content_type", "uploaded_by"]
    raw_id_fields = ["submission", "kpi_sheet_step", "kpi_actual"]


@admin.register(Finding)
class FindingAdmin(CentralModelAdmin):
    list_display = ["submission", "kind", "recorded_by", "recorded_at", "withdrawn_at"]
    list_select_related = ["submission__unit", "submission__step__cycle", "recorded_by"]
    list_filter = ["kind", "submission__step__cycle"]
    search_fields = ["submission__unit__code", "note"]
    raw_id_fields = ["submission"]
    readonly_fields = ["recorded_by", "recorded_at", "withdrawn_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
            obj.recorded_at = timezone.now()
        super().save_model(request, obj, form, change)


@admin.register(ReviewComment)
class ReviewCommentAdmin(CentralModelAdmin):
    list_display = ["submission", "section", "item", "author", "created_at"]
    list_select_related = ["submission__unit", "submission__step__cycle", "author"]
    search_fields = ["submission__unit__code", "text"]
    raw_id_fields = ["submission", "version"]
    readonly_fields = ["author"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)
