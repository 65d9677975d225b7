"""The access helper every review view calls first."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse

from portal.multilingual import LANGUAGE_CODES
from surveys.models import Reply


def get_reply_for_review(request, pk: int) -> Reply:
    """Replies are reviewed by the Secretariat only; anyone else is refused before the reply is
    even looked up (so the address reveals nothing)."""
    if not request.user.is_secretariat:
        raise PermissionDenied
    return get_object_or_404(
        Reply.objects.select_related("cycle__version__questionnaire", "respondent"), pk=pk
    )


def review_url(reply: Reply, anchor: str = "", language: str = "") -> str:
    url = reverse("surveys:reply_review", args=[reply.pk])
    if language in LANGUAGE_CODES:
        url += f"?language={language}"
    return url + (f"#{anchor}" if anchor else "")


def comments_for_contact_persons(reply: Reply) -> list:
    """The comments the Secretariat sent on `reply`, with their answers: those on the whole reply
    first, then by question in the questionnaire's order, each with `.url` to its question on the
    answering pages. One query."""
    from surveys.models import ReplyStatus
    from surveys.review.selectors import sent_review_comments

    # Comments are sent only with a return: a reply never submitted spares the query.
    if reply.status in (ReplyStatus.NOT_STARTED, ReplyStatus.IN_PROGRESS):
        return []
    threads = [c for comments in sent_review_comments(reply=reply).values() for c in comments]
    for comment in threads:
        comment.url = ""
        if comment.question_id:
            section = reverse("surveys:reply_section", args=[reply.pk, comment.question.section_id])
            comment.url = f"{section}#question-{comment.question_id}"
    return sorted(
        threads,
        key=lambda c: (
            (1, c.question.section.order, c.question.order, c.pk) if c.question else (0, 0, 0, c.pk)
        ),
    )
