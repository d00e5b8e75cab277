"""Step 4: แบบฟอร์มหมายเลข ๔, one results report per top-level activity of the action plan."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from pmqa4.core.audit import track
from pmqa4.core.models import VersionedModel

# Fields 2–6 of Form 4 in the printed order; field 1 is the activity itself.
REPORT_FIELDS = (
    "objective",
    "result_gov40",
    "result_kpis",
    "result_stakeholders",
    "problems",
    "remedy_by_unit",
    "proposals",
    "success_factors",
)


class ResultsReport(VersionedModel):
    """Fields 2–6 of Form 4; field 1 is the activity itself and 3.2 draws on the KPI actuals."""

    activity = models.OneToOneField(
        "plans.Activity",
        on_delete=models.CASCADE,
        related_name="report",
        verbose_name=_("๑. แผนงาน/โครงการ/กิจกรรม"),
    )
    objective = models.TextField(_("๒. วัตถุประสงค์"), blank=True)
    result_gov40 = models.TextField(
        _("๓.๑ ผลการดำเนินงานต่อเป้าหมายการพัฒนาสู่ระบบราชการ ๔.๐"), blank=True
    )
    result_kpis = models.TextField(_("๓.๒ ผลการดำเนินงานตามตัวชี้วัด"), blank=True)
    result_stakeholders = models.TextField(_("๓.๓ ผลกระทบต่อผู้รับบริการ/ผู้มีส่วนได้ส่วนเสีย"), blank=True)
    problems = models.TextField(_("๔. ปัญหา/อุปสรรคในการดำเนินงาน"), blank=True)
    remedy_by_unit = models.TextField(_("๕.๑ การดำเนินการโดยหน่วยงาน"), blank=True)
    proposals = models.TextField(_("๕.๒ ข้อเสนอต่อผู้บริหาร"), blank=True)
    success_factors = models.TextField(_("๖. ปัจจัยความสำเร็จของการดำเนินงาน"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("แก้ไขล่าสุดโดย"),
    )

    class Meta:
        verbose_name = _("รายงานผลการดำเนินงาน (แบบฟอร์ม ๔)")
        verbose_name_plural = _("รายงานผลการดำเนินงาน (แบบฟอร์ม ๔)")

    def __str__(self):
        return f"แบบฟอร์ม ๔ · {self.activity}"


track(ResultsReport)
