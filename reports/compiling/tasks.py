"""Celery tasks of report compiling: routed to the "documents" queue (settings: reports.*)."""

from collections.abc import Callable

from celery import shared_task

from portal.jobs import job_run
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
