from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("privacy/", views.notice, name="notice"),
    path("privacy/my-data/", views.my_data_page, name="my-data"),
    path("privacy/my-data/download/", views.my_data_download, name="my-data-download"),
]
