"""A real worker that dies in the middle of a report: the message is redelivered and the report
is compiled exactly once (acks_late, reject_on_worker_lost; portal.jobs.job_run takes over)."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from portal.celery import app as celery_app
from portal.jobs import JobStatus
from reports.compiling.services import report_request
from reports.models import Report
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401
from tests.services import require_service

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.celery_worker


@pytest.fixture
def dying_worker(transactional_db, report_cycle, tmp_path):
    """A prefork worker (one child) whose first report work dies; yields the flag file."""
    broker_url = settings.CELERY_BROKER_URL
    if not broker_url:
        require_service("Redis broker", "set CELERY_BROKER_URL=redis://127.0.0.1:6379/1")
    if connection.vendor != "postgresql":
        require_service("PostgreSQL", "a worker in another process needs a shared database")
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    database_url = (
        f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    flag = tmp_path / "die-once"
    flag.write_text("die")
    hostname = f"dying-{uuid.uuid4().hex[:8]}@localhost"
    log_path = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker_url,
        "DIE_ONCE": str(flag),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    with log_path.open("w") as log:
        process = subprocess.Popen(  # noqa: S603
            [
                sys.executable, "-m", "celery", "-A", "tests.reports.dying_worker", "worker",
                "--pool=prefork", "--concurrency=1", "--queues=documents",
                f"--hostname={hostname}", "--without-mingle", "--without-gossip",
                "--loglevel=INFO",
            ],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not celery_app.control.ping(destination=[hostname], timeout=1):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The worker did not start:\n{log_path.read_text()}")
        celery_app.conf.task_always_eager = False
        yield flag, log_path
    finally:
        celery_app.conf.task_always_eager = True
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_a_worker_that_dies_mid_report_leaves_it_to_be_compiled_once(
    report_cycle, dying_worker, administrator
):
    flag, log_path = dying_worker
    report = report_request(cycles=[report_cycle], by=administrator, symbol="E/CN.15/2027/13")
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.status in (JobStatus.READY, JobStatus.FAILED):
            break
        time.sleep(1)
    log = log_path.read_text()
    assert not flag.exists(), "the work never ran"
    assert report.status == JobStatus.READY, (report.status, report.error, log)
    assert report.attempts == 2
    assert "WorkerLostError" in log or "exited prematurely" in log
    assert Report.objects.count() == 1
    pdfs = list(Path(settings.MEDIA_ROOT, "reports", str(report.pk)).glob("*.pdf"))
    assert len(pdfs) == 1 and report.pdf.name.endswith(".pdf")
