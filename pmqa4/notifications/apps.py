from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "pmqa4.notifications"
    verbose_name = "การแจ้งเตือน"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
