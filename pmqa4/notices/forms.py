from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pmqa4.core.errors import WorkflowError
from pmqa4.core.forms import LimitedTextForm
from pmqa4.org.models import UnitKind

from .announcements import MAX_FILES, NewFile
from .attachments import ACCEPT, check_attachment
from .models import ContactCard

LONG = 10_000  # an announcement or an answer: a few printed pages of Thai
ALL, SOME = "all", "kinds"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern); a list, maybe empty."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


def _textarea(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class AnnouncementForm(LimitedTextForm, forms.Form):
    long_text = LONG

    title = forms.CharField(
        label=_("หัวข้อ"),
        max_length=200,
        error_messages={"required": _("กรุณาพิมพ์หัวข้อประกาศ")},
    )
    body = forms.CharField(
        label=_("รายละเอียด"),
        max_length=LONG,
        widget=_textarea(10),
        help_text=_("ข้อความธรรมดา ขึ้นบรรทัดใหม่ได้ ที่อยู่เว็บไซต์ (https://…) จะคลิกได้"),
        error_messages={"required": _("กรุณาพิมพ์รายละเอียดประกาศ")},
    )
    audience = forms.ChoiceField(
        label=_("ถึง"),
        choices=[(ALL, _("ทุกหน่วยงาน")), (SOME, _("เฉพาะประเภทหน่วยงานที่เลือก"))],
        initial=ALL,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    kinds = forms.MultipleChoiceField(
        label=_("ประเภทหน่วยงาน"),
        choices=UnitKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    pinned = forms.BooleanField(
        label=_("ปักหมุดไว้บนสุด"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
    published_on = forms.DateField(
        label=_("วันที่เผยแพร่"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("หน่วยงานเห็นประกาศและได้รับการแจ้งเตือนตั้งแต่วันนี้ (วันในอนาคต = ตั้งเวลาเผยแพร่)"),
        error_messages={"required": _("กรุณาระบุวันที่เผยแพร่"), "invalid": _("วันที่ไม่ถูกต้อง")},
    )
    files = MultipleFileField(
        label=_("ไฟล์แนบ (PDF, PNG, JPEG, DOCX, XLSX, PPTX)"),
        required=False,
        help_text=_("เลือกได้หลายไฟล์ เช่น สไลด์ชี้แจง แบบฟอร์ม ไม่เกิน ๑๐ ไฟล์ต่อประกาศ"),
    )
    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    remove_files = forms.TypedMultipleChoiceField(
        label=_("ลบไฟล์แนบ"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )

    def __init__(self, *args, announcement=None, **kwargs):
        self.announcement = announcement
        if announcement is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": announcement.title,
                    "body": announcement.body,
                    "audience": ALL if announcement.to_all_units else SOME,
                    "kinds": [a.kind for a in announcement.audiences.all()],
                    "pinned": announcement.pinned,
                    "published_on": announcement.published_on,
                    "version": announcement.version,
                },
            )
        else:
            kwargs.setdefault("initial", {"published_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.existing = list(announcement.files.all()) if announcement is not None else []
        self.fields["remove_files"].choices = [(f.pk, f.original_name) for f in self.existing]

    def clean_files(self):
        checked, problems = [], []
        for upload in self.cleaned_data.get("files") or []:
            try:
                checked.append(NewFile(upload, check_attachment(upload)))
            except WorkflowError as error:
                problems.append(f"{upload.name}: {error.message}")
        if problems:
            raise ValidationError(problems)
        return checked

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("audience") == SOME and not cleaned.get("kinds"):
            self.add_error("kinds", _("กรุณาเลือกประเภทหน่วยงานอย่างน้อย ๑ ประเภท"))
        if cleaned.get("audience") == ALL:
            cleaned["kinds"] = []
        kept = len(self.existing) - len(cleaned.get("remove_files") or [])
        if "files" in cleaned and kept + len(cleaned["files"]) > MAX_FILES:
            self.add_error("files", _("แนบได้ไม่เกิน %(max)d ไฟล์ต่อประกาศ") % {"max": MAX_FILES})
        return cleaned


class QuestionForm(LimitedTextForm, forms.Form):
    long_text = LONG

    unit = forms.ModelChoiceField(
        label=_("ถามในนามหน่วยงาน"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("กรุณาเลือกหน่วยงานของท่าน")},
    )
    title = forms.CharField(
        label=_("เรื่อง"),
        max_length=200,
        help_text=_("สั้น ๆ ให้เห็นว่าถามเรื่องอะไร เช่น การกรอกแบบฟอร์มที่ ๓ ขั้นตอนที่ ๔"),
        error_messages={"required": _("กรุณาพิมพ์เรื่องที่ถาม")},
    )
    body = forms.CharField(
        label=_("คำถาม"),
        widget=_textarea(6),
        error_messages={"required": _("กรุณาพิมพ์คำถาม")},
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        if len(units) == 1:
            self.fields["unit"].initial = units[0].pk
            self.fields["unit"].widget = forms.HiddenInput()


class PostForm(LimitedTextForm, forms.Form):
    long_text = LONG

    body = forms.CharField(
        label=_("ข้อความ"),
        widget=_textarea(5),
        error_messages={"required": _("กรุณาพิมพ์ข้อความ")},
    )


class FaqForm(LimitedTextForm, forms.Form):
    long_text = LONG

    question = forms.CharField(
        label=_("คำถาม"), widget=_textarea(3), error_messages={"required": _("กรุณาพิมพ์คำถาม")}
    )
    answer = forms.CharField(
        label=_("คำตอบ"), widget=_textarea(8), error_messages={"required": _("กรุณาพิมพ์คำตอบ")}
    )
    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


class ContactCardForm(LimitedTextForm, forms.ModelForm):
    class Meta:
        model = ContactCard
        fields = ["name", "phone", "email", "line_id", "note"]
        error_messages = {
            "name": {"required": _("กรุณาพิมพ์ชื่อผู้ติดต่อหรือหน่วยงาน")},
            "email": {"invalid": _("อีเมลไม่ถูกต้อง")},
        }
