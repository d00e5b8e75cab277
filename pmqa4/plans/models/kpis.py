"""KPIs, their Form 3 sheets (แบบฟอร์ม ๓) and reported actuals (step 5).

A KPI is named by Form 1 items and/or Form 2 activities; its sheet is a separate record so that
"named but no sheet" (an incomplete step 3) is visible.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pmqa4.core.models import TimeStampedModel, VersionedModel


class Kpi(TimeStampedModel):
    """A KPI (ตัวชี้วัด) of a unit's plans in one cycle."""

    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="kpis", verbose_name=_("หน่วยงาน")
    )
    cycle = models.ForeignKey(
        "cycles.Cycle", on_delete=models.PROTECT, related_name="kpis", verbose_name=_("รอบปี")
    )
    code = models.CharField(_("รหัสตัวชี้วัด"), max_length=20)
    name = models.CharField(_("ชื่อตัวชี้วัด"), max_length=500)

    class Meta:
        verbose_name = _("ตัวชี้วัด")
        verbose_name_plural = _("ตัวชี้วัด")
        ordering = ["unit", "cycle", "code"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "cycle", "code"], name="kpi_unique_code")
        ]

    def __str__(self):
        return f"{self.code} {self.name}"


class Direction(models.TextChoices):
    HIGHER = "higher", _("ค่ามากดี")
    LOWER = "lower", _("ค่าน้อยดี")


