"""Celery tasks of the reports app: routed to the "documents" queue (settings: reports.*)."""

from celery import shared_task

from portal.jobs import job_run
from reports.models import Report


@shared_task(bind=True, name="reports.tasks.report_compile_task")
def report_compile_task(self, report_id: int) -> bool:
    """Compile the report `report_id` once (a redelivered message takes over a lost worker's job)."""
    from reports import services

    def work(report, progress):
        services.report_compile(report=report, progress=progress)

    return job_run(model=Report, pk=report_id, task_id=self.request.id, work=work)
