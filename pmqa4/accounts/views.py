"""A person's own sign-in security: the authenticator app, recovery codes, the code at sign-in.

Every page is about the signed-in person only, so there is no unit to check; the middleware keeps
them here until the second step is done.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from pmqa4.core.admin_site import is_central_admin
from pmqa4.org.permissions import actor_of

from . import mfa
from .forms import AppCodeForm, DisableForm, VerifyForm

NEW_CODES = "pmqa4_mfa_new_codes"


def _mark_verified(request, device) -> None:
    otp_login(request, device)
    request.session.cycle_key()  # a new session id for the stronger sign-in
    request.session[mfa.SESSION_STATE] = mfa.OK


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _verify_then(next_url: str) -> str:
    return reverse("accounts:verify") + "?" + urlencode({"next": next_url})


def _is_verified(user) -> bool:
    return bool(getattr(user, "is_verified", lambda: False)())


def _required(request) -> bool:
    return mfa.mfa_required(request.user, roles=actor_of(request).roles)


@login_required
@never_cache
def security(request):
    """ความปลอดภัยของบัญชี: is two-step sign-in on, how many recovery codes are left."""
    app = mfa.confirmed_app(request.user)
    context = {
        "app": app,
        "codes_left": mfa.recovery_codes_left(request.user) if app else 0,
        "required": _required(request),
        "recovery_count": mfa.RECOVERY_CODE_COUNT,
        "central_admin": is_central_admin(request),
    }
    return render(request, "accounts/security.html", context)


@login_required
@never_cache
def mfa_setup(request):
    """Scan the QR code (or type the secret), then prove it works with a code from the app."""
    user = request.user
    replacing = mfa.has_mfa(user)
    if replacing and not _is_verified(user):
        return redirect(_verify_then(request.path))
    device = mfa.pending_app(user)
    form = AppCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        codes, error = mfa.confirm_app(user, device, form.cleaned_data["code"])
        if error:
            form.add_error("code", error)
        else:
            device.refresh_from_db()
            _mark_verified(request, device)
            request.session[NEW_CODES] = codes
            messages.success(
                request,
                _("เปิดใช้การยืนยันตัวตนสองขั้นตอนแล้ว ครั้งต่อไปที่เข้าสู่ระบบ ระบบจะขอรหัสจากแอปหลังรหัสผ่าน"),
            )
            return redirect("accounts:recovery-codes")
    context = {
        "form": form,
        "qr_svg": mark_safe(mfa.qr_svg(device)),  # drawn by segno from our own otpauth:// link
        "secret": mfa.secret_base32(device),
        "replacing": replacing,
        "required": _required(request),
    }
    return render(request, "accounts/setup.html", context)


@login_required
@never_cache
def recovery_codes(request):
    """The new codes, once: they are not shown again (only a new set can be made)."""
    codes = request.session.pop(NEW_CODES, None)
    if not codes:
        messages.info(request, _("รหัสสำรองแสดงได้ครั้งเดียวหลังสร้าง หากไม่ได้จดไว้ กรุณาสร้างชุดใหม่"))
        return redirect("accounts:security")
    context = {"codes": [mfa.format_recovery_code(code) for code in codes]}
    return render(request, "accounts/recovery_codes.html", context)


@login_required
@require_POST
def recovery_regenerate(request):
    user = request.user
    if not mfa.has_mfa(user):
        messages.error(request, _("ต้องเปิดใช้การยืนยันตัวตนสองขั้นตอนก่อน จึงจะสร้างรหัสสำรองได้"))
        return redirect("accounts:security")
    if not _is_verified(user):
        return redirect(_verify_then(reverse("accounts:security")))
    request.session[NEW_CODES] = mfa.new_recovery_codes(user)
    messages.success(request, _("สร้างรหัสสำรองชุดใหม่แล้ว รหัสชุดเดิมใช้ไม่ได้อีกต่อไป"))
    return redirect("accounts:recovery-codes")


@login_required
@never_cache
def mfa_disable(request):
    """Turn two-step sign-in off, with a code or the password; not for the roles that need it."""
    user = request.user
    app = mfa.confirmed_app(user)
    if app is None:
        return redirect("accounts:security")
    if _required(request):
        raise PermissionDenied
    form = DisableForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        error = _check_identity(user, app, form.cleaned_data)
        if error:
            form.add_error(None, error)
        else:
            mfa.remove_mfa(user)
            request.session.pop(DEVICE_ID_SESSION_KEY, None)
            request.session[mfa.SESSION_STATE] = mfa.OK
            messages.success(
                request,
                _("ปิดการยืนยันตัวตนสองขั้นตอนแล้ว กรุณาลบบัญชีนี้ออกจากแอปยืนยันตัวตนในโทรศัพท์ด้วย"),
            )
            return redirect("accounts:security")
    return render(request, "accounts/disable.html", {"form": form})


def _check_identity(user, app, data) -> str | None:
    """A code goes through the app's (or recovery codes') throttling; so does a wrong password,
    which counts against the app so that it cannot be guessed faster than a code."""
    if data.get("code"):
        _device, error = mfa.verify_sign_in(user, data["code"])
        return error
    allowed, info = app.verify_is_allowed()
    if not allowed:
        return mfa.throttled_message(info)
    if user.check_password(data["password"]):
        return None
    app.throttle_increment()
    return _("รหัสผ่านไม่ถูกต้อง")


@login_required
@never_cache
def verify(request):
    """ใส่รหัสยืนยันตัวตน: the second step after the password."""
    user = request.user
    if _is_verified(user) or not mfa.has_mfa(user):
        return redirect(_next_url(request))
    form = VerifyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        device, error = mfa.verify_sign_in(user, form.cleaned_data["code"])
        if error:
            form.add_error("code", error)
        else:
            _mark_verified(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    _(
                        "ท่านเข้าสู่ระบบด้วยรหัสสำรอง รหัสนี้ใช้ไม่ได้อีกแล้ว เหลือรหัสสำรองอีก %(count)s รหัส "
                        "หากโทรศัพท์หาย กรุณาตั้งค่าแอปใหม่ที่หน้าความปลอดภัยของบัญชี"
                    )
                    % {"count": mfa.recovery_codes_left(user)},
                )
            return redirect(_next_url(request))
    context = {"form": form, "next": _next_url(request)}
    return render(request, "accounts/verify.html", context)
