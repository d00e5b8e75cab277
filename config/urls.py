from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from pmqa4.api.api import api
from pmqa4.core import views as core_views
from pmqa4.core.forms import ThaiAuthenticationForm

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            authentication_form=ThaiAuthenticationForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("pmqa4.org.urls")),
    path("", include("pmqa4.cycles.urls")),
    path("", include("pmqa4.dashboard.urls")),
    path("", include("pmqa4.scoring.urls")),
    path("", include("pmqa4.submissions.urls")),
    path("", include("pmqa4.teams.urls")),
    path("", include("pmqa4.reports.urls")),
    path("", include("pmqa4.plans.urls")),
    path("", include("pmqa4.documents.urls")),
    path("", include("pmqa4.documents.import_urls")),
    path("", include("pmqa4.audit.urls")),
    path("", include("pmqa4.privacy.urls")),
    path("", include("pmqa4.accounts.urls")),
    path("", include("pmqa4.api.urls")),
    path("", include("pmqa4.notifications.urls")),
    path("", include("pmqa4.opendata.urls")),
    path("", include("pmqa4.notices.urls")),
    path("api/v1/", api.urls),
]
