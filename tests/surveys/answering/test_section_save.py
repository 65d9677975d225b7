"""Saving a section with its button, without JavaScript: valid values saved, invalid ones refused
beside their field, a stale form shown with the other person's value (issue 4, points 3-5)."""

import re

import pytest

from surveys.models import AnswerChange, Channel, ReplyStatus
from tests.surveys.answering.helpers import answer, autosave_url, block, question, save, section_url

pytestmark = pytest.mark.django_db


def test_the_section_saves_with_its_button(reply, state_a_contact, client_for):
    client = client_for(state_a_contact)
    response = client.post(
        section_url(reply, "A"),
        {"answer-A.1": "1 200", "base-A.1": "0", "answer-A.2": "yes", "base-A.2": "0",
         "answer-A.2.1": "other", "other-A.2.1": "Quarterly", "base-A.2.1": "0",
         "answer-A.3": "", "base-A.3": "0", "answer-A.5": "2026-12-31", "base-A.5": "0"},
    )  # fmt: skip
    assert response.status_code == 302 and response.url == section_url(reply, "A")
    assert answer(reply, "A.1").value == "1200"
    assert (answer(reply, "A.2.1").value, answer(reply, "A.2.1").other_text) == (
        "other", "Quarterly",
    )  # fmt: skip
    assert answer(reply, "A.3") is None  # an empty field creates nothing
    assert set(AnswerChange.objects.values_list("channel", flat=True)) == {Channel.WEB}
    page = client.get(response.url).content.decode()
    assert "Your answers were saved at" in page
    assert 'name="answer-A.1" value="1200"' in page and 'name="base-A.1" id="base-' in page
    assert re.search(r'name="base-A.1" id="base-\d+" value="1"', page)


def test_save_and_next_goes_to_the_next_section(reply, state_a_contact, client_for):
    response = client_for(state_a_contact).post(
        section_url(reply, "A", "?language=fr"),
        {"answer-A.2": "no", "base-A.2": "0", "go": "next"},
    )
    assert response.url == section_url(reply, "B", "?language=fr")
    assert answer(reply, "A.2").value == "no"


def test_a_table_and_a_multiple_choice_save_from_the_form(reply, state_a_contact, client_for):
    client_for(state_a_contact).post(
        section_url(reply, "B"),
        {"answer-B.1": ["fine", "probation"], "base-B.1": "0",
         "answer-B.2-probation": "fully", "answer-B.2-fine": "partly", "base-B.2": "0"},
    )  # fmt: skip
    assert answer(reply, "B.1").value == ["probation", "fine"]
    assert answer(reply, "B.2").value == {"probation": "fully", "fine": "partly"}


