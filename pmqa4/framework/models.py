"""PMQA 4.0 and Gov 4.0 reference data, editable by the central administrator."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from pmqa4.core.audit import track
from pmqa4.core.models import TimeStampedModel


class PmqaCategory(TimeStampedModel):
    """หมวด 1–7 of PMQA 4.0: 1–6 are process categories, 7 is results."""

    number = models.PositiveSmallIntegerField(
        _("หมวดที่"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    name_th = models.CharField(_("ชื่อหมวด"), max_length=200)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=200, blank=True)
    is_results = models.BooleanField(_("หมวดผลลัพธ์"), default=False)

    class Meta:
        verbose_name = _("หมวด PMQA 4.0")
        verbose_name_plural = _("หมวด PMQA 4.0")
        ordering = ["number"]

    def __str__(self):
        return f"หมวด {self.number} {self.name_th}"


class Dimension(TimeStampedModel):
    """One of the three Gov 4.0 dimensions (มิติ) that every unit's plans must cover."""

    number = models.PositiveSmallIntegerField(
        _("มิติที่"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    name_th = models.CharField(_("ชื่อมิติ"), max_length=200)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=200, blank=True)
    categories = models.ManyToManyField(
        PmqaCategory, related_name="dimensions", verbose_name=_("หมวด PMQA ที่เกี่ยวข้อง")
    )

    class Meta:
        verbose_name = _("มิติระบบราชการ ๔.๐")
        verbose_name_plural = _("มิติระบบราชการ ๔.๐")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.name_th}"


class Characteristic(TimeStampedModel):
    """A characteristic of a dimension (e.g. Digitalization) that an activity can be tagged with."""

    dimension = models.ForeignKey(
        Dimension,
        on_delete=models.CASCADE,
        related_name="characteristics",
        verbose_name=_("มิติ"),
    )
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    name_th = models.CharField(_("คุณลักษณะ"), max_length=200)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("คุณลักษณะของมิติ")
        verbose_name_plural = _("คุณลักษณะของมิติ")
        ordering = ["dimension__number", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["dimension", "name_en"], name="characteristic_unique_per_dimension"
            )
        ]

    def __str__(self):
        return f"{self.name_th} ({self.name_en})" if self.name_en else self.name_th


class MaturityLevel(TimeStampedModel):
    """PMQA 4.0 maturity on the 500-point scale (Basic/Advance/Significance): reference only."""

    code = models.SlugField(_("รหัส"), max_length=20, unique=True)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    name_th = models.CharField(_("ชื่อระดับ"), max_length=100)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=100)
    min_score = models.PositiveSmallIntegerField(
        _("คะแนนต่ำสุด"), validators=[MaxValueValidator(500)]
    )
    max_score = models.PositiveSmallIntegerField(
        _("คะแนนสูงสุด"), validators=[MaxValueValidator(500)]
    )

    class Meta:
        verbose_name = _("ระดับการพัฒนา PMQA 4.0")
        verbose_name_plural = _("ระดับการพัฒนา PMQA 4.0")
        ordering = ["order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_score__lte=F("max_score")), name="maturity_range_ordered"
            )
        ]

    def __str__(self):
        return f"{self.name_th} ({self.name_en}) {self.min_score}–{self.max_score}"


track(PmqaCategory, Dimension, Characteristic, MaturityLevel)
