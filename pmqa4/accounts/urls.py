from django.urls import path

from . import lockout_views, views

app_name = "accounts"
urlpatterns = [
    path("accounts/security/", views.security, name="security"),
    path("accounts/security/app/", views.mfa_setup, name="mfa-setup"),
    path("accounts/security/recovery-codes/", views.recovery_codes, name="recovery-codes"),
    path(
        "accounts/security/recovery-codes/new/",
        views.recovery_regenerate,
        name="recovery-regenerate",
    ),
    path("accounts/security/off/", views.mfa_disable, name="mfa-disable"),
    path("accounts/verify/", views.verify, name="verify"),
    path("accounts/locked/", lockout_views.locked_list, name="lockouts"),
    path("accounts/locked/unlock/", lockout_views.unlock, name="unlock"),
]
