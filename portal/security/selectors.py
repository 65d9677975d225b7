import datetime

from django.db.models import Q, QuerySet

from portal.security.models import SecurityEvent


def security_event_list(
    *,
    kind: str = "",
    account: str = "",
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> QuerySet[SecurityEvent]:
    """Security events, newest first. `account` matches the name given, or the user name or
    e-mail address of the account concerned or of whoever acted; the dates are inclusive."""
    events = SecurityEvent.objects.select_related("user", "actor").order_by("-at", "-pk")
    if kind:
        events = events.filter(kind=kind)
    if account:
        events = events.filter(
            Q(username__icontains=account)
            | Q(user__username__icontains=account)
            | Q(user__email__icontains=account)
            | Q(actor__username__icontains=account)
        )
    if since:
        events = events.filter(at__date__gte=since)
    if until:
        events = events.filter(at__date__lte=until)
    return events
