"""A notification as an e-mail (plain text with an HTML alternative) and as a LINE text."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Notification

SUBJECT_PREFIX = "[PMQA 4.0] "


def absolute(link: str) -> str:
    """A path of this site as a full address (SITE_URL in front); anything else as it is."""
    if link.startswith("/") and not link.startswith("//"):
        return settings.SITE_URL.rstrip("/") + link
    return link


def _context(notification: Notification) -> dict:
    return {
        "notification": notification,
        "url": absolute(notification.link) if notification.link else "",
        "preferences_url": absolute(reverse("notifications:preferences")),
    }


def build(notification: Notification, address: str) -> EmailMultiAlternatives:
    """The e-mail, in Thai whatever language the sender's page was in."""
    with translation.override(settings.LANGUAGE_CODE):
        context = _context(notification)
        text = render_to_string("notifications/email/notification.txt", context)
        html = render_to_string("notifications/email/notification.html", context)
    # Header-safe subject: one line (Django refuses newlines in headers).
    subject = SUBJECT_PREFIX + " ".join(notification.title.split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        headers={"Auto-Submitted": "auto-generated"},  # RFC 3834: no auto-replies to this
    )
    message.attach_alternative(html, "text/html")
    return message


def line_text(notification: Notification) -> str:
    """The LINE message: the title, the text and the link."""
    parts = [notification.title, notification.body.strip()]
    if notification.link:
        parts.append(absolute(notification.link))
    return "\n\n".join(part for part in parts if part)
