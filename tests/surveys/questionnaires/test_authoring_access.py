"""Who may open the authoring pages: administrators write, reviewers read, invited contact persons
read a consultation version, nobody else comes in."""

import pytest

from portal.models import Respondent
from surveys.models import Consultation, Question, VersionStatus
from tests.surveys.questionnaires.helpers import freeze, version_pages, version_question

pytestmark = pytest.mark.django_db


# --- Pages: who may open them ------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["detail", "edit", "translations", "completeness", "preview"])
def test_an_administrator_opens_every_page(version, administrator, client_for, page):
    assert client_for(administrator).get(version_pages(version)[page]).status_code == 200


@pytest.mark.parametrize(
    ("page", "status"),
    [
        ("detail", 200),
        ("edit", 403),
        ("translations", 200),
        ("completeness", 200),
        ("preview", 200),
    ],
)
def test_a_reviewer_reads_but_does_not_edit(version, reviewer, client_for, page, status):
    assert client_for(reviewer).get(version_pages(version)[page]).status_code == status


@pytest.mark.parametrize("actor", ["state_a_contact", "state_b_contact", "delegate"])
@pytest.mark.parametrize("page", ["detail", "edit", "translations", "completeness", "preview"])
def test_outsiders_cannot_open_a_draft(version, request, client_for, actor, page):
    client = client_for(request.getfixturevalue(actor))
    assert client.get(version_pages(version)[page]).status_code == 403


@pytest.mark.parametrize("page", ["edit", "translations", "completeness"])
def test_an_anonymous_visitor_is_sent_to_log_in(version, client, page):
    response = client.get(version_pages(version)[page])
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("page", ["detail", "preview"])
def test_an_anonymous_visitor_cannot_read_a_draft(version, client, page):
    assert client.get(version_pages(version)[page]).status_code == 403


def test_an_invited_contact_person_reads_the_overview_and_preview_of_a_consultation_version(
    version, administrator, state_a_contact, state_b_contact, client_for
):
    consultation = Consultation.objects.create(version=version, opened_by=administrator)
    consultation.respondents.add(Respondent.objects.get(code="KEN"))
    freeze(version, administrator, VersionStatus.CONSULTATION)
    client = client_for(state_a_contact)
    overview = client.get(version_pages(version)["detail"])
    assert overview.status_code == 200
    assert "Start a new draft" not in overview.content.decode()
    assert 'data-tab="edit"' not in overview.content.decode()
    assert client.get(version_pages(version)["preview"]).status_code == 200
    assert client.get(version_pages(version)["translations"]).status_code == 403
    assert client_for(state_b_contact).get(version_pages(version)["detail"]).status_code == 403


@pytest.mark.parametrize("actor", ["state_a_contact", "delegate"])
def test_only_the_secretariat_lists_questionnaires(version, request, client_for, actor):
    assert client_for(request.getfixturevalue(actor)).get("/questionnaires/").status_code == 403
    assert client_for(None).get("/questionnaires/").status_code == 302


@pytest.mark.parametrize(
    "path",
    [
        "/questionnaires/new/",
        "/questionnaires/versions/{pk}/sections/new/",
        "/questionnaires/versions/{pk}/questions/{question}/edit/",
        "/questionnaires/versions/{pk}/questions/{question}/delete/",
    ],
)
def test_a_reviewer_cannot_reach_the_authoring_forms(version, reviewer, client_for, path):
    url = path.format(pk=version.pk, question=version_question(version, "A.1").pk)
    client = client_for(reviewer)
    assert client.get(url).status_code == 403
    assert client.post(url, {"code": "Z"}).status_code == 403
    assert Question.objects.filter(version=version).count() == 12
