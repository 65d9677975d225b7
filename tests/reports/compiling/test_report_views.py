"""The staff pages for compiling reports, and who may reach them."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.urls import reverse

from portal.jobs import JobStatus
from reports.compiling.services import report_request
from reports.models import Report
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready_report(administrator, report_cycle):
    report = report_request(
        cycles=[report_cycle], by=administrator, symbol="E/CN.15/2027/13", enqueue=False
    )
    report.pdf.save("r.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    report.xlsx.save("r.xlsx", ContentFile(b"PK test"), save=False)
    report.status = JobStatus.READY
    report.figures = {"replied": 11, "invited": 15, "states_replied": 10, "states_invited": 14,
                      "requests": {"total": 3}}  # fmt: skip
    report.save()
    return report


def staff_urls(report):
    return [
        reverse("reports:report_index"),
        reverse("reports:report_detail", args=[report.pk]),
        reverse("reports:report_progress", args=[report.pk]),
        reverse("reports:report_pdf", args=[report.pk]),
        reverse("reports:report_xlsx", args=[report.pk]),
        reverse("reports:report_create"),
    ]


def test_contact_persons_and_delegates_are_refused(
    client_for, ready_report, state_a_contact, delegate
):
    for user in (state_a_contact, delegate):
        client = client_for(user)
        for url in staff_urls(ready_report):
            assert client.get(url).status_code == 403, (user, url)
        for name in ("report_retry", "report_again"):
            url = reverse(f"reports:{name}", args=[ready_report.pk])
            assert client.post(url).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client_for, ready_report):
    client = client_for(None)
    for url in staff_urls(ready_report):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response["Location"], url


def test_reviewers_read_and_download_but_do_not_ask(client_for, ready_report, reviewer):
    client = client_for(reviewer)
    assert client.get(reverse("reports:report_index")).status_code == 200
    page = client.get(reverse("reports:report_detail", args=[ready_report.pk]))
    assert page.status_code == 200 and b'data-testid="report-again"' not in page.content
    pdf = client.get(reverse("reports:report_pdf", args=[ready_report.pk]))
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert client.get(reverse("reports:report_create")).status_code == 403
    for name in ("reports:report_retry", "reports:report_again"):
        assert client.post(reverse(name, args=[ready_report.pk])).status_code == 403, name
    with pytest.raises(PermissionDenied):
        report_request(cycles=list(ready_report.cycles.all()), by=reviewer, symbol="E/CN.15/1")


def test_a_missing_file_is_not_found_not_a_server_error(client_for, ready_report, administrator):
    ready_report.pdf.storage.delete(ready_report.pdf.name)
    response = client_for(administrator).get(reverse("reports:report_pdf", args=[ready_report.pk]))
    assert response.status_code == 404


def test_the_index_makes_the_same_queries_for_more_reports(
    client_for, administrator, report_cycle, django_assert_max_num_queries
):
    client = client_for(administrator)
    for number in range(1, 6):
        report_request(
            cycles=[report_cycle], by=administrator, symbol=f"E/CN.15/2027/{number}", enqueue=False
        )
        if number in (1, 5):
            with django_assert_max_num_queries(8):
                assert client.get(reverse("reports:report_index")).status_code == 200


def test_an_administrator_asks_for_a_report_and_sees_it_compile(
    client_for, administrator, report_cycle, django_capture_on_commit_callbacks, monkeypatch
):
    from reports.compiling import services

    monkeypatch.setattr(services, "report_compile", lambda *, report, progress: None)
    client = client_for(administrator)
    form = client.get(reverse("reports:report_create"))
    assert form.status_code == 200 and b'data-testid="report-form"' in form.content
    data = {
        "cycles": [report_cycle.pk],
        "title": "Use and application of standards",
        "agenda_item_number": "6",
        "session_place": "Vienna",
        "session_opens_on": "2027-05-17",
        "session_closes_on": "2027-05-21",
        "symbol": "E/CN.15/2027/13",
        "languages": ["en"],
        "reply_statuses": ["accepted"],
    }
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(reverse("reports:report_create"), data)
    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:report_detail", args=[report.pk])
    assert report.commission_session == report_cycle.commission_session["en"]
    page = client.get(response["Location"])
    assert b'hx-trigger="every 2s"' in page.content and b'data-status="queued"' in page.content
    assert b'data-testid="publication"' in page.content
    # The same form again: the same report.
    client.post(reverse("reports:report_create"), data)
    assert Report.objects.count() == 1
    # When the job ends, the polled fragment asks htmx to reload the page.
    Report.objects.filter(pk=report.pk).update(status=JobStatus.FAILED, error="Out of paper")
    fragment = client.get(
        reverse("reports:report_progress", args=[report.pk]), headers={"HX-Request": "true"}
    )
    assert fragment["HX-Refresh"] == "true"
    page = client.get(reverse("reports:report_detail", args=[report.pk]))
    assert b"Out of paper" in page.content and b'data-testid="report-retry"' in page.content
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:report_retry", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == JobStatus.READY and report.attempts == 1


def test_the_form_refuses_two_scopes(client_for, administrator, report_cycle):
    from clusters.models import Category, Cluster

    response = client_for(administrator).post(
        reverse("reports:report_create"),
        {
            "cycles": [report_cycle.pk], "title": "T", "agenda_item_number": "6",
            "session_place": "Vienna", "session_opens_on": "2027-05-17",
            "session_closes_on": "2027-05-21",
            "symbol": "E/CN.15/2027/13", "languages": ["en"], "reply_statuses": ["accepted"],
            "category": Category.objects.get(letter="a").pk,
            "cluster": Cluster.objects.get(letter="a").pk,
        },
    )  # fmt: skip
    assert response.status_code == 200 and b"Choose one scope" in response.content
    assert not Report.objects.exists()


def test_an_empty_title_is_the_usual_title_in_the_reports_language(
    client_for, administrator, report_cycle, django_capture_on_commit_callbacks
):
    from django.utils import translation

    from reports.compiling.services import DEFAULT_TITLE

    client = client_for(administrator)
    form = client.get(reverse("reports:report_create"))
    title_input = re.search(rb'<input[^>]*name="title"[^>]*>', form.content).group(0)
    assert b"value=" not in title_input  # no title in the requester's language offered
    data = {
        "cycles": [report_cycle.pk], "title": "", "agenda_item_number": "6",
        "session_place": "فيينا", "session_opens_on": "2027-05-17", "session_closes_on": "2027-05-21",
        "symbol": "E/CN.15/2027/13", "languages": ["ar"], "reply_statuses": ["accepted"],
    }  # fmt: skip
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(reverse("reports:report_create"), data)
    assert response.status_code == 302
    report = Report.objects.get()
    with translation.override("ar"):
        arabic = translation.gettext(DEFAULT_TITLE)
    assert arabic != DEFAULT_TITLE and report.title == arabic
