"""Celery task of country presentations: routed to the "documents" queue (settings: reports.*)."""

from collections.abc import Callable

from celery import shared_task

from portal.jobs import job_run
from reports.presentations.models import Presentation


@shared_task(bind=True)
def presentation_compile_task(self, presentation_id: int) -> bool:
    """Compile the presentation `presentation_id` once (a redelivered message takes over)."""

    # Imported here: only a worker needs WeasyPrint.
    from reports.presentations import services

    def work(presentation: Presentation, progress: Callable[[int, str], None]) -> None:
        services.presentation_compile(presentation=presentation, progress=progress)

    return job_run(model=Presentation, pk=presentation_id, task_id=self.request.id, work=work)
