"""Reports of the Secretary-General (DESIGN.md, "What the reports contain"; lifecycle
queued → compiling → ready | failed → published).

A Report row is one compiled version, and the job that compiles it (portal.jobs). Compiling again
makes a new version; a published version never changes, and a later version is published beside it.
"""

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clusters.models import Category, Cluster, Standard
from portal.jobs import Job
from surveys.models import Cycle, ReplyStatus

# "E/CN.15/2027/13": the organ's series, then the year.
SYMBOL_YEAR = re.compile(r"^(.+?)/(\d{4})/")


def report_path(instance, filename):
    return f"reports/{instance.pk}/{filename}"


def default_statuses():
    return [ReplyStatus.ACCEPTED.value]


class Audience(models.TextChoices):
    # An advance copy for the session's delegations, or the public document.
    DELEGATES = "delegates", _("Commission delegates")
    PUBLIC = "public", _("Everyone")


class Report(Job):
    """One version of a report: what was asked for, the compilation job, and its files."""

    task_name = "reports.compiling.tasks.report_compile_task"

    cycles = models.ManyToManyField(Cycle, related_name="reports", verbose_name=_("cycles"))
    # Scope: a category, a cluster, or chosen standards (none of them: everything the cycles ask).
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("category")
    )
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("cluster")
    )
    standards = models.ManyToManyField(Standard, blank=True, verbose_name=_("standards"))
    title = models.CharField(_("title"), max_length=300)
    commission_session = models.CharField(
        _("Commission session"), max_length=200, help_text=_("e.g. Fifteenth session")
    )
    # The masthead: "Vienna, 18–22 May 2027" and "Item 6 of the provisional agenda*", the item's
    # title below it. The place and the title are written in the report's language.
    session_place = models.CharField(
        _("session place"), max_length=100, blank=True, help_text=_("e.g. Vienna")
    )
    session_opens_on = models.DateField(_("session opens on"), null=True, blank=True)
    session_closes_on = models.DateField(_("session closes on"), null=True, blank=True)
    agenda_item_number = models.PositiveSmallIntegerField(
        _("agenda item"), null=True, help_text=_("The item's number on the provisional agenda")
    )
    agenda_item_title = models.CharField(
        _("agenda item title"),
        max_length=300,
        blank=True,
        help_text=_(
            "e.g. Use and application of United Nations standards and norms in crime "
            "prevention and criminal justice"
        ),
    )
    symbol = models.CharField(
        _("document symbol"), max_length=60, help_text=_("e.g. E/CN.15/2006/13")
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    reply_statuses = models.JSONField(_("reply statuses counted"), default=default_statuses)
    number = models.PositiveIntegerField(_("version"), default=1)
    # The parameters in one string, so that asking twice finds the job already asked for.
    parameters_key = models.CharField(max_length=64, editable=False, db_index=True)

    pdf = models.FileField(_("PDF"), upload_to=report_path, max_length=300, blank=True)
    xlsx = models.FileField(
        _("statistical annex"), upload_to=report_path, max_length=300, blank=True
    )
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    # The compiled figures (JSON), so the page and the tests can compare them with the files.
    figures = models.JSONField(_("figures"), null=True, blank=True)
    # The texts the report printed from another language than its own, found when it was compiled
    # (reports.writing.translations): staff see them on the report's page, the PDF never does.
    translations_needed = models.JSONField(_("translations needed"), null=True, blank=True)

    audience = models.CharField(
        _("published to"), max_length=10, choices=Audience.choices, blank=True
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["symbol", "language", "number"], name="report_version_unique"
            )
        ]

    def __str__(self):
        return f"{self.symbol} ({self.language}) v{self.number}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def provisional_agenda_symbol(self) -> str:
        """The symbol of the provisional agenda of the report's session ("E/CN.15/2027/1"): the
        organ's series of the report's symbol, in the year the session opens."""
        found = SYMBOL_YEAR.match(self.symbol)
        series = found.group(1) if found else "E/CN.15"
        if self.session_opens_on:
            year = str(self.session_opens_on.year)
        elif found:
            year = found.group(2)
        else:
            return ""
        return f"{series}/{year}/1"


# Country presentations live in their feature folder; imported here so that Django registers them.
from reports.presentations.models import Presentation  # noqa: E402, F401 - registered with the app
