"""Reports of the Secretary-General (DESIGN.md, "What the reports contain"; lifecycle
queued → compiling → ready | failed → published).

A Report row is one compiled version, and the job that compiles it (portal.jobs). Compiling again
makes a new version; a published version never changes, and a later version is published beside it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clusters.models import Category, Cluster, Standard
from portal.jobs import Job
from surveys.models import Cycle, ReplyStatus


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
    session_dates = models.CharField(
        _("session dates and place"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Vienna, 24–28 April 2006"),
    )
    agenda_item = models.CharField(
        _("agenda item"),
        max_length=300,
        help_text=_(
            "e.g. Item 6 of the provisional agenda: Use and application of United Nations standards and norms in crime prevention and criminal justice"
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
