from django import template

from pmqa4.submissions.snapshots import SECTION_LABELS

register = template.Library()


@register.filter
def section_label(section: str) -> str:
    """A snapshot section's name as the forms call it (แบบฟอร์ม ๑ …)."""
    return SECTION_LABELS.get(section, section)
