"""The central administrator's forms for the cycle's dates and the units' extensions.

Dates are typed the Thai way, day/month/B.E. year (31/1/2568, Thai digits too), as the audit
page's filter takes them: a browser's date picker shows Christian-era years, in the order of
the computer's locale (month first on many), which is how wrong due dates get saved. An ISO
date (2025-01-31, from a script or a picker) is still read.
"""

import datetime as dt
import json

from django import forms
from django.utils.translation import gettext_lazy as _

from pmqa4.audit.filters import parse_be_date
from pmqa4.core.fiscal import be_year
from pmqa4.core.forms import LimitedTextForm
from pmqa4.org.models import Unit

from . import services
from .models import Cycle, Round, Step

DATE_HELP = _("วัน/เดือน/ปี พ.ศ. เช่น 31/1/2568")
INVALID_DATE = _("วันที่ไม่ถูกต้อง กรุณากรอก วัน/เดือน/ปี พ.ศ. เช่น 31/1/2568")
STALE_PAGE = _("ไม่พบข้อมูลของหน้าที่เปิดไว้ กรุณาโหลดหน้าใหม่แล้วบันทึกอีกครั้ง")


class BuddhistDateInput(forms.TextInput):
    """A date shown as 31/1/2568; what was typed is shown back as typed."""

    def __init__(self, attrs=None):
        super().__init__({"placeholder": _("วว/ดด/ปปปป"), "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, dt.date):
            return f"{value.day}/{value.month}/{be_year(value.year)}"
        return super().format_value(value)


class ThaiDateField(forms.DateField):
    widget = BuddhistDateInput

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("required", _("กรุณาระบุวันที่"))
        kwargs["error_messages"]["invalid"] = INVALID_DATE
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()[:30]
        if not text:
            return None
        try:
            return parse_be_date(text)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class CycleDatesForm(LimitedTextForm, forms.Form):
    """The cycle's start and end, each step's window and each round's assessment date.

    ``seen`` carries the stored dates the page was loaded with, so a save made after someone
    else's is refused (409) instead of overwriting it.
    """

    seen = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)

    def __init__(self, *args, cycle: Cycle, steps: list[Step], rounds: list[Round], **kwargs):
        self.cycle, self.steps = cycle, steps
        stored = services.stored_dates(cycle, steps, rounds)
        kwargs.setdefault("initial", {**stored, "seen": json.dumps(services.snapshot(stored))})
        super().__init__(*args, **kwargs)
        self.fields["starts_on"] = ThaiDateField(label=_("วันเริ่มต้นรอบปี"), help_text=DATE_HELP)
        self.fields["ends_on"] = ThaiDateField(label=_("วันสิ้นสุดรอบปี"), help_text=DATE_HELP)
        for step in steps:
            self.fields[f"step_{step.number}_opens_on"] = ThaiDateField(
                label=_("เปิดรับตั้งแต่"),
                required=False,
                help_text=_("วัน/เดือน/ปี พ.ศ. เว้นว่างได้หากไม่กำหนดวันเปิดรับ"),
            )
            self.fields[f"step_{step.number}_due_on"] = ThaiDateField(
                label=_("กำหนดส่ง"),
                help_text=_("วัน/เดือน/ปี พ.ศ. ส่งได้ถึง ๒๓:๕๙ น. ของวันนั้น (เวลาประเทศไทย)"),
                error_messages={"required": _("กรุณาระบุกำหนดส่ง")},
            )
        for number in services.ROUNDS:
            self.fields[f"round_{number}_assessed_on"] = ThaiDateField(
                label=_("วันประเมิน"),
                help_text=DATE_HELP,
                error_messages={"required": _("กรุณาระบุวันประเมิน")},
            )

    def step_groups(self) -> list[tuple[Step, forms.BoundField, forms.BoundField]]:
        return [
            (step, self[f"step_{step.number}_opens_on"], self[f"step_{step.number}_due_on"])
            for step in self.steps
        ]

    def round_fields(self) -> list[tuple[int, forms.BoundField]]:
        return [(n, self[f"round_{n}_assessed_on"]) for n in services.ROUNDS]

    def clean_seen(self) -> dict | None:
        """The page's stored dates; a hidden field's error would not show, so a missing or
        tampered one is a message for the whole form (clean)."""
        try:
            seen = json.loads(self.cleaned_data["seen"] or "null")
        except ValueError:
            return None
        return seen if isinstance(seen, dict) else None

    def clean(self):
        data = super().clean()
        if data.get("seen") is None:
            self.add_error(None, STALE_PAGE)
        if any(key in self.errors for key in self.date_keys()):
            return data  # the rules compare dates: first let every date be readable
        refusals = services.date_refusals(self.values(), services.rule_context(self.cycle))
        for key, messages in refusals.items():
            for message in messages:
                self.add_error(key, message)
        return data

    def date_keys(self) -> list[str]:
        return services.date_keys(self.steps)

    def values(self) -> dict[str, dt.date | None]:
        return {key: self.cleaned_data.get(key) for key in self.date_keys()}


def _unit_label(unit: Unit) -> str:
    return f"{unit.code} {unit.name_th}"


class ExtensionForm(LimitedTextForm, forms.Form):
    """A new extension (unit and step chosen) or an existing one's date and reason."""

    unit = forms.ModelChoiceField(
        label=_("หน่วยงาน"),
        queryset=Unit.objects.none(),
        empty_label=_("— เลือกหน่วยงาน —"),
        error_messages={
            "required": _("กรุณาเลือกหน่วยงาน"),
            "invalid_choice": _("ไม่มีหน่วยงานนี้ในรายการที่รับการประเมิน กรุณาเลือกจากรายการ"),
        },
    )
    step = forms.TypedChoiceField(
        label=_("ขั้นตอน"),
        coerce=int,
        error_messages={
            "required": _("กรุณาเลือกขั้นตอน"),
            "invalid_choice": _("ขั้นตอนไม่ถูกต้อง กรุณาเลือกจากรายการ"),
        },
    )
    due_on = ThaiDateField(
        label=_("กำหนดส่งใหม่ของหน่วยงานนี้"),
        help_text=DATE_HELP,
        error_messages={"required": _("กรุณาระบุกำหนดส่งใหม่")},
    )
    reason = forms.CharField(
        label=_("เหตุผล"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("เช่น หน่วยงานอยู่ในพื้นที่ห่างไกล ประสบอุทกภัย"),
        error_messages={"required": _("กรุณาระบุเหตุผลของการขยายกำหนดส่ง")},
    )
    seen = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, cycle: Cycle, extension=None, **kwargs):
        self.cycle, self.extension = cycle, extension
        if extension is not None:
            kwargs.setdefault(
                "initial",
                {
                    "due_on": extension.due_on,
                    "reason": extension.reason,
                    "seen": services.extension_stamp(extension),
                },
            )
        super().__init__(*args, **kwargs)
        self.steps = {
            s.number: s for s in cycle.steps.all() if s.number in services.SUBMITTED_STEPS
        }
        if extension is not None:  # the unit and the step stay; revoke and grant anew to move
            del self.fields["unit"], self.fields["step"]
        else:
            units = Unit.objects.filter(takes_part=True, is_active=True).order_by("code")
            self.fields["unit"].queryset = units
            self.fields["unit"].label_from_instance = _unit_label
            self.fields["step"].choices = [("", _("— เลือกขั้นตอน —"))] + [
                (n, step.get_number_display()) for n, step in self.steps.items()
            ]

    def clean_reason(self) -> str:
        reason = "\n".join(
            " ".join(line.split()) for line in self.cleaned_data["reason"].splitlines()
        )
        reason = reason.strip()
        if not reason:
            raise forms.ValidationError(_("กรุณาระบุเหตุผลของการขยายกำหนดส่ง"))
        return reason

    def chosen_step(self) -> Step | None:
        if self.extension is not None:
            return self.extension.step
        return self.steps.get(self.cleaned_data.get("step"))

    def clean(self):
        data = super().clean()
        if self.extension is not None and not data.get("seen"):
            self.add_error(None, STALE_PAGE)  # hidden: its own error would not show
        step, due_on = self.chosen_step(), data.get("due_on")
        if step is not None and due_on is not None:
            refusal = services.extension_refusal(step, due_on)
            if refusal:
                self.add_error("due_on", refusal)
        return data
