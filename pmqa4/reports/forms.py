"""Forms for Form 4 and the KPI actuals: input parsing only; the rules are in services.py."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from pmqa4.core.fiscal import fiscal_year_bounds
from pmqa4.core.forms import LimitedTextForm
from pmqa4.reports.models import ResultsReport

from .selectors import REPORT_FIELDS

# FORMS.md, Form 4: the explanations printed in brackets after 3.1–3.3.
REPORT_HINTS = {
    "result_gov40": _("อธิบายให้ทราบว่าผลการดำเนินงานส่งผลต่อเป้าหมายการพัฒนาของระบบราชการ ๔.๐ อย่างไร"),
    "result_kpis": _("อธิบายผลการดำเนินงานตามตัวชี้วัดที่หน่วยงานกำหนด"),
    "result_stakeholders": _(
        "อธิบายให้ทราบว่าผลการดำเนินงานส่งผลกระทบต่อผู้รับบริการ/ผู้มีส่วนได้ส่วนเสียของกระบวนการ/บริการนั้น ๆ อย่างไร"
    ),
}


class ResultsReportForm(LimitedTextForm, forms.ModelForm):
    """Fields 2–6 plus the version the editor loaded (optimistic locking)."""

    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    class Meta:
        model = ResultsReport
        fields = REPORT_FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in REPORT_FIELDS}
        help_texts = REPORT_HINTS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].error_messages = {
            "required": _("แบบฟอร์มไม่ครบ กรุณาโหลดหน้านี้ใหม่"),
            "invalid": _("แบบฟอร์มไม่ครบ กรุณาโหลดหน้านี้ใหม่"),
            "min_value": _("แบบฟอร์มไม่ครบ กรุณาโหลดหน้านี้ใหม่"),
        }

    def seen(self, data) -> dict:
        """What the editor saw stored when loading, sent back in hidden seen_<field> inputs."""
        return {name: data.get(f"seen_{name}", "") for name in REPORT_FIELDS}


class KpiActualForm(LimitedTextForm, forms.Form):
    """A new actual of one KPI. Prefixed per KPI, since one page holds a form for each."""

    value = forms.DecimalField(
        label=_("ผลการดำเนินงาน"),
        min_value=0,
        max_digits=14,
        decimal_places=4,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        error_messages={
            "required": _("กรุณากรอกผลการดำเนินงาน"),
            "invalid": _("กรอกผลการดำเนินงานเป็นตัวเลข"),
            "min_value": _("ผลการดำเนินงานต้องไม่ติดลบ"),
            "max_digits": _("ตัวเลขยาวเกินไป"),
            "max_decimal_places": _("ทศนิยมได้ไม่เกิน ๔ ตำแหน่ง"),
            "max_whole_digits": _("ตัวเลขยาวเกินไป"),
        },
    )
    measured_on = forms.DateField(
        label=_("ณ วันที่"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("กรุณาระบุวันที่วัดผล"),
            "invalid": _("วันที่ไม่ถูกต้อง"),
        },
    )
    note = forms.CharField(
        label=_("หมายเหตุ"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    cause = forms.CharField(
        label=_("สาเหตุที่ไม่บรรลุเป้าหมาย"),
        required=False,
        help_text=_("จำเป็นเมื่อผลต่ำกว่าเกณฑ์"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    remedy = forms.CharField(
        label=_("แนวทางแก้ไข"),
        required=False,
        help_text=_("จำเป็นเมื่อผลต่ำกว่าเกณฑ์"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, fiscal_year: int, today: dt.date, preview_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if preview_url:
            # The achievement of the value being typed (htmx); the page works without it.
            self.fields["value"].widget.attrs.update(
                {
                    "hx-post": preview_url,
                    "hx-trigger": "input changed delay:300ms",
                    "hx-target": f"#preview-{self.prefix}",
                    "hx-swap": "innerHTML",
                }
            )
        first_day, last_day = fiscal_year_bounds(fiscal_year)
        self.fields["measured_on"].widget.attrs.update(
            {"min": first_day.isoformat(), "max": today.isoformat()}
        )
        if not self.is_bound:
            # Results are usually measured at the year's end; today while the year is running.
            self.initial.setdefault("measured_on", min(today, last_day))
