from django.contrib import admin

from pmqa4.core.admin_site import CentralModelAdmin, CentralTabularInline

from .models import Attendance, Meeting, Roster, TeamMember


class TeamMemberInline(CentralTabularInline):
    model = TeamMember
    fields = ["order", "full_name", "position", "team_role", "phone", "email"]


@admin.register(Roster)
class RosterAdmin(CentralModelAdmin):
    list_display = ["unit", "cycle", "version", "updated_at"]
    list_select_related = ["unit", "cycle"]
    list_filter = ["cycle", "unit__kind"]
    search_fields = ["unit__code", "unit__name_th"]
    inlines = [TeamMemberInline]


@admin.register(TeamMember)
class TeamMemberAdmin(CentralModelAdmin):
    list_display = ["full_name", "position", "team_role", "roster"]
    list_select_related = ["roster__unit", "roster__cycle"]
    search_fields = ["full_name", "email", "roster__unit__code"]


@admin.register(Meeting)
class MeetingAdmin(CentralModelAdmin):
    list_display = ["title", "kind", "held_on", "required", "cycle"]
    list_select_related = ["cycle"]
    list_filter = ["cycle", "kind", "required"]
    search_fields = ["title", "location"]
    date_hierarchy = "held_on"


@admin.register(Attendance)
class AttendanceAdmin(CentralModelAdmin):
    list_display = ["member", "meeting", "method", "recorded_by", "created_at"]
    list_select_related = ["member__roster__unit", "meeting", "recorded_by"]
    list_filter = ["meeting__cycle", "method"]
    search_fields = ["member__full_name", "member__roster__unit__code", "meeting__title"]
    raw_id_fields = ["member"]
