"""The catalogue complete for the seeded questionnaires, and a reader's way from a standard to the
questions that ask about it and to the published answers to them."""

import datetime
import re
from pathlib import Path

import pytest
import yaml
from django.urls import reverse

from portal.multilingual import LANGUAGE_CODES
from surveys.consultation.services import version_approve
from surveys.questionnaires.seeding import questionnaires_seed, seeded_documents
from tests.reports.library_data import submitted
from tests.surveys.replies import open_cycle, reply_for

pytestmark = pytest.mark.django_db

CATALOGUE = Path(__file__).resolve().parents[2] / "clusters" / "data" / "standards_and_norms.yaml"


def page_url(code: str) -> str:
    return reverse("reports:standard_questions", args=[code])


def codes_listed(response) -> list[str]:
    return re.findall(r'<li class="list-group-item" data-code="([^"]+)"', response.content.decode())


def test_every_standard_a_seeded_questionnaire_names_is_in_the_catalogue_in_its_category():
    catalogue = {s["code"]: s for s in yaml.safe_load(CATALOGUE.read_text())["standards"]}
    for document in seeded_documents():
        named = set(document.standards) | {
            link.standard for question in document.questions() for link in question.standards
        }
        assert named <= set(document.standards), document.form_id  # the header lists them all
        for code in named:
            standard = catalogue[code]
            assert standard["category"] == document.category, code
            assert standard["cluster"] in document.clusters, code
            for text in ("short_name", "title", "description", "adopted_by"):
                assert set(standard[text]) == set(LANGUAGE_CODES), (code, text)
                assert all(str(v).strip() for v in standard[text].values()), (code, text)


@pytest.fixture
def category_d(reference_data, administrator):
    """The seeded questionnaires as drafts, with category (d) approved and a cycle of it in which
    Kenya's reply is published and Senegal's is not."""
    versions = {v.questionnaire.code: v for v, _ in questionnaires_seed(by=administrator)}
    version = version_approve(
        version=versions["category-d"],
        by=administrator,
        meeting="Test",
        date=datetime.date(2026, 1, 5),
    )
    cycle = open_cycle(administrator, version=version)
    submitted(reply_for(cycle, "KEN"), administrator, {"J.4": "yes", "J.4.1": "yes"})
    submitted(reply_for(cycle, "SEN"), administrator, {"J.4": "no"}, may_publish=False)
    return cycle


def test_anyone_goes_from_a_standard_to_its_questions_and_their_published_answers(
    category_d, client
):
    catalogue = client.get("/standards/").content.decode()
    assert page_url("BANGALORE") in catalogue
    response = client.get(page_url("BANGALORE"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bangalore Principles of Judicial Conduct" in page
    assert "Economic and Social Council resolution 2006/23" in page
    assert codes_listed(response) == ["J.4", "J.4.1", "J.9", "J.10", "J.10.1", "J.11"]
    assert "Is there a body, within or independent of the judiciary" in page
    assert "Implementation" in page  # the provision J.4.1 names
    answers = reverse("reports:published_question", args=[category_d.pk, "J.4.1"])
    assert answers in page
    published = client.get(answers).content.decode()
    assert 'data-respondent="KEN"' in published and 'data-respondent="SEN"' not in published


@pytest.mark.parametrize("actor", [None, "state_b_contact", "delegate"])
def test_the_questions_of_drafts_are_not_shown_outside_the_secretariat(
    category_d, actor, request, client_for
):
    client = client_for(request.getfixturevalue(actor) if actor else None)
    # The category (b) questionnaire is still a draft: its questions are nobody else's business.
    response = client.get(page_url("MT-EXTRADITION"))
    assert response.status_code == 200
    assert codes_listed(response) == []
    page = response.content.decode()
    assert "No approved questionnaire asks about this standard yet." in page
    assert "Does your country extradite its own nationals?" not in page


def test_the_secretariat_also_sees_the_questions_of_drafts_marked_as_such(
    category_d, client_for, reviewer
):
    response = client_for(reviewer).get(page_url("MT-EXTRADITION"))
    assert "E.3.1" in codes_listed(response)
    page = response.content.decode()
    assert "Does your country extradite its own nationals?" in page
    assert 'data-testid="not-public"' in page
    assert "art. 4 (a)" in page
    # No cycle of a draft, so no link to published answers.
    assert 'data-testid="published-answers"' not in page


def test_the_page_reads_in_arabic(category_d, client):
    client.post("/language/", {"language": "ar", "next": "/"})
    page = client.get(page_url("BP-LAWYERS")).content.decode()
    assert "المبادئ الأساسية بشأن دور المحامين" in page
    assert "هل يجوز للمحامين تكوين رابطات مهنية ذاتية الإدارة" in page


def test_an_unknown_standard_is_not_found(reference_data, client):
    assert client.get(page_url("NO-SUCH-STANDARD")).status_code == 404


def test_the_page_takes_a_fixed_number_of_queries(
    category_d, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        client.get(page_url("BP-JUDICIARY"))
