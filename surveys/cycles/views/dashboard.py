"""The contact person's dashboard: the questionnaires of their respondent, with the progress of each
reply (invitation and welcome of contact persons are portal views)."""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.shortcuts import render
from django.utils import timezone

from portal.access import role_required
from portal.multilingual import shown
from portal.roles import Role
from portal.selectors import respondent_contact_persons
from surveys.answering.selectors import SectionProgress, reply_progress
from surveys.cycles.services import SUBMITTED_STATUSES
from surveys.models import CycleInvitation, Reply, ReplyStatus
from surveys.questionnaires.selectors import version_content

if TYPE_CHECKING:
    from surveys.questionnaires.selectors import VersionWithContent

# --- The contact person's dashboard ------------------------------------------------------------


@dataclass
class _SectionLine:
    progress: SectionProgress
    shown_title: str


@dataclass
class _ReplyCard:
    """A reply as the dashboard shows it: its progress per section, its own deadline."""

    reply: Reply
    shown_title: str
    sections: list[_SectionLine]
    percent: int
    deadline: datetime.date
    extended: bool
    upcoming: bool
    overdue: bool
    days_left: int


def _card(
    reply: Reply,
    version: "VersionWithContent",
    invitation: CycleInvitation | None,
    today: datetime.date,
) -> _ReplyCard:
    fallback = version.original_language
    sections = reply_progress(reply=reply, version=version)
    shown_total = sum(section.shown for section in sections)
    answered_total = sum(section.answered for section in sections)
    cycle = reply.cycle
    extended_deadline = invitation.extended_deadline if invitation else None
    deadline = extended_deadline or cycle.deadline
    return _ReplyCard(
        reply=reply,
        shown_title=shown(version.title, fallback),
        sections=[_SectionLine(s, shown(s.title, fallback)) for s in sections],
        percent=round(100 * answered_total / shown_total) if shown_total else 0,
        deadline=deadline,
        extended=bool(extended_deadline),
        upcoming=cycle.opens_on > today,
        overdue=deadline < today and reply.is_answerable,
        days_left=(deadline - today).days,
    )


@role_required(Role.CONTACT_PERSON)
def contact_dashboard(request):
    """The respondent's questionnaires: status, deadline, progress per section. The number of
    queries grows with the number of cycles, never with the number of questions or answers."""
    respondent = request.user.respondent
    today = timezone.localdate()
    replies = list(
        Reply.objects.filter(respondent=respondent).select_related("cycle__version__questionnaire")
    )
    invitations = {i.cycle_id: i for i in CycleInvitation.objects.filter(respondent=respondent)}
    versions = {}
    cards = []
    for reply in replies:
        cycle = reply.cycle
        if cycle.version_id not in versions:
            versions[cycle.version_id] = version_content(version=cycle.version)
        cards.append(_card(reply, versions[cycle.version_id], invitations.get(cycle.pk), today))
    to_answer = sorted(
        (c for c in cards if c.reply.status not in SUBMITTED_STATUSES),
        key=lambda c: (c.deadline, c.reply.pk),
    )
    submitted = sorted(
        (c for c in cards if c.reply.status in SUBMITTED_STATUSES),
        key=lambda c: (c.deadline, c.reply.pk),
        reverse=True,
    )
    return render(
        request,
        "surveys/cycles/dashboard.html",
        {
            "respondent": respondent,
            "to_answer": to_answer,
            "submitted": submitted,
            "contact_persons": respondent_contact_persons(respondent=respondent),
            "statuses": ReplyStatus,
        },
    )
