from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "pmqa4.audit"
    verbose_name = "บันทึกการเปลี่ยนแปลงและสำรองข้อมูล"
