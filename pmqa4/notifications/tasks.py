"""The scheduled task: the same run as `manage.py send_reminders`, for a django-tasks worker.

A scheduler (cron, a systemd timer: README "Reminders and notifications") may run either; a run
twice in a day sends nothing twice, so both together are safe.
"""

from django_tasks import task

from .models import DeliveryStatus
from .service import send_reminders


@task()
def send_reminders_task() -> dict:
    """Remind for today (Bangkok) and send what is due; the counts, for the task's result."""
    report = send_reminders()
    return {
        "today": report.today.isoformat(),
        "notified": report.notified,
        "sent": report.count(DeliveryStatus.SENT),
        "retrying": report.count(DeliveryStatus.PENDING),
        "failed": report.count(DeliveryStatus.FAILED),
    }
