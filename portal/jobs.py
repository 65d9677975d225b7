"""Long jobs as database rows (STYLE.md, "Background work"; kpi's ImportExportTask pattern).

A job is a row with a status, progress, error text and output files. Its Celery task takes the
row's id and calls `job_run`, which locks the row, refuses to run a job twice, and records progress,
success or failure. A worker that dies mid-job leaves the row "running" with an old heartbeat:
the task's message is redelivered (acks_late, reject_on_worker_lost) and the same task id takes the
job over; if the message is lost with the whole worker, `jobs_recover` (scheduled) enqueues it again.
"""

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("In progress")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


ACTIVE_STATUSES = (JobStatus.QUEUED, JobStatus.RUNNING)


class Job(models.Model):
    """The fields every long job has. Concrete jobs add their parameters and output files, and
    name their Celery task in `task_name` (a task taking the row's id)."""

    task_name: str = ""

    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    stage = models.CharField(_("stage"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


def job_stale_after() -> timedelta:
    """A running job whose heartbeat is older than the hard time limit has lost its worker."""
    return timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)


def job_enqueue(*, job: Job) -> None:
    """Send the job's task once the current transaction commits (so the worker finds the row)."""
    from celery import current_app

    task = current_app.tasks[job.task_name]
    pk = job.pk
    transaction.on_commit(lambda: task.delay(pk))


def job_retry(*, job: Job) -> Job:
    """Put a failed job back in the queue."""
    model = type(job)
    with transaction.atomic():
        job = model._default_manager.select_for_update().get(pk=job.pk)
        if job.status != JobStatus.FAILED:
            return job
        job.status, job.progress, job.stage, job.error = JobStatus.QUEUED, 0, "", ""
        job.save(update_fields=["status", "progress", "stage", "error"])
        job_enqueue(job=job)
    return job


class JobProgress:
    """What a job's work calls to say how far it is: `progress(40, "Rendering the PDF")`.
    Each call is written at once (outside any transaction of the work), so a page polling the
    row sees it, and refreshes the heartbeat."""

    def __init__(self, model: type[Job], pk: int) -> None:
        self.model, self.pk = model, pk

    def __call__(self, percent: int, stage: str = "") -> None:
        self.model._default_manager.filter(pk=self.pk).update(
            progress=max(0, min(99, int(percent))),
            stage=str(stage)[:200],
            heartbeat_at=timezone.now(),
        )


J = TypeVar("J", bound=Job)


def job_run(
    *, model: type[J], pk: int, task_id: str, work: Callable[[J, JobProgress], None]
) -> bool:
    """Run `work(job, progress)` for the job `pk` of `model`, once. Returns whether it ran.

    Skips a job that is ready or failed (a duplicate message), and one that another task is
    running with a fresh heartbeat. Takes over a running job whose task was redelivered (same task
    id: its worker died) or whose heartbeat is stale. The work saves its outputs on the row; an
    exception marks the job failed with its message (the traceback goes to the log).
    """
    return _jobs_run(
        model=model, pks=[pk], task_id=task_id, work=lambda jobs, progress: work(jobs[0], progress)
    )


class JobsProgress(JobProgress):
    """`JobProgress` for jobs done in one piece of work: each call is written on all of them."""

    def __init__(self, model: type[Job], pks: list[int]) -> None:
        super().__init__(model, pks[0])
        self.pks = pks

    def __call__(self, percent: int, stage: str = "") -> None:
        self.model._default_manager.filter(pk__in=self.pks).update(
            progress=max(0, min(99, int(percent))),
            stage=str(stage)[:200],
            heartbeat_at=timezone.now(),
        )


def _job_claimed(job: Job, *, task_id: str, now) -> bool:
    """Whether the task `task_id` may run `job` (locked): queued, or running in a lost worker or
    in this same task (a redelivered message)."""
    if job.status == JobStatus.RUNNING:
        fresh = job.heartbeat_at and now - job.heartbeat_at < job_stale_after()
        if job.task_id != task_id and fresh:
            return False
        logger.warning("%s %s: taking over from a lost worker", type(job).__name__, job.pk)
        return True
    return job.status == JobStatus.QUEUED


def job_run_together(
    *, model: type[J], pks: list[int], task_id: str, work: Callable[[list[J], JobsProgress], None]
) -> bool:
    """`job_run` for several jobs of `model` done in one piece of work (a report's language
    versions, compiled from one reading of the figures): `work(jobs, progress)` gets the jobs of
    `pks` that are still to run, in the order of `pks`. They start together, and end together:
    all ready, or all failed with the work's message, never some ready and some not. Returns
    whether the work ran."""
    return _jobs_run(model=model, pks=pks, task_id=task_id, work=work)


def _jobs_run(
    *, model: type[J], pks: list[int], task_id: str, work: Callable[[list[J], JobsProgress], None]
) -> bool:
    now = timezone.now()
    with transaction.atomic():
        locked = list(model._default_manager.select_for_update().filter(pk__in=pks).order_by("pk"))
        for missing in set(pks) - {job.pk for job in locked}:
            logger.warning("%s %s no longer exists", model.__name__, missing)
        jobs = [job for job in locked if _job_claimed(job, task_id=task_id, now=now)]
        for job in jobs:
            job.status, job.progress, job.stage, job.error = JobStatus.RUNNING, 0, "", ""
            job.attempts += 1
            job.task_id, job.heartbeat_at, job.started_at, job.finished_at = task_id, now, now, None
            job.save()
    if not jobs:
        return False
    jobs.sort(key=lambda job: pks.index(job.pk))
    claimed = [job.pk for job in jobs]
    try:
        work(jobs, JobsProgress(model, claimed))
    except Exception as error:
        logger.exception("%s %s failed", model.__name__, ", ".join(map(str, claimed)))
        model._default_manager.filter(pk__in=claimed).update(
            status=JobStatus.FAILED,
            error=str(error) or type(error).__name__,
            finished_at=timezone.now(),
        )
        return False
    model._default_manager.filter(pk__in=claimed).update(
        status=JobStatus.READY, progress=100, stage="", finished_at=timezone.now()
    )
    return True


def jobs_recover() -> int:
    """Enqueue again the jobs a lost worker left behind: queued for longer than a task can run,
    or running with a stale heartbeat. Returns how many. `job_run` refuses duplicates."""
    from django.apps import apps

    cutoff = timezone.now() - job_stale_after()
    count = 0
    for model in apps.get_models():
        if not issubclass(model, Job) or not model.task_name:
            continue
        stuck = model._default_manager.filter(
            models.Q(status=JobStatus.QUEUED, requested_at__lt=cutoff)
            | models.Q(status=JobStatus.RUNNING, heartbeat_at__lt=cutoff)
        )
        for job in stuck:
            job_enqueue(job=job)
            count += 1
    return count
