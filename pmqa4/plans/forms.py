"""The forms of step 3's pages, and the per-row forms of Form 1 and Form 2.

KPI choices are plain choices built once per page from the unit's KPIs, so thirty rows that
can each name forty KPIs render without a query per row. The document's ``version`` and a row's
``seen`` travel unprefixed (LockForm), so one out-of-band swap can move every form on the page
to the version its last save made.
"""

import json
from dataclasses import dataclass, field

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from pmqa4.core.forms import LimitedTextForm
from pmqa4.core.thai import fiscal_month_labels, thai_digits

from . import selectors
from .models import KpiSheet

MONTH_CHOICES = [(str(i), label) for i, label in enumerate(fiscal_month_labels(), start=1)]
KPI_CODE = RegexValidator(r"^[^/\s]+$", _("รหัสตัวชี้วัดต้องไม่มีช่องว่างหรือเครื่องหมาย /"))


class LockForm(LimitedTextForm, forms.Form):
    """The document version the page was loaded at, and the row as the editor saw it."""

    version = forms.IntegerField(min_value=0)
    seen = forms.CharField(required=False, max_length=100_000)  # a row's fields as JSON

    def clean_seen(self):
        try:
            seen = json.loads(self.cleaned_data["seen"] or "null")
        except ValueError:
            return None
        return seen if isinstance(seen, dict) else None


class MonthsField(forms.TypedMultipleChoiceField):
    """The twelve fiscal months ต.ค.–ก.ย. as checkboxes, stored as fiscal-month numbers 1–12."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("เดือนที่ดำเนินการ"))
        super().__init__(choices=MONTH_CHOICES, coerce=int, required=False, **kwargs)


class KpiPickForm(LimitedTextForm, forms.Form):
    """The KPIs a row names: chosen from the unit's KPIs, or a new one by code and name."""

    kpis = forms.MultipleChoiceField(
        label=_("ตัวชี้วัด"), required=False, widget=forms.CheckboxSelectMultiple
    )
    new_kpi_code = forms.CharField(
        label=_("รหัสตัวชี้วัดใหม่"), max_length=20, required=False, validators=[KPI_CODE]
    )
    new_kpi_name = forms.CharField(label=_("ชื่อตัวชี้วัดใหม่"), max_length=500, required=False)

    def __init__(self, *args, kpi_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kpis"].choices = kpi_choices

    def clean(self):
        data = super().clean()
        code, name = data.get("new_kpi_code", "").strip(), data.get("new_kpi_name", "").strip()
        if code and not name:
            self.add_error("new_kpi_name", _("กรอกชื่อของตัวชี้วัดใหม่ด้วย"))
        if name and not code:
            self.add_error("new_kpi_code", _("กรอกรหัสของตัวชี้วัดใหม่ด้วย"))
        return data

    @property
    def adds_kpi(self) -> bool:
        return bool(self.cleaned_data.get("new_kpi_code", "").strip())

    def kpi_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "kpi_codes": data["kpis"],
            "new_kpi": (data["new_kpi_code"], data["new_kpi_name"]),
        }


NAME = forms.Textarea(attrs={"rows": 2})


class PlanItemForm(KpiPickForm):
    """A row of Form 1: its name, the fiscal years it runs in, its KPIs."""

    name = forms.CharField(label=_("ชื่อแผนงาน/โครงการ/กิจกรรม"), max_length=500, widget=NAME)
    in_year1 = forms.BooleanField(required=False)
    in_year2 = forms.BooleanField(required=False)
    in_year3 = forms.BooleanField(required=False)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        for number, year in enumerate(years, start=1):
            self.fields[f"in_year{number}"].label = thai_digits(year)

    def service_fields(self) -> dict:
        data = self.cleaned_data
        years = (data["in_year1"], data["in_year2"], data["in_year3"])
        return {"name": data["name"], "years": years, **self.kpi_fields()}


