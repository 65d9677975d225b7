"""A report compiled from a small cycle: what the PDF says and what the XLSX holds."""

import subprocess

import pytest
from django.utils import translation

from portal.jobs import JobStatus
from reports.compiling.services import report_render, report_request
from tests.reports.compiling_fixtures import REPLIED, SILENT, report_cycle_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def compiled(cycle, by, capture, language="en", **options):
    with capture(execute=True):
        report = report_request(
            cycles=[cycle], by=by, symbol="E/CN.15/2027/13", language=language, **options
        )
    report.refresh_from_db()
    assert report.status == JobStatus.READY, report.error
    return report


def pdf_text(report, *, layout=True) -> str:
    with report.pdf.open("rb") as pdf:
        data = pdf.read()
    result = subprocess.run(  # noqa: S603
        ["pdftotext", *(["-layout"] if layout else []), "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    )
    return result.stdout.decode()


def test_an_arabic_report_is_right_to_left(administrator, report_cycle):
    report = report_request(
        cycles=[report_cycle], by=administrator, symbol="E/CN.15/2027/13", language="ar",
        enqueue=False,
    )  # fmt: skip
    html = report_render(report=report).html
    assert '<html lang="ar" dir="rtl">' in html
    assert "الأمم المتحدة" in html  # "United Nations", translated
    # A practice quoted as written keeps its own language's direction.
    assert 'dir="ltr"' in html


def test_the_figures_labels_are_in_the_reports_language_whatever_the_requesters(report_cycle):

    from portal.models import RegionalGroup
    from reports.figures.computing import figures_compile

    with translation.override("en"):
        figures = figures_compile(cycle_ids=[report_cycle.pk], statuses=["accepted"], language="ar")
    with translation.override("ar"):
        arabic = str(RegionalGroup.AFRICAN.label)
    assert arabic != "African States"
    assert [r["label"] for r in figures.regions if r["key"] == RegionalGroup.AFRICAN] == [arabic]


def test_requests_are_those_of_the_replies_the_report_counts(report_cycle):
    from reports.figures.computing import figures_compile
    from surveys.models import AssistanceRequest, Reply, ReplyStatus

    def requests_counted():
        return figures_compile(
            cycle_ids=[report_cycle.pk], statuses=["accepted"], language="en"
        ).requests.total

    before = requests_counted()
    returned = Reply.objects.filter(cycle=report_cycle, status=ReplyStatus.ACCEPTED).first()
    AssistanceRequest.objects.create(
        respondent=returned.respondent, reply=returned, description="Training of judges"
    )
    with_it = requests_counted()
    assert with_it == before + 1
    # Returned for clarification: no longer counted, nor are its requests.
    Reply.objects.filter(pk=returned.pk).update(status=ReplyStatus.RETURNED)
    assert requests_counted() == with_it - AssistanceRequest.objects.filter(reply=returned).count()
