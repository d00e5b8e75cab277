from django.urls import path

from . import views

app_name = "plans"
BASE = "units/<str:code>/<int:year>/plans/"
urlpatterns = [
    path(BASE, views.overview, name="overview"),
    path(BASE + "form1/", views.form1, name="form1"),
    path(BASE + "form1/add/<int:dimension>/", views.form1_item, name="form1-item-add"),
    path(BASE + "form1/items/<int:pk>/", views.form1_item, name="form1-item"),
    path(BASE + "form1/carry-over/", views.form1_carry_over, name="form1-carry-over"),
    path(BASE + "form2/", views.form2, name="form2"),
    path(BASE + "form2/add/<int:dimension>/", views.form2_activity, name="form2-activity-add"),
    path(BASE + "form2/activities/<int:pk>/", views.form2_activity, name="form2-activity"),
    path(
        BASE + "form2/activities/<int:activity>/steps/add/",
        views.form2_step,
        name="form2-step-add",
    ),
    path(BASE + "form2/steps/<int:pk>/", views.form2_step, name="form2-step"),
    path(BASE + "form2/draft-from-form1/", views.form2_draft, name="form2-draft"),
    path(BASE + "kpis/", views.kpis, name="kpis"),
    path(BASE + "kpis/<str:kpi_code>/", views.kpi_sheet, name="kpi-sheet"),
    path(BASE + "kpis/<str:kpi_code>/steps/add/", views.kpi_step, name="kpi-step-add"),
    path(BASE + "kpis/<str:kpi_code>/steps/<int:pk>/", views.kpi_step, name="kpi-step"),
]
