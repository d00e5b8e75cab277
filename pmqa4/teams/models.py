"""Step 1 (the PMQA Team roster) and step 2 (meetings/activities and who attended)."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from pmqa4.core.audit import track
from pmqa4.core.models import TimeStampedModel, VersionedModel


class Roster(VersionedModel):
    """รายชื่อทีมงาน PMQA Team of one unit for one cycle."""

    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="rosters", verbose_name=_("หน่วยงาน")
    )
    cycle = models.ForeignKey(
        "cycles.Cycle", on_delete=models.PROTECT, related_name="rosters", verbose_name=_("รอบปี")
    )

    class Meta:
        verbose_name = _("ทีมงาน PMQA Team")
        verbose_name_plural = _("ทีมงาน PMQA Team")
        constraints = [
            models.UniqueConstraint(fields=["unit", "cycle"], name="roster_unique_per_unit_cycle")
        ]

    def __str__(self):
        return f"ทีมงาน {self.unit} ({self.cycle})"


class TeamRole(models.TextChoices):
    CHAIR = "chair", _("ประธานคณะทำงาน")
    VICE_CHAIR = "vice_chair", _("รองประธานคณะทำงาน")
    MEMBER = "member", _("คณะทำงาน")
    SECRETARY = "secretary", _("คณะทำงานและเลขานุการ")
    ASSISTANT_SECRETARY = "assistant_secretary", _("คณะทำงานและผู้ช่วยเลขานุการ")


class TeamMember(TimeStampedModel):
    roster = models.ForeignKey(
        Roster, on_delete=models.CASCADE, related_name="members", verbose_name=_("ทีมงาน")
    )
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    full_name = models.CharField(_("ชื่อ-สกุล"), max_length=200)
    position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)
    team_role = models.CharField(
        _("บทบาทในทีม"), max_length=20, choices=TeamRole.choices, default=TeamRole.MEMBER
    )
    phone = models.CharField(_("โทรศัพท์"), max_length=40, blank=True)
    email = models.EmailField(_("อีเมล"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="team_memberships",
        verbose_name=_("บัญชีผู้ใช้"),
    )

    class Meta:
        verbose_name = _("สมาชิกทีมงาน")
        verbose_name_plural = _("สมาชิกทีมงาน")
        ordering = ["roster", "order", "id"]

    def __str__(self):
        return self.full_name

    @property
    def is_complete(self) -> bool:
        """SCORING.md step 1: a member needs a position and a phone or an e-mail."""
        return bool(self.position.strip()) and bool(self.phone.strip() or self.email.strip())


class MeetingKind(models.TextChoices):
    MEETING = "meeting", _("ประชุม")
    ACTIVITY = "activity", _("กิจกรรม")
    TRAINING = "training", _("อบรม/สัมมนา")


def _checkin_token() -> str:
    return secrets.token_urlsafe(24)


class Meeting(VersionedModel):
    """A meeting or activity of the central group; the required ones count for step 2. Edits
    are optimistically locked, so two administrators never overwrite each other silently."""

    cycle = models.ForeignKey(
        "cycles.Cycle", on_delete=models.PROTECT, related_name="meetings", verbose_name=_("รอบปี")
    )
    title = models.CharField(_("ชื่อการประชุม/กิจกรรม"), max_length=300)
    kind = models.CharField(
        _("ประเภท"), max_length=10, choices=MeetingKind.choices, default=MeetingKind.MEETING
    )
    held_on = models.DateField(_("วันที่จัด"))
    starts_at = models.DateTimeField(_("เวลาเริ่ม"))
    ends_at = models.DateTimeField(_("เวลาสิ้นสุด"))
    location = models.CharField(_("สถานที่"), max_length=300, blank=True)
    required = models.BooleanField(
        _("นับเป็นการประชุมที่ต้องเข้าร่วม"),
        default=True,
        help_text=_("นับในอัตราการเข้าร่วมของขั้นตอนที่ ๒"),
    )
    checkin_token = models.CharField(
        _("รหัสลงชื่อเข้าร่วม"), max_length=40, unique=True, default=_checkin_token, editable=False
    )

    class Meta:
        verbose_name = _("การประชุม/กิจกรรม")
        verbose_name_plural = _("การประชุม/กิจกรรม")
        ordering = ["cycle", "held_on", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=F("ends_at")), name="meeting_starts_before_it_ends"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.held_on:%Y-%m-%d})"

    def clean(self):
        if self.starts_at and self.ends_at and self.starts_at >= self.ends_at:
            raise ValidationError({"ends_at": _("เวลาสิ้นสุดต้องอยู่หลังเวลาเริ่ม")})


class AttendanceMethod(models.TextChoices):
    RECORDED = "recorded", _("บันทึกโดยส่วนกลาง")
    CHECKIN = "checkin", _("ลงชื่อด้วยตนเอง (QR)")


class Attendance(TimeStampedModel):
    """One team member recorded present at one meeting."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("การประชุม")
    )
    member = models.ForeignKey(
        TeamMember,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("สมาชิกทีมงาน"),
    )
    method = models.CharField(
        _("วิธีบันทึก"),
        max_length=10,
        choices=AttendanceMethod.choices,
        default=AttendanceMethod.RECORDED,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้บันทึก"),
    )

    class Meta:
        verbose_name = _("การเข้าร่วมประชุม")
        verbose_name_plural = _("การเข้าร่วมประชุม")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="attendance_unique")
        ]

    def __str__(self):
        return f"{self.member} · {self.meeting}"


track(Roster, TeamMember, Meeting, Attendance, exclude=("checkin_token",))
