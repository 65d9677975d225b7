"""Long jobs as rows (portal.jobs): run once, survive a lost worker, record failure, retry,
recover what a dead worker left behind. ReplyExtract stands in for any concrete job."""

import datetime

import pytest
from django.utils import timezone

from portal.jobs import JobStatus, job_retry, job_run, job_stale_after, jobs_recover
from surveys.models import ReplyExtract
from tests.surveys.replies import open_cycle

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(administrator):
    return ReplyExtract.objects.create(cycle=open_cycle(administrator), requested_by=administrator)


class Work:
    """A job's work that records its calls, reports progress, and can be told to fail."""

    def __init__(self, error: Exception | None = None):
        self.calls, self.error = [], error

    def __call__(self, job, progress):
        self.calls.append(job.pk)
        progress(50, "Half-way")
        row = type(job).objects.get(pk=job.pk)
        self.seen = (row.status, row.progress, row.stage)
        if self.error:
            raise self.error


def _running(job, *, task_id, heartbeat_age):
    type(job).objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING,
        task_id=task_id,
        attempts=1,
        heartbeat_at=timezone.now() - heartbeat_age,
    )


def test_a_queued_job_runs_once_and_is_ready(job):
    work = Work()
    assert job_run(model=ReplyExtract, pk=job.pk, task_id="t1", work=work) is True
    job.refresh_from_db()
    assert work.calls == [job.pk]
    assert work.seen == (JobStatus.RUNNING, 50, "Half-way")  # progress is written at once
    assert (job.status, job.progress, job.stage, job.attempts) == (JobStatus.READY, 100, "", 1)
    assert job.task_id == "t1" and job.started_at and job.finished_at


def test_a_duplicate_message_for_a_finished_job_is_skipped(job):
    job_run(model=ReplyExtract, pk=job.pk, task_id="t1", work=Work())
    again = Work()
    assert job_run(model=ReplyExtract, pk=job.pk, task_id="t2", work=again) is False
    assert again.calls == []
    job.refresh_from_db()
    assert job.attempts == 1


def test_a_failed_job_is_not_run_again_by_a_stray_message(job):
    job_run(model=ReplyExtract, pk=job.pk, task_id="t1", work=Work(RuntimeError("boom")))
    again = Work()
    assert job_run(model=ReplyExtract, pk=job.pk, task_id="t1", work=again) is False
    assert again.calls == []


def test_a_redelivered_task_takes_over_its_running_job(job):
    # The worker died mid-job; acks_late redelivers the same message, with the same task id.
    _running(job, task_id="t1", heartbeat_age=datetime.timedelta(seconds=5))
    work = Work()
    assert job_run(model=ReplyExtract, pk=job.pk, task_id="t1", work=work) is True
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.READY, 2)


def test_a_fresh_running_job_of_another_task_is_skipped(job):
    _running(job, task_id="t1", heartbeat_age=datetime.timedelta(seconds=5))
    work = Work()
    assert job_run(model=ReplyExtract, pk=job.pk, task_id="t2", work=work) is False
    assert work.calls == []
    job.refresh_from_db()
    assert (job.status, job.task_id, job.attempts) == (JobStatus.RUNNING, "t1", 1)


def test_a_stale_running_job_is_taken_over_by_another_task(job):
    _running(job, task_id="t1", heartbeat_age=job_stale_after() + datetime.timedelta(seconds=1))
    work = Work()
    assert job_run(model=ReplyExtract, pk=job.pk, task_id="t2", work=work) is True
    job.refresh_from_db()
    assert (job.status, job.task_id, job.attempts) == (JobStatus.READY, "t2", 2)


def test_a_failure_is_recorded_with_its_reason(job):
    assert job_run(model=ReplyExtract, pk=job.pk, task_id="t1",
                   work=Work(ValueError("no answers"))) is False  # fmt: skip
    job.refresh_from_db()
    assert (job.status, job.error) == (JobStatus.FAILED, "no answers")
    assert job.finished_at is not None


def test_an_exception_without_a_message_is_named(job):
    job_run(model=ReplyExtract, pk=job.pk, task_id="t1", work=Work(KeyError()))
    job.refresh_from_db()
    assert job.error == "KeyError"


def test_a_job_that_no_longer_exists_is_skipped(job):
    pk = job.pk
    job.delete()
    assert job_run(model=ReplyExtract, pk=pk, task_id="t1", work=Work()) is False


def test_job_retry_puts_a_failed_job_back_in_the_queue(job, monkeypatch):
    sent = []
    monkeypatch.setattr("portal.jobs.job_enqueue", lambda *, job: sent.append(job.pk))
    job_run(model=ReplyExtract, pk=job.pk, task_id="t1", work=Work(RuntimeError("boom")))
    job.refresh_from_db()
    retried = job_retry(job=job)
    assert (retried.status, retried.error, retried.progress) == (JobStatus.QUEUED, "", 0)
    assert sent == [job.pk]
    # Then it runs again, as a new attempt.
    assert job_run(model=ReplyExtract, pk=job.pk, task_id="t2", work=Work()) is True
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.READY, 2)


def test_job_retry_leaves_a_job_that_has_not_failed_alone(job, monkeypatch):
    sent = []
    monkeypatch.setattr("portal.jobs.job_enqueue", lambda *, job: sent.append(job.pk))
    assert job_retry(job=job).status == JobStatus.QUEUED
    assert sent == []


def test_jobs_recover_enqueues_the_jobs_a_lost_worker_left_behind(administrator, monkeypatch):
    sent = []
    monkeypatch.setattr("portal.jobs.job_enqueue", lambda *, job: sent.append(job.pk))
    cycle = open_cycle(administrator)
    old = timezone.now() - job_stale_after() - datetime.timedelta(minutes=1)

    def extract(**fields):
        row = ReplyExtract.objects.create(cycle=cycle, requested_by=administrator)
        ReplyExtract.objects.filter(pk=row.pk).update(**fields)
        return row.pk

    stuck_queued = extract(requested_at=old)
    stuck_running = extract(status=JobStatus.RUNNING, heartbeat_at=old)
    extract()  # queued just now: its message is on its way
    extract(status=JobStatus.RUNNING, heartbeat_at=timezone.now())  # alive
    extract(status=JobStatus.FAILED, requested_at=old)  # failed: waits for a person
    extract(status=JobStatus.READY, requested_at=old)
    assert jobs_recover() == 2
    assert sorted(sent) == sorted([stuck_queued, stuck_running])
