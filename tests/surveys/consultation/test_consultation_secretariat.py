"""The Secretariat's consultation page: circulating, marking comments, closing and approving
(resolution 2004/28, paras. 6-7 and 16-17)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import RegionalGroup, RespondentType
from surveys.consultation.services import (
    consultation_comment_add,
    consultation_open,
)
from surveys.models import (
    Consultation,
    QuestionnaireVersion,
    Resolution,
    VersionStatus,
)
from tests.factories import respondent_of_type
from tests.surveys.consultation.helpers import MEETING, many_comments, version_question

pytestmark = pytest.mark.django_db


def test_the_administrator_circulates_by_type_regional_group_and_by_name(
    client_for, administrator, draft, kenya, senegal, django_capture_on_commit_callbacks
):
    institute = respondent_of_type("programme_network_institute", "HEUNI", "HEUNI")
    igo = respondent_of_type("intergovernmental_organization", "COE", "Council of Europe")
    client = client_for(administrator)
    page = client.get(f"/questionnaires/versions/{draft.pk}/consultation/")
    choices = [label for _value, label in page.context["open_form"].fields["respondents"].choices]
    assert choices.index("Kenya") < choices.index("Senegal") < choices.index("Zimbabwe")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/questionnaires/versions/{draft.pk}/consultation/",
            {
                "respondent_types": [
                    RespondentType.objects.get(code="programme_network_institute").pk
                ],
                "regional_groups": [RegionalGroup.WESTERN_EUROPEAN_OTHERS],
                "respondents": [kenya.pk, senegal.pk],
                "note_en": "Comments welcome.",
                "deadline": "2026-03-31",
            },
        )
    assert response.status_code == 302
    invited = set(Consultation.objects.get().respondents.values_list("code", flat=True))
    assert {"KEN", "SEN", "HEUNI", "FRA", "DEU"} <= invited
    assert igo.code not in invited and "NGA" not in invited
    assert institute.code in invited


def test_circulating_to_nobody_is_refused_with_a_message(client_for, administrator, draft):
    response = client_for(administrator).post(
        f"/questionnaires/versions/{draft.pk}/consultation/", {"note": "x"}
    )
    assert response.status_code == 422
    assert "Choose at least one respondent to invite." in response.content.decode()
    assert not Consultation.objects.exists()


def test_the_page_shows_the_comments_by_question_in_questionnaire_order(
    client_for, administrator, consultation, draft, state_a_contact
):
    for code, text in (("B.4", "Ask about staff."), ("A.1", "Count detainees."), (None, "Fine.")):
        consultation_comment_add(
            consultation=consultation,
            author=state_a_contact,
            question=version_question(draft, code) if code else None,
            text=text,
        )
    response = client_for(administrator).get(f"/questionnaires/versions/{draft.pk}/consultation/")
    html = response.content.decode()
    assert [q.code for q, _comments in response.context["groups"]] == ["A.1", "B.4"]
    assert html.index("Count detainees.") < html.index("Ask about staff.") < html.index("Fine.")
    assert response.context["counts"] == {"total": 3, "pending": 3, "taken": 0, "not_taken": 0}
    assert "3 comments have not been considered yet" in html


def test_the_administrator_marks_a_comment_with_one_click(
    client_for, administrator, draft, commented
):
    client = client_for(administrator)
    response = client.post(
        f"/questionnaires/consultation-comments/{commented.pk}/resolve/",
        {"resolution": "taken", "note_en": "A.2 now names the body."},
    )
    assert response.status_code == 302
    assert response.url.endswith(f"/consultation/#comment-{commented.pk}")
    commented.refresh_from_db()
    assert commented.resolution == Resolution.TAKEN_INTO_ACCOUNT
    page = client.get(f"/questionnaires/versions/{draft.pk}/consultation/")
    change_log = page.context["close_form"].initial["change_log"]
    assert change_log.splitlines() == [
        "Comments taken into account:",
        "- A.2 (Kenya): A.2 now names the body.",
    ]


def test_not_taking_a_comment_into_account_without_a_note_is_refused(
    client_for, administrator, draft, commented
):
    client = client_for(administrator)
    url = f"/questionnaires/consultation-comments/{commented.pk}/resolve/"
    response = client.post(url, {"resolution": "not_taken", "note_en": ""})
    assert response.status_code == 422
    assert "Say why the comment is not taken into account." in response.content.decode()
    htmx = client.post(
        url, {"resolution": "not_taken", "note_en": ""}, headers={"HX-Request": "true"}
    )
    assert "Say why the comment is not taken into account." in htmx.content.decode()
    commented.refresh_from_db()
    assert commented.resolution == Resolution.PENDING


def test_htmx_resolution_returns_the_comment_and_the_new_counts(
    client_for, administrator, commented
):
    response = client_for(administrator).post(
        f"/questionnaires/consultation-comments/{commented.pk}/resolve/",
        {"resolution": "not_taken", "note_fr": "Hors du champ."},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="comment-{commented.pk}"' in html and "Hors du champ." in html
    assert 'hx-swap-oob="true"' in html and 'data-count="not_taken">1<' in html
    assert "<html" not in html


def test_closing_in_the_browser_leads_to_the_revised_draft_and_its_approval(
    client_for, administrator, draft, commented
):
    client = client_for(administrator)
    response = client.post(
        f"/questionnaires/versions/{draft.pk}/consultation/close/",
        {"change_log": "A.2 names the inspection body."},
    )
    revised = QuestionnaireVersion.objects.get(based_on=draft)
    assert response.status_code == 302
    assert response.url == f"/questionnaires/versions/{revised.pk}/consultation/"
    page = client.get(response.url)
    assert page.context["approve_form"] is not None
    assert page.context["open_form"] is not None  # a second round is possible
    assert "A.2 names the inspection body." in page.content.decode()
    response = client.post(
        f"/questionnaires/versions/{revised.pk}/approve/",
        {"meeting": MEETING, "date": "2026-05-20", "decision": "Decision 2026/201"},
    )
    assert response.status_code == 302
    revised.refresh_from_db()
    assert revised.status == VersionStatus.APPROVED
    page = client.get(f"/questionnaires/versions/{revised.pk}/consultation/")
    html = page.content.decode()
    assert page.context["approve_form"] is None and page.context["open_form"] is None
    assert MEETING in html and "Decision 2026/201" in html
    # Approving again is refused with a message; nothing changes.
    again = client.post(
        f"/questionnaires/versions/{revised.pk}/approve/",
        {"meeting": "Other", "date": "2027-01-01"},
        follow=True,
    )
    assert "This version has already been approved." in again.content.decode()
    revised.refresh_from_db()
    assert revised.approval_meeting == MEETING


def test_an_approval_form_with_errors_shows_them(client_for, administrator, draft):
    response = client_for(administrator).post(
        f"/questionnaires/versions/{draft.pk}/approve/", {"meeting": "", "date": "soon"}
    )
    assert response.status_code == 422
    assert response.context["approve_form"].errors.keys() == {"meeting", "date"}
    draft.refresh_from_db()
    assert draft.status == VersionStatus.DRAFT


def test_the_consultation_page_makes_the_same_queries_whatever_the_number_of_comments(
    client_for, administrator, draft, kenya, senegal, state_a_contact, state_b_contact,
    django_assert_num_queries,
):  # fmt: skip
    consultation = consultation_open(version=draft, respondents=[kenya, senegal], by=administrator)
    client = client_for(administrator)
    url = f"/questionnaires/versions/{draft.pk}/consultation/"
    many_comments(consultation, draft, [state_a_contact], 2)
    client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    many_comments(consultation, draft, [state_a_contact, state_b_contact], 30)
    with django_assert_num_queries(len(few)):
        response = client.get(url)
    assert len(response.context["general_comments"]) == 7
    with django_assert_num_queries(13):  # with the session's second-factor device
        client.get(url)


def test_the_circulation_form_makes_a_fixed_number_of_queries(
    client_for, administrator, draft, django_assert_num_queries
):
    client = client_for(administrator)
    with django_assert_num_queries(8):  # with the session's second-factor device
        response = client.get(f"/questionnaires/versions/{draft.pk}/consultation/")
    assert len(response.context["open_form"].fields["respondents"].choices) == 193
