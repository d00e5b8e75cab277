"""Organisation: ministry → department → unit, and the people who act for a unit."""

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pmqa4.core.audit import track
from pmqa4.core.models import TimeStampedModel


class Ministry(TimeStampedModel):
    name_th = models.CharField(_("ชื่อกระทรวง"), max_length=200, unique=True)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=200, blank=True)
    short_name = models.CharField(_("ชื่อย่อ"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("กระทรวง")
        verbose_name_plural = _("กระทรวง")

    def __str__(self):
        return self.name_th


class Department(TimeStampedModel):
    ministry = models.ForeignKey(
        Ministry, on_delete=models.PROTECT, related_name="departments", verbose_name=_("กระทรวง")
    )
    name_th = models.CharField(_("ชื่อส่วนราชการ"), max_length=200)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=200, blank=True)
    short_name = models.CharField(_("ชื่อย่อ"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("ส่วนราชการ (กรม)")
        verbose_name_plural = _("ส่วนราชการ (กรม)")
        constraints = [
            models.UniqueConstraint(fields=["ministry", "name_th"], name="department_unique_name")
        ]

    def __str__(self):
        return self.name_th


class Region(models.TextChoices):
    NORTH = "north", _("ภาคเหนือ")
    NORTHEAST = "northeast", _("ภาคตะวันออกเฉียงเหนือ")
    CENTRAL = "central", _("ภาคกลาง")
    EAST = "east", _("ภาคตะวันออก")
    WEST = "west", _("ภาคตะวันตก")
    SOUTH = "south", _("ภาคใต้")


class Province(models.Model):
    iso_code = models.CharField(_("รหัส ISO 3166-2"), max_length=2, unique=True)
    code = models.CharField(_("รหัสย่อ"), max_length=3, unique=True)
    name_th = models.CharField(_("ชื่อจังหวัด"), max_length=60, unique=True)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=60)
    region = models.CharField(_("ภาค"), max_length=10, choices=Region.choices)

    class Meta:
        verbose_name = _("จังหวัด")
        verbose_name_plural = _("จังหวัด")
        ordering = ["name_th"]

    def __str__(self):
        return self.name_th


class UnitKind(models.TextChoices):
    BUREAU = "bureau", _("สำนัก")
    CENTER = "center", _("ศูนย์")
    DIVISION = "division", _("กอง")
    GROUP = "group", _("กลุ่ม")
    PROVINCIAL_OFFICE = "provincial", _("สำนักงานแรงงานจังหวัด")


unit_code_validator = RegexValidator(
    r"^[A-Z0-9]+(-[A-Z0-9]+)*$",
    _("รหัสหน่วยงานใช้ได้เฉพาะตัวอักษรภาษาอังกฤษพิมพ์ใหญ่ ตัวเลข และขีด เช่น PLO-CNX"),
)


class Unit(TimeStampedModel):
    """A unit that runs the indicator. Merged or closed units stay, inactive, with their history."""

    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="units", verbose_name=_("ส่วนราชการ")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("สังกัด"),
    )
    code = models.CharField(
        _("รหัสหน่วยงาน"), max_length=20, unique=True, validators=[unit_code_validator]
    )
    name_th = models.CharField(_("ชื่อหน่วยงาน"), max_length=200)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=200, blank=True)
    short_name = models.CharField(_("ชื่อย่อ"), max_length=50, blank=True)
    kind = models.CharField(_("ประเภทหน่วยงาน"), max_length=12, choices=UnitKind.choices)
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
        verbose_name=_("จังหวัด"),
    )
    takes_part = models.BooleanField(
        _("รับการประเมินตัวชี้วัด"),
        default=True,
        help_text=_("หน่วยงานที่ต้องดำเนินการตามตัวชี้วัดการขับเคลื่อนสู่ระบบราชการ ๔.๐"),
    )
    is_active = models.BooleanField(_("ยังดำเนินงานอยู่"), default=True)
    closed_on = models.DateField(_("วันที่ยุบ/ควบรวม"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_units",
        verbose_name=_("ควบรวมเข้ากับ"),
    )

    class Meta:
        verbose_name = _("หน่วยงาน")
        verbose_name_plural = _("หน่วยงาน")
        ordering = ["code"]
        constraints = [
            # A provincial labour office belongs to exactly one province; other units to none.
            models.CheckConstraint(
                condition=(
                    Q(kind=UnitKind.PROVINCIAL_OFFICE, province__isnull=False)
                    | (~Q(kind=UnitKind.PROVINCIAL_OFFICE) & Q(province__isnull=True))
                ),
                name="unit_province_iff_provincial_office",
            ),
            models.CheckConstraint(
                condition=Q(is_active=True) | Q(closed_on__isnull=False),
                name="unit_inactive_has_closing_date",
            ),
        ]

    def __str__(self):
        return self.name_th


class Role(models.TextChoices):
    CENTRAL_ADMIN = "central_admin", _("ผู้ดูแลระบบส่วนกลาง (กลุ่มพัฒนาระบบบริหาร)")
    EVALUATOR = "evaluator", _("ผู้ประเมิน")
    COORDINATOR = "coordinator", _("ผู้ประสานงานหน่วยงาน")
    EXECUTIVE = "executive", _("ผู้บริหารหน่วยงาน")
    # Follows the whole ministry's progress (dashboard, scores, summary); changes nothing.
    MINISTRY_EXECUTIVE = "ministry_executive", _("ผู้บริหารระดับกระทรวง")


# Roles that see every unit; the others see only the unit they were granted.
ALL_UNIT_ROLES = frozenset({Role.CENTRAL_ADMIN, Role.EVALUATOR, Role.MINISTRY_EXECUTIVE})


line_user_id_validator = RegexValidator(
    r"^U[0-9a-f]{32}$",
    _("LINE user ID ต้องขึ้นต้นด้วย U ตามด้วยตัวเลขหรืออักษร a–f รวม ๓๒ ตัว"),
)


class User(AbstractUser):
    """A civil servant (or a member of the public with an account: then no unit, no role)."""

    title = models.CharField(_("คำนำหน้าชื่อ"), max_length=30, blank=True)
    position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)
    phone = models.CharField(_("โทรศัพท์"), max_length=40, blank=True)
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("หน่วยงานที่สังกัด"),
    )
    # This person's user ID for our LINE Official Account (pmqa4/notifications sends to it).
    line_user_id = models.CharField(
        _("LINE user ID"),
        max_length=33,
        blank=True,
        validators=[line_user_id_validator],
        help_text=_("รหัสผู้ใช้ LINE สำหรับบัญชีทางการของระบบ ขึ้นต้นด้วย U ตามด้วยอักษร ๓๒ ตัว"),
    )

    class Meta:
        verbose_name = _("ผู้ใช้")
        verbose_name_plural = _("ผู้ใช้")

    def __str__(self):
        return self.display_name or self.username

    @property
    def display_name(self) -> str:
        name = f"{self.title}{self.first_name} {self.last_name}".strip()
        return name


class RoleGrant(TimeStampedModel):
    """A role a person holds for a unit (usually their own unit; the central roles see all)."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="role_grants", verbose_name=_("ผู้ใช้")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="role_grants", verbose_name=_("หน่วยงาน")
    )
    role = models.CharField(_("บทบาท"), max_length=20, choices=Role.choices)
    granted_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้มอบสิทธิ์"),
    )

    class Meta:
        verbose_name = _("บทบาทผู้ใช้")
        verbose_name_plural = _("บทบาทผู้ใช้")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="role_grant_unique")
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.unit.code}"


track(Unit, RoleGrant, User, exclude=("password", "last_login"))
