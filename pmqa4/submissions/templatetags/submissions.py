from django import template

from pmqa4.submissions.pages import step_page_url
from pmqa4.submissions.snapshots import SECTION_LABELS

register = template.Library()


@register.filter
def section_label(section: str) -> str:
    """A snapshot section's name as the forms call it (แบบฟอร์ม ๑ …)."""
    return SECTION_LABELS.get(section, section)


@register.simple_tag
def step_page(unit, step) -> str:
    """The URL of a step's own page for a unit: {% step_page unit step %}."""
    return step_page_url(unit, step.cycle.fiscal_year, step.number)
