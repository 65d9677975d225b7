"""The overview's line on the previous cycle of the same questionnaire (issue 18, item 4): replies
submitted, accepted and the response rate, then and now."""

from dataclasses import dataclass

from django.db.models import Count

from surveys.cycles.selectors import previous_cycle
from surveys.models import Cycle, CycleInvitation
from surveys.review.selectors import STAGES, with_reply_status


def _rate(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


@dataclass
class CycleThenNow:
    """A cycle's invited, submitted ("received") and accepted counts against its previous
    cycle's."""

    previous: Cycle
    invited_then: int
    received_then: int
    accepted_then: int
    invited: int
    received: int
    accepted: int

    @property
    def rate_then(self) -> float:
        return _rate(self.received_then, self.invited_then)

    @property
    def rate(self) -> float:
        return _rate(self.received, self.invited)


def cycle_then_now(*, cycle: Cycle, counts: dict[str, int]) -> CycleThenNow | None:
    """`cycle`'s stage `counts` (the overview's total: "invited", "received", "accepted")
    against the previous cycle of its questionnaire, or None if it is the first. One query when
    there is none, two when there is, whatever the number of respondents."""
    previous = previous_cycle(cycle)
    if previous is None:
        return None
    rows = (
        with_reply_status(CycleInvitation.objects.filter(cycle=previous), previous)
        .values("reply_status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    then = {row["reply_status"]: row["n"] for row in rows}
    return CycleThenNow(
        previous=previous,
        invited_then=sum(then.values()),
        received_then=sum(n for status, n in then.items() if status in STAGES["received"]),
        accepted_then=sum(n for status, n in then.items() if status in STAGES["accepted"]),
        invited=counts.get("invited", 0),
        received=counts.get("received", 0),
        accepted=counts.get("accepted", 0),
    )
