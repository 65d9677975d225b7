"""Celery tasks of report compiling: routed to the "documents" queue (settings: reports.*)."""

from collections.abc import Callable

from celery import shared_task

from portal.jobs import job_run, job_run_together
from reports.models import Report


@shared_task(bind=True)
def report_compile_task(self, report_id: int) -> bool:
    """Compile the report `report_id` once (a redelivered message takes over a lost worker's job)."""

    # Imported here, not at the top: every process loads this module at start-up (task discovery),
    # and only a worker needs pandas and WeasyPrint.
    from reports.compiling import services

    def work(report: Report, progress: Callable[[int, str], None]) -> None:
        services.report_compile(report=report, progress=progress)

    return job_run(model=Report, pk=report_id, task_id=self.request.id, work=work)


@shared_task(bind=True)
def report_compile_languages_task(self, report_ids: list[int]) -> bool:
    """Compile the language versions `report_ids` of one report together, once: all ready or all
    failed (reports.compiling.languages)."""
    from reports.compiling import languages

    def work(reports: list[Report], progress: Callable[[int, str], None]) -> None:
        languages.report_compile_languages(reports=reports, progress=progress)

    return job_run_together(model=Report, pks=report_ids, task_id=self.request.id, work=work)
