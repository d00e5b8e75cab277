from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "pmqa4.demo"
    verbose_name = "ข้อมูลตัวอย่าง"
