"""Coding (DESIGN.md, "Code"): a codebook of difficulty themes and technical-assistance areas that
reviewers tag answers with, and the useful practices they feature in the report."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.multilingual import MultilingualTextField, in_language
from surveys.answering.models import Answer


class ThemeKind(models.TextChoices):
    DIFFICULTY = "difficulty", _("Difficulty theme")
    ASSISTANCE_AREA = "assistance_area", _("Technical-assistance area")


class Theme(models.Model):
    """One entry of the codebook. Administrators edit it; a theme in use is deactivated, not
    deleted. `keywords` ({language: [word or phrase, ...]}) drive the suggestions."""

    kind = models.CharField(_("kind"), max_length=20, choices=ThemeKind.choices)
    code = models.SlugField(_("code"), max_length=60, unique=True)
    label = MultilingualTextField(_("label"))
    description = MultilingualTextField(_("description"), multiline=True, blank=True)
    keywords = models.JSONField(_("keywords"), default=dict, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    # Not stored: the label in the reader's language, set by the coding screen for its rows.
    shown: str

    class Meta:
        ordering = ["kind", "order", "code"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return in_language(self.label)


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class AnswerTheme(models.Model):
    """A reviewer's decision that an answer speaks (accepted) or does not speak (rejected, for a
    suggestion turned down) of a theme."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="themes")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="answer_themes")
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    suggested = models.BooleanField(_("suggested"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"))

    class Meta:
        ordering = ["answer", "theme"]
        verbose_name = _("answer theme")
        verbose_name_plural = _("answer themes")
        constraints = [
            models.UniqueConstraint(fields=["answer", "theme"], name="answer_theme_unique")
        ]

    def __str__(self):
        return f"{self.answer} · {self.theme} ({self.decision})"


class UsefulPractice(models.Model):
    """A useful-practice answer as the reviewer judged it: featured in the report or not, with a
    short summary in the six languages. A report prints the summary written in its language;
    without one it quotes the answer as written, in the language it was written in."""

    answer = models.OneToOneField(Answer, on_delete=models.CASCADE, related_name="useful_practice")
    featured = models.BooleanField(_("feature in the report"), default=False)
    summary = MultilingualTextField(_("short summary"), multiline=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"))

    class Meta:
        verbose_name = _("useful practice")
        verbose_name_plural = _("useful practices")

    def __str__(self):
        return in_language(self.summary)[:60] or str(self.answer)
