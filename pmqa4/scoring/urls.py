from django.urls import path

from . import views

app_name = "scoring"
urlpatterns = [
    path("units/<str:code>/score/", views.unit_score_page, name="unit"),
    path("units/<str:code>/findings/", views.finding_create, name="finding-create"),
    path(
        "units/<str:code>/findings/<int:pk>/withdraw/",
        views.finding_withdraw_view,
        name="finding-withdraw",
    ),
    path("central/scores/", views.scoreboard, name="board"),
    path("central/scores/publish/", views.publish, name="publish"),
]
