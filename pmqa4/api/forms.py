import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from pmqa4.core.forms import LimitedTextForm

from .models import Scope

# How long a new token lasts, in days ("" = until revoked).
LIFETIMES = [
    ("30", _("๓๐ วัน")),
    ("90", _("๙๐ วัน")),
    ("180", _("๑๘๐ วัน")),
    ("365", _("๑ ปี")),
    ("", _("ไม่กำหนดวันหมดอายุ (ใช้ได้จนกว่าจะยกเลิก)")),
]


class TokenForm(LimitedTextForm, forms.Form):
    name = forms.CharField(
        label=_("ชื่อโทเค็น"),
        max_length=100,
        help_text=_("บอกว่าใช้ที่ใด เช่น “ระบบรายงานผลของกอง” เพื่อให้จำได้ภายหลัง"),
        error_messages={"required": _("กรุณาตั้งชื่อโทเค็น")},
    )
    scope = forms.ChoiceField(
        label=_("สิทธิ์"),
        choices=Scope.choices,
        initial=Scope.READ,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("เลือกสิทธิ์จากรายการ")},
    )
    lifetime = forms.ChoiceField(
        label=_("อายุของโทเค็น"),
        choices=LIFETIMES,
        initial="90",
        required=False,
        error_messages={"invalid_choice": _("เลือกอายุจากรายการ")},
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("กรุณาตั้งชื่อโทเค็น"))
        return name

    def expires_at(self, now: dt.datetime) -> dt.datetime | None:
        days = self.cleaned_data.get("lifetime")
        return now + dt.timedelta(days=int(days)) if days else None
