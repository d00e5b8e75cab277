"""The audit page's filters: dates typed in the Buddhist Era, and the query they make."""

import datetime as dt
import json
import re

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pmqa4.core.fiscal import BE_OFFSET, end_of_day, start_of_day
from pmqa4.core.thai import arabic_digits
from pmqa4.org.models import Unit

from .units import unit_filter

ACTIONS = (
    (str(LogEntry.Action.CREATE), _("สร้าง")),
    (str(LogEntry.Action.UPDATE), _("แก้ไข")),
    (str(LogEntry.Action.DELETE), _("ลบ")),
)
ACTION_LABELS = {int(value): label for value, label in ACTIONS}

_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_be_date(text: str) -> dt.date:
    """'1/10/2567' (day/month/B.E. year, Thai digits too) → 1 Oct 2024.

    A date picker's '2024-10-01' is read as C.E.; any four-digit year from 2400 on is B.E.
    """
    value = arabic_digits(text.strip())
    match = _DMY.match(value)
    if match:
        day, month, year = (int(part) for part in match.groups())
    else:
        match = _YMD.match(value)
        if not match:
            raise ValueError(text)
        year, month, day = (int(part) for part in match.groups())
    if year >= 2400:
        year -= BE_OFFSET
    elif year < 1900:
        raise ValueError(text)
    return dt.date(year, month, day)


class BuddhistDateField(forms.Field):
    default_error_messages = {
        "invalid": _("วันที่ไม่ถูกต้อง กรอกเป็น วัน/เดือน/ปี พ.ศ. เช่น 1/10/2567"),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("วัน/เดือน/ปี พ.ศ. เช่น 1/10/2567"))
        kwargs.setdefault("widget", forms.TextInput(attrs={"placeholder": "วว/ดด/ปปปป"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        text = (value or "").strip()[:30]
        if not text:
            return None
        try:
            return parse_be_date(text)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


def kind_choices() -> list[tuple[str, str]]:
    """Every kind of record the audit trail follows, by its Thai name."""
    kinds = sorted(
        (f"{m._meta.app_label}.{m._meta.model_name}", str(m._meta.verbose_name))
        for m in auditlog.get_models()
    )
    return sorted(kinds, key=lambda kind: kind[1])


class AuditFilterForm(forms.Form):
    date_from = BuddhistDateField(label=_("ตั้งแต่วันที่"))
    date_to = BuddhistDateField(label=_("ถึงวันที่"))
    actor = forms.CharField(
        label=_("ผู้ดำเนินการ"),
        required=False,
        max_length=150,
        help_text=_("ชื่อผู้ใช้ ชื่อ หรือนามสกุล"),
    )
    unit = forms.CharField(
        label=_("หน่วยงาน"),
        required=False,
        max_length=200,
        help_text=_("รหัสหรือชื่อหน่วยงาน"),
        widget=forms.TextInput(attrs={"list": "audit-units"}),
    )
    kind = forms.ChoiceField(
        label=_("ประเภทข้อมูล"),
        required=False,
        error_messages={"invalid_choice": _("ไม่มีประเภทข้อมูลนี้ในบันทึก กรุณาเลือกจากรายการ")},
    )
    action = forms.ChoiceField(
        label=_("การดำเนินการ"),
        required=False,
        choices=[("", _("ทุกการดำเนินการ")), *ACTIONS],
        error_messages={"invalid_choice": _("การดำเนินการไม่ถูกต้อง กรุณาเลือกจากรายการ")},
    )
    q = forms.CharField(
        label=_("ค้นหาในรายการและการเปลี่ยนแปลง"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "audit-%s")
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("ทุกประเภท")), *kind_choices()]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("วันที่เริ่มต้องไม่อยู่หลังวันที่สิ้นสุด"))
        return data


def _text(term: str) -> Q:
    """A substring of the changes as stored: SQLite keeps JSON with Thai as \\u escapes."""
    escaped = json.dumps(term)[1:-1]
    condition = Q(changes__icontains=term) | Q(changes_text__icontains=term)
    if escaped != term:
        condition |= Q(changes__icontains=escaped)
    return condition


def filter_entries(data: dict):
    """Audit entries matching the cleaned filters, newest first, with who and what kind."""
    entries = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")
    if data.get("date_from"):
        entries = entries.filter(timestamp__gte=start_of_day(data["date_from"]))
    if data.get("date_to"):
        entries = entries.filter(timestamp__lte=end_of_day(data["date_to"]))
    if actor := (data.get("actor") or "").strip():
        entries = entries.filter(
            Q(actor__username__icontains=actor)
            | Q(actor__first_name__icontains=actor)
            | Q(actor__last_name__icontains=actor)
            | Q(actor_email__icontains=actor)
        )
    models = list(auditlog.get_models())
    if kind := data.get("kind"):
        app_label, model_name = kind.split(".", 1)
        entries = entries.filter(content_type__app_label=app_label, content_type__model=model_name)
        models = [m for m in models if m._meta.label_lower == kind]
    if data.get("action") not in (None, ""):
        entries = entries.filter(action=int(data["action"]))
    if unit := (data.get("unit") or "").strip():
        units = Unit.objects.filter(
            Q(code__iexact=unit) | Q(short_name__iexact=unit) | Q(name_th__icontains=unit)
        ).values("pk")
        entries = entries.filter(unit_filter(models, units) | Q(object_repr__icontains=unit))
    if term := (data.get("q") or "").strip():
        entries = entries.filter(Q(object_repr__icontains=term) | _text(term))
    return entries
