"""Forms of steps 1 and 2: they parse and explain bad input in Thai; services decide the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pmqa4.core.fiscal import BANGKOK
from pmqa4.core.forms import LimitedTextForm

from .models import MeetingKind, TeamRole
from .phones import PhoneError, format_phone
from .services import MEMBER_FIELDS, held_on_refusal


class MemberForm(LimitedTextForm, forms.Form):
    """One PMQA Team member. Only the name is required to save: a missing position or contact
    is allowed and listed as incomplete for scoring (SCORING.md step 1), never refused."""

    full_name = forms.CharField(
        label=_("ชื่อ-สกุล"),
        max_length=200,
        error_messages={"required": _("กรุณากรอกชื่อ-สกุล")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    position = forms.CharField(
        label=_("ตำแหน่ง"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    team_role = forms.ChoiceField(
        label=_("บทบาทในทีม"), choices=TeamRole.choices, initial=TeamRole.MEMBER
    )
    phone = forms.CharField(
        label=_("โทรศัพท์"),
        max_length=40,
        required=False,
        help_text=_("เช่น 0 2232 1234 ต่อ 123 หรือ 08 1234 5678"),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("อีเมล"),
        required=False,
        error_messages={"invalid": _("อีเมลไม่ถูกต้อง เช่น name@mol.mail.go.th")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={"required": _("ไม่พบรุ่นของแบบฟอร์ม กรุณาโหลดหน้าใหม่แล้วบันทึกอีกครั้ง")},
    )

    def __init__(self, *args, key="new", **kwargs):
        # Several rows can be open for editing at once: each form's element ids stay unique.
        kwargs.setdefault("auto_id", f"member-{key}-%s")
        super().__init__(*args, **kwargs)

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("กรุณากรอกชื่อ-สกุล"))
        return name

    def clean_phone(self):
        try:
            return format_phone(self.cleaned_data["phone"])
        except PhoneError as error:
            raise forms.ValidationError(error.message) from None

    def member_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in MEMBER_FIELDS}


class VersionForm(forms.Form):
    """Removing a member carries only the roster version the page was loaded at."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class MeetingForm(LimitedTextForm, forms.Form):
    """A meeting or activity of the central group; times are Bangkok wall-clock times."""

    title = forms.CharField(
        label=_("ชื่อการประชุม/กิจกรรม"),
        max_length=300,
        error_messages={"required": _("กรุณากรอกชื่อการประชุม/กิจกรรม")},
    )
    kind = forms.ChoiceField(label=_("ประเภท"), choices=MeetingKind.choices)
    held_on = forms.DateField(
        label=_("วันที่จัด"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("กรุณาระบุวันที่จัด"), "invalid": _("วันที่ไม่ถูกต้อง")},
    )
    starts_time = forms.TimeField(
        label=_("เวลาเริ่ม (น.)"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("กรุณาระบุเวลาเริ่ม"), "invalid": _("เวลาไม่ถูกต้อง เช่น 09:30")},
    )
    ends_time = forms.TimeField(
        label=_("เวลาสิ้นสุด (น.)"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": _("กรุณาระบุเวลาสิ้นสุด"),
            "invalid": _("เวลาไม่ถูกต้อง เช่น 12:00"),
        },
    )
    location = forms.CharField(label=_("สถานที่"), max_length=300, required=False)
    required = forms.BooleanField(
        label=_("นับเป็นการประชุมที่ต้องเข้าร่วม (นับในอัตราการเข้าร่วมของขั้นตอนที่ ๒)"),
        required=False,
        initial=True,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
    # The edit page's version (optimistic locking); the add form has none.
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        required=False,
        error_messages={
            "invalid": _("ไม่พบรุ่นของแบบฟอร์ม กรุณาโหลดหน้าใหม่แล้วบันทึกอีกครั้ง"),
            "min_value": _("ไม่พบรุ่นของแบบฟอร์ม กรุณาโหลดหน้าใหม่แล้วบันทึกอีกครั้ง"),
        },
    )

    def __init__(self, *args, cycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.cycle = cycle

    def clean_held_on(self):
        day = self.cleaned_data["held_on"]
        refusal = held_on_refusal(self.cycle, day)
        if refusal:
            raise forms.ValidationError(refusal)
        return day

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_time"), data.get("ends_time")
        if starts and ends and ends <= starts:
            self.add_error("ends_time", _("เวลาสิ้นสุดต้องอยู่หลังเวลาเริ่ม"))
        return data

    @classmethod
    def initial_for(cls, meeting) -> dict:
        return {
            "title": meeting.title,
            "kind": meeting.kind,
            "held_on": meeting.held_on,
            "starts_time": meeting.starts_at.astimezone(BANGKOK).time(),
            "ends_time": meeting.ends_at.astimezone(BANGKOK).time(),
            "location": meeting.location,
            "required": meeting.required,
            "version": meeting.version,
        }

    def meeting_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"].strip(),
            "kind": data["kind"],
            "held_on": data["held_on"],
            "starts_time": data["starts_time"],
            "ends_time": data["ends_time"],
            "location": data["location"].strip(),
            "required": data["required"],
        }


class AttendanceFilterForm(LimitedTextForm, forms.Form):
    q = forms.CharField(label=_("ค้นหาหน่วยงาน (ชื่อหรือรหัส)"), max_length=100, required=False)


def parse_ids(values) -> set[int]:
    """Member ids posted by the tick list; anything that is not a plain number that fits a
    database id (not "²" or "๑", which isdigit() accepts, nor 30 digits) is ignored."""
    ids = (str(value) for value in values)
    return {int(v) for v in ids if v.isascii() and v.isdigit() and len(v) <= 18}
