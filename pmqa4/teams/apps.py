from django.apps import AppConfig


class TeamsConfig(AppConfig):
    name = "pmqa4.teams"
    verbose_name = "ทีมงานและการประชุม"
