from celery import shared_task

from portal.security.services import security_events_purge


@shared_task(name="portal.security.tasks.security_events_purge")
def security_events_purge_task() -> int:
    """Daily (CELERY_BEAT_SCHEDULE): forget security events older than SECURITY_EVENTS_KEEP_DAYS."""
    return security_events_purge()
