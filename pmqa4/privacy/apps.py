from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "pmqa4.privacy"
    verbose_name = "การคุ้มครองข้อมูลส่วนบุคคล"
