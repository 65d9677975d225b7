"""A country presentation compiled by a real Celery worker (`celery -A portal worker`, reading the
"documents" queue from Redis), never in the process that asked for it."""

import time

import pytest

from portal.jobs import JobStatus
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401
from tests.reports.presentations.helpers import pdf_text

pytestmark = pytest.mark.celery_worker


@pytest.fixture
def worker_media(report_cycle, settings, monkeypatch):
    """The worker writes its files where this process reads them (started after this fixture)."""
    monkeypatch.setenv("MEDIA_ROOT", str(settings.MEDIA_ROOT))
    return report_cycle


def test_a_worker_compiles_the_presentation_asked_for(worker_media, celery_worker, administrator):
    from clusters.models import Cluster
    from portal.models import Respondent
    from reports.presentations.services import presentation_request

    [presentation] = presentation_request(
        respondent=Respondent.objects.get(code="KEN"),
        cluster=Cluster.objects.get(letter="a"),
        languages=["ar"],
        by=administrator,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        presentation.refresh_from_db()
        if presentation.status in (JobStatus.READY, JobStatus.FAILED):
            break
        time.sleep(1)
    log = celery_worker.log()
    assert presentation.status == JobStatus.READY, (presentation.error, log)
    assert "reports.presentations.tasks.presentation_compile_task" in log
    assert Respondent.objects.get(code="KEN").name["ar"] in pdf_text(presentation)
