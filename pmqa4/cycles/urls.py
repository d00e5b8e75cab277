from django.urls import path

from . import views

app_name = "cycles"
urlpatterns = [
    path("cycles/", views.cycle_timeline, name="current"),
    path("cycles/<int:fiscal_year>/", views.cycle_timeline, name="timeline"),
]
