"""Country presentations' pages: Secretariat staff ask for them and read them, administrators
publish them only with the respondent's consent, and the library serves published ones to the
audience they were published to. Everyone else is refused, and an address reveals nothing."""

import pytest
from django.urls import reverse

from portal.jobs import JobStatus
from reports.presentations.models import Presentation
from reports.presentations.services import PresentationRefused, presentation_publish
from surveys.models import Reply
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401
from tests.reports.presentations.helpers import compiled

pytestmark = pytest.mark.django_db

LIBRARY = reverse("reports:library")


@pytest.fixture
def presentation(administrator, report_cycle, django_capture_on_commit_callbacks):
    [presentation] = compiled(administrator, django_capture_on_commit_callbacks)
    return presentation


def consent(cycle, agreed=True):
    Reply.objects.filter(cycle=cycle, respondent__code="KEN").update(may_publish=agreed)


def staff_pages(presentation):
    return [
        reverse("reports:presentation_index"),
        reverse("reports:presentation_create"),
        reverse("reports:presentation_detail", args=[presentation.pk]),
        reverse("reports:presentation_progress", args=[presentation.pk]),
        reverse("reports:presentation_pdf", args=[presentation.pk]),
    ]


def test_outsiders_are_refused_the_staff_pages(presentation, client_for, state_a_contact, delegate):
    for page in staff_pages(presentation):
        response = client_for(None).get(page)
        assert response.status_code == 302 and "/login" in response["Location"], page
        # Kenya's own contact person and a delegate are not the Secretariat.
        assert client_for(state_a_contact).get(page).status_code == 403, page
        assert client_for(delegate).get(page).status_code == 403, page
    for user in (None, state_a_contact, delegate):
        client = client_for(user)
        refused = 302 if user is None else 403  # a visitor is sent to log in
        publish = reverse("reports:presentation_publish", args=[presentation.pk])
        assert client.post(publish, {"audience": "public"}).status_code == refused
        retry = reverse("reports:presentation_retry", args=[presentation.pk])
        assert client.post(retry).status_code == refused
    presentation.refresh_from_db()
    assert not presentation.is_published


def test_an_unpublished_presentation_is_not_in_the_library(
    presentation, client_for, state_a_contact, delegate, reviewer
):
    url = reverse("reports:library_presentation_pdf", args=[presentation.pk])
    for user in (None, state_a_contact, delegate):
        assert client_for(user).get(url).status_code == 404
        assert b"library-presentations" not in client_for(user).get(LIBRARY).content
    # The Secretariat reads it before it is published.
    assert client_for(reviewer).get(url).status_code == 200


def test_a_reviewer_asks_for_a_presentation_in_two_languages(
    reviewer, report_cycle, client_for, django_capture_on_commit_callbacks
):
    from clusters.models import Cluster
    from portal.models import Respondent

    kenya, cluster = Respondent.objects.get(code="KEN"), Cluster.objects.get(letter="a")
    client = client_for(reviewer)
    page = client.get(reverse("reports:presentation_create")).content.decode()
    assert f'value="{kenya.pk}"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:presentation_create"),
            {"respondent": kenya.pk, "cluster": cluster.pk, "languages": ["en", "fr"]},
        )
    assert response.status_code == 302
    made = Presentation.objects.filter(respondent=kenya, cluster=cluster)
    assert sorted(made.values_list("language", "status")) == [
        ("en", JobStatus.READY),
        ("fr", JobStatus.READY),
    ]
    detail = client.get(reverse("reports:presentation_detail", args=[made[0].pk]))
    assert b'data-testid="presentation-pdf"' in detail.content


def test_a_request_without_a_language_is_refused_with_a_message(reviewer, report_cycle, client_for):
    from clusters.models import Cluster
    from portal.models import Respondent

    kenya, cluster = Respondent.objects.get(code="KEN"), Cluster.objects.get(letter="a")
    response = client_for(reviewer).post(
        reverse("reports:presentation_create"), {"respondent": kenya.pk, "cluster": cluster.pk}
    )
    assert response.status_code == 200
    assert "Languages: choose at least one." in response.content.decode()
    assert not Presentation.objects.exists()


