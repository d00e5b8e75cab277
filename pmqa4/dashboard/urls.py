from django.urls import path

from . import views

app_name = "dashboard"
urlpatterns = [
    path("central/", views.overview, name="overview"),
    path("central/charts/", views.chart_page, name="charts"),
    path("central/export/<str:table>.<str:fmt>", views.export, name="export"),
]
