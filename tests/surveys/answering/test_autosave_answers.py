"""Autosave of one answer at a time: the new revision and the time saved, stale and invalid saves
refused, a fixed number of queries (issue 4, points 3-5)."""

import datetime
import re

import pytest
import time_machine

from surveys.models import Answer, AnswerChange, Channel
from tests.surveys.answering.helpers import answer, autosave_url, question, save

pytestmark = pytest.mark.django_db


def test_an_autosave_answers_saved_at_in_the_portal_time_zone_with_the_new_revision(
    reply, state_a_contact, client_for, settings
):
    settings.TIME_ZONE = "Africa/Nairobi"
    client = client_for(state_a_contact)
    with time_machine.travel(datetime.datetime(2026, 11, 20, 9, 5, tzinfo=datetime.UTC)):
        response = client.post(autosave_url(reply, "A.1"), {"answer-A.1": "42", "base-A.1": "0"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-autosave-result="saved" data-saved-at="12:05">Saved at 12:05' in html
    pk = question(reply, "A.1").pk
    assert (
        f'<input type="hidden" name="base-A.1" id="base-{pk}" value="1" hx-swap-oob="true">' in html
    )
    assert 'id="answering-progress" class="answer-progress" hx-swap-oob="true"' in html
    assert 'id="section-progress" class="answer-section-progress" hx-swap-oob="true"' in html
    assert "1 of 1 required question done · 0 of 4 optional questions answered" in html
    assert 'id="reply-status" data-testid="reply-status" hx-swap-oob="true">In progress' in html
    change = AnswerChange.objects.get()
    assert (change.new_value, change.channel, change.changed_by) == (
        "42", Channel.AUTOSAVE, state_a_contact,
    )  # fmt: skip


def test_an_autosave_sends_other_text_and_table_rows(reply, state_a_contact, client_for):
    client = client_for(state_a_contact)
    client.post(
        autosave_url(reply, "B.1"),
        {
            "answer-B.1": ["probation", "other"],
            "other-B.1": "Electronic monitoring",
            "base-B.1": "0",
        },
    )
    client.post(autosave_url(reply, "B.2"), {"answer-B.2-fine": "fully", "base-B.2": "0"})
    assert (answer(reply, "B.1").value, answer(reply, "B.1").other_text) == (
        ["probation", "other"], "Electronic monitoring",
    )  # fmt: skip
    assert answer(reply, "B.2").value == {"fine": "fully"}


def test_a_stale_autosave_is_refused_with_409_and_the_other_persons_value(
    reply, state_a_contact, colleague, client_for
):
    save(reply, "A.2", "yes", colleague)
    response = client_for(state_a_contact).post(
        autosave_url(reply, "A.2"), {"answer-A.2": "no", "base-A.2": "0"}
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "Amina Wanjiru saved another answer to A.2" in html
    assert '<span class="answer-conflict__theirs" data-testid="theirs">Yes</span>' in html
    assert 'data-keep-mine data-revision="1"' in html and "Take theirs" in html
    assert answer(reply, "A.2").value == "yes" and AnswerChange.objects.count() == 1


def test_a_stale_autosave_of_the_same_value_is_no_conflict(
    reply, state_a_contact, colleague, client_for
):
    save(reply, "A.2", "yes", colleague)
    response = client_for(state_a_contact).post(
        autosave_url(reply, "A.2"), {"answer-A.2": "yes", "base-A.2": "0"}
    )
    assert response.status_code == 200
    assert re.search(
        r'name="base-A.2" id="base-\d+" value="1" hx-swap-oob', response.content.decode()
    )


def test_an_invalid_autosave_is_refused_with_422_and_the_message(
    reply, state_a_contact, client_for
):
    response = client_for(state_a_contact).post(
        autosave_url(reply, "A.3"), {"answer-A.3": "0.2", "base-A.3": "0"}
    )
    assert response.status_code == 422
    assert (
        '<div class="invalid-feedback d-block answer-invalid" id="id_answer-A.3_error" '
        'data-autosave-result="invalid">A.3: the number must be at least 0.5.</div>'
    ) in response.content.decode()
    assert not Answer.objects.exists() or answer(reply, "A.3").value is None


def test_an_autosave_without_its_base_revision_is_refused(reply, state_a_contact, client_for):
    response = client_for(state_a_contact).post(autosave_url(reply, "A.1"), {"answer-A.1": "4"})
    assert response.status_code == 400 and answer(reply, "A.1") is None


def test_take_theirs_gives_the_question_as_saved(reply, state_a_contact, colleague, client_for):
    save(reply, "A.2.1", "other", colleague, other_text="Weekly")
    html = client_for(state_a_contact).get(autosave_url(reply, "A.2.1") + "?language=fr")
    html = html.content.decode()
    assert html.lstrip().startswith('<div class="answer-question"')
    assert re.search(r'name="answer-A.2.1" value="other"[^>]*checked', html)
    assert 'name="other-A.2.1" value="Weekly"' in html
    assert re.search(r'name="base-A.2.1" id="base-\d+" value="1"', html)
    assert "Amina Wanjiru" in html and "Mensuelle" in html  # in the questionnaire language


def test_an_autosave_makes_a_small_fixed_number_of_queries(
    reply, state_a_contact, client_for, django_assert_num_queries
):
    client = client_for(state_a_contact)
    url = autosave_url(reply, "A.1")
    client.post(url, {"answer-A.1": "1", "base-A.1": "0"})
    # session, user, reply (the approved version's questions, choices, sections are kept since
    # the first save); one transaction: savepoint (in a test; BEGIN in production), reply locked,
    # answer locked and its revision checked, change recorded, answer updated, release; progress
    # (answers, files)
    with django_assert_num_queries(11):
        response = client.post(url, {"answer-A.1": "2", "base-A.1": "1"})
    assert response.status_code == 200
    saved = answer(reply, "A.1")
    assert (saved.value, saved.revision) == ("2", 2)
    assert list(saved.changes.values_list("revision", "new_value")) == [(1, "1"), (2, "2")]
    # The revision check stays: a save from revision 1 is now stale, and nothing is written.
    # ... reply and answer locked, rollback, release; who saved the answer kept
    with django_assert_num_queries(9):
        stale = client.post(url, {"answer-A.1": "3", "base-A.1": "1"})
    assert stale.status_code == 409 and answer(reply, "A.1").revision == 2
