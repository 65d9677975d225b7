"""The Secretariat's review of submitted replies (DESIGN.md, "Reply"): comments per question or on
the whole reply (drafts until a return for clarification sends them), return for clarification,
acceptance, and corrections of obvious errors. Every change of status is a ReplyEvent."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.models import User
from portal.multilingual import in_language, texts_given
from portal.roles import Role
from portal.tasks import email_send
from surveys.answering.services import Saved, answer_save
from surveys.models import (
    Channel,
    Question,
    Reply,
    ReplyEvent,
    ReplySnapshot,
    ReplyStatus,
    ReviewComment,
)

# Replies waiting for the Secretariat: they can be commented on, returned or accepted.
REVIEWABLE_STATUSES = (ReplyStatus.SUBMITTED, ReplyStatus.RESUBMITTED)
MAX_COMMENT = 5_000


class ReviewRefused(Exception):
    """The review step cannot be taken now; the message says why, in words for the user."""


def _require_secretariat(user: User) -> None:
    if not (user.is_authenticated and user.is_secretariat):
        raise PermissionDenied


def user_may_accept(user: User) -> bool:
    """Administrators accept replies; a reviewer only when given the permission."""
    return bool(
        user.is_authenticated
        and (
            user.is_administrator or (user.is_secretariat and user.has_perm("surveys.accept_reply"))
        )
    )


def _locked(reply: Reply) -> Reply:
    return Reply.objects.select_for_update().select_related("cycle", "respondent").get(pk=reply.pk)


def _refuse_unless_reviewable(reply: Reply) -> None:
    if reply.status in REVIEWABLE_STATUSES:
        return
    if reply.status == ReplyStatus.RETURNED:
        raise ReviewRefused(
            _("The reply is returned for clarification: wait until it is submitted again.")
        )
    if reply.status == ReplyStatus.ACCEPTED:
        raise ReviewRefused(_("The reply has already been accepted."))
    raise ReviewRefused(
        _("The reply has not been submitted yet: only a submitted reply can be reviewed.")
    )


def _last_snapshot(reply: Reply) -> ReplySnapshot | None:
    return reply.snapshots.order_by("-number").first()


def _event(reply: Reply, *, to_status: str, by: User, note: dict[str, str]) -> ReplyEvent:
    """Change the status of the (locked) reply and stamp the change."""
    event = ReplyEvent.objects.create(
        reply=reply,
        from_status=reply.status,
        to_status=to_status,
        by=by,
        at=timezone.now(),
        note=note,
        snapshot=_last_snapshot(reply),
    )
    reply.status = to_status
    reply.save(update_fields=["status"])
    return event


# --- Comments ----------------------------------------------------------------------------------


def _clean_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ReviewRefused(_("Write the comment first."))
    if len(text) > MAX_COMMENT:
        raise ReviewRefused(
            _("A comment is at most %(limit)s characters long.") % {"limit": MAX_COMMENT}
        )
    return text


@transaction.atomic
def review_comment_add(
    *, reply: Reply, question: Question | None = None, text: str, by: User
) -> ReviewComment:
    """A draft comment of a reviewer on one question of `reply` (or, without a question, on the
    whole reply). Only the Secretariat sees it until a return for clarification sends it."""
    _require_secretariat(by)
    reply = _locked(reply)
    _refuse_unless_reviewable(reply)
    if question is not None and question.version_id != reply.cycle.version_id:
        raise ReviewRefused(
            _("%(code)s is not a question of this reply.") % {"code": question.code}
        )
    snapshot = _last_snapshot(reply)
    return ReviewComment.objects.create(
        reply=reply,
        question=question,
        text=_clean_text(text),
        author=by,
        snapshot_number=snapshot.number if snapshot else None,
    )


@transaction.atomic
def review_comment_remove(*, comment: ReviewComment, by: User) -> None:
    """Delete a draft comment: its author or an administrator may; a comment sent to the
    respondent stays, as sent."""
    _require_secretariat(by)
    comment = ReviewComment.objects.select_for_update().get(pk=comment.pk)
    if not comment.may_be_removed_by(by):
        raise PermissionDenied
    if comment.sent_with_id or comment.in_reply_to_id:
        raise ReviewRefused(_("This comment has been sent to the respondent: it stays as sent."))
    comment.delete()


@transaction.atomic
def review_comment_answer(*, comment: ReviewComment, text: str, by: User) -> ReviewComment:
    """A contact person's answer to a comment the Secretariat sent, while the reply is returned."""
    reply = _locked(comment.reply)
    if not (
        by.is_authenticated and by.is_contact_person and by.respondent_id == reply.respondent_id
    ):
        raise PermissionDenied
    if comment.sent_with_id is None or comment.in_reply_to_id is not None:
        raise ReviewRefused(_("Only a comment of the Secretariat can be answered."))
    if reply.status != ReplyStatus.RETURNED:
        raise ReviewRefused(
            _("Comments are answered while the reply is returned for clarification.")
        )
    return ReviewComment.objects.create(
        reply=reply,
        question=comment.question,
        text=_clean_text(text),
        author=by,
        snapshot_number=comment.snapshot_number,
        in_reply_to=comment,
    )


