"""Notifications: what a person is told (the bell), and each send of it by e-mail or LINE.

A Notification is unique per person and event key, and a Delivery per notification and channel:
running the reminders twice, or a notice saved twice, finds the rows already there and sends
nothing twice. Deliveries are the outbox: written in the same transaction as what they tell,
sent after it commits, retried with back-off when a send fails, and kept (never deleted) as
sent or failed.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    REMINDER = "reminder", _("เตือนกำหนดส่ง")
    AWAITING_SIGN_OFF = "awaiting_sign_off", _("รอผู้บริหารลงนาม")
    RETURNED = "returned", _("ส่งกลับแก้ไข")
    ACCEPTED = "accepted", _("ผ่านการตรวจรับ")
    ANNOUNCEMENT = "announcement", _("ประกาศ")
    ANSWER = "answer", _("คำตอบ")
    TEST = "test", _("ทดสอบการแจ้งเตือน")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("ผู้รับ"),
    )
    kind = models.CharField(_("ประเภท"), max_length=20, choices=Kind.choices)
    key = models.CharField(
        _("รหัสเหตุการณ์"),
        max_length=200,
        help_text=_("เหตุการณ์เดียวกันแจ้งผู้รับคนเดียวกันได้ครั้งเดียว"),
    )
    title = models.CharField(_("เรื่อง"), max_length=200)
    body = models.TextField(_("ข้อความ"))
    link = models.CharField(_("ลิงก์"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("เมื่อ"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("อ่านเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("การแจ้งเตือน")
        verbose_name_plural = _("การแจ้งเตือน")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notification_once_per_key")
        ]
        indexes = [
            models.Index(
                fields=["recipient"],
                condition=Q(read_at__isnull=True),
                name="notification_unread",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def page_link(self) -> str:
        """The link when it is a path of this site (the only kind a page shows), else ""."""
        link = self.link
        return link if link.startswith("/") and not link.startswith("//") else ""


class Channel(models.TextChoices):
    EMAIL = "email", _("อีเมล")
    LINE = "line", _("LINE")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("รอส่ง")
    SENT = "sent", _("ส่งแล้ว")
    FAILED = "failed", _("ส่งไม่สำเร็จ")


class Delivery(models.Model):
    """One notification on one channel. Pending until sent; failed after the last attempt."""

    notification = models.ForeignKey(
        Notification,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("การแจ้งเตือน"),
    )
    channel = models.CharField(_("ช่องทาง"), max_length=10, choices=Channel.choices)
    address = models.CharField(
        _("ส่งถึง"), max_length=254, help_text=_("อีเมล หรือ LINE user ID ของผู้รับ")
    )
    status = models.CharField(
        _("สถานะ"),
        max_length=10,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("จำนวนครั้งที่ส่ง"), default=0)
    last_error = models.TextField(_("ข้อผิดพลาดล่าสุด"), blank=True)
    next_attempt_at = models.DateTimeField(_("ส่ง (อีกครั้ง) เมื่อ"), null=True, blank=True)
    sent_at = models.DateTimeField(_("ส่งสำเร็จเมื่อ"), null=True, blank=True)
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    # Sent as LINE's X-Line-Retry-Key: LINE runs a retried push once, whatever the retries.
    retry_key = models.UUIDField(_("รหัสส่งซ้ำ"), default=uuid.uuid4, editable=False, unique=True)

    class Meta:
        verbose_name = _("การส่งแจ้งเตือน")
        verbose_name_plural = _("การส่งแจ้งเตือน")
        ordering = ["-created_at", "-id"]
        constraints = [
            # The idempotency key: (channel, recipient, event key) through the notification.
            models.UniqueConstraint(
                fields=["notification", "channel"], name="delivery_once_per_channel"
            ),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
                name="delivery_sent_has_time",
            ),
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="delivery_due")]

    def __str__(self):
        return f"{self.get_channel_display()} → {self.address} · {self.get_status_display()}"


class Preference(models.Model):
    """How a person wants to be told; without a row, e-mail on and LINE off."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
        verbose_name=_("ผู้ใช้"),
    )
    email = models.BooleanField(_("รับทางอีเมล"), default=True)
    line = models.BooleanField(_("รับทาง LINE"), default=False)
    # A one-time code the person sends to our LINE Official Account to link their LINE user ID
    # (pmqa4/notifications/linking.py); kept only until it is used or expires.
    line_link_code = models.CharField(_("รหัสเชื่อมบัญชี LINE"), max_length=20, blank=True)
    line_link_expires = models.DateTimeField(_("รหัสเชื่อมบัญชีหมดอายุเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("การตั้งค่าการแจ้งเตือน")
        verbose_name_plural = _("การตั้งค่าการแจ้งเตือน")

    def __str__(self):
        return str(self.user)
