"""Personal access tokens for the REST API, and the log of their use.

Only a SHA-256 of a token is stored: the token itself is shown once, when it is made, and
cannot be read back from the database. A token acts for its user with that user's roles at
the time of each call, narrowed by its scope.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from pmqa4.core.audit import track


class Scope(models.TextChoices):
    READ = "read", _("อ่านข้อมูลอย่างเดียว")
    READ_WRITE_ACTUALS = "read_write_actuals", _("อ่านข้อมูล และบันทึกผลตัวชี้วัด")


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("ผู้ใช้"),
    )
    name = models.CharField(_("ชื่อโทเค็น"), max_length=100)
    scope = models.CharField(_("สิทธิ์"), max_length=20, choices=Scope.choices)
    secret_hash = models.CharField(_("ค่าแฮช SHA-256 ของโทเค็น"), max_length=64, unique=True)
    hint = models.CharField(_("ส่วนต้นของโทเค็น"), max_length=16, help_text=_("ช่วยให้จำได้ว่าเป็นโทเค็นใด"))
    created_at = models.DateTimeField(_("สร้างเมื่อ"))
    last_used_at = models.DateTimeField(_("ใช้ล่าสุดเมื่อ"), null=True, blank=True)
    expires_at = models.DateTimeField(_("หมดอายุเมื่อ"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ยกเลิกเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("โทเค็นการเข้าถึง API")
        verbose_name_plural = _("โทเค็นการเข้าถึง API")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.name} ({self.hint}…)"

    def state(self, now) -> str:
        """active, revoked or expired (revoked wins: it was a decision)."""
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= now:
            return "expired"
        return "active"

    @property
    def can_write_actuals(self) -> bool:
        return self.scope == Scope.READ_WRITE_ACTUALS


class ApiTokenUse(models.Model):
    """One API call made with a token (a revoked or expired one too: its owner should know)."""

    token = models.ForeignKey(
        ApiToken, on_delete=models.CASCADE, related_name="uses", verbose_name=_("โทเค็น")
    )
    method = models.CharField(_("วิธีเรียก"), max_length=10)
    path = models.CharField(_("ที่อยู่"), max_length=500)
    status = models.PositiveSmallIntegerField(_("ผลลัพธ์ (HTTP status)"))
    at = models.DateTimeField(_("เมื่อ"), db_index=True)
    ip = models.GenericIPAddressField(_("หมายเลข IP"), null=True, blank=True)

    class Meta:
        verbose_name = _("บันทึกการใช้โทเค็น")
        verbose_name_plural = _("บันทึกการใช้โทเค็น")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["token", "-at"], name="api_token_use_token_at")]

    def __str__(self):
        return f"{self.token_id} {self.method} {self.path} {self.status}"


# Creating and revoking a token are audited; its hash never goes into the audit trail.
track(ApiToken, exclude=("secret_hash", "last_used_at"))
