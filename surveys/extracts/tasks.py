"""Background work of extracts: building the XLSX extract of a cycle, on the "documents" queue."""

from celery import shared_task

from portal.jobs import JobProgress, job_run
from surveys.extracts.models import ReplyExtract


@shared_task(bind=True)
def reply_extract_build(self, pk: int) -> bool:
    """Build the XLSX extract `pk` (a surveys.ReplyExtract job); returns whether it ran.
    Routed to the "documents" queue; job_run refuses duplicates and takes over from lost workers."""

    # Imported here, not at the top: every process loads this module at start-up (task discovery),
    # and only a worker needs pandas and openpyxl.
    from surveys.extracts.services import reply_extract_build as build

    def work(extract: ReplyExtract, progress: JobProgress) -> None:
        build(extract=extract, progress=progress)

    return job_run(model=ReplyExtract, pk=pk, task_id=self.request.id, work=work)
