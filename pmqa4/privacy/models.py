"""Who opened which page when: kept a limited time (ACCESS_LOG_RETENTION_DAYS), then pruned."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessLog(models.Model):
    """One request of a signed-in person. Only the path is kept, not the query string, which
    may carry what they searched for."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="access_logs",
        verbose_name=_("ผู้ใช้"),
    )
    path = models.CharField(_("หน้า"), max_length=500)
    method = models.CharField(_("วิธีเรียก"), max_length=10)
    status = models.PositiveSmallIntegerField(_("ผลลัพธ์ (HTTP status)"))
    ip = models.GenericIPAddressField(_("หมายเลข IP"), null=True, blank=True)
    at = models.DateTimeField(_("เมื่อ"), db_index=True)

    class Meta:
        verbose_name = _("บันทึกการเข้าใช้งาน")
        verbose_name_plural = _("บันทึกการเข้าใช้งาน")
        ordering = ["-at"]
        indexes = [models.Index(fields=["user", "-at"], name="access_log_user_at")]

    def __str__(self):
        return f"{self.user_id} {self.method} {self.path} {self.status}"
