from django.urls import path

from . import meeting_views, views

app_name = "teams"
UNIT = "units/<str:code>/<int:year>/"
MEMBER = UNIT + "roster/members/<int:pk>/"
urlpatterns = [
    path(UNIT + "roster/", views.roster, name="roster"),
    path(UNIT + "roster/members/add/", views.member_add, name="member-add"),
    path(MEMBER, views.member_row, name="member-row"),
    path(MEMBER + "edit/", views.member_edit, name="member-edit"),
    path(MEMBER + "remove/", views.member_remove, name="member-remove"),
    path(UNIT + "meetings/", meeting_views.unit_meetings, name="unit-meetings"),
    path("central/<int:year>/meetings/", meeting_views.meetings, name="meetings"),
    path("central/meetings/<int:pk>/edit/", meeting_views.meeting_edit, name="meeting-edit"),
    path("central/meetings/<int:pk>/attendance/", meeting_views.attendance, name="attendance"),
    path("central/meetings/<int:pk>/checkin-qr/", meeting_views.checkin_qr, name="checkin-qr"),
    path("meetings/checkin/<str:token>/", meeting_views.checkin, name="checkin"),
]