def test_publication_is_refused_without_the_respondents_consent(
    presentation, report_cycle, administrator, client_for
):
    consent(report_cycle, agreed=False)
    with pytest.raises(PresentationRefused, match="has not agreed to the publication"):
        presentation_publish(presentation=presentation, by=administrator, audience="public")
    client = client_for(administrator)
    detail = reverse("reports:presentation_detail", args=[presentation.pk])
    assert b'data-testid="publish-form"' not in client.get(detail).content
    response = client.post(
        reverse("reports:presentation_publish", args=[presentation.pk]),
        {"audience": "public"},
        follow=True,
    )
    assert "has not agreed to the publication of its reply" in response.content.decode()
    presentation.refresh_from_db()
    assert not presentation.is_published
    # A consent that was never given (no answer) is not a consent either.
    consent(report_cycle, agreed=None)
    with pytest.raises(PresentationRefused):
        presentation_publish(presentation=presentation, by=administrator, audience="public")


def test_a_reviewer_may_not_publish(presentation, report_cycle, reviewer, client_for):
    consent(report_cycle)
    response = client_for(reviewer).post(
        reverse("reports:presentation_publish", args=[presentation.pk]), {"audience": "public"}
    )
    assert response.status_code == 403
    presentation.refresh_from_db()
    assert not presentation.is_published


def test_a_presentation_published_with_consent_is_in_the_library_for_its_audience(
    presentation, report_cycle, administrator, client_for, delegate, state_b_contact
):
    consent(report_cycle)
    client = client_for(administrator)
    client.post(
        reverse("reports:presentation_publish", args=[presentation.pk]), {"audience": "delegates"}
    )
    presentation.refresh_from_db()
    assert presentation.audience == "delegates" and presentation.is_published
    url = reverse("reports:library_presentation_pdf", args=[presentation.pk])
    # An advance copy: delegates read it (kept by no shared cache), the public does not.
    advance = client_for(delegate).get(url)
    assert advance.status_code == 200 and "private" in advance["Cache-Control"]
    assert b'data-testid="library-presentation"' in client_for(delegate).get(LIBRARY).content
    for user in (None, state_b_contact):
        assert client_for(user).get(url).status_code == 404
        assert b'data-testid="library-presentation"' not in client_for(user).get(LIBRARY).content
    presentation_publish(presentation=presentation, by=administrator, audience="public")
    response = client_for(None).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "public" in response["Cache-Control"] and response["X-Content-Type-Options"] == "nosniff"
    listing = client_for(None).get(LIBRARY).content.decode()
    assert 'data-respondent="KEN" data-language="en"' in listing


def test_compiling_again_makes_a_new_version_and_keeps_the_first(
    presentation, reviewer, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(reviewer).post(
            reverse("reports:presentation_again", args=[presentation.pk])
        )
    new = Presentation.objects.exclude(pk=presentation.pk).get()
    assert response["Location"] == reverse("reports:presentation_detail", args=[new.pk])
    assert (new.number, new.status, new.language) == (2, JobStatus.READY, "en")
    presentation.refresh_from_db()
    assert presentation.status == JobStatus.READY and presentation.pdf


def test_the_list_makes_the_same_queries_for_one_presentation_or_six(
    presentation, reviewer, client_for, django_assert_num_queries
):
    from reports.presentations.services import presentation_request

    client = client_for(reviewer)
    client.get(reverse("reports:presentation_index"))
    with django_assert_num_queries(4) as few:
        client.get(reverse("reports:presentation_index"))
    presentation_request(
        respondent=presentation.respondent,
        cluster=presentation.cluster,
        languages=["fr", "es", "ru", "zh-hans", "ar"],
        by=reviewer,
        enqueue=False,
    )
    with django_assert_num_queries(len(few.captured_queries)):
        page = client.get(reverse("reports:presentation_index")).content.decode()
    assert page.count("data-presentation=") == 6


def test_a_consent_withdrawn_since_takes_the_presentation_out_of_the_library(
    presentation, report_cycle, administrator, client_for, reviewer
):
    consent(report_cycle)
    presentation_publish(presentation=presentation, by=administrator, audience="public")
    url = reverse("reports:library_presentation_pdf", args=[presentation.pk])
    assert client_for(None).get(url).status_code == 200
    # Kenya resubmits its reply, now saying it may not be published.
    consent(report_cycle, agreed=False)
    assert client_for(None).get(url).status_code == 404
    assert b"library-presentation" not in client_for(None).get(LIBRARY).content
    # The Secretariat still reads it.
    assert client_for(reviewer).get(url).status_code == 200
