"""Thai names for the sign-in records of django-axes and django-otp in the central admin.

Proxies only (no tables of their own): the packages' models carry English names, and the admin
is the central administrator's Thai back office.
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


class FailedLogin(AccessAttempt):
    class Meta:
        proxy = True
        verbose_name = _("การเข้าสู่ระบบที่ผิดพลาด (การล็อกบัญชี)")
        verbose_name_plural = _("การเข้าสู่ระบบที่ผิดพลาด (การล็อกบัญชี)")


class FailedLoginLog(AccessFailureLog):
    class Meta:
        proxy = True
        verbose_name = _("ประวัติการเข้าสู่ระบบที่ผิดพลาด")
        verbose_name_plural = _("ประวัติการเข้าสู่ระบบที่ผิดพลาด")


class LoginLog(AccessLog):
    class Meta:
        proxy = True
        verbose_name = _("ประวัติการเข้าสู่ระบบ")
        verbose_name_plural = _("ประวัติการเข้าสู่ระบบ")


class AuthenticatorApp(TOTPDevice):
    class Meta:
        proxy = True
        verbose_name = _("แอปยืนยันตัวตน")
        verbose_name_plural = _("แอปยืนยันตัวตน")


class RecoveryCodeSet(StaticDevice):
    class Meta:
        proxy = True
        verbose_name = _("ชุดรหัสสำรอง")
        verbose_name_plural = _("ชุดรหัสสำรอง")
