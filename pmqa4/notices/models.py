"""Announcements, question threads, the FAQ and the central group's contact card.

They replace the LINE group: the central group posts announcements (to every unit or to some
kinds of unit), a unit asks in a thread only it and the central group can read, good answers
become FAQ entries everyone reads. Every change is audited.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pmqa4.core.audit import track
from pmqa4.core.models import TimeStampedModel, VersionedModel
from pmqa4.org.models import UnitKind


class Announcement(VersionedModel):
    title = models.CharField(_("หัวข้อ"), max_length=200)
    body = models.TextField(_("รายละเอียด"), help_text=_("ข้อความธรรมดา ขึ้นบรรทัดใหม่ได้ ลิงก์จะคลิกได้"))
    pinned = models.BooleanField(_("ปักหมุด"), default=False)
    to_all_units = models.BooleanField(_("ถึงทุกหน่วยงาน"), default=True)
    published_on = models.DateField(_("วันที่เผยแพร่"), default=timezone.localdate, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ผู้ประกาศ"),
    )
    # When the units were told (in-app, e-mail, LINE); empty until the publish date has come.
    notified_at = models.DateTimeField(_("แจ้งหน่วยงานเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("ประกาศ")
        verbose_name_plural = _("ประกาศ")
        ordering = ["-pinned", "-published_on", "-id"]

    def __str__(self):
        return self.title

    def is_published(self, today) -> bool:
        return self.published_on <= today


class AnnouncementAudience(models.Model):
    """One kind of unit an announcement is for (when it is not for every unit)."""

    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="audiences", verbose_name=_("ประกาศ")
    )
    kind = models.CharField(_("ประเภทหน่วยงาน"), max_length=12, choices=UnitKind.choices)

    class Meta:
        verbose_name = _("กลุ่มเป้าหมายของประกาศ")
        verbose_name_plural = _("กลุ่มเป้าหมายของประกาศ")
        constraints = [
            models.UniqueConstraint(
                fields=["announcement", "kind"], name="announcement_audience_once"
            )
        ]

    def __str__(self):
        return self.get_kind_display()


def attachment_path(instance, filename: str) -> str:
    """A random stored name with the extension of the checked content, never the sender's."""
    return f"notices/{uuid.uuid4().hex}{PurePosixPath(filename).suffix.lower()}"


class AnnouncementFile(models.Model):
    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="files", verbose_name=_("ประกาศ")
    )
    file = models.FileField(_("ไฟล์"), upload_to=attachment_path)
    original_name = models.CharField(_("ชื่อไฟล์เดิม"), max_length=255)
    content_type = models.CharField(_("ชนิดไฟล์"), max_length=100)
    size = models.PositiveBigIntegerField(_("ขนาด (ไบต์)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ผู้อัปโหลด"),
    )
    created_at = models.DateTimeField(_("อัปโหลดเมื่อ"), auto_now_add=True)

    class Meta:
        verbose_name = _("ไฟล์แนบประกาศ")
        verbose_name_plural = _("ไฟล์แนบประกาศ")
        ordering = ["id"]

    def __str__(self):
        return self.original_name


class Thread(TimeStampedModel):
    """A unit's question and the conversation under it; only the unit and the central group see
    it. ``awaiting_answer`` is true while the last word is the unit's."""

    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="question_threads",
        verbose_name=_("หน่วยงาน"),
    )
    title = models.CharField(_("เรื่อง"), max_length=200)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ผู้ถาม"),
    )
    awaiting_answer = models.BooleanField(_("รอคำตอบ"), default=True, db_index=True)
    last_post_at = models.DateTimeField(_("ความเคลื่อนไหวล่าสุด"), default=timezone.now)

    class Meta:
        verbose_name = _("คำถาม")
        verbose_name_plural = _("คำถาม")
        ordering = ["-awaiting_answer", "-last_post_at", "-id"]

    def __str__(self):
        return self.title


class Post(models.Model):
    """One message of a thread: the unit's question or follow-up, or the central group's answer."""

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="posts", verbose_name=_("คำถาม")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ผู้เขียน"),
    )
    body = models.TextField(_("ข้อความ"))
    is_answer = models.BooleanField(_("คำตอบจากส่วนกลาง"), default=False)
    created_at = models.DateTimeField(_("เมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("ข้อความในคำถาม")
        verbose_name_plural = _("ข้อความในคำถาม")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.thread} · {self.created_at:%Y-%m-%d %H:%M}"


class Faq(VersionedModel):
    """A question and its answer for everyone, written without anyone's personal data."""

    question = models.TextField(_("คำถาม"))
    answer = models.TextField(_("คำตอบ"))
    thread = models.ForeignKey(
        Thread,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="faqs",
        verbose_name=_("จากคำถาม"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ผู้เผยแพร่"),
    )

    class Meta:
        verbose_name = _("คำถามที่พบบ่อย")
        verbose_name_plural = _("คำถามที่พบบ่อย")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.question[:80]


class ContactCard(TimeStampedModel):
    """The central group's contact, one row (id 1); without it the settings' defaults show."""

    SINGLETON = 1

    name = models.CharField(_("ชื่อผู้ติดต่อ/หน่วยงาน"), max_length=200)
    phone = models.CharField(_("โทรศัพท์"), max_length=60, blank=True)
    email = models.EmailField(_("อีเมล"), blank=True)
    line_id = models.CharField(
        _("LINE ID"), max_length=60, blank=True, help_text=_("เช่น @pmqa-mol หรือ LINE ID ของเจ้าหน้าที่")
    )
    note = models.CharField(
        _("หมายเหตุ"), max_length=300, blank=True, help_text=_("เช่น เวลาทำการ หรือชื่อเจ้าหน้าที่ผู้รับผิดชอบ")
    )

    class Meta:
        verbose_name = _("ข้อมูลติดต่อส่วนกลาง")
        verbose_name_plural = _("ข้อมูลติดต่อส่วนกลาง")
        constraints = [models.CheckConstraint(condition=Q(id=1), name="contact_card_singleton")]

    def __str__(self):
        return self.name


track(Announcement, AnnouncementAudience, AnnouncementFile, Thread, Post, Faq, ContactCard)