def test_an_invalid_value_is_refused_beside_its_field_and_valid_ones_are_saved(
    reply, state_a_contact, client_for
):
    response = client_for(state_a_contact).post(
        section_url(reply, "A"),
        {"answer-A.1": "-5", "base-A.1": "0", "answer-A.3": "0.75", "base-A.3": "0"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert answer(reply, "A.1") is None and answer(reply, "A.3").value == "0.75"
    a1 = block(page, "A.1")
    assert 'id="id_answer-A.1_error"' in a1 and "A.1: the number must be at least 0." in a1
    assert re.search(
        r'<input type="text" name="answer-A.1" value="-5"[^>]*aria-invalid="true"'
        r'[^>]*aria-describedby="id_answer-A.1_helptext id_answer-A.1_error"',
        a1,
    )
    assert (
        'data-testid="problems"' in page and f'href="#question-{question(reply, "A.1").pk}"' in page
    )
    assert re.search(r'name="base-A.3" id="base-\d+" value="1"', page)  # saved: new revision


def test_a_refused_choice_is_marked_on_its_fieldset_and_on_each_option(
    reply, state_a_contact, client_for
):
    page = (
        client_for(state_a_contact)
        .post(section_url(reply, "A"), {"answer-A.2": "perhaps", "base-A.2": "0"})
        .content.decode()
    )
    a2 = block(page, "A.2")
    # Screen readers read the message with the group; each option is marked invalid.
    assert re.search(r'<fieldset aria-describedby="[^"]*\bid_answer-A.2_error"', a2)
    assert re.search(
        r'<div id="id_answer-A.2_error" class="invalid-feedback"><p[^>]*><strong>A.2', a2
    )
    options = re.findall(r'<input type="radio" class="form-check-input is-invalid"[^>]*>', a2)
    assert len(options) == 2 and all('aria-invalid="true"' in o for o in options)
    assert 'id="id_answer-A.2_0"' in a2 and '<label for="id_answer-A.2_0"' in a2


def test_a_stale_form_save_shows_the_other_persons_value_and_overwrites_nothing(
    reply, state_a_contact, colleague, client_for
):
    save(reply, "A.1", "10", colleague)
    client = client_for(state_a_contact)
    response = client.post(section_url(reply, "A"), {"answer-A.1": "20", "base-A.1": "0"})
    page = response.content.decode()
    assert response.status_code == 200 and answer(reply, "A.1").value == "10"
    conflict = block(page, "A.1")
    assert "Not saved: Amina Wanjiru saved another answer to A.1" in conflict
    assert (
        '<span class="answer-conflict__theirs" data-testid="theirs">10 persons</span>' in conflict
    )
    assert 'name="answer-A.1" value="20"' in conflict  # mine stays in the field
    assert 'name="resolve-A.1" value="mine:1"' in conflict
    assert 'name="resolve-A.1" value="theirs"' in conflict
    # Keep mine: saved over theirs, knowingly.
    response = client.post(
        section_url(reply, "A"), {"answer-A.1": "20", "base-A.1": "0", "resolve-A.1": "mine:1"}
    )
    assert response.status_code == 302
    assert (answer(reply, "A.1").value, answer(reply, "A.1").revision) == ("20", 2)


def test_take_theirs_keeps_the_other_persons_answer(reply, state_a_contact, colleague, client_for):
    save(reply, "A.1", "10", colleague)
    response = client_for(state_a_contact).post(
        section_url(reply, "A"),
        {"answer-A.1": "20", "base-A.1": "0", "resolve-A.1": "theirs",
         "answer-A.2": "yes", "base-A.2": "0"},
    )  # fmt: skip
    assert response.status_code == 302
    assert answer(reply, "A.1").value == "10" and answer(reply, "A.2").value == "yes"


def test_an_answer_the_person_did_not_touch_is_not_a_conflict(
    reply, state_a_contact, colleague, client_for
):
    # The colleague answered A.3 after the page was loaded; the form posts A.3 as it was (empty).
    save(reply, "A.3", "0.9", colleague)
    response = client_for(state_a_contact).post(
        section_url(reply, "A"),
        {"answer-A.1": "5", "base-A.1": "0", "answer-A.3": "", "base-A.3": "0"},
    )
    assert response.status_code == 302
    assert answer(reply, "A.1").value == "5" and answer(reply, "A.3").value == "0.9"


def test_a_hidden_answer_is_kept_but_not_counted(reply, state_a_contact, client_for):
    client = client_for(state_a_contact)
    save(reply, "A.2", "yes", state_a_contact)
    save(reply, "A.2.1", "monthly", state_a_contact)
    client.post(
        section_url(reply, "A"),
        {"answer-A.2": "no", "base-A.2": "1", "answer-A.2.1": "monthly", "base-A.2.1": "1"},
    )
    assert answer(reply, "A.2.1").value == "monthly"
    page = client.get(section_url(reply, "A")).content.decode()
    assert re.search(r'data-question="A.2.1"[^>]* hidden', page)
    assert "0 of 1 required question done · 1 of 4 optional questions answered" in page


def test_a_submitted_reply_is_read_only(reply, state_a_contact, client_for):
    save(reply, "A.1", "120", state_a_contact)
    reply.status = ReplyStatus.SUBMITTED
    reply.save(update_fields=["status"])
    client = client_for(state_a_contact)
    page = client.get(section_url(reply)).content.decode()
    assert "This reply is submitted: its answers can no longer be changed here." in page
    assert 'name="go"' not in page and "hx-post" not in page and "autosave.js" not in page
    response = client.post(section_url(reply), {"answer-A.1": "7", "base-A.1": "1"}, follow=True)
    assert "can no longer be changed" in response.content.decode()
    response = client.post(autosave_url(reply, "A.1"), {"answer-A.1": "7", "base-A.1": "1"})
    assert response.status_code == 423
    assert answer(reply, "A.1").value == "120"
    overview = client.get(f"/questionnaires/replies/{reply.pk}/").content.decode()
    assert "Read the answers" in overview
