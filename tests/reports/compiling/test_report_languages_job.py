"""A report asked for in several languages is compiled in one job: each language version is its
own report, in its language, and the versions end together (all ready, or all failed)."""

from concurrent.futures import Future

import pytest
from django.utils import translation
from django.utils.translation import gettext

from portal.jobs import JobStatus
from portal.pdf_processes import PdfFailed
from reports.compiling import languages as languages_job
from reports.compiling.languages import report_request_languages
from reports.models import Report
from tests.reports.compiling.test_report_compile import pdf_text
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def council(language: str) -> str:
    with translation.override(language):
        return gettext("Economic and Social Council")


def words(report) -> str:
    """The PDF's text, its lines joined by spaces."""
    return " ".join(pdf_text(report, layout=False).split())


def asked(cycle, by, capture, languages):
    with capture(execute=True):
        reports = report_request_languages(
            languages=languages, cycles=[cycle], by=by, symbol="E/CN.15/2027/13"
        )
    for report in reports:
        report.refresh_from_db()
    return reports


def test_each_language_is_a_report_of_its_own_in_its_language(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    reports = asked(report_cycle, administrator, django_capture_on_commit_callbacks, ["en", "ar"])
    assert [(r.language, r.status, r.error) for r in reports] == [
        ("en", JobStatus.READY, ""),
        ("ar", JobStatus.READY, ""),
    ]
    english, arabic = reports
    assert council("en") in words(english)
    assert council("ar") in words(arabic)
    assert english.figures["replied"] == arabic.figures["replied"] == 11
    assert english.xlsx.name.endswith("-en-v1-annex.xlsx")
    assert arabic.xlsx.name.endswith("-ar-v1-annex.xlsx")


class ArabicFails:
    """PdfProcesses that make the PDFs here, except the Arabic one."""

    def __init__(self, *, count):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def submit(self, *, html):
        made: Future = Future()
        if '<html lang="ar"' in html:
            made.set_exception(PdfFailed("ValueError: no room on the page"))
        else:
            made.set_result((b"%PDF-1.7", 1))
        return made


def test_a_language_that_fails_fails_them_all_and_saves_no_file(
    administrator, report_cycle, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(languages_job, "PdfProcesses", ArabicFails)
    reports = asked(report_cycle, administrator, django_capture_on_commit_callbacks, ["en", "ar"])
    assert [report.status for report in reports] == [JobStatus.FAILED, JobStatus.FAILED]
    for report in reports:
        assert report.error == (
            "The PDF in العربية could not be made: ValueError: no room on the page"
        )
        assert not report.pdf and not report.xlsx and report.figures is None
    assert Report.objects.filter(status=JobStatus.READY).count() == 0
