from django.urls import path

from . import views

app_name = "dashboard"
urlpatterns = [
    path("central/", views.overview, name="overview"),
]
