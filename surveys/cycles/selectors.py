"""Reads about a respondent's cycles that the home page shares with the contact persons'
dashboard: each questionnaire sent to the respondent with its deadline, its progress, the
return note and the one thing to do next."""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse

from portal.models import Respondent
from portal.multilingual import shown as shown_text
from surveys.answering.progress import SectionProgress, Totals, progress_totals, reply_progress
from surveys.models import Cycle, CycleInvitation, Reply, ReplyEvent, ReplyStatus, ReviewComment
from surveys.questionnaires.selectors import version_content


class NextStep(StrEnum):
    """What a contact person does next on a reply, as its one button says."""

    UPCOMING = "upcoming"  # the cycle is not open yet: nothing to do
    START = "start"  # nothing answered yet
    COMMENTS = "comments"  # returned, with comments of the Secretariat not yet answered
    CONTINUE = "continue"  # required questions still open
    SUBMIT = "submit"  # every required question answered (or returned, comments answered)
    WAIT = "wait"  # submitted: the Secretariat reviews it
    DONE = "done"  # accepted


@dataclass
class ReplyWork:
    """One questionnaire sent to the respondent, as the home page shows it."""

    reply: Reply
    title: str  # the questionnaire's, in the reader's language (else its original one)
    deadline: datetime.date
    extended: bool
    upcoming: bool
    overdue: bool
    days_left: int
    sections: list["SectionLine"]
    totals: Totals
    step: NextStep = NextStep.START
    step_url: str = ""
    open_comments: int = 0  # comments sent with the last return and not answered yet
    return_event: ReplyEvent | None = None  # the last return for clarification, with its note


@dataclass
class SectionLine:
    progress: SectionProgress
    title: str  # in the reader's language, else the questionnaire's original one


def _next_step(work: ReplyWork) -> tuple[NextStep, str]:
    reply = work.reply
    if work.upcoming:
        return NextStep.UPCOMING, ""
    if reply.status == ReplyStatus.ACCEPTED:
        return NextStep.DONE, reverse("surveys:reply_detail", args=[reply.pk])
    if not reply.is_answerable:
        return NextStep.WAIT, reverse("surveys:reply_detail", args=[reply.pk])
    if work.open_comments:
        return NextStep.COMMENTS, reverse(
            "surveys:reply_detail", args=[reply.pk]
        ) + "#review-comments"
    if not work.totals.answered:
        return NextStep.START, reverse("surveys:reply_answer", args=[reply.pk])
    if work.totals.missing or work.totals.unconfirmed:
        return NextStep.CONTINUE, reverse("surveys:reply_answer", args=[reply.pk])
    return NextStep.SUBMIT, reverse("surveys:reply_submit", args=[reply.pk])


def _returns(replies: list[Reply]) -> dict[int, ReplyEvent]:
    """The last return for clarification of each returned reply (one query, none if none is)."""
    returned = [r.pk for r in replies if r.status == ReplyStatus.RETURNED]
    if not returned:
        return {}
    events = ReplyEvent.objects.filter(reply_id__in=returned, to_status=ReplyStatus.RETURNED)
    return {e.reply_id: e for e in events.order_by("at", "pk")}  # the last one wins


def _open_comments(events: dict[int, ReplyEvent]) -> dict[int, int]:
    """For each return, how many of the comments sent with it have no answer yet (one query)."""
    if not events:
        return {}
    answered = ReviewComment.objects.filter(in_reply_to=OuterRef("pk"))
    rows = (
        ReviewComment.objects.filter(sent_with__in=events.values(), in_reply_to__isnull=True)
        .exclude(Exists(answered))
        .values("reply_id")
        .annotate(open=Count("pk"))
        .order_by()
    )
    return {row["reply_id"]: row["open"] for row in rows}


def respondent_work(*, respondent: Respondent, today: datetime.date) -> list[ReplyWork]:
    """The questionnaires sent to `respondent`, those to answer first (nearest deadline first),
    then those submitted (latest first), each with its progress and next step.

    Queries: four, plus two per reply (and five per questionnaire version not yet kept); never more with the
    number of questions or answers."""
    replies = list(
        Reply.objects.filter(respondent=respondent).select_related("cycle__version__questionnaire")
    )
    invitations = {i.cycle_id: i for i in CycleInvitation.objects.filter(respondent=respondent)}
    returns = _returns(replies)
    open_comments = _open_comments(returns)
    versions: dict = {}
    items = []
    for reply in replies:
        cycle = reply.cycle
        if cycle.version_id not in versions:
            versions[cycle.version_id] = version_content(version=cycle.version)
        invitation = invitations.get(cycle.pk)
        extended = invitation.extended_deadline if invitation else None
        deadline = extended or cycle.deadline
        version = versions[cycle.version_id]
        sections = reply_progress(reply=reply, version=version)
        fallback = version.original_language
        work = ReplyWork(
            reply=reply,
            title=shown_text(version.title, fallback),
            deadline=deadline,
            extended=bool(extended),
            upcoming=cycle.opens_on > today,
            overdue=deadline < today and reply.is_answerable,
            days_left=(deadline - today).days,
            sections=[SectionLine(p, shown_text(p.title, fallback)) for p in sections],
            totals=progress_totals(sections),
            open_comments=open_comments.get(reply.pk, 0),
            return_event=returns.get(reply.pk),
        )
        work.step, work.step_url = _next_step(work)
        items.append(work)
    to_answer = sorted(
        (w for w in items if w.reply.is_answerable), key=lambda w: (w.deadline, w.reply.pk)
    )
    submitted = sorted(
        (w for w in items if not w.reply.is_answerable),
        key=lambda w: (w.deadline, w.reply.pk),
        reverse=True,
    )
    return to_answer + submitted


def previous_cycle(cycle: Cycle) -> Cycle | None:
    """The latest cycle of the same questionnaire (any version) that opened before `cycle` (on the
    same day, the one opened earlier), with its version: the cycle a new one builds on. One query
    (two if `cycle.version` is not read yet)."""
    questionnaire_id = cycle.version.questionnaire_id
    return (
        Cycle.objects.filter(version__questionnaire_id=questionnaire_id)
        .filter(Q(opens_on__lt=cycle.opens_on) | Q(opens_on=cycle.opens_on, pk__lt=cycle.pk))
        .select_related("version")
        .order_by("-opens_on", "-pk")
        .first()
    )
