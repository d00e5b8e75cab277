from django.urls import path

from . import views

app_name = "reports"
YEAR = "units/<str:code>/<int:year>/"
urlpatterns = [
    path(YEAR + "report/", views.reports, name="reports"),
    path(YEAR + "report/<int:activity_pk>/", views.report, name="report"),
    path(YEAR + "actuals/", views.actuals, name="actuals"),
    path(YEAR + "actuals/<int:kpi_pk>/", views.actual_report, name="actual-report"),
    path(
        YEAR + "actuals/<int:kpi_pk>/preview/",
        views.achievement_preview,
        name="achievement-preview",
    ),
]
