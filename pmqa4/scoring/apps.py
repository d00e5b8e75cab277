from django.apps import AppConfig


class ScoringConfig(AppConfig):
    name = "pmqa4.scoring"
    verbose_name = "คะแนน"