class ActivityForm(KpiPickForm):
    """An activity of Form 2: name, running months, KPIs, responsible group/person."""

    name = forms.CharField(label=_("ชื่อแผนงาน/โครงการ/กิจกรรม"), max_length=500, widget=NAME)
    months = MonthsField()
    responsible = forms.CharField(label=_("กลุ่มงาน/ผู้รับผิดชอบ"), max_length=300, required=False)

    def service_fields(self) -> dict:
        data = self.cleaned_data
        fields = {"name": data["name"], "months": data["months"]}
        return {**fields, "responsible": data["responsible"], **self.kpi_fields()}


class ActivityStepForm(LimitedTextForm, forms.Form):
    name = forms.CharField(label=_("ขั้นตอน"), max_length=500)
    months = MonthsField()

    def service_fields(self) -> dict:
        return {"name": self.cleaned_data["name"], "months": self.cleaned_data["months"]}


class KpiSheetStepForm(LimitedTextForm, forms.Form):
    detail = forms.CharField(
        label=_("รายละเอียดการดำเนินงาน"), widget=forms.Textarea(attrs={"rows": 2})
    )
    evidence = forms.CharField(
        label=_("เอกสารประกอบการประเมิน/การรายงานผล"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def service_fields(self) -> dict:
        return dict(self.cleaned_data)


class KpiSheetForm(LimitedTextForm, forms.ModelForm):
    """Form 3's numbered fields; field 2 is the KPI's own name, field 6 one value per year.
    The model's clean() refuses a higher-is-better target of 0 with its Thai message."""

    name = forms.CharField(label=_("๒. ชื่อตัวชี้วัด"), max_length=500)

    class Meta:
        model = KpiSheet
        fields = selectors.SHEET_FIELDS
        widgets = {
            "calculation": forms.Textarea(attrs={"rows": 2}),
            "definition": forms.Textarea(attrs={"rows": 3}),
            "collection_method": forms.Textarea(attrs={"rows": 2}),
            "direction": forms.RadioSelect,
            "supervisor_phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
            "collector_phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
        }
        # Fields 8–10 have several parts under one numbered heading on the sheet.
        labels = {
            "collection_method": _("วิธีการจัดเก็บข้อมูล"),
            "collection_frequency": _("ความถี่การจัดเก็บข้อมูล"),
            "data_source": _("แหล่งข้อมูล"),
            "supervisor_name": _("ชื่อผู้กำกับตัวชี้วัด"),
            "supervisor_phone": _("โทรศัพท์"),
            "supervisor_email": _("อีเมล"),
            "collector_name": _("ชื่อผู้จัดเก็บข้อมูล"),
            "collector_phone": _("โทรศัพท์"),
            "collector_email": _("อีเมล"),
            "direction": _("ทิศทาง"),
        }

    def __init__(self, *args, baseline_years, **kwargs):
        super().__init__(*args, **kwargs)
        self.baseline_years = baseline_years
        self.fields["dimension"].empty_label = _("— เลือกมิติ —")
        self.fields["target"].widget.attrs["inputmode"] = "decimal"
        for year in baseline_years:
            self.fields[f"baseline_{year}"] = forms.DecimalField(
                label=_("ผลการดำเนินงานปี %(year)s") % {"year": thai_digits(year)},
                max_digits=14,
                decimal_places=4,
                required=False,
                widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
            )
        # The inputs sit around field 7's own forms, so they join this form by its id.
        for bound_field in self.fields.values():
            bound_field.widget.attrs.update({"form": "sheet-form", "class": "sheet-input"})

    def baseline_fields(self):
        return [self[f"baseline_{year}"] for year in self.baseline_years]

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "values": {name: data[name] for name in selectors.SHEET_FIELDS},
            "baselines": {year: data[f"baseline_{year}"] for year in self.baseline_years},
        }


def sheet_initial(page: selectors.SheetPage) -> dict:
    initial = {"name": page.kpi.name}
    initial.update({f"baseline_{y}": page.baselines.get(y) for y in page.baseline_years})
    return initial


# Editable rows of a page --------------------------------------------------------------------


@dataclass
class Row:
    """A row being edited: the object, its form, what the editor sees of it (JSON) and, for an
    activity, its steps' rows and the form that adds a step."""

    obj: object
    form: forms.Form
    seen: str = ""
    steps: list = field(default_factory=list)
    add_step: forms.Form | None = None


@dataclass
class EditGroup:
    group: selectors.Group
    rows: list[Row]
    add: forms.Form


def kpi_choices(kpis) -> list[tuple[str, str]]:
    return [(k.code, f"{k.code} {k.name}") for k in kpis]


def _named_first(choices, row) -> list[tuple[str, str]]:
    """The row's own KPIs first, so they show at the top of a long list without scrolling."""
    named = set(_codes(row))
    return sorted(choices, key=lambda choice: choice[0] not in named)


def _seen(state: dict) -> str:
    return json.dumps(state, ensure_ascii=False)


def _codes(row) -> list[str]:
    return [k.code for k in row.kpis.all()]


def form1_groups(data: selectors.Form1, bound: dict) -> list[EditGroup]:
    choices = kpi_choices(data.kpis)

    def make(prefix, initial=None, row=None):
        ordered = _named_first(choices, row) if row else choices
        return bound.get(prefix) or PlanItemForm(
            prefix=prefix, initial=initial, kpi_choices=ordered, years=data.years
        )

    groups = []
    for group in data.groups:
        rows = []
        for item in group.rows:
            initial = {"name": item.name, "kpis": _codes(item)}
            initial.update(in_year1=item.in_year1, in_year2=item.in_year2, in_year3=item.in_year3)
            form = make(f"item-{item.pk}", initial, item)
            rows.append(Row(item, form, _seen(selectors.item_state(item))))
        groups.append(EditGroup(group, rows, make(f"new-{group.dimension.number}")))
    return groups


def form2_groups(data: selectors.Form2, bound: dict) -> list[EditGroup]:
    choices = kpi_choices(data.kpis)

    def step_rows(activity):
        for step in activity.steps.all():
            prefix = f"step-{step.pk}"
            initial = {"name": step.name, "months": [str(m) for m in step.months]}
            form = bound.get(prefix) or ActivityStepForm(prefix=prefix, initial=initial)
            yield Row(step, form, _seen(selectors.step_state(step)))

    groups = []
    for group in data.groups:
        rows = []
        for activity in group.rows:
            prefix = f"activity-{activity.pk}"
            initial = {"name": activity.name, "responsible": activity.responsible}
            initial.update(months=[str(m) for m in activity.months], kpis=_codes(activity))
            ordered = _named_first(choices, activity)
            form = bound.get(prefix) or ActivityForm(
                prefix=prefix, initial=initial, kpi_choices=ordered
            )
            add_prefix = f"new-step-{activity.pk}"
            add_step = bound.get(add_prefix) or ActivityStepForm(prefix=add_prefix)
            seen = _seen(selectors.activity_state(activity))
            rows.append(Row(activity, form, seen, list(step_rows(activity)), add_step))
        prefix = f"new-{group.dimension.number}"
        add = bound.get(prefix) or ActivityForm(prefix=prefix, kpi_choices=choices)
        groups.append(EditGroup(group, rows, add))
    return groups


def sheet_step_rows(page: selectors.SheetPage, bound: dict) -> list[Row]:
    rows = []
    for step in page.steps:
        prefix = f"sheet-step-{step.pk}"
        initial = {"detail": step.detail, "evidence": step.evidence}
        form = bound.get(prefix) or KpiSheetStepForm(prefix=prefix, initial=initial)
        rows.append(Row(step, form, _seen(selectors.sheet_step_state(step))))
    return rows


def sheet_seen(page: selectors.SheetPage) -> str:
    return _seen(selectors.sheet_state(page))
