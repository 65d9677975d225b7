"""Review of submitted replies (DESIGN.md, "Reply"): every change of status stamped with who and
when, and the reviewers' comments per question that a return for clarification sends."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.multilingual import MultilingualTextField
from surveys.answering.models import Reply, ReplyStatus
from surveys.questionnaires.models import Question
from surveys.submission.models import ReplySnapshot


class ReplyEvent(models.Model):
    """One change of a reply's status: submitted, returned, resubmitted, accepted. Never updated."""

    reply = models.ForeignKey(Reply, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(_("from"), max_length=20, choices=ReplyStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=ReplyStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("when"))
    note = MultilingualTextField(_("note"), multiline=True, blank=True)
    snapshot = models.ForeignKey(
        ReplySnapshot, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["reply", "at", "pk"]
        verbose_name = _("reply event")
        verbose_name_plural = _("reply events")

    def __str__(self):
        return f"{self.reply}: {self.from_status} → {self.to_status}"


class ReviewComment(models.Model):
    """A comment on a reply, on one question or (no question) on the whole reply.

    Reviewers write them while reviewing; they are drafts, seen by the Secretariat only, until a
    return for clarification sends them (`sent_with`). Contact persons may answer a sent comment
    (`in_reply_to`)."""

    reply = models.ForeignKey(Reply, on_delete=models.CASCADE, related_name="review_comments")
    question = models.ForeignKey(
        Question,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="review_comments",
        verbose_name=_("question"),
    )
    text = models.TextField(_("comment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    # The submission the comment was written on.
    snapshot_number = models.PositiveIntegerField(_("submission"), null=True, blank=True)
    sent_with = models.ForeignKey(
        ReplyEvent,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("sent with"),
    )
    in_reply_to = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="responses"
    )

    # Not stored: set by the review selectors (comments_with_responses and
    # comments_for_contact_persons): the thread's answers, oldest first, and the link to the
    # comment's question on the answering pages.
    response_list: list["ReviewComment"]
    url: str

    class Meta:
        ordering = ["reply", "created_at", "pk"]
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")

    def __str__(self):
        return self.text[:60]

    def may_be_removed_by(self, user) -> bool:
        """A draft is its author's to withdraw; an administrator may withdraw any."""
        return user.is_administrator or self.author_id == user.pk
