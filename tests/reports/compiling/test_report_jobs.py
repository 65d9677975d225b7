"""Report jobs: asked once, compiled once, failures retried, queries not growing with replies."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.jobs import JobStatus, job_retry
from portal.models import Respondent
from reports.compiling import services
from reports.compiling.services import report_compile_again, report_request
from reports.figures.computing import report_figures
from reports.models import Report
from tests.reports.builders import filled_cycle
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def ask(cycle, by, **options):
    return report_request(cycles=[cycle], by=by, symbol="E/CN.15/2027/13", **options)


def test_asking_twice_returns_the_report_already_asked_for(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        first = ask(report_cycle, administrator)
        second = ask(report_cycle, administrator)
    assert second.pk == first.pk
    assert len(callbacks) == 1  # one task sent
    assert Report.objects.count() == 1
    # Other parameters are another report.
    other = ask(report_cycle, administrator, language="fr")
    assert other.pk != first.pk and other.number == 1


def test_a_ready_report_is_not_compiled_again_unless_asked(
    administrator, report_cycle, django_capture_on_commit_callbacks, monkeypatch
):
    calls = []
    monkeypatch.setattr(services, "report_compile", lambda *, report, progress: calls.append(1))
    with django_capture_on_commit_callbacks(execute=True):
        first = ask(report_cycle, administrator)
    first.refresh_from_db()
    assert first.status == JobStatus.READY and calls == [1]
    assert ask(report_cycle, administrator).pk == first.pk
    with django_capture_on_commit_callbacks(execute=True):
        again = report_compile_again(report=first, by=administrator)
    assert again.pk != first.pk and again.number == 2 and calls == [1, 1]
    assert again.parameters_key == first.parameters_key


def test_a_failure_is_recorded_with_its_reason_and_a_retry_completes(
    administrator, report_cycle, django_capture_on_commit_callbacks, monkeypatch
):
    real = services.report_compile

    def broken(*, report, progress):
        progress(30, "Making the PDF")
        raise RuntimeError("The PDF engine ran out of paper")

    monkeypatch.setattr(services, "report_compile", broken)
    with django_capture_on_commit_callbacks(execute=True):
        report = ask(report_cycle, administrator)
    report.refresh_from_db()
    assert report.status == JobStatus.FAILED
    assert report.error == "The PDF engine ran out of paper"
    assert report.attempts == 1
    # A failed report is not returned to a new request: that is what Retry is for.
    monkeypatch.setattr(services, "report_compile", real)
    with django_capture_on_commit_callbacks(execute=True):
        job_retry(job=report)
    report.refresh_from_db()
    assert report.status == JobStatus.READY, report.error
    assert report.attempts == 2 and report.error == ""
    assert report.pdf and report.xlsx and report.figures["replied"] == 11


def test_the_compilation_queries_do_not_grow_with_the_replies(administrator):
    states = list(
        Respondent.objects.filter(type__code="member_state")
        .order_by("code")
        .values_list("code", flat=True)
    )
    counts = []
    for replied in (states[:2], states[10:20]):
        cycle = filled_cycle(administrator, replied=replied, invited=states[:20])
        report = report_request(
            cycles=[cycle], by=administrator, symbol=f"E/CN.15/2027/{len(replied)}", enqueue=False
        )
        report = Report.objects.get(pk=report.pk)
        with CaptureQueriesContext(connection) as queries:
            figures = report_figures(report=report)
        assert figures.replied == len(replied)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert counts[0] < 25
