"""System checks: LINE switched on without what it needs is said at start-up, not at 8 a.m."""

from django.conf import settings
from django.core.checks import Warning, register


@register()
def line_settings(app_configs, **kwargs):
    found = []
    if settings.LINE_ENABLED and not settings.LINE_CHANNEL_ACCESS_TOKEN:
        found.append(
            Warning(
                "LINE_ENABLED is on but LINE_CHANNEL_ACCESS_TOKEN is empty: every LINE message "
                "will fail.",
                hint="Set the channel access token of the LINE Official Account's Messaging API "
                "channel (README, Reminders and notifications).",
                id="pmqa4_notifications.W001",
            )
        )
    if not settings.SITE_URL.startswith(("http://", "https://")):
        found.append(
            Warning(
                f"SITE_URL {settings.SITE_URL!r} is not an http(s) address: links in e-mail and "
                "LINE will not open.",
                hint="e.g. SITE_URL=https://pmqa4.example.go.th",
                id="pmqa4_notifications.W002",
            )
        )
    return found
