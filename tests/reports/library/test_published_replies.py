"""The replies that respondents agreed to publish (annex, para. 24), on public pages by respondent
and by question. The rule: a reply is published when it is accepted and its latest submission
agreed to publication; what is shown is that submission as submitted, with a note when the
Secretariat corrected answers after it."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from portal.models import Respondent
from surveys.answering.services import answer_save
from surveys.models import Channel, CycleInvitation
from tests.reports.library_data import submitted
from tests.surveys.questionnaires.test_printing import pdf_text
from tests.surveys.replies import open_cycle, reply_for

pytestmark = pytest.mark.django_db

INDEX = reverse("reports:published_replies")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # the PDFs kept by these tests go away with them


@pytest.fixture
def cycle(administrator):
    return open_cycle(administrator, codes=("KEN", "SEN", "FRA", "BRA", "JPN", "EGY"))


@pytest.fixture
def replies(cycle, state_a_contact, administrator):
    """KEN and EGY published; the others not, each for another reason."""
    by = state_a_contact
    kenya = reply_for(cycle, "KEN")
    submitted(kenya, by, {"A.1": "1200", "A.2": "no", "B.3": "Kenya Prisons Service"})
    senegal = reply_for(cycle, "SEN")  # accepted, publication refused
    submitted(senegal, by, {"A.1": "900", "B.3": "Secret agency"}, may_publish=False)
    france = reply_for(cycle, "FRA")  # agreed, not yet accepted
    submitted(france, by, {"A.1": "70000", "B.3": "Not accepted yet"}, accepted=False)
    brazil = reply_for(cycle, "BRA")  # agreed once, then withdrew the agreement
    submitted(brazil, by, {"B.3": "Withdrawn"}, may_publish=True)
    submitted(brazil, by, {"B.3": "Withdrawn later"}, may_publish=False)
    egypt = reply_for(cycle, "EGY")  # refused once, then agreed
    submitted(egypt, by, {"B.3": "First"}, may_publish=False)
    submitted(egypt, by, {"A.2": "yes", "A.2.1": "monthly", "B.3": "الإدارة العامة للسجون"})
    japan = reply_for(cycle, "JPN")  # never submitted
    return {"KEN": kenya, "SEN": senegal, "FRA": france, "BRA": brazil, "EGY": egypt, "JPN": japan}


def respondents_listed(client) -> list[str]:
    return re.findall(r'data-respondent="([A-Z]+)"', client.get(INDEX).content.decode())


def question_url(cycle, code):
    return reverse("reports:published_question", args=[cycle.pk, code])


def reply_url(reply, suffix=""):
    return reverse(f"reports:published_reply{suffix}", args=[reply.pk])


# --- Which replies are public -----------------------------------------------------------------


def test_only_accepted_replies_whose_latest_submission_agreed_are_listed(replies, client_for):
    assert respondents_listed(client_for(None)) == ["EGY", "KEN"]


@pytest.mark.parametrize("actor", [None, "state_a_contact", "state_b_contact", "delegate"])
def test_everybody_reads_a_published_reply(replies, actor, request, client_for):
    client = client_for(request.getfixturevalue(actor) if actor else None)
    response = client.get(reply_url(replies["KEN"]))
    assert response.status_code == 200
    assert "Reply of Kenya" in response.content.decode()


@pytest.mark.parametrize("actor", [None, "state_b_contact", "state_a_contact", "administrator"])
@pytest.mark.parametrize("code", ["SEN", "FRA", "BRA", "JPN"])
def test_a_reply_that_is_not_published_is_not_found(replies, code, actor, request, client_for):
    client = client_for(request.getfixturevalue(actor) if actor else None)
    assert client.get(reply_url(replies[code])).status_code == 404
    assert client.get(reply_url(replies[code], "_pdf")).status_code == 404


def test_a_contact_person_of_another_state_sees_only_what_state_a_published(
    replies, state_b_contact, client_for
):
    client = client_for(state_b_contact)
    assert respondents_listed(client) == ["EGY", "KEN"]
    html = client.get(question_url(replies["KEN"].cycle, "B.3")).content.decode()
    assert "Kenya Prisons Service" in html
    assert "Secret agency" not in html and "Not accepted yet" not in html
    assert "Withdrawn" not in html


# --- What is shown ----------------------------------------------------------------------------


def test_the_reply_is_shown_as_submitted_with_a_note_of_later_corrections(
    replies, administrator, client_for
):
    kenya = replies["KEN"]
    question = kenya.cycle.version.questions.get(code="B.3")
    answer_save(
        reply=kenya, question=question, value="Corrected by staff", base_revision=0,
        by=administrator, channel=Channel.STAFF, reason="Typo",
    )  # fmt: skip
    html = client_for(None).get(reply_url(kenya)).content.decode()
    assert "Kenya Prisons Service" in html and "Corrected by staff" not in html
    assert "1,200 persons" in html
    assert 'data-testid="corrected-note"' in html
    question_html = client_for(None).get(question_url(kenya.cycle, "B.3")).content.decode()
    assert question_html.count('data-testid="corrected-note"') == 1


def test_the_contact_persons_name_is_not_published(replies, state_a_contact, client_for):
    state_a_contact.first_name, state_a_contact.last_name = "Wanjiru", "Kamau"
    state_a_contact.save()
    client = client_for(None)
    assert "Kamau" not in client.get(reply_url(replies["KEN"])).content.decode()
    assert "Kamau" not in pdf_text(b"".join(client.get(reply_url(replies["KEN"], "_pdf"))))


def test_the_questionnaire_is_in_the_readers_language_and_answers_as_written(replies, client_for):
    client = client_for(None)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    html = client.get(reply_url(replies["EGY"])).content.decode()
    assert '<html lang="fr"' in html
    assert "Nom de l&#x27;organisme" in html or "Nom de l'organisme" in html
    assert "Mensuelle" in html
    # An answer keeps its own direction, whatever the page's.
    assert 'dir="rtl"><span dir="auto">الإدارة العامة للسجون</span>' in html
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    html = client.get(question_url(replies["EGY"].cycle, "B.3")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    # Not translated into Arabic: the English text, marked as English, left to right.
    assert '<span lang="en" dir="ltr">Name of the agency</span>' in html


def test_by_question_lists_every_published_answer_and_counts_the_others(replies, client_for):
    client = client_for(None)
    html = client.get(question_url(replies["KEN"].cycle, "A.2.1")).content.decode()
    # Egypt answered A.2.1; for Kenya (A.2 = no) the question was not asked.
    assert re.findall(r'data-respondent="([A-Z]+)"', html) == ["EGY"]
    assert "1 published reply did not answer this question" in html
    html = client.get(question_url(replies["KEN"].cycle, "B.3")).content.decode()
    assert re.findall(r'data-respondent="([A-Z]+)"', html) == ["EGY", "KEN"]
    assert client.get(question_url(replies["KEN"].cycle, "Z.9")).status_code == 404
    assert client.get(question_url(replies["KEN"].cycle, "B.5")).status_code == 404  # files


def test_the_published_reply_pdf_is_the_submission_as_printed(replies, client_for):
    response = client_for(None).get(reply_url(replies["KEN"], "_pdf"))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-KEN-published-1-en.pdf"')
    pdf = b"".join(response)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Reply of Kenya" in text and "Kenya Prisons Service" in text and "1,200 persons" in text


def test_the_published_reply_pdf_is_made_once_then_served_again(replies, client_for, monkeypatch):
    import portal.pdf

    made = []
    real = portal.pdf.html_to_pdf
    monkeypatch.setattr(portal.pdf, "html_to_pdf", lambda **kw: made.append(1) or real(**kw))
    first = b"".join(client_for(None).get(reply_url(replies["KEN"], "_pdf")))
    second = b"".join(client_for(None).get(reply_url(replies["KEN"], "_pdf")))
    assert first == second and first.startswith(b"%PDF")
    assert len(made) == 1
    french = b"".join(client_for(None).get(reply_url(replies["KEN"], "_pdf") + "?language=fr"))
    assert french != first and len(made) == 2


# --- Query counts -----------------------------------------------------------------------------


def _publish_more(cycle, by, codes):
    for code in codes:
        CycleInvitation.objects.create(cycle=cycle, respondent=Respondent.objects.get(code=code))
        submitted(reply_for(cycle, code), by, {"A.1": "5", "B.3": f"Agency of {code}"})


MORE = ("AFG", "ALB", "DZA", "AND", "AGO", "ARG", "ARM", "AUS", "AUT", "AZE")


def test_the_pages_make_the_same_queries_for_two_replies_or_twelve(
    replies, cycle, state_a_contact, client_for, django_assert_num_queries
):
    client = client_for(None)
    pages = [INDEX, question_url(cycle, "B.3"), reply_url(replies["KEN"])]
    counts = {}
    for url in pages:
        client.get(url)
        with django_assert_num_queries(9, exact=False) as captured:
            client.get(url)
        counts[url] = len(captured.captured_queries)
    _publish_more(cycle, state_a_contact, MORE)
    assert len(respondents_listed(client)) == 12
    for url in pages:
        with django_assert_num_queries(counts[url]):
            client.get(url)
    assert counts == {INDEX: 2, question_url(cycle, "B.3"): 9, reply_url(replies["KEN"]): 8}


def test_the_published_reply_pdf_is_tagged_with_its_language_and_title(replies, client_for):
    from tests.pdf_metadata import pdf_info

    response = client_for(None).get(reply_url(replies["KEN"], "_pdf") + "?language=es")
    info = pdf_info(b"".join(response))
    assert info["Tagged"] == "yes" and info["Lang"] == "es"
    assert info["Title"].startswith(f"{replies['KEN'].cycle.version.questionnaire.code} · KEN · ")
