"""A person's own notifications: the bell's count, the list, marking read, and preferences.

Every page is about the signed-in person only: a notification of someone else is a 404, so its
existence is not confirmed.
"""

import datetime as dt
import json
import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import linking
from .delivery import deliver_due
from .forms import PreferencesForm
from .models import Channel, Delivery, DeliveryStatus, Kind, Notification, Preference
from .notify import Message, notify

PER_PAGE = 30
TEST_EVERY = dt.timedelta(minutes=1)


def _unread(user):
    return Notification.objects.filter(recipient=user, read_at__isnull=True)


@require_GET
@login_required
def unread_count(request):
    """The bell's badge, loaded by htmx after the page: one COUNT, none on the page itself."""
    return render(
        request, "notifications/_bell_count.html", {"count": _unread(request.user).count()}
    )


@require_GET
@login_required
def notification_list(request):
    """Newest first, a page at a time."""
    notifications = Notification.objects.filter(recipient=request.user).order_by(
        "-created_at", "-id"
    )
    page = Paginator(notifications, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/list.html",
        {"page": page, "unread": _unread(request.user).count()},
    )


def _safe_link(request, link: str) -> str | None:
    ok = url_has_allowed_host_and_scheme(
        link, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return link if ok and link.startswith("/") and link.isprintable() else None


@login_required
@require_POST
def mark_read(request, pk):
    """Mark one of one's own notifications read; with ``open``, go on to its page."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    if request.POST.get("open"):
        target = _safe_link(request, notification.link)
        if target:
            return redirect(target)
    page = request.POST.get("page", "")
    return redirect(_list_url() + (f"?page={page}" if page.isascii() and page.isdigit() else ""))


def _list_url() -> str:
    return reverse("notifications:list")


@login_required
@require_POST
def mark_all_read(request):
    count = _unread(request.user).update(read_at=timezone.now())
    if count:
        messages.success(request, _("ทำเครื่องหมายว่าอ่านแล้ว %(count)s รายการ") % {"count": count})
    return redirect("notifications:list")


@login_required
def preferences(request):
    """การแจ้งเตือน: which channels, and the LINE user ID."""
    user = request.user
    preference = Preference.objects.filter(user=user).first()
    initial = {
        "email": preference.email if preference else True,
        "line": preference.line if preference else False,
        "line_user_id": user.line_user_id,
    }
    # A POST is a submission even with every box unticked (browsers then send no field at all).
    form = PreferencesForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        Preference.objects.update_or_create(
            user=user, defaults={"email": data["email"], "line": data["line"]}
        )
        if user.line_user_id != data["line_user_id"]:
            user.line_user_id = data["line_user_id"]
            user.save(update_fields=["line_user_id"])
        messages.success(request, _("บันทึกการตั้งค่าการแจ้งเตือนแล้ว"))
        return redirect("notifications:preferences")
    code = None
    if preference and preference.line_link_code and preference.line_link_expires > timezone.now():
        code = preference
    return render(
        request,
        "notifications/preferences.html",
        {
            "form": form,
            "line_enabled": settings.LINE_ENABLED,
            "line_linking": bool(settings.LINE_CHANNEL_SECRET),
            "add_friend_url": settings.LINE_ADD_FRIEND_URL,
            "code": code,
            "has_email": bool(user.email.strip()),
        },
    )


@login_required
@require_POST
def line_code(request):
    """A new one-time code to send to the LINE Official Account (linking.py)."""
    if not settings.LINE_CHANNEL_SECRET:
        messages.error(request, _("ระบบยังไม่เปิดการเชื่อมบัญชี LINE ด้วยรหัส กรุณากรอก LINE user ID แทน"))
    else:
        linking.new_code(request.user)
    return redirect("notifications:preferences")


@csrf_exempt
@require_POST
def line_webhook(request):
    """LINE's webhook: no session and no CSRF token, but only LINE can sign the body with our
    channel secret; anything unsigned is refused. 404 while no secret is set."""
    if not settings.LINE_CHANNEL_SECRET:
        raise Http404
    if not linking.signature_ok(request.body, request.headers.get("X-Line-Signature", "")):
        return HttpResponseForbidden()
    try:
        payload = json.loads(request.body)
    except ValueError:
        return HttpResponseBadRequest()
    if not isinstance(payload, dict):
        return HttpResponseBadRequest()
    linking.handle_events(payload)
    return HttpResponse(status=200)


@login_required
@require_POST
def send_test(request):
    """Send oneself a test notification now, and say how each channel went (LINE set-up)."""
    user = request.user
    last = (
        Notification.objects.filter(recipient=user, kind=Kind.TEST)
        .values_list("created_at", flat=True)
        .first()
    )
    if last and timezone.now() - last < TEST_EVERY:
        messages.error(request, _("เพิ่งส่งข้อความทดสอบไป กรุณารอสักครู่แล้วลองใหม่"))
        return redirect("notifications:preferences")
    message = Message(
        kind=Kind.TEST,
        key=f"test:{uuid.uuid4().hex}",
        title=_("ทดสอบการแจ้งเตือน"),
        body=_("ข้อความนี้ยืนยันว่าระบบ PMQA 4.0 ส่งการแจ้งเตือนถึงท่านได้"),
        link=_list_url(),
    )
    created = notify([user], message, send=False)
    ids = [d.pk for n in created for d in n.deliveries.all()]
    outcomes = deliver_due(ids=ids) if ids else []
    # A test is now or never: what failed is not retried later.
    Delivery.objects.filter(pk__in=ids, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.FAILED, next_attempt_at=None
    )
    if not outcomes:
        messages.info(request, _("ส่งข้อความทดสอบในระบบแล้ว ยังไม่ได้เปิดรับทางอีเมลหรือ LINE"))
    for outcome in outcomes:
        channel = Channel(outcome.delivery.channel).label
        if outcome.status == DeliveryStatus.SENT:
            messages.success(request, _("ส่งทาง%(channel)sสำเร็จ") % {"channel": channel})
        else:
            messages.error(
                request,
                _("ส่งทาง%(channel)sไม่สำเร็จ: %(error)s")
                % {"channel": channel, "error": outcome.error},
            )
    return redirect("notifications:preferences")
