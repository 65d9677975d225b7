"""The standards-and-norms taxonomy of resolution 2003/30: categories, clusters and standards, and
the roster of experts by cluster (annex, para. 39)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import RegionalGroup
from portal.multilingual import MultilingualTextField, in_language, language_code, list_letter


class Category(models.Model):
    """One of the four groups of standards and norms of resolution 2003/30, para. 3."""

    letter = models.CharField(_("letter"), max_length=1, unique=True)
    title = MultilingualTextField(_("title"), multiline=True)

    class Meta:
        ordering = ["letter"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return f"({list_letter(self.letter)}) {in_language(self.title)}"


class Cluster(models.Model):
    """One of the five clusters of resolution 2003/30, annex, para. 8, in order of priority."""

    letter = models.CharField(_("letter"), max_length=1, unique=True)
    title = MultilingualTextField(_("title"), multiline=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), unique=True, help_text=_("1 is the highest priority (annex, para. 8).")
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="clusters", verbose_name=_("category")
    )

    class Meta:
        ordering = ["priority"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")

    def __str__(self):
        return f"({list_letter(self.letter)}) {in_language(self.title)}"


class Standard(models.Model):
    """One United Nations standard or norm, e.g. the Tokyo Rules, with its adopting resolution.
    Its texts are in the six languages (clusters/data/standards_and_norms.yaml)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    short_name = MultilingualTextField(_("short name"))
    title = MultilingualTextField(_("title"), multiline=True)
    description = MultilingualTextField(
        _("description"),
        multiline=True,
        blank=True,
        help_text=_("One or two sentences: what the instrument covers."),
    )
    adopted_by = MultilingualTextField(
        _("adopted by"),
        help_text=_(
            "The adopting resolution or body, as written in running text, e.g. General Assembly "
            "resolution 45/110."
        ),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="standards", verbose_name=_("category")
    )
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, related_name="standards", verbose_name=_("cluster")
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["cluster__priority", "year", "code"]
        verbose_name = _("standard")
        verbose_name_plural = _("standards")

    def __str__(self):
        return in_language(self.short_name)

    def full_title(self, language: str | None = None) -> str:
        """The official title in `language` (default: the active one), else in English."""
        return in_language(self.title, language)

    def name_with_resolution(self, language: str | None = None) -> str:
        """The short name followed by the adopting resolution, in `language` (default: the
        active one): "Tokyo Rules (General Assembly resolution 45/110)", "东京规则（大会第45/110号
        决议）"."""
        code = language_code(language)
        name, adopted_by = in_language(self.short_name, code), in_language(self.adopted_by, code)
        if not adopted_by:
            return name
        if code == "zh-hans":
            return f"{name}（{adopted_by}）"
        return f"{name} ({adopted_by})"


class Availability(models.TextChoices):
    AVAILABLE = "available", _("Available")
    LIMITED = "limited", _("Limited availability")
    UNAVAILABLE = "unavailable", _("Not available")


class Expert(models.Model):
    """A national or regional expert on the roster (resolution 2003/30, annex, para. 39), by
    cluster, whom the Secretariat can match to requests for technical assistance."""

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    nationality = models.ForeignKey(
        "portal.Respondent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="experts",
        verbose_name=_("nationality"),
        limit_choices_to={"type__code": "member_state"},
    )
    regional_group = models.CharField(
        _("regional group"), max_length=30, choices=RegionalGroup.choices
    )
    clusters = models.ManyToManyField(Cluster, related_name="experts", verbose_name=_("clusters"))
    # Language codes (the six official languages, and others such as "pt").
    languages = models.JSONField(_("languages"), default=list)
    # Shown to staff and to other administrators: written in the six languages where possible.
    expertise = MultilingualTextField(_("expertise"), multiline=True)
    availability = models.CharField(
        _("availability"),
        max_length=20,
        choices=Availability.choices,
        default=Availability.AVAILABLE,
    )
    available_from = models.DateField(_("available from"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    is_active = models.BooleanField(_("on the roster"), default=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    # Not stored: set on the experts a selector lists for a page.
    language_names: list[str]
    same_region: bool

    class Meta:
        ordering = ["name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self):
        return self.name
