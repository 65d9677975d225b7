"""Writing the security log, and the client address every security check uses."""

import datetime
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from portal.security.models import EventKind, SecurityEvent

# The request being served, set by SecurityContextMiddleware (None in tasks and commands).
current_request: ContextVar[HttpRequest | None] = ContextVar("current_request", default=None)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address. Behind TRUSTED_PROXY_COUNT reverse proxies, each appending to
    X-Forwarded-For, it is that many entries from the right: entries further left were sent by
    the client and can be forged."""
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR") or None


def security_event_record(
    *,
    kind: EventKind,
    request: HttpRequest | None = None,
    user: Any = None,
    username: str = "",
    detail: dict | None = None,
) -> SecurityEvent:
    """Log one security event. Without `request`, the request being served (if any) gives the
    address and the acting user."""
    request = request or current_request.get()
    actor = None
    ip = None
    if request is not None:
        ip = client_ip(request)
        acting = getattr(request, "user", None)
        if acting is not None and acting.is_authenticated:
            actor = acting
    if user is not None and not getattr(user, "pk", None):
        user = None
    if not username and user is not None:
        username = user.get_username()
    return SecurityEvent.objects.create(
        kind=kind,
        user=user,
        actor=actor,
        username=username[:254],
        ip=ip,
        detail=detail or {},
    )


def security_events_purge(*, keep_days: int | None = None) -> int:
    """Delete the events older than `keep_days` (SECURITY_EVENTS_KEEP_DAYS); return how many."""
    days = settings.SECURITY_EVENTS_KEEP_DAYS if keep_days is None else keep_days
    limit = timezone.now() - datetime.timedelta(days=days)
    count, _ = SecurityEvent.objects.filter(at__lt=limit).delete()
    return count


def login_unlock(*, user: Any) -> int:
    """Lift a log-in lockout of `user` before its time (django-axes); return the attempts
    forgotten. The client addresses that tried the user name stay counted."""
    from axes.utils import reset

    count = reset(username=user.get_username())
    security_event_record(kind=EventKind.UNLOCKED, user=user, detail={"attempts": count})
    return count
