"""Cycles of collection: one approved questionnaire version, its invited respondents, deadlines
and the reminders sent (DESIGN.md: "Cycle")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Respondent
from portal.multilingual import MultilingualTextField, in_language
from surveys.questionnaires.models import QuestionnaireVersion


class Cycle(models.Model):
    """One round of collection of one approved questionnaire version."""

    version = models.ForeignKey(
        QuestionnaireVersion,
        on_delete=models.PROTECT,
        related_name="cycles",
        verbose_name=_("questionnaire version"),
    )
    title = MultilingualTextField(_("title"))
    opens_on = models.DateField(_("opening date"))
    deadline = models.DateField(_("deadline"))
    commission_session = MultilingualTextField(
        _("Commission session"),
        help_text=_(
            "The session of the Commission whose report the replies feed, e.g. thirty-sixth session (2027)."
        ),
    )
    respondents: "models.ManyToManyField[Respondent, CycleInvitation]" = models.ManyToManyField(
        Respondent,
        through="CycleInvitation",
        related_name="cycles",
        verbose_name=_("invited respondents"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Opened although the version's texts were incomplete in these languages of the invited
    # respondents' contact persons: who decided it, when and why (issue 11: never silent).
    untranslated_languages = models.JSONField(
        _("languages with missing texts when opened"), default=list, blank=True
    )
    language_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened with missing texts by"),
    )
    language_override_reason = models.TextField(
        _("why the cycle was opened with missing texts"), blank=True
    )

    class Meta:
        ordering = ["-opens_on", "pk"]
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(deadline__gte=models.F("opens_on")),
                name="cycle_deadline_after_opening",
            )
        ]

    def __str__(self):
        return in_language(self.title)

    def title_in(self, language: str | None = None) -> str:
        """The title in `language` (default: the active one), else in English, else any."""
        return in_language(self.title, language)

    def session_in(self, language: str | None = None) -> str:
        """The Commission session in `language` (default: the active one), else any."""
        return in_language(self.commission_session, language)


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


class SituationList(models.Model):
    """The States the Secretariat counts as in a post-conflict or peacekeeping situation for a
    cycle (resolution 2003/30, para. 6 (b), and annex, para. 30), with the list's source and date,
    so that replies can be read for them; kept per cycle, as situations change."""

    cycle = models.OneToOneField(
        Cycle, on_delete=models.CASCADE, related_name="situation_list", verbose_name=_("cycle")
    )
    states = models.ManyToManyField(
        Respondent,
        blank=True,
        related_name="+",
        verbose_name=_("States in post-conflict or peacekeeping situations"),
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        help_text=_(
            "Where the list comes from, e.g. the peacekeeping operations and special political "
            "missions listed by the Department of Peace Operations."
        ),
    )
    as_of = models.DateField(_("date of the source"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("list of post-conflict and peacekeeping situations")
        verbose_name_plural = _("lists of post-conflict and peacekeeping situations")

    def __str__(self):
        return f"{self.cycle}: {self.source} ({self.as_of})"

    def codes(self) -> frozenset[str]:
        return frozenset(self.states.values_list("code", flat=True))
