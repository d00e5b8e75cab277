"""Scores as computed and published: the breakdown and the facts it came from, kept together."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from pmqa4.core.audit import track
from pmqa4.core.models import TimeStampedModel


class ScoreRecord(TimeStampedModel):
    """One scoring of one unit's year as of a moment; the facts make it reproducible by hand."""

    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="score_records",
        verbose_name=_("หน่วยงาน"),
    )
    cycle = models.ForeignKey(
        "cycles.Cycle",
        on_delete=models.PROTECT,
        related_name="score_records",
        verbose_name=_("รอบปี"),
    )
    as_of = models.DateTimeField(_("ประเมิน ณ เวลา"))
    round1 = models.DecimalField(_("คะแนนรอบที่ ๑"), max_digits=5, decimal_places=2)
    year = models.DecimalField(_("คะแนนทั้งปี"), max_digits=5, decimal_places=2)
    facts = models.JSONField(_("ข้อเท็จจริงที่ใช้คำนวณ"))
    breakdown = models.JSONField(_("รายละเอียดคะแนน"))
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้เผยแพร่"),
    )

    class Meta:
        verbose_name = _("ผลคะแนน")
        verbose_name_plural = _("ผลคะแนน")
        ordering = ["cycle", "unit", "-as_of"]
        indexes = [models.Index(fields=["cycle", "unit", "as_of"])]

    def __str__(self):
        return f"{self.unit.code} · {self.cycle.fiscal_year} · {self.year}"


track(ScoreRecord)
