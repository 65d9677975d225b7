"""A report in several languages in one job: one row per language (each a version of its own,
published on its own), compiled together from one reading of the figures, their PDFs made at once
in separate processes (portal.pdf_processes) while this process writes the statistical annexes.

The versions end together (portal.jobs.job_run_together): all ready, or all failed with the
message of the language that failed, so that no language is left half made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future
from typing import Any

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from portal.jobs import JobStatus, job_retry
from portal.pdf_processes import PdfFailed, PdfProcesses
from reports.compiling.services import (
    CompiledReport,
    report_files_saved,
    report_render,
    report_request,
)
from reports.figures.comparison import comparison_figures
from reports.figures.computing import report_figures_in_turn
from reports.models import Report
from reports.writing.statistical_annex import report_xlsx

TASK = "reports.compiling.tasks.report_compile_languages_task"


def report_request_languages(
    *,
    languages: Iterable[str],
    session_places: Mapping[str, str] | None = None,
    enqueue: bool = True,
    **request: Any,
) -> list[Report]:
    """Ask for the report `request` describes (the arguments of `report_request`) in each of
    `languages`; returns the jobs, one per language, compiled by one task. `session_places` is
    the session place written in each language (the place is not translated). A language whose
    report is already queued or compiling is given back as `report_request` does."""
    languages = list(dict.fromkeys(languages))
    places = session_places or {}
    with transaction.atomic():
        reports = []
        for language in languages:
            asked = {**request, "language": language, "enqueue": False}
            if language in places:
                asked["session_place"] = places[language]
            reports.append(report_request(**asked))
        pks = [report.pk for report in reports if report.status == JobStatus.QUEUED]
        if enqueue and pks:
            task = current_app.tasks[TASK]
            transaction.on_commit(lambda: task.delay(pks))
    return reports


def report_retry_languages(*, report: Report) -> list[Report]:
    """Put the failed `report` back in the queue with the language versions that failed with it
    (the same task): they are compiled together again, as they were asked. A report compiled
    alone is retried alone (`job_retry`)."""
    with transaction.atomic():
        failed = list(
            Report.objects.select_for_update().filter(
                task_id=report.task_id, status=JobStatus.FAILED
            )
            if report.task_id
            else []
        )
        if len(failed) < 2:
            job_retry(job=report)
            return [report]
        order = [code for code, _name in settings.LANGUAGES]
        failed.sort(key=lambda version: order.index(version.language))
        pks = [version.pk for version in failed]
        Report.objects.filter(pk__in=pks).update(
            status=JobStatus.QUEUED, progress=0, stage="", error=""
        )
        task = current_app.tasks[TASK]
        transaction.on_commit(lambda: task.delay(pks))
    return failed


def report_compile_languages(
    *, reports: list[Report], progress: Callable[[int, str], None]
) -> list[Report]:
    """Compile `reports`, the language versions of one request (same cycles, scope and
    statuses): figures read once, each language's HTML, PDFs in parallel processes, XLSX here.
    A language that cannot be made raises, naming it; no file is saved then."""
    reports = sorted(reports, key=_costliest_first)
    with PdfProcesses(count=len(reports)) as processes:
        progress(5, _("Compiling the figures"))
        # Each language's PDF is started as soon as its figures are labelled and its HTML
        # written, while the next language's are.
        figures = report_figures_in_turn(
            report=reports[0], languages=[report.language for report in reports]
        )
        compiled: list[CompiledReport] = []
        pdfs: list[Future[tuple[bytes, int]]] = []
        for report, (_language, language_figures) in zip(reports, figures, strict=True):
            if not compiled:
                progress(25, _("Writing the report"))
            language_figures.comparison = comparison_figures(
                report=report, figures=language_figures
            )
            compiled.append(report_render(report=report, figures=language_figures))
            pdfs.append(processes.submit(html=compiled[-1].html))
        progress(40, _("Making the statistical annex"))
        xlsx = []
        for report, made in zip(reports, compiled, strict=True):
            with translation.override(report.language):
                xlsx.append(
                    report_xlsx(report=report, figures=made.figures, document=made.document)
                )
        progress(60, _("Making the PDF"))
        results = [_pdf_result(report, pdf) for report, pdf in zip(reports, pdfs, strict=True)]
    progress(95, _("Saving the files"))
    saved: list[Report] = []
    try:
        with transaction.atomic():
            for report, made, (pdf, pages), annex in zip(
                reports, compiled, results, xlsx, strict=True
            ):
                saved.append(
                    report_files_saved(
                        report=report, compiled=made, pdf=pdf, pages=pages, xlsx=annex
                    )
                )
    except Exception:
        for report in saved:  # the versions fail together: none keeps its files
            report.pdf.delete(save=False)
            report.xlsx.delete(save=False)
        raise
    return saved


# The languages whose PDFs take longest first (the bench's report, in CPU seconds: Arabic 1.8 with
# its shaping, Russian, French and Spanish the longest texts, English 1.5, Chinese 1.4), so that
# the last PDF to be made is a short one and the processes end close together.
PDF_COST_ORDER = ("ar", "ru", "fr", "es", "en", "zh-hans")


def _costliest_first(report: Report) -> int:
    if report.language in PDF_COST_ORDER:
        return PDF_COST_ORDER.index(report.language)
    return len(PDF_COST_ORDER)


def _pdf_result(report: Report, pdf: Future[tuple[bytes, int]]) -> tuple[bytes, int]:
    try:
        return pdf.result()
    except PdfFailed as error:
        raise PdfFailed(
            _("The PDF in %(language)s could not be made: %(reason)s")
            % {"language": dict(settings.LANGUAGES)[report.language], "reason": error}
        ) from error
