from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "pmqa4.submissions"
    verbose_name = "การส่งงาน"
