"""The outcome of a technical-assistance request (resolution 2003/30, annex, para. 40): a request
is completed only with what was delivered and an evaluation, revisions keep the earlier record,
the Secretariat records it on the request's page and the respondent's contact persons read it."""

import dataclasses
import datetime
from html import escape

import pytest
from django.urls import reverse

from surveys.assistance.outcomes import assistance_outcome_record, outcome_current
from surveys.assistance.services import AssistanceRefused, assistance_request_update
from surveys.models import AssistanceOutcome, OutcomeRating, RequestStatus
from tests.surveys.assistance.helpers import DELIVERED

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_progress(request_row, reviewer):
    for step in (RequestStatus.UNDER_ASSESSMENT, RequestStatus.MATCHED, RequestStatus.IN_PROGRESS):
        assistance_request_update(request=request_row, by=reviewer, status=step)
    request_row.refresh_from_db()
    return request_row


def _posted(facts=DELIVERED, **changes):
    """The outcome form's fields as posted: one input per language for the texts."""
    posted = {}
    for name, value in {**dataclasses.asdict(facts), **changes}.items():
        if isinstance(value, dict):
            posted.update({f"{name}_{code}": text for code, text in value.items()})
        else:
            posted[name] = "" if value is None else str(value)
    return posted


def test_completing_by_the_status_alone_is_refused_and_names_what_to_fill_in(in_progress, reviewer):
    with pytest.raises(AssistanceRefused, match="fill in what was delivered"):
        assistance_request_update(
            request=in_progress, by=reviewer, status=RequestStatus.COMPLETED, note="Done."
        )
    in_progress.refresh_from_db()
    assert in_progress.status == RequestStatus.IN_PROGRESS
    assert not AssistanceOutcome.objects.exists()


def test_the_page_refuses_an_outcome_without_what_was_delivered_naming_the_field(
    client_for, in_progress, reviewer
):
    notes = in_progress.notes.count()
    response = client_for(reviewer).post(
        reverse("surveys:assistance_outcome", args=[in_progress.pk]),
        _posted(delivered={"en": "  ", "fr": ""}),
    )
    assert response.status_code == 422
    summary = response.content.decode()
    assert "There is 1 problem" in summary
    assert "What was delivered: The text is required in: en." in summary
    assert 'id="id_delivered_0"' in summary  # the summary links to the English input
    in_progress.refresh_from_db()
    assert in_progress.status == RequestStatus.IN_PROGRESS
    assert in_progress.notes.count() == notes and not AssistanceOutcome.objects.exists()


def test_a_period_that_ends_before_it_begins_is_refused(client_for, in_progress, reviewer):
    response = client_for(reviewer).post(
        reverse("surveys:assistance_outcome", args=[in_progress.pk]),
        _posted(delivered_until=datetime.date(2027, 2, 1)),
    )
    assert response.status_code == 422
    assert "Until: The end of the period comes before its beginning." in response.content.decode()
    assert not AssistanceOutcome.objects.exists()


def test_the_outcome_completes_the_request_with_a_note_in_its_history(
    client_for, in_progress, reviewer
):
    client = client_for(reviewer)
    response = client.post(reverse("surveys:assistance_outcome", args=[in_progress.pk]), _posted())
    assert response.status_code == 302
    in_progress.refresh_from_db()
    assert in_progress.status == RequestStatus.COMPLETED
    outcome = AssistanceOutcome.objects.get()
    assert (outcome.delivered, outcome.rating, outcome.by) == (
        DELIVERED.delivered,
        OutcomeRating.PARTLY_MET,
        reviewer,
    )
    assert (outcome.delivered_from, outcome.delivered_until) == (
        datetime.date(2027, 3, 1),
        datetime.date(2027, 3, 12),
    )
    note = outcome.note
    assert (note.from_status, note.to_status, note.by) == ("in_progress", "completed", reviewer)
    page = client.get(reverse("surveys:assistance_detail", args=[in_progress.pk])).content.decode()
    assert escape(DELIVERED.delivered["en"]) in page and "Objectives partly met" in page
    assert "Revise the outcome" in page


def test_a_revision_needs_a_reason_and_keeps_the_earlier_outcome(in_progress, reviewer):
    first = assistance_outcome_record(request=in_progress, facts=DELIVERED, by=reviewer)
    better = dataclasses.replace(
        DELIVERED, rating=OutcomeRating.MET, evaluation={"en": "All registers."}
    )
    with pytest.raises(AssistanceRefused, match="why the outcome is revised"):
        assistance_outcome_record(request=in_progress, facts=better, by=reviewer)
    second = assistance_outcome_record(
        request=in_progress, facts=better, by=reviewer, reason="The follow-up visit in May."
    )
    in_progress.refresh_from_db()
    assert outcome_current(in_progress) == second
    first.refresh_from_db()
    assert (first.rating, first.evaluation) == (DELIVERED.rating, DELIVERED.evaluation)
    assert second.note.text.splitlines() == ["Outcome revised.", "The follow-up visit in May."]
    assert list(in_progress.outcomes.order_by("pk")) == [first, second]


def test_a_request_not_in_progress_gets_no_outcome(request_row, reviewer):
    with pytest.raises(AssistanceRefused, match="this one is received"):
        assistance_outcome_record(request=request_row, facts=DELIVERED, by=reviewer)


def test_the_contact_persons_of_the_state_read_the_outcome_and_nobody_else_does(
    client_for, in_progress, reviewer, lead, state_b_contact, delegate
):
    assistance_outcome_record(request=in_progress, facts=DELIVERED, by=reviewer)
    url = reverse("surveys:respondent_assistance", args=[in_progress.respondent.code])
    page = client_for(lead).get(url)
    assert page.status_code == 200
    text = page.content.decode()
    # The lead reads French: the outcome in French.
    assert escape(DELIVERED.delivered["fr"]) in text and escape(DELIVERED.evaluation["fr"]) in text
    assert 'data-rating="partly_met"' in text
    assert client_for(reviewer).get(url).status_code == 200
    assert client_for(state_b_contact).get(url).status_code == 403
    assert client_for(delegate).get(url).status_code == 403
    assert client_for(None).get(url).status_code == 302
    home = client_for(lead).get(reverse("home")).content.decode()
    assert url in home


def test_only_the_secretariat_records_an_outcome(client_for, in_progress, lead, delegate):
    url = reverse("surveys:assistance_outcome", args=[in_progress.pk])
    for user in (lead, delegate):
        assert client_for(user).post(url, _posted()).status_code == 403
    assert client_for(None).post(url, _posted()).status_code == 302
    assert not AssistanceOutcome.objects.exists()


def test_the_respondents_page_makes_as_many_queries_for_1_request_as_for_3(
    client_for, in_progress, reviewer, lead, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assistance_outcome_record(request=in_progress, facts=DELIVERED, by=reviewer)
    client = client_for(lead)
    url = reverse("surveys:respondent_assistance", args=[in_progress.respondent.code])
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _copy in range(2):
        in_progress.pk = None
        in_progress.answer = None
        in_progress.save()
        assistance_outcome_record(request=in_progress, facts=DELIVERED, by=reviewer, reason="x")
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(url)
