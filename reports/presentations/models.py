"""A country presentation (resolution 2003/30, annex, para. 7): "a presentation of a particular
cluster of standards and norms and their application in specific countries".

A Presentation row is one compiled version in one language, and the job that compiles it
(portal.jobs; lifecycle queued → compiling → ready | failed → published). It is published, like a
report, to the Commission's delegates or to everyone, and only when the respondent agreed to the
publication of every reply it is made from (annex, para. 24).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from portal.jobs import Job
from portal.models import Respondent
from surveys.models import Reply

AUDIENCES = [
    ("delegates", _("Commission delegates")),
    ("public", _("Everyone")),
]


def presentation_path(instance, filename):
    return f"presentations/{instance.pk}/{filename}"


class Presentation(Job):
    """One version of a presentation of `cluster` in `respondent`, in `language`."""

    task_name = "reports.presentations.tasks.presentation_compile_task"

    respondent = models.ForeignKey(
        Respondent, on_delete=models.PROTECT, related_name="+", verbose_name=_("respondent")
    )
    cluster = models.ForeignKey(Cluster, on_delete=models.PROTECT, verbose_name=_("cluster"))
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    number = models.PositiveIntegerField(_("version"), default=1)
    # The replies the compiled document is made from: publication asks each for its consent.
    replies = models.ManyToManyField(Reply, blank=True, related_name="+", verbose_name=_("replies"))
    pdf = models.FileField(_("PDF"), upload_to=presentation_path, max_length=300, blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    audience = models.CharField(_("published to"), max_length=10, choices=AUDIENCES, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        app_label = "reports"
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("country presentation")
        verbose_name_plural = _("country presentations")
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "cluster", "language", "number"],
                name="presentation_version_unique",
            )
        ]

    def __str__(self):
        return f"{self.respondent.code} ({self.cluster.letter}) {self.language} v{self.number}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
