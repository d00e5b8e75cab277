from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pmqa4.core"
    verbose_name = "ระบบกลาง"
