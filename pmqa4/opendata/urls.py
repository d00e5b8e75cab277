from django.urls import path

from . import views

app_name = "opendata"
urlpatterns = [
    path("public/", views.home, name="home"),
    path("public/data-dictionary/", views.dictionary, name="dictionary"),
    path("public/<int:year>/", views.index, name="index"),
    path("public/<int:year>/units/<str:code>/", views.unit_page, name="unit"),
    path("public/<int:year>/data/<str:dataset>.<str:fmt>", views.download, name="download"),
]
