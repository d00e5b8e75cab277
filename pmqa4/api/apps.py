from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "pmqa4.api"
    label = "api"
    verbose_name = _("REST API และโทเค็นการเข้าถึง")
