"""Throttles on the links and forms an attacker can try without an account: password reset
requests and invitation links. Counted from the security log, which every web process shares
(a per-process cache would let each worker allow its own quota)."""

import datetime
import math
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from portal.security.models import EventKind, SecurityEvent


@dataclass(frozen=True)
class Throttle:
    kind: EventKind
    limit: int
    window: datetime.timedelta


# An address gets a few reset e-mails an hour (no mailbox is flooded); one client gets more, for
# colleagues behind one office address.
PASSWORD_RESET_PER_ADDRESS = Throttle(
    EventKind.PASSWORD_RESET_REQUESTED, 5, datetime.timedelta(hours=1)
)
PASSWORD_RESET_PER_IP = Throttle(
    EventKind.PASSWORD_RESET_REQUESTED, 20, datetime.timedelta(hours=1)
)
# A valid invitation link works at the first try: ten refused links are someone guessing.
INVITATION_PER_IP = Throttle(EventKind.INVITATION_LINK_REFUSED, 10, datetime.timedelta(minutes=15))


def minutes_to_wait(throttle: Throttle, *, ip: str | None = None, username: str = "") -> int:
    """0 if the client may go on; else the minutes until the oldest counted attempt leaves the
    window. Counted per client address (`ip`) or per name or address given (`username`)."""
    if ip:
        who = Q(ip=ip)
    elif username:
        who = Q(username__iexact=username)
    else:
        return 0
    since = timezone.now() - throttle.window
    times = list(
        SecurityEvent.objects.filter(who, kind=throttle.kind, at__gte=since)
        .order_by("-at")
        .values_list("at", flat=True)[: throttle.limit]
    )
    if len(times) < throttle.limit:
        return 0
    free_at = times[-1] + throttle.window
    return max(1, math.ceil((free_at - timezone.now()).total_seconds() / 60))
