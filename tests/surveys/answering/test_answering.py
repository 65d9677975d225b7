"""Answering in the browser: the overview, who may open a reply, one page per section, and two
people on one reply (issue 4, points 3-5). Saving a section, autosave and the section page's
queries have their own modules."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone

from portal.models import Respondent
from surveys.models import Answer, CycleInvitation
from tests.surveys.answering.helpers import (
    answer,
    autosave_url,
    block,
    question,
    save,
    section,
    section_url,
)
from tests.surveys.replies import open_cycle, reply_for

pytestmark = pytest.mark.django_db


def test_the_overview_shows_deadline_status_and_progress_per_section(
    reply, state_a_contact, client_for
):
    CycleInvitation.objects.filter(cycle=reply.cycle, respondent=reply.respondent).update(
        extended_deadline=datetime.date(2027, 3, 15)
    )
    save(reply, "A.1", "120", state_a_contact)
    save(reply, "A.2", "yes", state_a_contact)
    page = client_for(state_a_contact).get(f"/questionnaires/replies/{reply.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Sample questionnaire" in html and "Test cycle 2027" in html
    assert "15 March 2027" in html  # the invitation's extended deadline, not the cycle's
    assert "In progress" in html
    # The required A.1 is answered; A.2 = yes makes A.2.1 relevant: 1 of 5 optional in A; B.2
    # stays hidden (B.1 has no "probation") and B has no required question.
    assert "1 of 1 required question done · 1 of 5 optional questions answered" in html
    assert "0 of 5 optional questions answered" in html
    assert html.count('class="answer-overview__link"') == 2
    assert section_url(reply, "A") in html and section_url(reply, "B") in html
    assert 'data-action="answer"' in html and "Continue answering" in html


def test_continue_answering_opens_the_first_section_with_a_required_question_open(
    reply, state_a_contact, client_for
):
    client = client_for(state_a_contact)
    response = client.get(f"/questionnaires/replies/{reply.pk}/answer/")
    assert response.status_code == 302 and response.url == section_url(reply, "A")
    save(reply, "A.1", "12", state_a_contact)
    response = client.get(f"/questionnaires/replies/{reply.pk}/answer/")
    assert response.url == section_url(reply, "A")  # nothing required is open: the first


# --- Who may open a reply ------------------------------------------------------------------------


def _every_url(reply):
    return [
        ("get", f"/questionnaires/replies/{reply.pk}/"),
        ("get", f"/questionnaires/replies/{reply.pk}/answer/"),
        ("get", section_url(reply, "A")),
        ("post", section_url(reply, "A")),
        ("get", autosave_url(reply, "A.1")),
        ("post", autosave_url(reply, "A.1")),
    ]


def test_a_contact_person_of_another_state_gets_404_on_every_url_of_the_reply(
    reply, state_a_contact, state_b_contact, client_for
):
    save(reply, "A.1", "120", state_a_contact)
    client = client_for(state_b_contact)
    for method, url in _every_url(reply):
        data = {"answer-A.1": "7", "base-A.1": "1"} if method == "post" else None
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, (method, url)
        assert "Kenya" not in response.content.decode()
    assert answer(reply, "A.1").value == "120"


def test_a_delegate_is_refused_and_a_visitor_is_sent_to_log_in(reply, delegate, client_for):
    client = client_for(delegate)
    for method, url in _every_url(reply):
        assert getattr(client, method)(url).status_code == 403, (method, url)
    client = client_for(None)
    for method, url in _every_url(reply):
        response = getattr(client, method)(url)
        if "/answers/" in url:
            # A script posts there: a refusal, never a log-in page that could pass for a save.
            assert response.status_code == 403, (method, url)
        else:
            assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not Answer.objects.exists()


def test_the_secretariat_reads_a_reply_but_cannot_change_it(
    reply, state_a_contact, reviewer, client_for
):
    save(reply, "A.1", "120", state_a_contact)
    client = client_for(reviewer)
    assert client.get(f"/questionnaires/replies/{reply.pk}/").status_code == 200
    page = client.get(section_url(reply)).content.decode()
    assert 'data-testid="read-only"' in page and "Only the contact persons" in page
    assert re.search(r'name="answer-A.1" value="120"[^>]*disabled', page)
    assert 'name="go"' not in page and "hx-post" not in page
    assert client.get(autosave_url(reply, "A.1")).status_code == 200
    assert client.post(section_url(reply), {"answer-A.1": "7"}).status_code == 403
    assert client.post(autosave_url(reply, "A.1"), {"answer-A.1": "7"}).status_code == 403
    assert answer(reply, "A.1").value == "120"


def test_a_section_or_question_of_another_questionnaire_is_not_found(
    reply, administrator, state_a_contact, client_for
):
    other = reply_for(open_cycle(administrator, codes=("KEN",)), "KEN")
    client = client_for(state_a_contact)
    foreign_section = section(other, "A").pk
    foreign_question = question(other, "A.1").pk
    base = f"/questionnaires/replies/{reply.pk}"
    assert client.get(f"{base}/sections/{foreign_section}/").status_code == 404
    assert (
        client.post(f"{base}/answers/{foreign_question}/", {"answer-A.1": "1"}).status_code == 404
    )
    # A file question has no autosave: its files go to the attachments.
    assert client.post(autosave_url(reply, "B.5"), {"answer-B.5": "x"}).status_code == 404


# --- The section page ----------------------------------------------------------------------------


def test_each_question_is_rendered_by_its_type(reply, state_a_contact, client_for):
    client = client_for(state_a_contact)
    a = client.get(section_url(reply, "A")).content.decode()
    assert 'name="answer-A.1" inputmode="numeric"' in a and "persons</span>" in a
    assert "Between 0 and 1,000,000." in block(a, "A.1")
    assert re.search(r'type="radio"[^>]*name="answer-A.2" value="yes"', a)
    assert "form-check-inline" in block(a, "A.2")  # a fixed scale reads on one line
    for label in ("Yes", "No", "Partly", "Don&#x27;t know"):
        assert label in block(a, "A.4")
    assert "Other, please specify" in block(a, "A.2.1")
    assert 'data-other-of="id_answer-A.2.1_2"' in a and 'name="other-A.2.1"' in a
    assert 'type="date" name="answer-A.5"' in a
    b = client.get(section_url(reply, "B")).content.decode()
    assert re.search(r'type="checkbox"[^>]*name="answer-B.1" value="community_service"', b)
    assert 'name="answer-B.2-probation"' in b and 'name="answer-B.2-fine"' in b
    assert re.search(
        r'<label class="answer-table__cell" for="id_answer-B.2-fine-1"><input [^>]*>'
        r'<span class="visually-hidden">Fine: </span><span class="answer-table__column">Partly</span>',
        b,
    )
    assert '<textarea name="answer-B.4"' in b and "Be specific." in b
    assert (
        f"/questionnaires/replies/{reply.pk}/attachments/?question={question(reply, 'B.5').pk}" in b
    )
    assert 'name="answer-B.5"' not in b  # no upload here: another page takes the files
    # Every field starts from the revision it was loaded at.
    assert 'name="base-B.3" id="base-' in b


def test_the_page_has_previous_and_next_section_links_and_progress(
    reply, state_a_contact, client_for
):
    client = client_for(state_a_contact)
    a = client.get(section_url(reply, "A")).content.decode()
    b = client.get(section_url(reply, "B")).content.decode()
    assert 'rel="next"' in a and 'rel="prev"' not in a and section_url(reply, "B") in a
    assert 'rel="prev"' in b and 'rel="next"' not in b
    assert 'value="next"' in a and 'value="next"' not in b
    assert "0 of 1 required question done · 0 of 4 optional questions answered" in a
    assert "0 of 1 required question done · 0 of 9 optional questions answered" in a


def test_the_questionnaire_reads_in_any_language_with_fallbacks_marked(
    reply, state_a_contact, client_for
):
    client = client_for(state_a_contact)
    french = client.get(section_url(reply, "A", "?language=fr")).content.decode()
    assert '<div class="answer-page" lang="fr" dir="ltr">' in french
    assert "Combien de détenus ?" in french and "Personnes détenues" in french
    assert "Oui" in block(french, "A.2") and "Autre (veuillez préciser)" in french
    assert "?language=fr" in block(french, "A.1")  # autosave answers in the same language
    assert f"{section_url(reply, 'B')}?language=fr" in french  # and the links keep it
    arabic = client.get(section_url(reply, "A", "?language=ar")).content.decode()
    assert '<div class="answer-page" lang="ar" dir="rtl">' in arabic
    assert "الأشخاص المحتجزون" in arabic and "نعم" in block(arabic, "A.2")
    # No Arabic text for A.1: the original language (English) is shown, marked as such.
    assert '<span lang="en" dir="ltr">How many prisoners?</span>' in arabic


def test_the_questionnaire_follows_the_portal_language_by_default(
    reply, state_a_contact, client_for
):
    client = client_for(state_a_contact)
    client.cookies["portal_language"] = "fr"
    page = client.get(section_url(reply, "A")).content.decode()
    assert '<html lang="fr"' in page and "Combien de détenus ?" in page


def test_a_question_is_hidden_until_its_condition_holds(reply, state_a_contact, client_for):
    client = client_for(state_a_contact)
    page = client.get(section_url(reply)).content.decode()
    assert re.search(r'data-question="A.2.1" data-relevant-question="A.2"[^>]* hidden', page)
    save(reply, "A.2", "yes", state_a_contact)
    page = client.get(section_url(reply)).content.decode()
    assert not re.search(r'data-question="A.2.1"[^>]* hidden', page)


def test_a_condition_on_an_earlier_section_gets_that_answer_for_the_browser(
    reply, state_a_contact, client_for
):
    save(reply, "A.1", "0", state_a_contact)
    page = client_for(state_a_contact).get(section_url(reply, "B")).content.decode()
    # B.6 is shown when A.1 != 0: relevance.js needs A.1's answer, which is on another page.
    assert '<div class="answer-context" data-question="A.1"' in page
    assert '<input type="hidden" name="answer-A.1" value="0" disabled>' in page
    assert re.search(r'data-question="B.6"[^>]* hidden', page)


# --- Links, time zones and outsiders ---------------------------------------------------------


def test_the_section_page_of_the_overview_is_linked_from_the_actions(
    reply, state_a_contact, client_for
):
    page = client_for(state_a_contact).get(f"/questionnaires/replies/{reply.pk}/").content.decode()
    assert f'href="/questionnaires/replies/{reply.pk}/answer/"' in page


def test_dates_and_times_are_shown_in_the_portal_time_zone(
    reply, state_a_contact, colleague, client_for, settings
):
    settings.TIME_ZONE = "Africa/Nairobi"
    with time_machine.travel(datetime.datetime(2026, 11, 20, 22, 30, tzinfo=datetime.UTC)):
        save(reply, "A.5", "2026-01-01", colleague)
    page = client_for(state_a_contact).get(section_url(reply)).content.decode()
    assert "Last changed by Amina Wanjiru on 21 November 2026 at 01:30 EAT." in page
    assert timezone.get_current_timezone_name() == "Africa/Nairobi"


def test_a_respondent_other_than_the_invited_gets_no_reply_page(
    administrator, reference_data, state_b_contact, client_for
):
    cycle = open_cycle(administrator, codes=("KEN",))
    reply = reply_for(cycle, "KEN")
    assert Respondent.objects.get(code="SEN") != reply.respondent
    assert client_for(state_b_contact).get(section_url(reply)).status_code == 404
