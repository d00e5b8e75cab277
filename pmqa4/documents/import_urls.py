from django.urls import path

from . import import_views, scoreboard_export

app_name = "excel"
BASE = "units/<str:code>/<int:year>/plans/import/<str:kind>/"
urlpatterns = [
    path(BASE, import_views.import_page, name="import"),
    path(BASE + "template.xlsx", import_views.import_template, name="import-template"),
    path(BASE + "confirm/", import_views.import_confirm, name="import-confirm"),
    path("central/scores/excel/", scoreboard_export.scoreboard_download, name="scoreboard"),
]
