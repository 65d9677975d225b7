"""What a submission leaves behind: the immutable snapshot of each submission and the files
attached to a reply."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from surveys.answering.models import Reply
from surveys.questionnaires.models import Question


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
