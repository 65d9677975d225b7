"""Background work of cycles. Periodic schedules live in settings.CELERY_BEAT_SCHEDULE."""

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from surveys.cycles.services import reminder_send, reminders_due


@shared_task
def reminders_send() -> int:
    """E-mail the reminders due today (see reminders_due); returns how many were sent.

    Idempotent: each reminder is recorded in the transaction that enqueues its e-mail, so a second
    run, or a run after a worker died half-way, sends only what is still due.
    """
    today = timezone.localdate()
    base_url = getattr(settings, "PORTAL_BASE_URL", "http://127.0.0.1:8000")
    return sum(
        reminder_send(due=due, today=today, base_url=base_url) for due in reminders_due(today=today)
    )
