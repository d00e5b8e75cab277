from django.apps import AppConfig


class CyclesConfig(AppConfig):
    name = "pmqa4.cycles"
    verbose_name = "รอบปีงบประมาณ"
