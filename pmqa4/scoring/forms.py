from django import forms
from django.utils.translation import gettext_lazy as _

from pmqa4.core.forms import LimitedTextForm
from pmqa4.submissions.models import FindingKind

from .models import ScoreKind


class FindingForm(LimitedTextForm, forms.Form):
    step = forms.TypedChoiceField(
        label=_("ขั้นตอน"),
        coerce=int,
        choices=[(3, _("ขั้นตอนที่ ๓ แผนและรายละเอียดตัวชี้วัด")), (4, _("ขั้นตอนที่ ๔ รายงานผล"))],
    )
    kind = forms.ChoiceField(label=_("ข้อค้นพบ"), choices=FindingKind.choices)
    note = forms.CharField(
        label=_("รายละเอียด"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("กรุณาระบุรายละเอียดของข้อค้นพบ")},
    )


class WithdrawForm(LimitedTextForm, forms.Form):
    note = forms.CharField(
        label=_("เหตุผลที่ถอน"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("กรุณาระบุเหตุผลที่ถอนข้อค้นพบ")},
    )


class PublishForm(forms.Form):
    kind = forms.TypedChoiceField(label=_("เผยแพร่คะแนน"), coerce=int, choices=ScoreKind.choices)
