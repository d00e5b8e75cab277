from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "pmqa4.reports"
    verbose_name = "รายงานผล"
