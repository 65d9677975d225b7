"""The list of questionnaires, a new questionnaire, and a version's overview with its new drafts."""

import pytest

from clusters.models import Category
from surveys.models import Questionnaire, QuestionnaireVersion
from surveys.questionnaires.versions import version_from_document
from tests.surveys.questionnaires.helpers import freeze, version_pages
from tests.surveys.samples import sample_document

pytestmark = pytest.mark.django_db


# --- The list of questionnaires ----------------------------------------------------------------------


def test_the_list_shows_every_version_in_a_fixed_number_of_queries(
    version, administrator, reviewer, client_for, django_assert_num_queries
):
    client = client_for(reviewer)
    # session, user, second-factor device, questionnaires, versions
    with django_assert_num_queries(5):
        page = client.get("/questionnaires/").content.decode()
    assert "Sample questionnaire" in page and "New questionnaire" not in page
    for code in ("two", "three"):
        version_from_document(document=sample_document(form_id=code), by=administrator)
    version_from_document(document=sample_document(), by=administrator)
    with django_assert_num_queries(5):
        page = client.get("/questionnaires/").content.decode()
    assert page.count('data-testid="version-status"') == 4
    assert "New questionnaire" in client_for(administrator).get("/questionnaires/").content.decode()


def test_the_empty_list_invites_an_administrator_to_start(
    reference_data, administrator, client_for
):
    page = client_for(administrator).get("/questionnaires/").content.decode()
    assert "No questionnaire yet" in page
    assert 'href="/questionnaires/new/"' in page


def test_an_administrator_creates_a_questionnaire_and_lands_in_its_editor(
    reference_data, administrator, client_for
):
    client = client_for(administrator)
    response = client.post(
        "/questionnaires/new/",
        {
            "code": "juvenile-justice",
            "title_en": "Juvenile justice",
            "title_ar": "قضاء الأحداث",
            "category": Category.objects.get(letter="b").pk,
            "original_language": "en",
        },
    )
    version = QuestionnaireVersion.objects.get(questionnaire__code="juvenile-justice")
    assert response.status_code == 302
    assert response.url == f"/questionnaires/versions/{version.pk}/edit/"
    assert version.title == {"en": "Juvenile justice", "ar": "قضاء الأحداث"}
    page = client.get(response.url).content.decode()
    assert "This draft has no section yet" in page


def test_a_new_questionnaire_needs_its_title_in_the_original_language(
    reference_data, administrator, client_for
):
    response = client_for(administrator).post(
        "/questionnaires/new/",
        {"code": "x", "title_en": "Only English", "category": 1, "original_language": "fr"},
    )
    assert response.status_code == 200
    assert "Give the title in the original language (Français)." in response.content.decode()
    assert not Questionnaire.objects.filter(code="x").exists()


# --- Overview and new drafts -------------------------------------------------------------------------


def test_the_overview_of_an_approved_version_offers_a_new_draft(version, administrator, client_for):
    freeze(version, administrator)
    client = client_for(administrator)
    page = client.get(version_pages(version)["detail"]).content.decode()
    assert "Start a new draft" in page and "Intersessional meeting" in page
    assert "1 section" not in page and "2 sections, 12 questions" in page
    response = client.post(
        f"/questionnaires/versions/{version.pk}/new-draft/",
        {"change_log": "Add a question on bail."},
    )
    draft = QuestionnaireVersion.objects.get(based_on=version)
    assert response.url == f"/questionnaires/versions/{draft.pk}/edit/"
    assert (draft.number, draft.status, draft.change_log) == (2, "draft", "Add a question on bail.")


def test_a_reviewer_cannot_start_a_new_draft(version, administrator, reviewer, client_for):
    freeze(version, administrator)
    response = client_for(reviewer).post(f"/questionnaires/versions/{version.pk}/new-draft/")
    assert response.status_code == 403
    assert QuestionnaireVersion.objects.count() == 1


def test_an_approved_version_is_public(version, administrator, client):
    freeze(version, administrator)
    assert client.get(version_pages(version)["detail"]).status_code == 200
    assert client.get(version_pages(version)["preview"]).status_code == 200
