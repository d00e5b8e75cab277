from django.apps import AppConfig


class FrameworkConfig(AppConfig):
    name = "pmqa4.framework"
    verbose_name = "ข้อมูลอ้างอิง PMQA 4.0"
