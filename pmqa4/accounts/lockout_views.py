"""The central administrator's list of locked sign-ins, with a button to unlock each."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pmqa4.core.admin_site import is_central_admin

from . import lockouts
from .forms import UnlockForm


def _central_admin(request) -> None:
    """A central page, not a unit's object: anyone else is refused (403), as on the other
    central pages."""
    if not is_central_admin(request):
        raise PermissionDenied


@login_required
def locked_list(request):
    _central_admin(request)
    context = {
        "accounts": lockouts.locked_accounts(),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": lockouts.cool_off_minutes(),
    }
    return render(request, "accounts/lockouts.html", context)


@login_required
@require_POST
def unlock(request):
    _central_admin(request)
    form = UnlockForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("ข้อมูลบัญชีที่จะปลดล็อกไม่ถูกต้อง กรุณาเลือกจากรายการอีกครั้ง"))
        return redirect("accounts:lockouts")
    username = form.cleaned_data["username"]
    count = lockouts.unlock(
        username=username, ip_address=form.cleaned_data["ip_address"] or None, by=request.user
    )
    if count:
        messages.success(
            request,
            _("ปลดล็อกบัญชี %(username)s แล้ว ผู้ใช้เข้าสู่ระบบได้ทันที") % {"username": username},
        )
    else:
        messages.info(
            request,
            _("บัญชี %(username)s ไม่ได้ถูกล็อกอยู่แล้ว (อาจหมดเวลาล็อกหรือมีผู้ปลดล็อกไปก่อน)")
            % {"username": username},
        )
    return redirect("accounts:lockouts")
