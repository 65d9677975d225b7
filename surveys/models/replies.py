"""Cycles of collection, replies and answers (DESIGN.md: "Reply", "Invariants").

Nothing a contact person saved is ever lost: every change to an answer is an AnswerChange row
(who, when, from what, to what, through which channel), each answer carries a revision number that
a save must name (so two people editing the same answer never overwrite each other silently), and
each submission freezes a ReplySnapshot.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Respondent
from surveys.models.questionnaires import Question, QuestionnaireVersion


class Cycle(models.Model):
    """One round of collection of one approved questionnaire version."""

    version = models.ForeignKey(
        QuestionnaireVersion,
        on_delete=models.PROTECT,
        related_name="cycles",
        verbose_name=_("questionnaire version"),
    )
    title = models.CharField(_("title"), max_length=200)
    opens_on = models.DateField(_("opening date"))
    deadline = models.DateField(_("deadline"))
    commission_session = models.CharField(
        _("Commission session"),
        max_length=200,
        help_text=_(
            "The session of the Commission whose report the replies feed, e.g. thirty-sixth session (2027)."
        ),
    )
    respondents = models.ManyToManyField(
        Respondent,
        through="CycleInvitation",
        related_name="cycles",
        verbose_name=_("invited respondents"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-opens_on", "title"]
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(deadline__gte=models.F("opens_on")),
                name="cycle_deadline_after_opening",
            )
        ]

    def __str__(self):
        return self.title


class CycleInvitation(models.Model):
    """A respondent invited to a cycle, with its own deadline if it was extended."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="invitations")
    respondent = models.ForeignKey(
        Respondent, on_delete=models.PROTECT, related_name="cycle_invitations"
    )
    extended_deadline = models.DateField(_("extended deadline"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "respondent"], name="cycle_invitation_unique")
        ]

    def __str__(self):
        return f"{self.cycle}: {self.respondent}"

    @property
    def deadline(self):
        return self.extended_deadline or self.cycle.deadline


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


class ReplySnapshot(models.Model):
    """What a submission contained, frozen: {question code: {"value": ..., "other": ...}}."""

    reply = models.ForeignKey(Reply, on_delete=models.PROTECT, related_name="snapshots")
    number = models.PositiveIntegerField(_("submission"))
    answers = models.JSONField(_("answers"))
    may_publish = models.BooleanField(_("may be published"), null=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"))

    class Meta:
        ordering = ["reply", "number"]
        verbose_name = _("submission snapshot")
        verbose_name_plural = _("submission snapshots")
        constraints = [
            models.UniqueConstraint(fields=["reply", "number"], name="reply_snapshot_unique")
        ]

    def __str__(self):
        return f"{self.reply} #{self.number}"


def attachment_path(instance, filename):
    return f"replies/{instance.reply_id}/{instance.token}"


class Attachment(models.Model):
    """A file given with a reply: the answer to a file question, or a supporting document."""

    reply = models.ForeignKey(Reply, on_delete=models.PROTECT, related_name="attachments")
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, null=True, blank=True, related_name="attachments"
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    file = models.FileField(upload_to=attachment_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    description = models.CharField(_("description"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)

    class Meta:
        ordering = ["reply", "uploaded_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class ReminderSent(models.Model):
    """A reminder e-mailed to a contact person, so that none is sent twice in one interval."""

    invitation = models.ForeignKey(
        CycleInvitation, on_delete=models.CASCADE, related_name="reminders"
    )
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    days_before = models.IntegerField(_("days before the deadline"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "contact_person", "days_before"],
                name="reminder_once_per_interval",
            )
        ]

    def __str__(self):
        return f"{self.invitation} → {self.contact_person} ({self.days_before})"
