from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "pmqa4.org"
    verbose_name = "หน่วยงานและผู้ใช้"
