"""The fiscal-year cycle: its steps, due dates, rounds and the rule values of SCORING.md."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from pmqa4.core.audit import track
from pmqa4.core.fiscal import end_of_day, fiscal_year_bounds
from pmqa4.core.models import TimeStampedModel


def _amount(label, default):
    return models.DecimalField(
        label,
        max_digits=5,
        decimal_places=2,
        default=Decimal(default),
        validators=[MinValueValidator(Decimal("0"))],
    )


def _percent(label, default):
    return models.DecimalField(
        label,
        max_digits=5,
        decimal_places=2,
        default=Decimal(default),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )


class Cycle(TimeStampedModel):
    """One fiscal year (B.E.) of the indicator. Rule values default to FY2568's."""

    fiscal_year = models.PositiveSmallIntegerField(
        _("ปีงบประมาณ (พ.ศ.)"),
        unique=True,
        validators=[MinValueValidator(2500), MaxValueValidator(2700)],
    )
    starts_on = models.DateField(_("วันเริ่มต้น"))
    ends_on = models.DateField(_("วันสิ้นสุด"))
    plan_first_year = models.PositiveSmallIntegerField(
        _("ปีแรกของแผนระยะ ๓ ปี"),
        help_text=_("เช่น ๒๕๖๘ สำหรับแผน พ.ศ. ๒๕๖๘–๒๕๗๐"),
    )
    # Rule values (SCORING.md); the scoring engine receives them as its `rules`.
    late_or_incomplete = _amount(_("หักคะแนน: ส่งไม่ครบ/ไม่ทันเวลา"), "0.05")
    not_unit_wide = _amount(_("หักคะแนน: ไม่เป็นภาพรวมหน่วยงาน"), "0.50")
    not_as_prescribed = _amount(_("หักคะแนน: ไม่ส่งตามช่องทางที่กำหนด"), "0.50")
    missing_dimension = _amount(_("หักคะแนน: ขาดมิติ (ต่อมิติ)"), "0.50")
    kpi_below = _amount(_("หักคะแนน: ตัวชี้วัดไม่บรรลุ (ต่อตัวชี้วัด)"), "0.50")
    step_points = _amount(_("คะแนนต่อขั้นตอน"), "1.00")
    kpi_threshold = _percent(_("เกณฑ์ผลสำเร็จตัวชี้วัด (ร้อยละ)"), "85")
    attendance_threshold = _percent(_("เกณฑ์การเข้าร่วมประชุม (ร้อยละ)"), "85")
    reminder_days = models.CharField(
        _("แจ้งเตือนล่วงหน้า (วัน)"),
        max_length=30,
        default="7,1",
        help_text=_("จำนวนวันก่อนกำหนดส่งที่จะแจ้งเตือน คั่นด้วยจุลภาค เช่น 7,1"),
    )

    class Meta:
        verbose_name = _("รอบปีงบประมาณ")
        verbose_name_plural = _("รอบปีงบประมาณ")
        ordering = ["-fiscal_year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__lt=F("ends_on")), name="cycle_starts_before_it_ends"
            )
        ]

    def __str__(self):
        return f"ปีงบประมาณ พ.ศ. {self.fiscal_year}"

    @property
    def plan_years(self) -> tuple[int, int, int]:
        return (self.plan_first_year, self.plan_first_year + 1, self.plan_first_year + 2)

    def clean(self):
        if self.starts_on and self.ends_on and self.starts_on >= self.ends_on:
            raise ValidationError({"ends_on": _("วันสิ้นสุดต้องอยู่หลังวันเริ่มต้น")})
        try:
            days = [int(p) for p in self.reminder_days.split(",") if p.strip()]
        except ValueError:
            days = None
        if days is None or any(d < 0 or d > 90 for d in days):
            raise ValidationError(
                {"reminder_days": _("ระบุจำนวนวันเป็นตัวเลข ๐–๙๐ คั่นด้วยจุลภาค เช่น 7,1")}
            )
        if (
            self.fiscal_year
            and self.plan_first_year
            and not (self.plan_first_year <= self.fiscal_year <= self.plan_first_year + 2)
        ):
            raise ValidationError({"plan_first_year": _("แผนระยะ ๓ ปีต้องครอบคลุมปีงบประมาณของรอบนี้")})

    def save(self, *args, **kwargs):
        if self.fiscal_year and (self.starts_on is None or self.ends_on is None):
            first, last = fiscal_year_bounds(self.fiscal_year)
            self.starts_on = self.starts_on or first
            self.ends_on = self.ends_on or last
        if self.fiscal_year and not self.plan_first_year:
            self.plan_first_year = self.fiscal_year
        super().save(*args, **kwargs)

    def contains(self, day: dt.date) -> bool:
        return self.starts_on <= day <= self.ends_on

    def rules(self) -> dict[str, Decimal]:
        """The rule values in the scoring engine's `rules` vocabulary (SCORING-FACTS.md)."""
        return {
            "late_or_incomplete": self.late_or_incomplete,
            "not_unit_wide": self.not_unit_wide,
            "not_as_prescribed": self.not_as_prescribed,
            "missing_dimension": self.missing_dimension,
            "kpi_below": self.kpi_below,
            "kpi_threshold": self.kpi_threshold,
            "attendance_threshold": self.attendance_threshold,
            "step_points": self.step_points,
        }


