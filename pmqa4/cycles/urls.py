from django.urls import path

from . import views

app_name = "cycles"
urlpatterns = [
    path("cycles/", views.cycle_timeline, name="current"),
    path("cycles/<int:fiscal_year>/", views.cycle_timeline, name="timeline"),
    path("cycles/<int:fiscal_year>/timeline.pdf", views.timeline_pdf, name="timeline-pdf"),
    path("cycles/<int:fiscal_year>/dates/", views.dates_edit, name="dates"),
    path("cycles/<int:fiscal_year>/extensions/", views.extensions, name="extensions"),
    path(
        "cycles/<int:fiscal_year>/extensions/<int:pk>/",
        views.extension_edit,
        name="extension-edit",
    ),
    path(
        "cycles/<int:fiscal_year>/extensions/<int:pk>/revoke/",
        views.extension_revoke,
        name="extension-revoke",
    ),
]
