"""Questionnaires, their versions, sections, questions and choices (DESIGN.md, "Questions").

A version's content is frozen once it is circulated for consultation, approved or retired: the
database itself refuses the change (see migration 0002), not only the forms.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clusters.models import Category, Cluster, Standard
from portal.multilingual import MultilingualTextField, in_language
from surveys.questionnaires.conditions import condition_parts


class Questionnaire(models.Model):
    """An information-gathering questionnaire for one category of standards (or a part of it)."""

    code = models.SlugField(
        _("code"), max_length=60, unique=True, help_text=_("The XLSForm form_id.")
    )
    title = MultilingualTextField(_("title"))
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="questionnaires",
        verbose_name=_("category"),
    )
    clusters = models.ManyToManyField(Cluster, blank=True, verbose_name=_("clusters"))
    standards = models.ManyToManyField(Standard, blank=True, verbose_name=_("standards"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["category__letter", "code"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def __str__(self):
        return in_language(self.title)


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONSULTATION = "consultation", _("In consultation")
    REVISED_DRAFT = "revised_draft", _("Revised draft")
    APPROVED = "approved", _("Approved")
    RETIRED = "retired", _("Retired")


# Content can change only while a version is one of these.
EDITABLE_STATUSES = (VersionStatus.DRAFT, VersionStatus.REVISED_DRAFT)


class QuestionnaireVersion(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.PROTECT,
        related_name="versions",
        verbose_name=_("questionnaire"),
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    title = MultilingualTextField(_("title"))
    original_language = models.CharField(
        _("original language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    based_on = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name=_("based on"),
    )
    change_log = models.TextField(
        _("change log"), blank=True, help_text=_("What changed from the version it is based on.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    approval_meeting = models.CharField(
        _("approving meeting"),
        max_length=300,
        blank=True,
        help_text=_(
            "E.g. intersessional meeting of the Commission on Crime Prevention and Criminal Justice."
        ),
    )
    approval_date = models.DateField(_("date of approval"), null=True, blank=True)
    approval_decision = models.CharField(_("decision reference"), max_length=200, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # Not stored: the title in the reader's language, set by the pages that list versions.
    shown_title: str

    class Meta:
        ordering = ["questionnaire", "number"]
        verbose_name = _("questionnaire version")
        verbose_name_plural = _("questionnaire versions")
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "number"], name="version_number_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="approved")
                | (models.Q(approval_date__isnull=False) & ~models.Q(approval_meeting="")),
                name="approved_version_records_its_approval",
            ),
        ]

    def __str__(self):
        return f"{in_language(self.title)} v{self.number}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class Section(models.Model):
    version = models.ForeignKey(
        QuestionnaireVersion,
        on_delete=models.CASCADE,
        related_name="sections",
        verbose_name=_("version"),
    )
    order = models.PositiveIntegerField(_("order"))
    code = models.CharField(_("code"), max_length=40)
    title = MultilingualTextField(_("title"))
    intro = MultilingualTextField(_("introduction"), multiline=True, blank=True)

    # Not stored: the texts in the reader's language, set by the consultation pages.
    shown_title: str
    shown_intro: str

    class Meta:
        ordering = ["version", "order"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="section_code_unique"),
        ]

    def __str__(self):
        return f"{self.code}. {in_language(self.title)}"


class QuestionType(models.TextChoices):
    YES_NO = "yes_no", _("Yes / no")
    YES_NO_PARTLY_DK = "yes_no_partly_dk", _("Yes / no / partly / don't know")
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    INTEGER = "integer", _("Whole number")
    DECIMAL = "decimal", _("Decimal number")
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    DATE = "date", _("Date")
    FILE = "file", _("File upload")
    TABLE = "table", _("Table (rows × columns)")


class Purpose(models.TextChoices):
    APPLICATION = "application", _("Application")
    DIFFICULTY = "difficulty", _("Difficulty encountered")
    ASSISTANCE_NEED = "assistance_need", _("Technical assistance needed")
    USEFUL_PRACTICE = "useful_practice", _("Useful practice")
    CONTEXT = "context", _("Context")


class Question(models.Model):
    version = models.ForeignKey(
        QuestionnaireVersion,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("version"),
    )
    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="questions", verbose_name=_("section")
    )
    order = models.PositiveIntegerField(_("order"))
    code = models.CharField(_("code"), max_length=40, help_text=_("Stable code, e.g. A.3.2."))
    type = models.CharField(_("type"), max_length=20, choices=QuestionType.choices)
    text = MultilingualTextField(_("question"), multiline=True)
    # A text shown before the question, in each language (an XLSForm note in the middle of a
    # section, read into the question it leads to: "The next questions are about women held").
    lead_in = MultilingualTextField(_("text shown before the question"), multiline=True, blank=True)
    help_text = MultilingualTextField(_("help text"), multiline=True, blank=True)
    required = models.BooleanField(_("required"), default=False)
    # {"question": "A.2", "operator": "=", "value": "yes"}, or several over A.2 ("any" or "all" of
    # [{"operator": ..., "value": ...}]); see surveys.questionnaires.conditions
    relevance = models.JSONField(_("shown only when"), null=True, blank=True)
    minimum = models.DecimalField(
        _("minimum"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    maximum = models.DecimalField(
        _("maximum"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    unit = MultilingualTextField(_("unit"), blank=True)
    other_specify = models.BooleanField(_('"other, please specify"'), default=False)
    purpose = models.CharField(
        _("analytical purpose"), max_length=20, choices=Purpose.choices, default=Purpose.APPLICATION
    )
    gender_relevant = models.BooleanField(_("gender-relevant"), default=False)
    # The answers (choice values, e.g. ["yes", "partly"]; ["no"] for a reverse-worded question)
    # that mean the standards it asks about are applied. Set, it makes the question one of those
    # standards' indicators of application, from which a report computes their "applying" figure.
    applied_if = models.JSONField(
        _("answers meaning the standard is applied"), default=list, blank=True
    )
    # The code of an earlier number question whose total this number is part of ("Of these, how
    # many are women?" is part of A.1, the persons held in prisons): a report states its share.
    part_of = models.CharField(_("part of the total of question"), max_length=20, blank=True)
    # Kept from an XLSForm for its round trip: the message other tools show when an answer is
    # outside the bounds, and the question's XLSForm appearance ("minimal", "likert" ...).
    constraint_message = MultilingualTextField(_("message when out of bounds"), blank=True)
    appearance = models.CharField(_("appearance (XLSForm)"), max_length=100, blank=True)
    # Set by the author of a draft on a question whose words stay those of the version it is based
    # on but whose meaning changed: its earlier answers are not carried into a new cycle. Relative
    # to `based_on`, so a version document (and the next draft) does not carry it.
    meaning_changed = models.BooleanField(_("changed in meaning"), default=False)
    standards: "models.ManyToManyField[Standard, QuestionStandard]" = models.ManyToManyField(
        Standard, through="QuestionStandard", blank=True, verbose_name=_("standards")
    )

    # Not stored: filled by the selectors that show questions (version_with_content and others).
    option_list: list["Choice"]
    row_list: list["Choice"]
    has_attachment: bool
    answer_count: int
    coded_count: int
    uncoded_count: int
    # Not stored: the texts in the reader's language, set by the consultation pages.
    shown_text: str
    shown_help: str
    shown_unit: str
    shown_options: list[str]
    shown_rows: list[str]

    class Meta:
        ordering = ["version", "section__order", "order"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="question_code_unique"),
            models.CheckConstraint(
                condition=models.Q(minimum__isnull=True)
                | models.Q(maximum__isnull=True)
                | models.Q(minimum__lte=models.F("maximum")),
                name="question_bounds_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.code} {in_language(self.text)[:60]}"

    @property
    def relevance_text(self) -> str:
        """The condition as written: "A.2 = yes", "A.2 = a or A.2 = b"."""
        if not self.relevance:
            return ""
        join, parts = condition_parts(self.relevance)
        word = f" {gettext('or')} " if join == "any" else f" {gettext('and')} "
        return word.join(f"{self.relevance['question']} {o} {v}" for o, v in parts)


class ChoiceKind(models.TextChoices):
    OPTION = "option", _("Option")  # a choice of a choice question, or a column of a table
    ROW = "row", _("Table row")


class Choice(models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=ChoiceKind.choices, default=ChoiceKind.OPTION
    )
    order = models.PositiveIntegerField(_("order"))
    name = models.CharField(_("value"), max_length=60)
    label = MultilingualTextField(_("label"))
    # "None of these": ticked, it must be the only option ticked of a multiple-choice question.
    exclusive = models.BooleanField(_("excludes the other options"), default=False)

    class Meta:
        ordering = ["question", "kind", "order"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        constraints = [
            models.UniqueConstraint(fields=["question", "kind", "name"], name="choice_name_unique"),
        ]

    def __str__(self):
        return in_language(self.label)


class QuestionStandard(models.Model):
    """A standard (and provision) that a question asks about, e.g. Tokyo Rules, rule 2.3."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="standard_links")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="+")
    provision = models.CharField(_("provision"), max_length=100, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["question", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "standard", "provision"], name="question_standard_unique"
            ),
        ]

    def __str__(self):
        return f"{self.standard.code} {self.provision}".strip()
