"""Two-step sign-in: who must use it, enrolling an authenticator app, recovery codes, codes.

The devices are django-otp's: one confirmed TOTPDevice is the person's authenticator app, and
one StaticDevice holds their ten one-time recovery codes. A person "has two-step sign-in" when
they have a confirmed app; the recovery codes only stand in for the app when it is lost.
"""

import logging
import math
import re
from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

log = logging.getLogger("pmqa4.security")

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "authenticator-app"
RECOVERY_DEVICE_NAME = "recovery-codes"

# What a signed-in session still has to do, kept in the session so that an ordinary page costs
# no query: decided at sign-in, looked at again only while something is still owed.
SESSION_STATE = "pmqa4_mfa_state"
OK, VERIFY, SETUP = "ok", "verify", "setup"

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_APP_CODE = re.compile(r"\d{6}")
_RECOVERY_CODE = re.compile(r"[a-z2-7]{8}")


def mfa_required(user, roles=None) -> bool:
    """The roles that see every unit (MFA_REQUIRED_ROLES: central administrators, evaluators,
    the ministry's executives) and superusers must use an app, while MFA_ENFORCE is on; anyone
    else may choose to."""
    if not settings.MFA_ENFORCE or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if roles is None:
        roles = user.role_grants.values_list("role", flat=True)
    return bool(set(roles) & set(settings.MFA_REQUIRED_ROLES))


def confirmed_app(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def has_mfa(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def sign_in_state(user) -> str:
    """After the password: a code if they have an app, the set-up page if they must have one."""
    if has_mfa(user):
        return VERIFY
    if mfa_required(user):
        return SETUP
    return OK


def pending_app(user) -> TOTPDevice:
    """The app being set up: the same secret on every reload until it is confirmed, so a QR code
    already scanned keeps working."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_base32(device: TOTPDevice) -> str:
    """The secret as the apps' "enter a setup key" screens want it, in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// link as an inline SVG QR code, drawn here: the secret never leaves us."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5,
        border=4,
        dark="#000",
        light="#fff",
        svgclass="mfa-qr",
        title=_("คิวอาร์โค้ดสำหรับตั้งค่าแอปยืนยันตัวตน"),
    )


def normalise_code(raw: str) -> str:
    """Thai digits, spaces and dashes as people type them; recovery codes in any case."""
    return re.sub(r"[\s\-]", "", (raw or "").translate(_THAI_DIGITS)).lower()


def format_recovery_code(token: str) -> str:
    return f"{token[:4]}-{token[4:]}"


def throttled_message(info: dict | None) -> str:
    locked_until = (info or {}).get("locked_until")
    seconds = 1
    if locked_until is not None:
        seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    return _("ใส่รหัสผิดหลายครั้งติดกัน ระบบจึงหยุดรับรหัสชั่วคราว กรุณารอ %(seconds)s วินาทีแล้วลองใหม่") % {
        "seconds": seconds
    }


def _wrong_code() -> str:
    return _("รหัสยืนยันตัวตนไม่ถูกต้องหรือหมดเวลาแล้ว กรุณาดูรหัสล่าสุดในแอปแล้วลองอีกครั้ง")


def check_code(device, code: str) -> str | None:
    """None if ``device`` accepts ``code``; otherwise the Thai reason. django-otp's throttling
    doubles the wait after each wrong code (1, 2, 4 … seconds) and a used code never works
    again (TOTP: not the same time step twice; recovery code: deleted)."""
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, info = device.verify_is_allowed()
        if not allowed:
            return throttled_message(info)
        if device.verify_token(code):
            return None
    return _wrong_code()


def verify_sign_in(user, raw: str) -> tuple[object | None, str | None]:
    """The device that accepted the app code or recovery code typed at sign-in, or the reason."""
    code = normalise_code(raw)
    if _APP_CODE.fullmatch(code):
        device = confirmed_app(user)
    elif _RECOVERY_CODE.fullmatch(code):
        device = StaticDevice.objects.filter(user=user).first()
    else:
        return None, _("กรุณากรอกรหัส ๖ หลักจากแอปยืนยันตัวตน หรือรหัสสำรอง ๘ ตัวอักษร")
    if device is None:
        return None, _wrong_code()
    error = check_code(device, code)
    if error:
        log.warning("Wrong sign-in code for user %s", user.pk)
        return None, error
    if isinstance(device, StaticDevice):
        log.warning("User %s signed in with a recovery code", user.pk)
    return device, None


def confirm_app(user, device: TOTPDevice, raw: str) -> tuple[list[str] | None, str | None]:
    """Confirm the app being set up with a code from it: it replaces any earlier app, and a new
    set of recovery codes (returned, shown once) replaces the old one."""
    code = normalise_code(raw)
    if not _APP_CODE.fullmatch(code):
        return None, _("กรุณากรอกรหัสตัวเลข ๖ หลักที่แอปแสดงอยู่ในขณะนี้")
    error = check_code(device, code)
    if error:
        return None, error
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        codes = new_recovery_codes(user)
    log.info("User %s set up an authenticator app", user.pk)
    return codes, None


def new_recovery_codes(user) -> list[str]:
    """Ten new one-time codes; the earlier ones stop working."""
    with transaction.atomic():
        device = StaticDevice.objects.filter(user=user).first()
        if device is None:
            device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
        device.token_set.all().delete()
        device.throttle_reset()
        codes: set[str] = set()
        while len(codes) < RECOVERY_CODE_COUNT:
            codes.add(StaticToken.random_token())
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    log.info("User %s has new recovery codes", user.pk)
    return sorted(codes)


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def remove_mfa(user) -> None:
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
    log.warning("User %s turned two-step sign-in off", user.pk)
