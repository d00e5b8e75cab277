from django import forms
from django.utils.translation import gettext_lazy as _

from pmqa4.core.forms import LimitedTextForm

from .snapshots import SECTION_LABELS


class SignForm(LimitedTextForm, forms.Form):
    """The executive re-enters the password: a signature must be the executive's own act."""

    password = forms.CharField(
        label=_("รหัสผ่านของท่าน (ยืนยันการลงนาม)"),
        strip=False,
        max_length=1024,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("กรุณากรอกรหัสผ่านเพื่อยืนยันการลงนาม")},
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("รหัสผ่านไม่ถูกต้อง ยังไม่ได้ลงนาม"))
        return password


class SendBackForm(LimitedTextForm, forms.Form):
    comment = forms.CharField(
        label=_("สิ่งที่ต้องแก้ไข"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("กรุณาระบุสิ่งที่ต้องแก้ไข")},
    )


class ReturnForm(LimitedTextForm, forms.Form):
    comment = forms.CharField(
        label=_("สิ่งที่หน่วยงานต้องแก้ไข"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("กรุณาระบุสิ่งที่หน่วยงานต้องแก้ไข")},
    )
    correction_due = forms.DateField(
        label=_("กำหนดส่งฉบับแก้ไข"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("วันที่ไม่ถูกต้อง")},
    )


class EvidenceForm(LimitedTextForm, forms.Form):
    file = forms.FileField(
        label=_("ไฟล์หลักฐาน (PDF, PNG, JPEG, DOCX, XLSX)"),
        error_messages={"required": _("กรุณาเลือกไฟล์"), "empty": _("ไฟล์ว่างเปล่า")},
    )
    description = forms.CharField(label=_("คำอธิบาย"), max_length=300, required=False)


class CommentForm(LimitedTextForm, forms.Form):
    section = forms.ChoiceField(label=_("แบบฟอร์ม/ส่วน"))
    item = forms.CharField(label=_("รายการ (เช่น 1.2 หรือรหัสตัวชี้วัด)"), max_length=100, required=False)
    text = forms.CharField(
        label=_("ความเห็น"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("กรุณาพิมพ์ความเห็น")},
    )

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [(s, SECTION_LABELS.get(s, s)) for s in sections]
