from django.urls import path

from . import views

app_name = "org"
urlpatterns = [
    path("units/<str:code>/", views.unit_home, name="unit-home"),
]
