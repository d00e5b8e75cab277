from django import forms
from django.utils.translation import gettext_lazy as _


def _code_input(placeholder: str) -> forms.TextInput:
    return forms.TextInput(
        attrs={
            "autocomplete": "one-time-code",
            "autocapitalize": "off",
            "spellcheck": "false",
            "autofocus": True,
            "class": "font-monospace",
            "placeholder": placeholder,
        }
    )


class AppCodeForm(forms.Form):
    """The 6-digit code that confirms a newly set-up app."""

    code = forms.CharField(
        label=_("รหัส ๖ หลักจากแอป"),
        max_length=20,
        widget=_code_input("123456"),
        error_messages={"required": _("กรุณากรอกรหัส ๖ หลักที่แอปแสดงอยู่ในขณะนี้")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs["inputmode"] = "numeric"


class VerifyForm(forms.Form):
    """At sign-in: the app's code, or one of the recovery codes."""

    code = forms.CharField(
        label=_("รหัสยืนยันตัวตน"),
        max_length=20,
        help_text=_("รหัส ๖ หลักจากแอปยืนยันตัวตน หรือรหัสสำรอง ๘ ตัวอักษรหากไม่มีโทรศัพท์อยู่กับตัว"),
        widget=_code_input("123456"),
        error_messages={"required": _("กรุณากรอกรหัสยืนยันตัวตน")},
    )


class DisableForm(forms.Form):
    """Turning two-step sign-in off needs proof it is really them: a code or the password."""

    code = forms.CharField(
        label=_("รหัส ๖ หลักจากแอป หรือรหัสสำรอง"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text"}),
    )
    password = forms.CharField(
        label=_("หรือรหัสผ่านปัจจุบัน"),
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def clean(self):
        data = super().clean()
        if not data.get("code") and not data.get("password"):
            raise forms.ValidationError(
                _("กรุณากรอกรหัสจากแอป (หรือรหัสสำรอง) หรือรหัสผ่านปัจจุบัน อย่างใดอย่างหนึ่ง")
            )
        return data


class UnlockForm(forms.Form):
    username = forms.CharField(max_length=255)
    ip_address = forms.GenericIPAddressField(required=False)
