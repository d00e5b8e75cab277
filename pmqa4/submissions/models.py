"""The submit / sign-off / return / accept workflow of each unit's step, and its evidence.

A Submission is one unit's step in one cycle. Its events are the timeline the scoring reads:
each `submitted`/`resubmitted` event is a submission in the facts, a `returned` event marks the
one before it as returned (with its correction due date).
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pmqa4.core.audit import track
from pmqa4.core.models import TimeStampedModel


class State(models.TextChoices):
    DRAFT = "draft", _("ร่าง")
    AWAITING_SIGN_OFF = "awaiting_sign_off", _("รอผู้บริหารลงนาม")
    SUBMITTED = "submitted", _("ส่งแล้ว")
    RETURNED = "returned", _("ส่งกลับแก้ไข")
    RESUBMITTED = "resubmitted", _("ส่งฉบับแก้ไขแล้ว")
    ACCEPTED = "accepted", _("ผ่านการตรวจรับ")


# Which state may follow which. Steps 1 and 5 need no executive sign-off (SCORING.md), so a draft
# may go straight to submitted; a returned step goes back through sign-off where its step needs it.
TRANSITIONS: dict[str, frozenset[str]] = {
    State.DRAFT: frozenset({State.AWAITING_SIGN_OFF, State.SUBMITTED}),
    State.AWAITING_SIGN_OFF: frozenset({State.SUBMITTED, State.DRAFT}),
    State.SUBMITTED: frozenset({State.RETURNED, State.ACCEPTED}),
    State.RETURNED: frozenset({State.AWAITING_SIGN_OFF, State.RESUBMITTED}),
    State.RESUBMITTED: frozenset({State.RETURNED, State.ACCEPTED}),
    State.ACCEPTED: frozenset({State.RETURNED}),
}

# Steps whose forms the unit executive signs (ลงนาม) before they count as submitted.
STEPS_NEEDING_SIGN_OFF = frozenset({3, 4})


class Submission(TimeStampedModel):
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="submissions", verbose_name=_("หน่วยงาน")
    )
    step = models.ForeignKey(
        "cycles.Step", on_delete=models.PROTECT, related_name="submissions", verbose_name=_("ขั้นตอน")
    )
    state = models.CharField(_("สถานะ"), max_length=20, choices=State.choices, default=State.DRAFT)
    first_submitted_at = models.DateTimeField(_("ส่งครั้งแรกเมื่อ"), null=True, blank=True)
    last_submitted_at = models.DateTimeField(_("ส่งล่าสุดเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("การส่งงาน")
        verbose_name_plural = _("การส่งงาน")
        ordering = ["step__cycle", "unit", "step__number"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "step"], name="submission_unique_per_step"),
            models.CheckConstraint(
                condition=Q(state=State.DRAFT)
                | Q(state=State.AWAITING_SIGN_OFF)
                | Q(first_submitted_at__isnull=False),
                name="submission_submitted_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.unit.code} · ขั้นตอนที่ {self.step.number} · {self.get_state_display()}"

    def can_become(self, state: str) -> bool:
        return state in TRANSITIONS[self.state]

    @property
    def needs_sign_off(self) -> bool:
        return self.step.number in STEPS_NEEDING_SIGN_OFF


class SubmissionVersion(TimeStampedModel):
    """A frozen copy of what was submitted: later edits make a new version, never rewrite one."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="versions", verbose_name=_("การส่งงาน")
    )
    number = models.PositiveIntegerField(_("ฉบับที่"))
    snapshot = models.JSONField(_("ข้อมูลที่ส่ง"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ผู้จัดทำ"),
    )

    class Meta:
        verbose_name = _("ฉบับของการส่งงาน")
        verbose_name_plural = _("ฉบับของการส่งงาน")
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"], name="submission_version_unique"
            )
        ]

    def __str__(self):
        return f"{self.submission} ฉบับที่ {self.number}"


class EventKind(models.TextChoices):
    SENT_FOR_SIGN_OFF = "sent_for_sign_off", _("เสนอผู้บริหารลงนาม")
    SIGNED_OFF = "signed_off", _("ผู้บริหารลงนาม")
    SENT_BACK = "sent_back", _("ผู้บริหารส่งคืนให้แก้ไขก่อนลงนาม")
    SUBMITTED = "submitted", _("ส่ง")
    RETURNED = "returned", _("ส่งกลับแก้ไข")
    RESUBMITTED = "resubmitted", _("ส่งฉบับแก้ไข")
    ACCEPTED = "accepted", _("ตรวจรับ")


