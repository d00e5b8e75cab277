from django import forms
from django.utils.translation import gettext_lazy as _

from pmqa4.org.models import line_user_id_validator

CHECKBOX = forms.CheckboxInput(attrs={"class": "form-check-input"})


class PreferencesForm(forms.Form):
    """A person's own channels: e-mail on/off, LINE on/off and their LINE user ID."""

    email = forms.BooleanField(label=_("รับการแจ้งเตือนทางอีเมล"), required=False, widget=CHECKBOX)
    line = forms.BooleanField(label=_("รับการแจ้งเตือนทาง LINE"), required=False, widget=CHECKBOX)
    line_user_id = forms.CharField(
        label=_("LINE user ID"),
        required=False,
        max_length=33,
        validators=[line_user_id_validator],
        help_text=_(
            "ขึ้นต้นด้วย U ตามด้วยอักษร ๓๒ ตัว เช่น U4af4980629… (ดูวิธีในกล่อง “วิธีรับการแจ้งเตือนทาง LINE”)"
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("line") and not cleaned.get("line_user_id") and not self.errors:
            self.add_error("line_user_id", _("กรุณากรอก LINE user ID ก่อนเปิดรับการแจ้งเตือนทาง LINE"))
        return cleaned
