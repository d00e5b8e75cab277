"""Scores as computed and published: the breakdown and the facts it came from, kept together."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from pmqa4.core.audit import track
from pmqa4.core.models import TimeStampedModel


class ScoreKind(models.IntegerChoices):
    ROUND1 = 1, _("รอบการประเมินที่ ๑ (ขั้นตอนที่ ๑–๓)")
    YEAR = 2, _("ทั้งปี (รอบการประเมินที่ ๒ ขั้นตอนที่ ๑–๕)")


class ScoreRecord(TimeStampedModel):
    """A published score of one unit: the facts, rules and breakdown as they were, frozen.

    Later edits never change it; publishing again after a correction adds a new record and
    keeps this one, so the unit can see what changed.
    """

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
    kind = models.PositiveSmallIntegerField(_("รอบที่เผยแพร่"), choices=ScoreKind.choices)
    as_of = models.DateTimeField(_("ประเมิน ณ เวลา"))
    round1 = models.DecimalField(_("คะแนนรอบที่ ๑"), max_digits=5, decimal_places=2)
    year = models.DecimalField(_("คะแนนทั้งปี"), max_digits=5, decimal_places=2)
    facts = models.JSONField(_("ข้อเท็จจริงที่ใช้คำนวณ"))
    breakdown = models.JSONField(_("รายละเอียดคะแนน"))
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ผู้เผยแพร่"),
    )

    class Meta:
        verbose_name = _("ผลคะแนน")
        verbose_name_plural = _("ผลคะแนน")
        ordering = ["cycle", "unit", "kind", "-published_at"]
        indexes = [models.Index(fields=["cycle", "kind", "unit", "published_at"])]

    def __str__(self):
        return f"{self.unit.code} · {self.cycle.fiscal_year} · {self.year}"


track(ScoreRecord)
