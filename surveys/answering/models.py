"""Replies and answers (DESIGN.md: "Reply", "Invariants").

Nothing a contact person saved is ever lost: every change to an answer is an AnswerChange row
(who, when, from what, to what, through which channel), each answer carries a revision number that
a save must name (so two people editing the same answer never overwrite each other silently), and
each submission freezes a ReplySnapshot.
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Respondent
from surveys.cycles.models import Cycle
from surveys.questionnaires.models import Question

if TYPE_CHECKING:
    from surveys.coding.models import AnswerTheme, UsefulPractice


class ReplyStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for clarification")
    RESUBMITTED = "resubmitted", _("Resubmitted")
    ACCEPTED = "accepted", _("Accepted")


# Contact persons can change answers only in these.
ANSWERABLE_STATUSES = (ReplyStatus.NOT_STARTED, ReplyStatus.IN_PROGRESS, ReplyStatus.RETURNED)


class Reply(models.Model):
    """One respondent's answers in one cycle."""

    cycle = models.ForeignKey(
        Cycle, on_delete=models.PROTECT, related_name="replies", verbose_name=_("cycle")
    )
    respondent = models.ForeignKey(
        Respondent, on_delete=models.PROTECT, related_name="replies", verbose_name=_("respondent")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReplyStatus.choices, default=ReplyStatus.NOT_STARTED
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Annex, para. 24: whether the respondent agrees that its reply be published on the portal.
    may_publish = models.BooleanField(_("may be published"), null=True, blank=True)

    class Meta:
        ordering = ["cycle", "respondent__code"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        # Reviewers accept replies only when given this permission; administrators always may.
        permissions = [("accept_reply", _("Can accept replies"))]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "respondent"], name="reply_unique_per_cycle")
        ]

    def __str__(self):
        return f"{self.respondent} · {self.cycle}"

    @property
    def is_answerable(self) -> bool:
        return self.status in ANSWERABLE_STATUSES


class Answer(models.Model):
    """One question's current value in a reply.

    `value` by question type: a choice name (yes/no scales, single choice), a list of names
    (multiple choice), a number as text (integer, decimal: exact), text, an ISO date, or a dict
    row -> column name (table). `other_text` holds "other, please specify". File questions keep their
    files as Attachments. `revision` counts saves: a save names the revision it started from.
    """

    reply = models.ForeignKey(Reply, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.JSONField(_("value"), null=True, blank=True)
    other_text = models.TextField(_("other, please specify"), blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("saved"), null=True)
    # Pre-filled from the respondent's last accepted reply of an earlier cycle (the same question,
    # unchanged): the earlier answer and the date of that reply. Until a contact person confirms or
    # changes it, `to_confirm` keeps it open.
    carried_from = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    carried_date = models.DateField(_("from the reply of"), null=True, blank=True)
    to_confirm = models.BooleanField(_("to be confirmed"), default=False)

    # Not stored: filled by the coding selectors for the coding rows.
    decisions: list["AnswerTheme"]
    practice: "UsefulPractice | None"

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["reply", "question"], name="answer_unique_per_question")
        ]

    def __str__(self):
        return f"{self.question.code}: {self.value!r}"


class Channel(models.TextChoices):
    WEB = "web", _("Form")
    AUTOSAVE = "autosave", _("Autosave")
    XLSX = "xlsx", _("XLSX upload")
    STAFF = "staff", _("Correction by the Secretariat")
    PREFILL = "prefill", _("Carried over from the previous reply")


class AnswerChange(models.Model):
    """The history of an answer: one row per save that changed it. Rows are never updated."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="changes")
    revision = models.PositiveIntegerField(_("revision"))
    old_value = models.JSONField(_("from"), null=True)
    new_value = models.JSONField(_("to"), null=True)
    old_other_text = models.TextField(blank=True)
    new_other_text = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(_("when"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    reason = models.TextField(
        _("reason"), blank=True, help_text=_("Required for a correction by the Secretariat.")
    )

    class Meta:
        ordering = ["answer", "revision"]
        verbose_name = _("answer change")
        verbose_name_plural = _("answer changes")
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "revision"], name="answer_change_revision_unique"
            )
        ]

    def __str__(self):
        return f"{self.answer.question.code} r{self.revision}"