# --- Status changes ----------------------------------------------------------------------------


def reply_return(
    *, reply: Reply, by: User, note: dict[str, str] | str = "", base_url: str = ""
) -> ReplyEvent:
    """Return a submitted reply for clarification: the draft comments are sent with it, the
    contact persons can change the answers again, and each of them is e-mailed in their language.
    A return says what needs clarifying: at least one comment, or a note.

    Raises PermissionDenied (not Secretariat staff) or ReviewRefused (not awaiting review,
    nothing to clarify).
    """
    _require_secretariat(by)
    with transaction.atomic():
        reply = _locked(reply)
        _refuse_unless_reviewable(reply)
        drafts = ReviewComment.objects.filter(
            reply=reply, sent_with__isnull=True, in_reply_to__isnull=True
        )
        given = texts_given(note)
        if not given and not drafts.exists():
            raise ReviewRefused(
                _("Say what needs clarification: write a comment or a note before returning.")
            )
        event = _event(reply, to_status=ReplyStatus.RETURNED, by=by, note=given)
        drafts.update(sent_with=event)
        _notify_return(reply, event, base_url)
    return event


def reply_accept(*, reply: Reply, by: User, note: dict[str, str] | str = "") -> ReplyEvent:
    """Accept a submitted reply: it needs the permission `surveys.accept_reply` (administrators
    always have it). Raises PermissionDenied or ReviewRefused (not awaiting review)."""
    if not user_may_accept(by):
        raise PermissionDenied
    with transaction.atomic():
        reply = _locked(reply)
        _refuse_unless_reviewable(reply)
        return _event(reply, to_status=ReplyStatus.ACCEPTED, by=by, note=texts_given(note))


def answer_correct(
    *, reply: Reply, question: Question, value: object, other_text: str = "",
    base_revision: int, by: User, reason: str,
) -> Saved:  # fmt: skip
    """Correct an obvious error in one answer of a handed-over reply, with a reason: a new
    revision through the STAFF channel (its history keeps the original; the submitted snapshot
    is not touched). Raises what answer_save raises."""
    _require_secretariat(by)
    return answer_save(
        reply=reply, question=question, value=value, other_text=other_text,
        base_revision=base_revision, by=by, channel=Channel.STAFF, reason=reason,
    )  # fmt: skip


def _notify_return(reply: Reply, event: ReplyEvent, base_url: str) -> None:
    version = reply.cycle.version
    base = base_url.rstrip("/")
    comments = event.comments.select_related("question").order_by(
        "question__section__order", "question__order", "pk"
    )
    codes = list(dict.fromkeys(c.question.code for c in comments if c.question))
    people = (
        User.objects.filter(role=Role.CONTACT_PERSON, respondent=reply.respondent, is_active=True)
        .exclude(email="")
        .order_by("pk")
    )
    for person in people:
        language = person.preferred_language
        with translation.override(language):
            subject = _("Reply returned for clarification: %(respondent)s, %(cycle)s") % {
                "respondent": reply.respondent.list_name(language),
                "cycle": in_language(reply.cycle.title, language),
            }
            body = render_to_string(
                "surveys/review/email_returned.txt",
                {
                    "person": person,
                    **reply.respondent.sentence_forms(language),
                    "title": in_language(
                        version.title, language, fallback=version.original_language
                    ),
                    "reply": reply,
                    "event": event,
                    "comment_count": len(comments),
                    "questions": codes,
                    "link": base + reverse("surveys:reply_submit", args=[reply.pk]),
                },
            )
        email_send.delay_on_commit(subject=subject, body=body, to=[person.email])
