"""The review's actions, each a plain POST that comes back to the review page: comments, return
for clarification, acceptance; and a contact person's answer to a comment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from surveys.access import get_reply_for_secretariat, get_reply_for_user
from surveys.models import Question, ReviewComment
from surveys.review.forms import ReturnNoteForm
from surveys.review.services import (
    ReviewRefused,
    reply_accept,
    reply_return,
    review_comment_add,
    review_comment_answer,
    review_comment_remove,
)
from surveys.review.views._common import review_url


@login_required
@require_POST
def review_comment_add_view(request, pk):
    reply = get_reply_for_secretariat(request, pk)
    question = None
    if request.POST.get("question"):
        if not request.POST["question"].isdigit():
            raise Http404
        question = get_object_or_404(
            Question, pk=request.POST["question"], version_id=reply.cycle.version_id
        )
    anchor = f"question-{question.pk}" if question else "reply-comments"
    try:
        review_comment_add(
            reply=reply, question=question, text=request.POST.get("text", ""), by=request.user
        )
    except ReviewRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            _("Your comment is kept as a draft: it is sent when the reply is returned."),
        )
    return redirect(review_url(reply, anchor, request.POST.get("language", "")))


@login_required
@require_POST
def review_comment_remove_view(request, pk):
    if not request.user.is_secretariat:
        # Refused before the lookup, so the answer says nothing about which comments exist.
        raise Http404
    comment = get_object_or_404(ReviewComment.objects.select_related("reply"), pk=pk)
    reply = get_reply_for_secretariat(request, comment.reply_id)
    anchor = f"question-{comment.question_id}" if comment.question_id else "reply-comments"
    try:
        review_comment_remove(comment=comment, by=request.user)
    except ReviewRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The draft comment is deleted."))
    return redirect(review_url(reply, anchor, request.POST.get("language", "")))


def _return_note(request) -> dict[str, str]:
    form = ReturnNoteForm(request.POST)
    return form.cleaned_data["note"] if form.is_valid() else {}


@login_required
@require_POST
def reply_return_view(request, pk):
    reply = get_reply_for_secretariat(request, pk)
    try:
        event = reply_return(
            reply=reply,
            by=request.user,
            note=_return_note(request),
            base_url=request.build_absolute_uri("/"),
        )
    except ReviewRefused as refused:
        messages.error(request, str(refused))
    else:
        count = event.comments.count()
        messages.success(
            request,
            ngettext(
                "The reply is returned for clarification with %(count)s comment; its contact "
                "persons have been e-mailed.",
                "The reply is returned for clarification with %(count)s comments; its contact "
                "persons have been e-mailed.",
                count,
            )
            % {"count": count},
        )
    return redirect(review_url(reply, "review-actions", request.POST.get("language", "")))


@login_required
@require_POST
def reply_accept_view(request, pk):
    reply = get_reply_for_secretariat(request, pk)
    try:
        reply_accept(reply=reply, by=request.user, note=request.POST.get("note", ""))
    except ReviewRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The reply is accepted."))
    return redirect(review_url(reply, "review-actions", request.POST.get("language", "")))


@login_required
@require_POST
def review_comment_answer_view(request, pk):
    """A contact person answers a comment the Secretariat sent; back to where they were."""
    if not request.user.is_contact_person:
        # Refused before the lookup, so the answer says nothing about which comments exist.
        raise PermissionDenied
    comment = get_object_or_404(ReviewComment.objects.select_related("reply"), pk=pk)
    # Another respondent's contact person gets 404, staff 403: as for the reply itself.
    reply = get_reply_for_user(request, comment.reply_id, answering=True)
    if comment.sent_with_id is None:
        raise Http404
    try:
        review_comment_answer(comment=comment, text=request.POST.get("text", ""), by=request.user)
    except ReviewRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Your answer to the comment has been sent to the Secretariat."))
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("surveys:reply_submit", pk=reply.pk)
