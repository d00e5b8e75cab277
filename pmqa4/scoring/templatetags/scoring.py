from django import template
from django.utils.translation import gettext_lazy as _

from pmqa4.cycles.models import StepNumber

register = template.Library()

RULE_LABELS = {
    "late_or_incomplete": _("ส่งไม่ครบถ้วน/ไม่ทันเวลา (ข้อ ๓)"),
    "not_unit_wide": _("ข้อมูลไม่เป็นภาพรวมของหน่วยงาน (ข้อ ๑)"),
    "not_as_prescribed": _("ไม่ส่งตามช่องทางที่กำหนด (ข้อ ๒)"),
    "missing_dimension": _("แผนไม่ครบทุกมิติ (ข้อ ๔)"),
    "kpi_below": _("ตัวชี้วัดไม่บรรลุเกณฑ์ (ข้อ ๔)"),
}


@register.filter
def rule_label(rule: str) -> str:
    """The seed's wording of a deduction rule, with its number on the briefing's slide."""
    return RULE_LABELS.get(rule, rule)


@register.filter
def step_label(number: int) -> str:
    """The step's name in the page's language (the engine's own titles are Thai only)."""
    return StepNumber(number).label
