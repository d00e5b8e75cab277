from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "pmqa4.notices"
    verbose_name = "ประกาศและถาม-ตอบ"