class Round(TimeStampedModel):
    """รอบการประเมิน: round 1 covers steps 1–3, round 2 steps 4–5."""

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("รอบปี")
    )
    number = models.PositiveSmallIntegerField(
        _("รอบที่"), validators=[MinValueValidator(1), MaxValueValidator(2)]
    )
    assessed_on = models.DateField(_("วันที่ประเมิน"))

    class Meta:
        verbose_name = _("รอบการประเมิน")
        verbose_name_plural = _("รอบการประเมิน")
        ordering = ["cycle", "number"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "number"], name="round_unique_per_cycle")
        ]

    def __str__(self):
        return f"รอบการประเมินที่ {self.number} ({self.cycle})"


class StepNumber(models.IntegerChoices):
    TEAM = 1, _("ขั้นตอนที่ ๑ ส่งรายชื่อทีมงาน PMQA Team")
    ATTENDANCE = 2, _("ขั้นตอนที่ ๒ เข้าร่วมกิจกรรม/ประชุม")
    PLANS = 3, _("ขั้นตอนที่ ๓ แผนระยะ ๓ ปี แผนปฏิบัติการ และรายละเอียดตัวชี้วัด")
    REPORT = 4, _("ขั้นตอนที่ ๔ รายงานผลการดำเนินงาน")
    KPIS = 5, _("ขั้นตอนที่ ๕ ผลการดำเนินงานตามตัวชี้วัด")


ROUND_OF_STEP = {1: 1, 2: 1, 3: 1, 4: 2, 5: 2}


class Step(TimeStampedModel):
    """One of the five steps of a cycle, with the window in which units submit it."""

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="steps", verbose_name=_("รอบปี")
    )
    number = models.PositiveSmallIntegerField(_("ขั้นตอนที่"), choices=StepNumber.choices)
    opens_on = models.DateField(_("เปิดรับตั้งแต่"), null=True, blank=True)
    due_on = models.DateField(
        _("กำหนดส่ง"), help_text=_("ส่งได้ถึงเวลา ๒๓:๕๙:๕๙ น. ของวันนี้ (เวลาประเทศไทย)")
    )
    description = models.TextField(_("คำอธิบาย"), blank=True)

    class Meta:
        verbose_name = _("ขั้นตอน")
        verbose_name_plural = _("ขั้นตอน")
        ordering = ["cycle", "number"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "number"], name="step_unique_per_cycle"),
            models.CheckConstraint(
                condition=Q(opens_on__isnull=True) | Q(opens_on__lte=F("due_on")),
                name="step_opens_before_due",
            ),
        ]

    def __str__(self):
        return f"{self.get_number_display()} ({self.cycle})"

    @property
    def round_number(self) -> int:
        return ROUND_OF_STEP[self.number]

    @property
    def due_at(self) -> dt.datetime:
        """The end of the due date, 23:59:59.999999 in Bangkok: later is late."""
        return end_of_day(self.due_on)

    def clean(self):
        if self.opens_on and self.due_on and self.opens_on > self.due_on:
            raise ValidationError({"due_on": _("กำหนดส่งต้องไม่ก่อนวันเปิดรับ")})
        if self.cycle_id and self.due_on and not self.cycle.contains(self.due_on):
            raise ValidationError({"due_on": _("กำหนดส่งต้องอยู่ภายในปีงบประมาณของรอบนี้")})


class StepExtension(TimeStampedModel):
    """A unit's own due date for a step (e.g. a remote province), which scoring then uses."""

    step = models.ForeignKey(
        Step, on_delete=models.CASCADE, related_name="extensions", verbose_name=_("ขั้นตอน")
    )
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.CASCADE, related_name="extensions", verbose_name=_("หน่วยงาน")
    )
    due_on = models.DateField(_("กำหนดส่งใหม่"))
    reason = models.TextField(_("เหตุผล"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ผู้อนุมัติ"),
    )

    class Meta:
        verbose_name = _("การขยายกำหนดส่ง")
        verbose_name_plural = _("การขยายกำหนดส่ง")
        constraints = [
            models.UniqueConstraint(fields=["step", "unit"], name="extension_unique_per_unit")
        ]

    def __str__(self):
        return f"{self.unit.code} · {self.step}"

    @property
    def due_at(self) -> dt.datetime:
        return end_of_day(self.due_on)

    def clean(self):
        if self.step_id and self.due_on and self.due_on <= self.step.due_on:
            raise ValidationError({"due_on": _("กำหนดส่งใหม่ต้องอยู่หลังกำหนดส่งเดิม")})


track(Cycle, Round, Step, StepExtension)
