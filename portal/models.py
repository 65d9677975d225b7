from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.multilingual import (
    MultilingualTextField,
    in_language,
    text_and_language,
    without_article,
)
from portal.names import OF, SUBJECT, TO, in_sentence
from portal.roles import SECRETARIAT_ROLES, Role


class RegionalGroup(models.TextChoices):
    """The five regional groups of Member States at the United Nations."""

    AFRICAN = "african", _("African States")
    ASIA_PACIFIC = "asia_pacific", _("Asia-Pacific States")
    EASTERN_EUROPEAN = "eastern_european", _("Eastern European States")
    LATIN_AMERICAN_CARIBBEAN = "latin_american_caribbean", _("Latin American and Caribbean States")
    WESTERN_EUROPEAN_OTHERS = "western_european_others", _("Western European and other States")


class RespondentType(models.Model):
    """Who may be invited to reply (2004/28 paras. 6 and 16): Member States and other bodies."""

    MEMBER_STATE = "member_state"

    code = models.SlugField(max_length=40, unique=True)
    name = MultilingualTextField(_("name"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("respondent type")
        verbose_name_plural = _("respondent types")

    def __str__(self):
        return in_language(self.name)


class Respondent(models.Model):
    """A Member State or another body invited to reply to questionnaires."""

    type = models.ForeignKey(
        RespondentType, on_delete=models.PROTECT, related_name="respondents", verbose_name=_("type")
    )
    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("ISO 3166-1 alpha-3 code for a State; a short key for other bodies."),
    )
    name = MultilingualTextField(_("name"))
    formal_name = models.CharField(_("formal name (English)"), max_length=200, blank=True)
    iso2 = models.CharField(_("ISO alpha-2 code"), max_length=2, blank=True)
    m49 = models.CharField(_("M49 code"), max_length=3, blank=True)
    regional_group = models.CharField(
        _("regional group"), max_length=30, choices=RegionalGroup.choices, blank=True
    )
    m49_region = models.CharField(_("M49 region"), max_length=60, blank=True)
    m49_subregion = models.CharField(_("M49 sub-region"), max_length=60, blank=True)
    is_ldc = models.BooleanField(_("least developed country"), default=False)
    is_lldc = models.BooleanField(_("landlocked developing country"), default=False)
    is_sids = models.BooleanField(_("small island developing State"), default=False)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("respondent")
        verbose_name_plural = _("respondents")

    def __str__(self):
        return self.list_name()

    def list_name(self, language: str | None = None) -> str:
        """The name as lists and tables show it: localised, without the UNTERM article."""
        return without_article(in_language(self.name, language))

    def name_in_sentence(self, language: str | None = None, form: str = SUBJECT) -> str:
        """The name as a sentence in `language` reads it in `form` (portal.names.in_sentence)."""
        name, code = text_and_language(self.name, language)
        return in_sentence(name, code, form)

    def running_text_name(self, language: str | None = None) -> str:
        """The name in running text, with its article: "the Gambia", "le Sénégal"."""
        return self.name_in_sentence(language, SUBJECT)

    def of_name(self, language: str | None = None) -> str:
        """The name after "of", the preposition contracted: "of the Gambia", "du Sénégal"."""
        return self.name_in_sentence(language, OF)

    def to_name(self, language: str | None = None) -> str:
        """The name after "to", the preposition contracted: "to the Gambia", "au Sénégal"."""
        return self.name_in_sentence(language, TO)

    def sentence_forms(self, language: str | None = None) -> dict[str, str]:
        """The three forms, under the names messages give them: `respondent` ("le Sénégal"),
        `respondent_of` ("du Sénégal") and `respondent_to` ("au Sénégal")."""
        return {
            "respondent": self.running_text_name(language),
            "respondent_of": self.of_name(language),
            "respondent_to": self.to_name(language),
        }


class User(AbstractUser):
    """A person who signs in. A contact person answers for exactly one respondent."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    respondent = models.ForeignKey(
        Respondent,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contact_persons",
        verbose_name=_("respondent"),
        help_text=_("The respondent a contact person answers for; empty for every other role."),
    )
    is_lead_contact = models.BooleanField(
        _("lead contact person"),
        default=False,
        help_text=_(
            "The lead confirms submissions and may invite colleagues of the same respondent."
        ),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    # Kept by portal.twofactor.services beside django-otp's devices, so that a page for someone
    # without a second factor costs no query to find out.
    second_factor_on = models.BooleanField(
        _("two-factor authentication on"), default=False, editable=False
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=(Q(role=Role.CONTACT_PERSON) & Q(respondent__isnull=False))
                | (~Q(role=Role.CONTACT_PERSON) & Q(respondent__isnull=True)),
                name="user_contact_person_has_one_respondent",
                violation_error_message=_(
                    "A contact person must be bound to one respondent, and only a contact person."
                ),
            ),
            models.CheckConstraint(
                condition=Q(is_lead_contact=False) | Q(role=Role.CONTACT_PERSON),
                name="user_only_contact_persons_lead",
            ),
            models.UniqueConstraint(
                fields=["respondent"],
                condition=Q(is_lead_contact=True),
                name="user_one_lead_per_respondent",
                violation_error_message=_("A respondent has one lead contact person."),
            ),
        ]

    @property
    def is_contact_person(self) -> bool:
        return self.role == Role.CONTACT_PERSON

    @property
    def is_secretariat(self) -> bool:
        """Reviewers and administrators: Secretariat staff who read all replies."""
        return self.role in SECRETARIAT_ROLES

    @property
    def is_administrator(self) -> bool:
        return self.role == Role.ADMINISTRATOR

    @property
    def is_delegate(self) -> bool:
        return self.role == Role.DELEGATE


# The security log is a feature of its own (portal/security); Django finds its model here.
from portal.security.models import EventKind, SecurityEvent  # noqa: E402, F401
