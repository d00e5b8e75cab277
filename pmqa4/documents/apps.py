from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "pmqa4.documents"
    verbose_name = "เอกสารและแบบฟอร์มทางราชการ"
