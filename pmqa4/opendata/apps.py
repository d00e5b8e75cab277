from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "pmqa4.opendata"
    verbose_name = "ข้อมูลเปิด"