class KpiSheet(VersionedModel):
    """แบบฟอร์มหมายเลข ๓: the ten numbered fields of one KPI, plus its target and direction.

    Field 2 (name) is the KPI's own name. Completeness for scoring needs fields 1–5, 8, 9 and the
    target (SCORING.md, step 3 incomplete).
    """

    kpi = models.OneToOneField(
        Kpi, on_delete=models.CASCADE, related_name="sheet", verbose_name=_("ตัวชี้วัด")
    )
    dimension = models.ForeignKey(
        "framework.Dimension",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("๑. มิติเป้าหมายการพัฒนา"),
    )
    unit_of_measure = models.CharField(_("๓. หน่วยวัด"), max_length=100, blank=True)
    calculation = models.TextField(_("๔. วิธีคำนวณตัวชี้วัด"), blank=True)
    definition = models.TextField(_("๕. คำอธิบาย/นิยามศัพท์"), blank=True)
    collection_method = models.TextField(_("๘. วิธีการจัดเก็บข้อมูล"), blank=True)
    collection_frequency = models.CharField(_("๘. ความถี่การจัดเก็บข้อมูล"), max_length=200, blank=True)
    data_source = models.CharField(_("๘. แหล่งข้อมูล"), max_length=300, blank=True)
    supervisor_name = models.CharField(_("๙. ชื่อผู้กำกับตัวชี้วัด"), max_length=200, blank=True)
    supervisor_phone = models.CharField(_("๙. โทรศัพท์ผู้กำกับ"), max_length=40, blank=True)
    supervisor_email = models.EmailField(_("๙. อีเมลผู้กำกับ"), blank=True)
    collector_name = models.CharField(_("๑๐. ชื่อผู้จัดเก็บข้อมูล"), max_length=200, blank=True)
    collector_phone = models.CharField(_("๑๐. โทรศัพท์ผู้จัดเก็บ"), max_length=40, blank=True)
    collector_email = models.EmailField(_("๑๐. อีเมลผู้จัดเก็บ"), blank=True)
    target = models.DecimalField(
        _("ค่าเป้าหมาย"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    direction = models.CharField(
        _("ทิศทางที่ดี"), max_length=6, choices=Direction.choices, default=Direction.HIGHER
    )

    class Meta:
        verbose_name = _("รายละเอียดตัวชี้วัด (แบบฟอร์ม ๓)")
        verbose_name_plural = _("รายละเอียดตัวชี้วัด (แบบฟอร์ม ๓)")
        constraints = [
            # SCORING.md: a higher-is-better target of 0 makes achievement undefined.
            models.CheckConstraint(
                condition=~Q(direction=Direction.HIGHER, target=0),
                name="kpi_sheet_higher_target_not_zero",
            ),
            models.CheckConstraint(
                condition=Q(target__isnull=True) | Q(target__gte=0),
                name="kpi_sheet_target_not_negative",
            ),
        ]

    def __str__(self):
        return f"แบบฟอร์ม ๓ · {self.kpi}"

    def clean(self):
        if self.direction == Direction.HIGHER and self.target is not None and self.target == 0:
            raise ValidationError({"target": _("ตัวชี้วัดแบบค่ามากดีต้องมีค่าเป้าหมายมากกว่า ๐")})
        if self.target is not None and self.target < Decimal("0"):
            raise ValidationError({"target": _("ค่าเป้าหมายต้องไม่ติดลบ")})

    def missing_fields(self) -> list[str]:
        """Names of the fields whose absence makes this sheet incomplete for scoring."""
        values = {field: getattr(self, field) for field in SHEET_FIELDS_FOR_SCORING}
        return sheet_missing_fields(name=self.kpi.name, values=values)


# A sheet's free-text fields (Form 3's fields 3–5, 7–9), as the forms and the import write them.
SHEET_TEXT_FIELDS = (
    "unit_of_measure",
    "calculation",
    "definition",
    "collection_method",
    "collection_frequency",
    "data_source",
    "supervisor_name",
    "supervisor_phone",
    "supervisor_email",
    "collector_name",
    "collector_phone",
    "collector_email",
)

# Fields 1, 3–5, 8, 9 and the target (field 2, the name, is the KPI's): SCORING.md, step 3.
SHEET_FIELDS_FOR_SCORING = (
    "dimension_id",
    "unit_of_measure",
    "calculation",
    "definition",
    "collection_method",
    "collection_frequency",
    "data_source",
    "supervisor_name",
    "supervisor_phone",
    "supervisor_email",
    "target",
)


def sheet_missing_fields(*, name: str, values) -> list[str]:
    """What a Form 3 sheet lacks for scoring, from its field values (a model or a DB row)."""
    missing = ["name"] if not name.strip() else []
    for field in SHEET_FIELDS_FOR_SCORING:
        if field in ("supervisor_phone", "supervisor_email"):
            continue
        if values[field] in (None, ""):
            missing.append(field.removesuffix("_id"))
    if not (values["supervisor_phone"] or values["supervisor_email"]):
        missing.append("supervisor_contact")
    return missing


class KpiBaseline(TimeStampedModel):
    """Field 6: the KPI's result in one of the three previous fiscal years."""

    sheet = models.ForeignKey(
        KpiSheet, on_delete=models.CASCADE, related_name="baselines", verbose_name=_("แบบฟอร์ม ๓")
    )
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    value = models.DecimalField(
        _("ผลการดำเนินงาน"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    note = models.CharField(_("หมายเหตุ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("ข้อมูลพื้นฐานประกอบตัวชี้วัด")
        verbose_name_plural = _("ข้อมูลพื้นฐานประกอบตัวชี้วัด")
        ordering = ["sheet", "fiscal_year"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "fiscal_year"], name="kpi_baseline_unique")
        ]

    def __str__(self):
        return f"{self.sheet.kpi.code} {self.fiscal_year}"


class KpiSheetStep(TimeStampedModel):
    """Field 7: an implementation step and the evidence documents it produces."""

    sheet = models.ForeignKey(
        KpiSheet, on_delete=models.CASCADE, related_name="steps", verbose_name=_("แบบฟอร์ม ๓")
    )
    number = models.PositiveSmallIntegerField(_("ขั้นตอนที่"))
    detail = models.TextField(_("รายละเอียดการดำเนินงาน"))
    evidence = models.TextField(_("เอกสารประกอบการประเมิน/การรายงานผล"), blank=True)

    class Meta:
        verbose_name = _("ขั้นตอนการดำเนินงานตามตัวชี้วัด")
        verbose_name_plural = _("ขั้นตอนการดำเนินงานตามตัวชี้วัด")
        ordering = ["sheet", "number"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "number"], name="kpi_sheet_step_unique")
        ]

    def __str__(self):
        return f"{self.sheet.kpi.code} ขั้นตอนที่ {self.number}"


class KpiActual(TimeStampedModel):
    """A reported result of a KPI (step 5). The latest report by the assessment date counts."""

    kpi = models.ForeignKey(
        Kpi, on_delete=models.CASCADE, related_name="actuals", verbose_name=_("ตัวชี้วัด")
    )
    value = models.DecimalField(_("ผลการดำเนินงาน"), max_digits=14, decimal_places=4)
    measured_on = models.DateField(_("ณ วันที่"))
    note = models.TextField(_("หมายเหตุ"), blank=True)
    cause = models.TextField(_("สาเหตุที่ไม่บรรลุเป้าหมาย"), blank=True)
    remedy = models.TextField(_("แนวทางแก้ไข"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้รายงาน"),
    )
    reported_at = models.DateTimeField(_("รายงานเมื่อ"))

    class Meta:
        verbose_name = _("ผลการดำเนินงานตามตัวชี้วัด")
        verbose_name_plural = _("ผลการดำเนินงานตามตัวชี้วัด")
        ordering = ["kpi", "-reported_at"]
        get_latest_by = "reported_at"
        constraints = [
            models.CheckConstraint(condition=Q(value__gte=0), name="kpi_actual_not_negative")
        ]

    def __str__(self):
        return f"{self.kpi.code} = {self.value} ({self.measured_on})"
