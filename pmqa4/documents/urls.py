from django.urls import path

from . import public_views, summary_views, views

app_name = "downloads"
UNIT = "units/<str:code>/<int:year>/"
urlpatterns = [
    # /units/OPS-SPD/2568/documents/form1.docx?numerals=arabic
    path(UNIT + "documents/<str:doc>.<str:fmt>", views.download, name="download"),
    path("central/documents/", views.bundles_current, name="bundles-current"),
    path("central/<int:year>/documents/", views.bundles, name="bundles"),
    path("central/documents/<int:pk>/progress/", views.bundle_progress, name="bundle-progress"),
    path("central/documents/<int:pk>/download/", views.bundle_download, name="bundle-download"),
    # The blank forms, open to anyone (the briefing hands out this page's QR code).
    path("forms/", public_views.blank_forms_current, name="blank_forms_current"),
    path("forms/<int:fiscal_year>/", public_views.blank_forms, name="blank_forms"),
    path("forms/<int:fiscal_year>/qr.png", public_views.blank_forms_qr, name="blank_forms_qr"),
    path(
        "forms/<int:fiscal_year>/blank-form<str:kind>.<str:fmt>",
        public_views.blank_form,
        name="blank_form",
    ),
    # The year-end summary for the ministry.
    path("central/summary/<int:fiscal_year>/", summary_views.summary_page, name="summary"),
    path(
        "central/summary/<int:fiscal_year>/summary.<str:fmt>",
        summary_views.summary_download,
        name="summary_download",
    ),
]
