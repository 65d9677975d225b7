import smtplib

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from django.core.mail import EmailMultiAlternatives


# DjangoTask is what the Django fixup makes every task anyway; named so `delay_on_commit` is known.
@shared_task(
    base=DjangoTask,
    autoretry_for=(smtplib.SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    max_retries=5,
)
def email_send(*, subject: str, body: str, to: list[str], html_body: str | None = None) -> int:
    """Send one e-mail from a worker, so a slow mail server never holds up a web request."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    return message.send()


@shared_task
def jobs_recover() -> int:
    """Enqueue again the long jobs a lost worker left behind (portal.jobs)."""
    from portal.jobs import jobs_recover as recover

    return recover()
