"""The cycle's admin page, optimistically locked like the timeline's dates page.

The page carries the values it showed (the rule values, the reminder days, the plan's first
year). On saving, the cycle's row is locked and compared with them: if someone saved the cycle
since, nothing is saved, the page says what changed and shows the stored value of every field
this editor left alone; the next save, made knowing it, goes through. The dates are not edited
here: the timeline's dates page checks them against the date rules (cycles/services.py).
"""

import json

from django import forms
from django.utils.translation import gettext as _

from .models import Cycle

# SCORING.md's settings of the cycle, in the order the page shows them.
RULE_FIELDS = (
    "step_points",
    "late_or_incomplete",
    "not_unit_wide",
    "not_as_prescribed",
    "missing_dimension",
    "kpi_below",
    "kpi_threshold",
    "attendance_threshold",
)
LOCKED_FIELDS = ("plan_first_year", *RULE_FIELDS, "reminder_days")


def stored(cycle: Cycle, *, lock: bool = False) -> dict[str, str]:
    """The cycle's values as the page carries them; ``lock`` holds the row until the save."""
    cycles = Cycle.objects.select_for_update() if lock else Cycle.objects
    cycle = cycles.get(pk=cycle.pk)
    return {name: str(getattr(cycle, name)) for name in LOCKED_FIELDS}


def label(key: str) -> str:
    return str(Cycle._meta.get_field(key).verbose_name)


class CycleAdminForm(forms.ModelForm):
    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Cycle
        fields = ["fiscal_year", "starts_on", "ends_on", *LOCKED_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["seen"] = json.dumps(stored(self.instance))

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        try:
            seen = json.loads(self.data.get(self.add_prefix("seen")) or "{}")
        except ValueError:
            seen = {}
        # The admin saves inside one transaction: the lock holds until the save is written.
        now = stored(self.instance, lock=True)
        moved = [key for key, value in now.items() if seen.get(key) != value]
        if moved:
            data = self.data.copy()
            data[self.add_prefix("seen")] = json.dumps(now)  # the next save knows what it replaces
            for key in moved:  # what this editor did not touch shows what is stored now
                if key in cleaned and str(cleaned[key]) == seen.get(key):
                    data[self.add_prefix(key)] = now[key]
            self.data = data
            changes = "; ".join(
                _("%(what)s: ท่านเห็น %(seen)s ขณะนี้ %(now)s")
                % {"what": label(key), "seen": seen.get(key) or "-", "now": now[key] or "-"}
                for key in moved
            )
            raise forms.ValidationError(
                _("มีผู้อื่นบันทึกรอบปีนี้ไปก่อนแล้ว ข้อมูลของท่านยังไม่ถูกบันทึก กรุณาตรวจสอบแล้วบันทึกอีกครั้ง")
                + f" ({changes})"
            )
        return cleaned
