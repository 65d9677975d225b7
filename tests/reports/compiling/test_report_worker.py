"""Reports compiled by a real prefork worker: one that dies in the middle of a report (the message
is redelivered and the report is compiled exactly once: acks_late, reject_on_worker_lost;
portal.jobs.job_run takes over), and six languages asked in the form compiled in one job, their PDFs made in
processes of their own although the worker's child is a daemonic process."""

import contextlib
import os
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from portal.celery import app as celery_app
from portal.jobs import JobStatus
from reports.compiling.services import report_request
from reports.models import Report
from tests.reports.compiling.test_report_compile import pdf_text
from tests.reports.compiling.test_report_masthead import MARKS
from tests.reports.compiling.test_report_request_languages import PLACES, six_languages
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401
from tests.services import require_service

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.celery_worker


def _prefork_worker(app: str, tmp_path: Path, **env: str):
    """Start a prefork worker (one child, as the documents queue runs) of the Celery `app` on
    the test database; returns the process and its log's path once it answers."""
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
    hostname = f"prefork-{uuid.uuid4().hex[:8]}@localhost"
    log_path = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker_url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        **env,
    }
    with log_path.open("w") as log:
        process = subprocess.Popen(  # noqa: S603
            [
                sys.executable, "-m", "celery", "-A", app, "worker",
                "--pool=prefork", "--concurrency=1", "--queues=documents",
                f"--hostname={hostname}", "--without-mingle", "--without-gossip",
                "--loglevel=INFO",
            ],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    deadline = time.monotonic() + 60
    while not celery_app.control.ping(destination=[hostname], timeout=1):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"The worker did not start:\n{log_path.read_text()}")
    return process, log_path


@contextlib.contextmanager
def _tasks_to(process: subprocess.Popen):
    """Tasks go to the broker (and so to `process`) inside the block; the worker stops after."""
    celery_app.conf.task_always_eager = False
    try:
        yield
    finally:
        celery_app.conf.task_always_eager = True
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def dying_worker(transactional_db, report_cycle, tmp_path):
    """A prefork worker (one child) whose first report work dies; yields the flag file."""
    flag = tmp_path / "die-once"
    flag.write_text("die")
    process, log_path = _prefork_worker("tests.reports.dying_worker", tmp_path, DIE_ONCE=str(flag))
    with _tasks_to(process):
        yield flag, log_path


@pytest.fixture
def documents_worker(transactional_db, report_cycle, tmp_path):
    """The portal's documents worker as docker-compose runs it (prefork, one child); yields its
    log's path."""
    process, log_path = _prefork_worker("portal", tmp_path)
    with _tasks_to(process):
        yield log_path


def _finished(*reports: Report, seconds: int = 240) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for report in reports:
            report.refresh_from_db()
        if all(report.status in (JobStatus.READY, JobStatus.FAILED) for report in reports):
            return
        time.sleep(1)


def test_a_worker_that_dies_mid_report_leaves_it_to_be_compiled_once(
    report_cycle, dying_worker, administrator
):
    flag, log_path = dying_worker
    report = report_request(cycles=[report_cycle], by=administrator, symbol="E/CN.15/2027/13")
    _finished(report)
    log = log_path.read_text()
    assert not flag.exists(), "the work never ran"
    assert report.status == JobStatus.READY, (report.status, report.error, log)
    assert report.attempts == 2
    assert "WorkerLostError" in log or "exited prematurely" in log
    assert Report.objects.count() == 1
    pdfs = list(Path(settings.MEDIA_ROOT, "reports", str(report.pk)).glob("*.pdf"))
    assert len(pdfs) == 1 and report.pdf.name.endswith(".pdf")


def test_a_worker_compiles_six_languages_asked_in_the_form_in_one_job_each_in_its_language(
    report_cycle, documents_worker, administrator, client_for
):
    languages = [code for code, _name in settings.LANGUAGES]
    response = client_for(administrator).post(
        reverse("reports:report_create"), six_languages(report_cycle)
    )
    assert response.status_code == 302
    reports = sorted(Report.objects.all(), key=lambda report: languages.index(report.language))
    _finished(*reports)
    log = documents_worker.read_text()
    assert [(r.language, r.status, r.error) for r in reports] == [
        (language, JobStatus.READY, "") for language in languages
    ], log
    # One task made them all (its PDFs in processes of its own, under the daemonic child).
    assert len(re.findall(r"report_compile_languages_task\[[^]]+\] succeeded", log)) == 1
    assert not re.search(r"report_compile_task\[", log)
    for report in reports:
        with translation.override(report.language):
            council = gettext("Economic and Social Council")
        text = MARKS.sub("", " ".join(pdf_text(report, layout=False).split()))
        assert council in text, report.language
        assert PLACES[report.language] in text, report.language  # the place in its language
        assert report.figures["replied"] == 11
