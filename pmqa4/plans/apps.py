from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "pmqa4.plans"
    verbose_name = "แผนและตัวชี้วัด"
