"""The contact person's pages of a consultation: the inbox and commenting on a draft (resolution
2004/28, paras. 6-7 and 16-17)."""

import pytest

from portal.roles import Role
from surveys.consultation.services import (
    consultation_close_and_revise,
    consultation_comment_add,
    consultation_open,
)
from surveys.models import (
    ConsultationComment,
)
from surveys.questionnaires.versions import version_from_document
from tests.factories import user_with_role
from tests.surveys.consultation.helpers import many_comments, version_question
from tests.surveys.samples import sample_document

pytestmark = pytest.mark.django_db


def test_a_contact_person_sees_their_colleagues_comments_but_not_other_respondents(
    client_for, administrator, draft, kenya, senegal, state_a_contact, state_b_contact
):
    consultation = consultation_open(version=draft, respondents=[kenya, senegal], by=administrator)
    colleague = user_with_role(Role.CONTACT_PERSON, kenya, username="kenya-2", first_name="Wanjiru")
    question = version_question(draft, "A.4")
    consultation_comment_add(
        consultation=consultation, author=colleague, question=question, text="Kenyan view"
    )
    consultation_comment_add(
        consultation=consultation, author=state_b_contact, question=question, text="Senegalese view"
    )
    html = client_for(state_a_contact).get(f"/questionnaires/versions/{draft.pk}/comments/")
    html = html.content.decode()
    assert "Kenyan view" in html and "Wanjiru" in html
    assert "Senegalese view" not in html


def test_a_contact_person_comments_on_a_question_and_on_the_whole(
    client_for, consultation, draft, state_a_contact
):
    client = client_for(state_a_contact)
    url = f"/questionnaires/versions/{draft.pk}/comments/"
    question = version_question(draft, "B.1")
    response = client.post(url, {"question": question.pk, "text": "Add electronic monitoring."})
    assert response.status_code == 302 and response.url == f"{url}#q-{question.pk}"
    response = client.post(url, {"question": "", "text": "Clear overall."})
    assert response.url == f"{url}#general"
    comments = ConsultationComment.objects.order_by("pk")
    assert [(c.question_id, c.text) for c in comments] == [
        (question.pk, "Add electronic monitoring."),
        (None, "Clear overall."),
    ]
    inbox = client.get("/questionnaires/consultations/")
    assert [c.own_comment_count for c in inbox.context["open_consultations"]] == [2]


def test_an_empty_comment_is_refused_beside_its_question(
    client_for, consultation, draft, state_a_contact
):
    question = version_question(draft, "A.3")
    response = client_for(state_a_contact).post(
        f"/questionnaires/versions/{draft.pk}/comments/", {"question": question.pk, "text": " "}
    )
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_htmx_adds_a_comment_in_place(client_for, consultation, draft, state_a_contact):
    question = version_question(draft, "A.3")
    response = client_for(state_a_contact).post(
        f"/questionnaires/versions/{draft.pk}/comments/",
        {"question": question.pk, "text": "Define occupancy."},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert f'id="comments-q-{question.pk}"' in html and "Define occupancy." in html
    assert "Your comment has been saved." in html


def test_a_question_of_another_version_cannot_be_commented_through_the_page(
    client_for, consultation, draft, state_a_contact, administrator
):
    other = version_from_document(document=sample_document(form_id="other"), by=administrator)
    response = client_for(state_a_contact).post(
        f"/questionnaires/versions/{draft.pk}/comments/",
        {"question": version_question(other, "A.1").pk, "text": "Wrong"},
    )
    assert response.status_code == 403
    assert not ConsultationComment.objects.exists()


def test_a_closed_consultation_shows_the_comments_but_takes_no_more(
    client_for, consultation, draft, state_a_contact, administrator, commented
):
    consultation_close_and_revise(consultation=consultation, by=administrator, change_log="x")
    client = client_for(state_a_contact)
    url = f"/questionnaires/versions/{draft.pk}/comments/"
    page = client.get(url)
    html = page.content.decode()
    assert "Name the inspection body in the question." in html
    assert "comments are no longer received" in html
    assert "<textarea" not in html
    response = client.post(url, {"question": "", "text": "Late"}, follow=True)
    assert "The consultation is closed" in response.content.decode()
    assert ConsultationComment.objects.count() == 1
    inbox = client.get("/questionnaires/consultations/")
    assert inbox.context["open_consultations"] == []
    assert len(inbox.context["closed_consultations"]) == 1


def test_the_comment_page_shows_the_draft_in_the_readers_language_with_fallback(
    client_for, consultation, draft, state_a_contact
):
    client = client_for(state_a_contact)
    client.cookies["portal_language"] = "ar"
    html = client.get(f"/questionnaires/versions/{draft.pk}/comments/").content.decode()
    assert "الأشخاص المحتجزون" in html  # the section title exists in Arabic
    assert '<span lang="en" dir="ltr">How many prisoners?</span>' in html  # falls back to English


def test_the_comment_page_makes_a_fixed_number_of_queries(
    client_for, consultation, draft, state_a_contact, django_assert_num_queries
):
    many_comments(consultation, draft, [state_a_contact], 12)
    client = client_for(state_a_contact)
    with django_assert_num_queries(12):
        client.get(f"/questionnaires/versions/{draft.pk}/comments/")


def test_the_inbox_makes_a_fixed_number_of_queries(
    client_for, consultation, state_a_contact, django_assert_num_queries
):
    client = client_for(state_a_contact)
    with django_assert_num_queries(3):
        response = client.get("/questionnaires/consultations/")
    assert len(response.context["open_consultations"]) == 1


def test_contact_persons_find_consultations_in_the_menu(client_for, state_a_contact):
    response = client_for(state_a_contact).get("/")
    keys = [item["key"] for item in response.context["navigation"]]
    assert "consultations" in keys
