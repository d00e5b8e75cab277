"""Form 1 (the 3-year plan) and Form 2 (the action plan): their rows, numbered within their
dimension (1.1, 1.2 … 2.1 …) as on the official forms."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from pmqa4.core.models import TimeStampedModel, VersionedModel


def validate_fiscal_months(value):
    """Months are stored as fiscal-month numbers: 1 = ต.ค. … 12 = ก.ย., each at most once."""
    if not isinstance(value, list) or any(
        isinstance(m, bool) or not isinstance(m, int) or not 1 <= m <= 12 for m in value
    ):
        raise ValidationError(_("เดือนต้องเป็นเลข ๑–๑๒ (ต.ค. = ๑ … ก.ย. = ๑๒)"))
    if len(set(value)) != len(value):
        raise ValidationError(_("เลือกเดือนซ้ำกัน"))


class ThreeYearPlan(VersionedModel):
    """แบบฟอร์มหมายเลข ๑: the unit's 3-year plan, which may carry over from last year's."""

    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="three_year_plans",
        verbose_name=_("หน่วยงาน"),
    )
    cycle = models.ForeignKey(
        "cycles.Cycle",
        on_delete=models.PROTECT,
        related_name="three_year_plans",
        verbose_name=_("รอบปี"),
    )
    first_year = models.PositiveSmallIntegerField(_("ปีแรกของแผน (พ.ศ.)"))
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_to",
        verbose_name=_("ต่อยอดจากแผนปีก่อน"),
    )

    class Meta:
        verbose_name = _("แผนพัฒนาระยะ ๓ ปี (แบบฟอร์ม ๑)")
        verbose_name_plural = _("แผนพัฒนาระยะ ๓ ปี (แบบฟอร์ม ๑)")
        constraints = [
            models.UniqueConstraint(fields=["unit", "cycle"], name="three_year_plan_unique")
        ]

    def __str__(self):
        return f"แผนระยะ ๓ ปี {self.unit} ({self.first_year}–{self.first_year + 2})"

    @property
    def years(self) -> tuple[int, int, int]:
        return (self.first_year, self.first_year + 1, self.first_year + 2)


class PlanItem(TimeStampedModel):
    """A row of Form 1: a plan/project/activity and the fiscal years in which it runs."""

    plan = models.ForeignKey(
        ThreeYearPlan, on_delete=models.CASCADE, related_name="items", verbose_name=_("แผน")
    )
    dimension = models.ForeignKey(
        "framework.Dimension", on_delete=models.PROTECT, related_name="+", verbose_name=_("มิติ")
    )
    number = models.PositiveSmallIntegerField(_("ลำดับในมิติ"))
    name = models.CharField(_("ชื่อแผนงาน/โครงการ/กิจกรรม"), max_length=500)
    in_year1 = models.BooleanField(_("ดำเนินการปีที่ ๑"), default=False)
    in_year2 = models.BooleanField(_("ดำเนินการปีที่ ๒"), default=False)
    in_year3 = models.BooleanField(_("ดำเนินการปีที่ ๓"), default=False)
    kpis = models.ManyToManyField(
        "plans.Kpi", blank=True, related_name="plan_items", verbose_name=_("ตัวชี้วัด")
    )
    characteristics = models.ManyToManyField(
        "framework.Characteristic", blank=True, related_name="+", verbose_name=_("คุณลักษณะ")
    )

    class Meta:
        verbose_name = _("รายการในแผนระยะ ๓ ปี")
        verbose_name_plural = _("รายการในแผนระยะ ๓ ปี")
        ordering = ["plan", "dimension__number", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "dimension", "number"], name="plan_item_unique_number"
            )
        ]

    def __str__(self):
        return f"{self.label} {self.name}"

    @property
    def label(self) -> str:
        return f"{self.dimension.number}.{self.number}"

    def runs_in(self, fiscal_year: int) -> bool:
        offset = fiscal_year - self.plan.first_year
        return (self.in_year1, self.in_year2, self.in_year3)[offset] if 0 <= offset < 3 else False


class ActionPlan(VersionedModel):
    """แบบฟอร์มหมายเลข ๒: this fiscal year's action plan."""

    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="action_plans", verbose_name=_("หน่วยงาน")
    )
    cycle = models.ForeignKey(
        "cycles.Cycle",
        on_delete=models.PROTECT,
        related_name="action_plans",
        verbose_name=_("รอบปี"),
    )

    class Meta:
        verbose_name = _("แผนปฏิบัติการประจำปี (แบบฟอร์ม ๒)")
        verbose_name_plural = _("แผนปฏิบัติการประจำปี (แบบฟอร์ม ๒)")
        constraints = [models.UniqueConstraint(fields=["unit", "cycle"], name="action_plan_unique")]

    def __str__(self):
        return f"แผนปฏิบัติการ {self.unit} ({self.cycle})"


class Activity(TimeStampedModel):
    """A top-level plan/project/activity of Form 2; each gets one Form 4 report at year end."""

    action_plan = models.ForeignKey(
        ActionPlan,
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=_("แผนปฏิบัติการ"),
    )
    dimension = models.ForeignKey(
        "framework.Dimension", on_delete=models.PROTECT, related_name="+", verbose_name=_("มิติ")
    )
    number = models.PositiveSmallIntegerField(_("ลำดับในมิติ"))
    name = models.CharField(_("ชื่อแผนงาน/โครงการ/กิจกรรม"), max_length=500)
    months = models.JSONField(
        _("เดือนที่ดำเนินการ"), default=list, blank=True, validators=[validate_fiscal_months]
    )
    responsible = models.CharField(_("กลุ่มงาน/ผู้รับผิดชอบ"), max_length=300, blank=True)
    plan_item = models.ForeignKey(
        PlanItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("จากรายการในแผนระยะ ๓ ปี"),
    )
    kpis = models.ManyToManyField(
        "plans.Kpi", blank=True, related_name="activities", verbose_name=_("ตัวชี้วัด")
    )
    characteristics = models.ManyToManyField(
        "framework.Characteristic", blank=True, related_name="+", verbose_name=_("คุณลักษณะ")
    )

    class Meta:
        verbose_name = _("แผนงาน/โครงการ/กิจกรรม (แบบฟอร์ม ๒)")
        verbose_name_plural = _("แผนงาน/โครงการ/กิจกรรม (แบบฟอร์ม ๒)")
        ordering = ["action_plan", "dimension__number", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["action_plan", "dimension", "number"], name="activity_unique_number"
            )
        ]

    def __str__(self):
        return f"{self.label} {self.name}"

    @property
    def label(self) -> str:
        return f"{self.dimension.number}.{self.number}"


class ActivityStep(TimeStampedModel):
    """ขั้นตอน under an activity of Form 2, with the months in which it runs."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="steps", verbose_name=_("กิจกรรม")
    )
    number = models.PositiveSmallIntegerField(_("ขั้นตอนที่"))
    name = models.CharField(_("ขั้นตอน"), max_length=500)
    months = models.JSONField(
        _("เดือนที่ดำเนินการ"), default=list, blank=True, validators=[validate_fiscal_months]
    )

    class Meta:
        verbose_name = _("ขั้นตอนของกิจกรรม")
        verbose_name_plural = _("ขั้นตอนของกิจกรรม")
        ordering = ["activity", "number"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "number"], name="activity_step_unique")
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"
