from django import template

from pmqa4.plans.models import Direction
from pmqa4.reports.models import REPORT_FIELDS, ResultsReport
from pmqa4.submissions.pages import step_page_url
from pmqa4.submissions.snapshots import SECTION_LABELS
from pmqa4.teams.models import TeamRole

register = template.Library()


@register.filter
def section_label(section: str) -> str:
    """A snapshot section's name as the forms call it (แบบฟอร์ม ๑ …)."""
    return SECTION_LABELS.get(section, section)


@register.simple_tag
def step_page(unit, step) -> str:
    """The URL of a step's own page for a unit: {% step_page unit step %}."""
    return step_page_url(unit, step.cycle.fiscal_year, step.number)


@register.filter
def team_role_label(code: str) -> str:
    return TeamRole(code).label if code in TeamRole.values else code


@register.filter
def direction_label(code: str) -> str:
    return Direction(code).label if code in Direction.values else code


@register.filter
def get(mapping: dict, key: str):
    return mapping.get(key, "")


@register.simple_tag
def report_field_labels():
    """Form 4's fields 2–6 with their numbered labels, in the form's order."""
    return [(name, ResultsReport._meta.get_field(name).verbose_name) for name in REPORT_FIELDS]
