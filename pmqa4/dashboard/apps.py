from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "pmqa4.dashboard"
    verbose_name = "ภาพรวม"
