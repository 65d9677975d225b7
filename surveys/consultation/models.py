"""Consultation on draft questionnaires (resolution 2004/28, paras. 6-7 and 16-17)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Respondent
from portal.multilingual import MultilingualTextField
from surveys.questionnaires.models import Question, QuestionnaireVersion


class Consultation(models.Model):
    """One circulation of a draft version for comments to chosen respondents."""

    version = models.OneToOneField(
        QuestionnaireVersion, on_delete=models.PROTECT, related_name="consultation"
    )
    respondents = models.ManyToManyField(
        Respondent, related_name="consultations", verbose_name=_("invited")
    )
    note = MultilingualTextField(_("note to the invited"), multiline=True, blank=True)
    deadline = models.DateField(_("comments due by"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(_("circulated"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self):
        return f"{self.version} ({self.opened_at:%Y-%m-%d})"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Resolution(models.TextChoices):
    PENDING = "pending", _("Not yet considered")
    TAKEN_INTO_ACCOUNT = "taken", _("Taken into account")
    NOT_TAKEN_INTO_ACCOUNT = "not_taken", _("Not taken into account")


class ConsultationComment(models.Model):
    """A respondent's comment on one question, or on the whole version (no question)."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="comments"
    )
    respondent = models.ForeignKey(Respondent, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    question = models.ForeignKey(
        Question,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultation_comments",
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    resolution = models.CharField(
        _("resolution"), max_length=10, choices=Resolution.choices, default=Resolution.PENDING
    )
    resolution_note = MultilingualTextField(_("note on the resolution"), multiline=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        ordering = ["consultation", "question__section__order", "question__order", "created_at"]
        verbose_name = _("consultation comment")
        verbose_name_plural = _("consultation comments")

    def __str__(self):
        return f"{self.respondent}: {self.text[:60]}"
