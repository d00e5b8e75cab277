"""A ZIP of every unit's forms of a step, built in the background (tasks.py) for the central group.

The row is both the job and its progress: the worker claims a queued row, counts each document
as it goes and records a unit whose document failed without stopping the others, so the page
that polls it can show a progress bar, the failures and, at the end, the download link.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from pmqa4.cycles.models import Cycle

from .service import FORMATS


class BundleStep(models.TextChoices):
    """What a bundle gathers: the forms that a step of the cycle asks for, or the score report."""

    TEAM = "1", _("ขั้นตอนที่ ๑ รายชื่อทีมงาน PMQA Team")
    PLANS = "3", _("ขั้นตอนที่ ๓ แบบฟอร์ม ๑–๓ (แผนระยะ ๓ ปี แผนปฏิบัติการ รายละเอียดตัวชี้วัด)")
    REPORT = "4", _("ขั้นตอนที่ ๔ แบบฟอร์ม ๔ (รายงานผลการดำเนินงาน)")
    SCORE = "score", _("รายงานผลคะแนนตัวชี้วัดของหน่วยงาน")


# The document kinds (service.KINDS) each choice puts in every unit's folder.
STEP_KINDS = {
    BundleStep.TEAM: ("roster",),
    BundleStep.PLANS: ("1", "2", "3"),
    BundleStep.REPORT: ("4",),
    BundleStep.SCORE: ("score",),
}


class BundleStatus(models.TextChoices):
    QUEUED = "queued", _("รอคิว")
    RUNNING = "running", _("กำลังสร้าง")
    DONE = "done", _("เสร็จแล้ว")
    FAILED = "failed", _("ไม่สำเร็จ")


class DocumentBundle(models.Model):
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="document_bundles",
        verbose_name=_("ผู้สั่งสร้าง"),
    )
    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="document_bundles", verbose_name=_("รอบปี")
    )
    step = models.CharField(_("เอกสารของ"), max_length=8, choices=BundleStep.choices)
    fmt = models.CharField(
        _("รูปแบบไฟล์"), max_length=4, choices=[(k, f.label) for k, f in FORMATS.items()]
    )
    numerals = models.CharField(
        _("ตัวเลข"),
        max_length=6,
        choices=[("thai", _("เลขไทย")), ("arabic", _("เลขอารบิก"))],
        default="thai",
    )
    status = models.CharField(
        _("สถานะ"), max_length=8, choices=BundleStatus.choices, default=BundleStatus.QUEUED
    )
    done = models.PositiveIntegerField(_("สร้างแล้ว (ไฟล์)"), default=0)
    total = models.PositiveIntegerField(_("ทั้งหมด (ไฟล์)"), default=0)
    # One entry per document that failed: {"unit": code, "name": unit name, "kind", "message"}.
    failures = models.JSONField(_("เอกสารที่สร้างไม่สำเร็จ"), default=list, blank=True)
    error = models.TextField(_("ข้อผิดพลาด"), blank=True)
    file = models.FileField(_("ไฟล์ ZIP"), upload_to="document-bundles/", blank=True)
    created_at = models.DateTimeField(_("สั่งเมื่อ"), auto_now_add=True)
    started_at = models.DateTimeField(_("เริ่มเมื่อ"), null=True, blank=True)
    # Set with every document the worker finishes: a running bundle that stops moving was
    # orphaned by a worker that died, and goes back to the queue (tasks.requeue_stalled).
    progressed_at = models.DateTimeField(_("คืบหน้าล่าสุด"), null=True, blank=True)
    finished_at = models.DateTimeField(_("เสร็จเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("ชุดเอกสารรวมทุกหน่วยงาน")
        verbose_name_plural = _("ชุดเอกสารรวมทุกหน่วยงาน")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.cycle.fiscal_year} {self.get_step_display()} ({self.fmt})"

    @property
    def kinds(self) -> tuple[str, ...]:
        return STEP_KINDS[BundleStep(self.step)]

    @property
    def is_active(self) -> bool:
        """Still queued or running: the page keeps polling it."""
        return self.status in (BundleStatus.QUEUED, BundleStatus.RUNNING)

    @property
    def percent(self) -> int:
        if self.status == BundleStatus.DONE:
            return 100
        return int(self.done * 100 / self.total) if self.total else 0

    @property
    def filename(self) -> str:
        """2568_step3_pdf.zip: what the browser saves the ZIP as."""
        return f"{self.cycle.fiscal_year}_{_slug(self.step)}_{self.fmt}.zip"


def _slug(step: str) -> str:
    return "score" if step == BundleStep.SCORE else f"step{step}"
