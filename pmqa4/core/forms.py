from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

# A long free-text answer (Form 3 and Form 4 fields, notes): about two printed pages of Thai.
LONG_TEXT = 5000
TOO_LONG = _("ข้อความยาวเกินไป พิมพ์ได้ไม่เกิน %(limit_value)s ตัวอักษร (ขณะนี้ %(show_value)s ตัวอักษร)")
NUL_CHARACTER = _("ข้อความมีอักขระที่ใช้ไม่ได้ (NUL) กรุณาพิมพ์ใหม่หรือวางเป็นข้อความธรรมดา")


def limit_text_fields(fields, long_text: int = LONG_TEXT) -> None:
    """Every text field gets a length limit (``long_text`` when it has none, as a model
    TextField gives) and Thai messages for text that is too long or holds a NUL character;
    Django's own Thai catalogue leaves both in English."""
    for field in fields.values():
        if not isinstance(field, forms.CharField):
            continue
        if field.max_length is None:
            field.max_length = long_text
            field.validators.append(MaxLengthValidator(long_text))
            field.widget.attrs.update(field.widget_attrs(field.widget))
        field.error_messages["max_length"] = TOO_LONG
        field.error_messages["null_characters_not_allowed"] = NUL_CHARACTER


class LimitedTextForm:
    """Mixin for a Form or ModelForm: limit_text_fields on its fields (see above)."""

    long_text = LONG_TEXT

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_text_fields(self.fields, self.long_text)


class ThaiAuthenticationForm(LimitedTextForm, AuthenticationForm):
    """The login form with Thai labels and a message that does not say which part was wrong."""

    username = forms.CharField(
        label=_("ชื่อผู้ใช้"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("รหัสผ่าน"),
        strip=False,
        max_length=1024,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง กรุณาตรวจสอบแล้วลองอีกครั้ง (ตัวพิมพ์เล็ก-ใหญ่มีผล)"),
        "inactive": _("บัญชีนี้ถูกระงับการใช้งาน กรุณาติดต่อกลุ่มพัฒนาระบบบริหาร"),
    }
