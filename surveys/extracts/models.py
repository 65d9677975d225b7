"""The staff's XLSX extract of a cycle, built by a Celery job (portal.jobs)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.jobs import Job
from surveys.cycles.models import Cycle


def extract_path(instance, filename):
    return f"extracts/{instance.cycle_id}/{instance.pk}-{filename}"


class ReplyExtract(Job):
    """Every answer of a cycle, with the coding and the assistance requests, as one workbook."""

    task_name = "surveys.extracts.tasks.reply_extract_build"

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="extracts")
    file = models.FileField(_("file"), upload_to=extract_path, max_length=300, blank=True)
    row_count = models.PositiveIntegerField(_("rows"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("reply extract")
        verbose_name_plural = _("reply extracts")

    def __str__(self):
        return f"{self.cycle} · {self.requested_at:%Y-%m-%d %H:%M}"
