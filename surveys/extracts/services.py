"""The staff's XLSX extract of a cycle: every answer, one row per respondent, one column per
question code (split per choice and per table cell), with the coding and the assistance requests
on sheets of their own. Built by a Celery job (surveys.extracts.tasks.reply_extract_build), never in a
request.

Memory stays flat whatever the size of the cycle: answers come from the database as plain tuples
through server-side cursors (`.iterator(chunk_size=...)`), and rows go straight to an openpyxl
write-only workbook, which streams each sheet to a temporary file (surveys.extracts.workbook
writes the sheets).
"""

import tempfile
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl import Workbook

from portal.jobs import ACTIVE_STATUSES, job_enqueue
from portal.models import User
from portal.multilingual import in_language, language_code
from surveys.extracts.workbook import (
    EXTRACT_STATUSES,
    STAGE_ANSWERS,
    ExtractFacts,
    Progress,
    write_about,
    write_answers,
    write_coding,
    write_requests,
)
from surveys.models import Cycle, Reply, ReplyExtract
from surveys.questionnaires.selectors import version_with_content

# Stages, stored in English on the job row and translated where they are shown.
STAGE_QUESTIONNAIRE = gettext_noop("Reading the questionnaire")
STAGE_CODING = gettext_noop("Writing the coding")
STAGE_REQUESTS = gettext_noop("Writing the assistance requests")
STAGE_SAVING = gettext_noop("Saving the file")


class ExtractRefused(Exception):
    """The extract cannot be asked for; the message says why."""


# --- Requesting ---------------------------------------------------------------------------------


def reply_extract_request(*, cycle: Cycle, by: User) -> ReplyExtract:
    """Ask for a new extract of `cycle` (Secretariat staff only). While one is queued or being
    built, asking again returns that one: the same extract is never built twice at once."""
    if not (by.is_authenticated and by.is_secretariat):
        raise PermissionDenied
    with transaction.atomic():
        # Two clicks at once: the second waits for the first's row, then finds it.
        Cycle.objects.select_for_update().filter(pk=cycle.pk).first()
        active = (
            ReplyExtract.objects.filter(cycle=cycle, status__in=ACTIVE_STATUSES)
            .order_by("-requested_at", "-pk")
            .first()
        )
        if active is not None:
            return active
        extract = ReplyExtract.objects.create(cycle=cycle, requested_by=by)
        job_enqueue(job=extract)
    return extract


# --- Writing ------------------------------------------------------------------------------------


def reply_extract_write(
    *, cycle: Cycle, path: Path, language: str = "en", by: User | None = None,
    progress: Progress = lambda percent, stage: None,
) -> ExtractFacts:  # fmt: skip
    """Write the extract of `cycle` to `path`, labels in `language`. A fixed number of queries,
    whatever the number of replies; rows are streamed, never all held at once."""
    language = language_code(language)
    with translation.override(language):
        progress(2, STAGE_QUESTIONNAIRE)
        version = version_with_content(pk=cycle.version_id)
        total = Reply.objects.filter(cycle=cycle, status__in=EXTRACT_STATUSES).count()
        workbook = Workbook(write_only=True)
        answers_sheet = workbook.create_sheet(_("Answers")[:31])
        coding_sheet = workbook.create_sheet(_("Coding")[:31])
        requests_sheet = workbook.create_sheet(_("Assistance requests")[:31])
        about_sheet = workbook.create_sheet(_("About")[:31])
        progress(10, STAGE_ANSWERS)
        width = write_answers(
            answers_sheet,
            cycle=cycle,
            version=version,
            language=language,
            progress=progress,
            total=total,
        )
        progress(80, STAGE_CODING)
        coded = write_coding(coding_sheet, cycle=cycle, version=version, language=language)
        progress(88, STAGE_REQUESTS)
        requests = write_requests(requests_sheet, cycle=cycle, language=language)
        facts = ExtractFacts(rows=total, columns=width, coded_answers=coded, requests=requests)
        write_about(
            about_sheet, cycle=cycle, version=version, language=language, by=by, facts=facts
        )
        progress(95, STAGE_SAVING)
        workbook.save(path)
    return facts


def reply_extract_filename(extract: ReplyExtract) -> str:
    stamp = timezone.localtime(extract.requested_at or timezone.now()).strftime("%Y%m%d-%H%M")
    name = slugify(in_language(extract.cycle.title, "en"))[:60] or "cycle"
    return f"{name}-{stamp}.xlsx"


def reply_extract_build(*, extract: ReplyExtract, progress: Progress) -> ExtractFacts:
    """Build the workbook of `extract` (the job's work, see portal.jobs.job_run): written to a
    temporary file, then saved to storage; the row gets the file and the number of rows. Labels
    are in the requesting person's preferred language."""
    extract = ReplyExtract.objects.select_related("cycle", "requested_by").get(pk=extract.pk)
    by = extract.requested_by
    with tempfile.TemporaryDirectory(prefix="extract-") as folder:
        path = Path(folder) / "extract.xlsx"
        facts = reply_extract_write(
            cycle=extract.cycle,
            path=path,
            language=by.preferred_language,
            by=by,
            progress=progress,
        )
        with path.open("rb") as handle:
            extract.file.save(reply_extract_filename(extract), File(handle), save=False)
    ReplyExtract.objects.filter(pk=extract.pk).update(file=extract.file.name, row_count=facts.rows)
    return facts
