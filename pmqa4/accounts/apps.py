from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "pmqa4.accounts"
    verbose_name = "ความปลอดภัยในการเข้าสู่ระบบ"

    def ready(self):
        from . import signals  # noqa: F401
