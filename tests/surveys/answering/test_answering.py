"""Answering in the browser: the overview, one page per section, autosave, and two people on one
reply (issue 4, points 3-5)."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone

from portal.models import Respondent
from portal.roles import Role
from surveys.answering.services import answer_save
from surveys.models import Answer, AnswerChange, Channel, CycleInvitation, ReplyStatus
from surveys.questionnaires.documents import document_from_dict
from tests.factories import user_with_role
from tests.surveys.replies import approved_version, open_cycle, reply_for
from tests.surveys.samples import SAMPLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def reply(administrator, reference_data):
    return reply_for(open_cycle(administrator), "KEN")


@pytest.fixture
def colleague(state_a_contact):
    """Kenya's second contact person, working on the same reply."""
    return user_with_role(
        Role.CONTACT_PERSON, state_a_contact.respondent, username="colleague",
        first_name="Amina", last_name="Wanjiru",
    )  # fmt: skip


def question(reply, code):
    return reply.cycle.version.questions.get(code=code)


def section(reply, code):
    return reply.cycle.version.sections.get(code=code)


def section_url(reply, code="A", query=""):
    return f"/questionnaires/replies/{reply.pk}/sections/{section(reply, code).pk}/{query}"


def autosave_url(reply, code):
    return f"/questionnaires/replies/{reply.pk}/answers/{question(reply, code).pk}/"


def save(reply, code, value, by, base=0, other_text=""):
    return answer_save(
        reply=reply, question=question(reply, code), value=value, other_text=other_text,
        base_revision=base, by=by, channel=Channel.WEB,
    )  # fmt: skip


def answer(reply, code):
    return Answer.objects.filter(reply=reply, question__code=code).first()


def block(page: str, code: str) -> str:
    """The HTML of one question's block on a section page."""
    start = page.index(f'data-question="{code}"')
    end = page.find('<div class="answer-question"', start)
    return page[start : end if end != -1 else None]


# --- The overview --------------------------------------------------------------------------------


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
    # A.2 = yes makes A.2.1 relevant: 2 of 6 in A; B.2 stays hidden (B.1 has no "probation").
    assert "2 of 6 answered" in html and "0 of 5 answered" in html
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
    assert "Between 0 and 1000000." in block(a, "A.1")
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
    assert "0 of 5 answered" in a and "0 of 10 questions answered" in a


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


# --- Saving without JavaScript -------------------------------------------------------------------


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
    assert "1 of 5 answered" in page


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


# --- Autosave ------------------------------------------------------------------------------------


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
    assert "1 of 5 answered" in html
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
    # session, user, reply, question, its choices; the save (savepoint, reply and answer locked,
    # change recorded, answer updated, release); progress (sections, questions, answers, files)
    with django_assert_num_queries(15):
        response = client.post(url, {"answer-A.1": "2", "base-A.1": "1"})
    assert response.status_code == 200


# --- Queries on the section page -----------------------------------------------------------------

TYPES = [
    {"type": "yes_no"},
    {"type": "single_choice", "other_specify": True,
     "choices": [{"name": "a", "label": {"en": "A"}}, {"name": "b", "label": {"en": "B"}}]},
    {"type": "multiple_choice",
     "choices": [{"name": "a", "label": {"en": "A"}}, {"name": "b", "label": {"en": "B"}}]},
    {"type": "integer", "minimum": 0, "unit": {"en": "persons"}},
    {"type": "decimal"},
    {"type": "short_text"},
    {"type": "long_text", "help": {"en": "Be specific."}},
    {"type": "date"},
    {"type": "yes_no_partly_dk"},
    {"type": "table", "rows": [{"name": "r1", "label": {"en": "Row 1"}}],
     "choices": [{"name": "c1", "label": {"en": "Column 1"}}]},
    {"type": "file"},
]  # fmt: skip


def sized_document(count: int, form_id: str):
    """A sample-like questionnaire with `count` questions in section A, of every type, some of
    them shown only after an earlier "yes"."""
    questions = []
    for number in range(1, count + 1):
        kind = TYPES[(number - 1) % len(TYPES)]
        item = {"code": f"A.{number}", "text": {"en": f"Question {number}"}, **kind}
        if number % len(TYPES) == 5:  # after a yes/no at n % 11 == 1
            item["relevance"] = {"question": f"A.{number - 4}", "operator": "=", "value": "yes"}
        questions.append(item)
    return document_from_dict(
        {
            **SAMPLE,
            "form_id": form_id,
            "sections": [
                {"code": "A", "title": {"en": "All"}, "questions": questions},
                {"code": "B", "title": {"en": "More"}, "questions": [
                    {"code": "B.1", "type": "yes_no", "text": {"en": "Last"},
                     "relevance": {"question": "A.1", "operator": "=", "value": "yes"}},
                ]},
            ],
        }
    )  # fmt: skip


def test_a_section_page_makes_the_same_number_of_queries_with_10_and_100_questions(
    administrator, state_a_contact, colleague, client_for, django_assert_num_queries
):
    client = client_for(state_a_contact)
    pages = {}
    for count in (10, 100):
        version = approved_version(administrator, sized_document(count, f"sized{count}"))
        reply = reply_for(open_cycle(administrator, version=version, codes=("KEN",)), "KEN")
        for number in range(1, count + 1, 3):
            code = f"A.{number}"
            value = {"yes_no": "yes", "integer": "3", "short_text": "x", "date": "2026-01-01"}
            kind = TYPES[(number - 1) % len(TYPES)]["type"]
            if kind in value:
                save(reply, code, value[kind], colleague if number % 2 else state_a_contact)
        url = section_url(reply, "A")
        # session, user, reply; the version's content (5); answers with their savers; progress
        # (answers, attachments); the invitation's deadline; the menu's respondent
        with django_assert_num_queries(13):
            pages[count] = client.get(url).content.decode()
    blocks = re.compile(r'class="answer-question[" ]')
    assert len(blocks.findall(pages[10])) == 10 and len(blocks.findall(pages[100])) == 100
    assert (
        pages[100].count("Last changed by Amina Wanjiru") > pages[10].count("Last changed by") > 0
    )


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
    assert "Last changed by Amina Wanjiru on 21 November 2026 at 01:30." in page
    assert timezone.get_current_timezone_name() == "Africa/Nairobi"


def test_a_respondent_other_than_the_invited_gets_no_reply_page(
    administrator, reference_data, state_b_contact, client_for
):
    cycle = open_cycle(administrator, codes=("KEN",))
    reply = reply_for(cycle, "KEN")
    assert Respondent.objects.get(code="SEN") != reply.respondent
    assert client_for(state_b_contact).get(section_url(reply)).status_code == 404