class SubmissionEvent(TimeStampedModel):
    """One step of the workflow, with its time, actor and comment (the return's correction due)."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="events", verbose_name=_("การส่งงาน")
    )
    kind = models.CharField(_("เหตุการณ์"), max_length=20, choices=EventKind.choices)
    at = models.DateTimeField(_("เมื่อ"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("โดย")
    )
    version = models.ForeignKey(
        SubmissionVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("ฉบับ"),
    )
    comment = models.TextField(_("ความเห็น"), blank=True)
    correction_due = models.DateField(_("กำหนดส่งฉบับแก้ไข"), null=True, blank=True)

    class Meta:
        verbose_name = _("ประวัติการส่งงาน")
        verbose_name_plural = _("ประวัติการส่งงาน")
        ordering = ["submission", "at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=EventKind.RETURNED) | Q(correction_due__isnull=True),
                name="event_correction_due_only_on_return",
            )
        ]

    def __str__(self):
        return f"{self.submission} · {self.get_kind_display()} · {self.at:%Y-%m-%d %H:%M}"


class SignOff(TimeStampedModel):
    """The executive's signature on a version; name and position print in the signature block."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="sign_offs", verbose_name=_("การส่งงาน")
    )
    version = models.ForeignKey(
        SubmissionVersion, on_delete=models.PROTECT, related_name="sign_offs", verbose_name=_("ฉบับ")
    )
    executive = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="sign_offs",
        verbose_name=_("ผู้บริหารผู้ลงนาม"),
    )
    signed_at = models.DateTimeField(_("ลงนามเมื่อ"))
    signer_name = models.CharField(_("ชื่อผู้ลงนาม"), max_length=200)
    signer_position = models.CharField(_("ตำแหน่งผู้ลงนาม"), max_length=200)

    class Meta:
        verbose_name = _("การลงนามของผู้บริหาร")
        verbose_name_plural = _("การลงนามของผู้บริหาร")
        ordering = ["submission", "signed_at"]
        constraints = [
            models.UniqueConstraint(fields=["version"], name="sign_off_once_per_version")
        ]

    def __str__(self):
        return f"{self.signer_name} · {self.submission}"


def evidence_path(instance, filename: str) -> str:
    """Random stored names: the original name is kept in a field, never used as a path."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"evidence/{uuid.uuid4().hex}{suffix}"


class EvidenceFile(TimeStampedModel):
    """A file a unit attaches as evidence, to a submission, a KPI step or a KPI actual."""

    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="evidence_files",
        verbose_name=_("หน่วยงาน"),
    )
    submission = models.ForeignKey(
        Submission,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evidence_files",
        verbose_name=_("การส่งงาน"),
    )
    kpi_sheet_step = models.ForeignKey(
        "plans.KpiSheetStep",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evidence_files",
        verbose_name=_("ขั้นตอนตามตัวชี้วัด"),
    )
    kpi_actual = models.ForeignKey(
        "plans.KpiActual",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evidence_files",
        verbose_name=_("ผลตามตัวชี้วัด"),
    )
    file = models.FileField(_("ไฟล์"), upload_to=evidence_path)
    original_name = models.CharField(_("ชื่อไฟล์เดิม"), max_length=255)
    content_type = models.CharField(_("ชนิดไฟล์"), max_length=100)
    size = models.PositiveBigIntegerField(_("ขนาด (ไบต์)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    description = models.CharField(_("คำอธิบาย"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ผู้อัปโหลด"),
    )

    class Meta:
        verbose_name = _("ไฟล์หลักฐาน")
        verbose_name_plural = _("ไฟล์หลักฐาน")
        constraints = [
            models.CheckConstraint(
                condition=Q(submission__isnull=False)
                | Q(kpi_sheet_step__isnull=False)
                | Q(kpi_actual__isnull=False),
                name="evidence_attached_to_something",
            )
        ]

    def __str__(self):
        return self.original_name


class FindingKind(models.TextChoices):
    NOT_UNIT_WIDE = "not_unit_wide", _("ข้อมูลไม่เป็นภาพรวมของหน่วยงาน")
    NOT_AS_PRESCRIBED = "not_as_prescribed", _("จัดส่งไม่เป็นไปตามที่กำหนด")


class Finding(TimeStampedModel):
    """An evaluator's finding on step 3 or 4 that costs points; withdrawn, it stays on record."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="findings", verbose_name=_("การส่งงาน")
    )
    kind = models.CharField(_("ข้อค้นพบ"), max_length=20, choices=FindingKind.choices)
    note = models.TextField(_("รายละเอียด"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ผู้บันทึก"),
    )
    recorded_at = models.DateTimeField(_("บันทึกเมื่อ"))
    withdrawn_at = models.DateTimeField(_("ถอนเมื่อ"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้ถอน"),
    )
    withdrawal_note = models.TextField(_("เหตุผลที่ถอน"), blank=True)

    class Meta:
        verbose_name = _("ข้อค้นพบของผู้ประเมิน")
        verbose_name_plural = _("ข้อค้นพบของผู้ประเมิน")
        ordering = ["submission", "recorded_at"]
        constraints = [
            # The deduction is once per step: one standing finding of each kind per submission.
            models.UniqueConstraint(
                fields=["submission", "kind"],
                condition=Q(withdrawn_at__isnull=True),
                name="finding_one_standing_per_kind",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(withdrawn_by__isnull=False),
                name="finding_withdrawal_has_actor",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.submission}"

    @property
    def is_standing(self) -> bool:
        return self.withdrawn_at is None


class ReviewComment(TimeStampedModel):
    """The central group's comment on one form or one item of a submitted version, which the
    unit sees next to what it is about when the step comes back for correction."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="comments", verbose_name=_("การส่งงาน")
    )
    version = models.ForeignKey(
        SubmissionVersion,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("ฉบับ"),
    )
    section = models.CharField(_("แบบฟอร์ม/ส่วน"), max_length=50)
    item = models.CharField(_("รายการ"), max_length=100, blank=True)
    text = models.TextField(_("ความเห็น"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ผู้ให้ความเห็น"),
    )

    class Meta:
        verbose_name = _("ความเห็นของผู้ตรวจ")
        verbose_name_plural = _("ความเห็นของผู้ตรวจ")
        ordering = ["submission", "section", "item", "created_at"]

    def __str__(self):
        return f"{self.section} {self.item}: {self.text[:40]}"


track(Submission, SubmissionVersion, SubmissionEvent, SignOff, EvidenceFile, Finding)
track(ReviewComment)
