from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pmqa4.core"
    verbose_name = "ระบบกลาง"

    def ready(self):
        # Connects the sign-in receiver that starts a session's idle and absolute clocks.
        from . import sessions  # noqa: F401
