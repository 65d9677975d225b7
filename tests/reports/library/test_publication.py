"""Publishing a report version: administrators only, only a compiled version, to the delegates
(an advance copy) or to everyone; once published, the version never changes, and the database
refuses it too. A new version is published beside it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse

from portal.jobs import JobStatus
from reports.library.publication import PublishRefused, report_publish
from reports.models import Audience, Report
from surveys.models import Cycle
from tests.reports.library_data import compiled_report, tiny_pdf
from tests.surveys.replies import open_cycle

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def report(administrator):
    return compiled_report(administrator)


def test_an_administrator_publishes_a_ready_version_to_the_delegates(report, administrator):
    published = report_publish(report=report, by=administrator, audience="delegates")
    published.refresh_from_db()
    assert published.audience == Audience.DELEGATES
    assert published.published_by == administrator and published.published_at is not None


def test_an_advance_copy_can_be_made_public_later(report, administrator):
    first = report_publish(report=report, by=administrator, audience="delegates").published_at
    public = report_publish(report=report, by=administrator, audience="public")
    public.refresh_from_db()
    assert public.audience == Audience.PUBLIC and public.published_at >= first


def test_a_public_version_is_never_narrowed_nor_published_twice(report, administrator):
    report_publish(report=report, by=administrator, audience="public")
    for audience in ("delegates", "public"):
        with pytest.raises(PublishRefused):
            report_publish(report=report, by=administrator, audience=audience)
    report.refresh_from_db()
    assert report.audience == Audience.PUBLIC


@pytest.mark.parametrize("actor", ["reviewer", "delegate", "state_a_contact"])
def test_only_administrators_publish(report, actor, request):
    with pytest.raises(PermissionDenied):
        report_publish(report=report, by=request.getfixturevalue(actor), audience="public")
    report.refresh_from_db()
    assert report.published_at is None


@pytest.mark.parametrize("status", [JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.FAILED])
def test_a_version_that_is_not_compiled_cannot_be_published(administrator, status):
    report = compiled_report(administrator, status=status)
    with pytest.raises(PublishRefused):
        report_publish(report=report, by=administrator, audience="public")
    report.refresh_from_db()
    assert report.published_at is None


def test_an_unknown_audience_is_refused(report, administrator):
    with pytest.raises(PublishRefused):
        report_publish(report=report, by=administrator, audience="everybody")


# --- The database keeps a published version as it was --------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        {"pdf": "reports/1/other.pdf"},
        {"xlsx": "reports/1/other.xlsx"},
        {"figures": {"replies": 13}},
        {"symbol": "E/CN.15/2027/14"},
        {"language": "fr"},
        {"number": 7},
        {"title": "Another title"},
        {"status": JobStatus.FAILED},
        {"published_at": None},
        {"audience": Audience.DELEGATES},
    ],
)
def test_the_database_refuses_to_change_a_published_version(report, administrator, change):
    report_publish(report=report, by=administrator, audience="public")
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.filter(pk=report.pk).update(**change)
    kept = Report.objects.get(pk=report.pk)
    assert (kept.symbol, kept.number, kept.figures) == ("E/CN.15/2027/13", 1, {"replies": 12})
    assert kept.pdf.read() == tiny_pdf()


def test_the_database_refuses_to_delete_a_published_version(report, administrator):
    report_publish(report=report, by=administrator, audience="delegates")
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.filter(pk=report.pk).delete()
    with pytest.raises(IntegrityError), transaction.atomic():
        report.delete()
    assert Report.objects.filter(pk=report.pk).exists()


def test_the_database_refuses_to_change_the_cycles_of_a_published_version(report, administrator):
    cycle = open_cycle(administrator)
    report.cycles.add(cycle)
    report_publish(report=report, by=administrator, audience="public")
    other = Cycle.objects.create(
        version=cycle.version, title={"en": "Another"}, opens_on=cycle.opens_on, deadline=cycle.deadline,
        commission_session=cycle.commission_session, created_by=administrator,
    )  # fmt: skip
    with pytest.raises(IntegrityError), transaction.atomic():
        report.cycles.add(other)
    with pytest.raises(IntegrityError), transaction.atomic():
        report.cycles.remove(cycle)
    assert list(report.cycles.all()) == [cycle]


def test_the_database_lets_an_advance_copy_become_public_and_nothing_else(report, administrator):
    report_publish(report=report, by=administrator, audience="delegates")
    with pytest.raises(IntegrityError), transaction.atomic():  # the same audience, a new date
        Report.objects.filter(pk=report.pk).update(published_by=None)
    Report.objects.filter(pk=report.pk).update(audience=Audience.PUBLIC)
    assert Report.objects.get(pk=report.pk).audience == Audience.PUBLIC


def test_an_unpublished_version_can_still_change_and_be_deleted(report):
    Report.objects.filter(pk=report.pk).update(title="Corrected title", status=JobStatus.FAILED)
    report.delete()
    assert not Report.objects.filter(pk=report.pk).exists()


def test_a_new_version_is_published_beside_the_published_one(report, administrator):
    report_publish(report=report, by=administrator, audience="public")
    second = compiled_report(administrator, number=2)
    report_publish(report=second, by=administrator, audience="public")
    versions = Report.objects.filter(symbol=report.symbol, published_at__isnull=False)
    assert sorted(versions.values_list("number", flat=True)) == [1, 2]


# --- The form on the staff report page ------------------------------------------------------


def test_the_publish_form_publishes_for_an_administrator(report, administrator, client_for):
    client = client_for(administrator)
    response = client.post(
        reverse("reports:report_publish", args=[report.pk]), {"audience": "public"}
    )
    assert response.status_code == 302 and response.url.endswith("#publication")
    report.refresh_from_db()
    assert report.audience == Audience.PUBLIC


def test_the_publish_form_shows_why_it_refused(administrator, client_for):
    failed = compiled_report(administrator, status=JobStatus.FAILED)
    client = client_for(administrator)
    response = client.post(
        reverse("reports:report_publish", args=[failed.pk]), {"audience": "public"}, follow=True
    )
    assert "Only a compiled report" in response.content.decode()
    failed.refresh_from_db()
    assert failed.published_at is None


@pytest.mark.parametrize("actor", [None, "reviewer", "delegate", "state_a_contact"])
def test_nobody_else_can_post_the_publish_form(report, actor, request, client_for):
    client = client_for(request.getfixturevalue(actor) if actor else None)
    response = client.post(
        reverse("reports:report_publish", args=[report.pk]), {"audience": "public"}
    )
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.published_at is None


def test_the_publication_partial_offers_the_form_to_administrators_only(
    report, administrator, reviewer, rf
):
    from django.template.loader import render_to_string

    def partial(user):
        request = rf.get("/")
        request.user = user
        return render_to_string(
            "reports/library/_publication.html", {"report": report, "user": user}, request
        )

    assert 'data-testid="publish-form"' in partial(administrator)
    assert 'value="delegates"' in partial(administrator)
    assert 'data-testid="publish-form"' not in partial(reviewer)
    report_publish(report=report, by=administrator, audience="delegates")
    report.refresh_from_db()
    html = partial(administrator)
    assert "Advance copy for delegates" in html and 'value="delegates"' not in html
    report_publish(report=report, by=administrator, audience="public")
    report.refresh_from_db()
    html = partial(administrator)
    assert "Published to everyone" in html and 'data-testid="publish-form"' not in html
