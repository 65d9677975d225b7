"""The questionnaires the team wrote: valid, bilingual at least, and exchangeable as XLSForm."""

import pytest

from surveys.exchange.services import questionnaire_import, version_export
from surveys.questionnaires.documents import LANGUAGE_CODES
from surveys.questionnaires.seeding import questionnaires_seed, seeded_documents
from surveys.questionnaires.versions import version_document
from tests.surveys.samples import same_content

pytestmark = pytest.mark.django_db


def _texts(document):
    yield document.title
    for section in document.sections:
        yield section.title
        yield from filter(None, [section.intro])
        for question in section.questions:
            yield question.text
            yield from filter(None, [question.help, question.unit])
            yield from (choice.label for choice in question.choices + question.rows)


# Every seeded questionnaire, with its category and number of questions.
SEEDED = {
    "category-a": ("a", 57),
    "category-b": ("b", 24),
    "category-c-prevention": ("c", 14),
    "category-c-victims": ("c", 24),
    "category-d": ("d", 35),
}


def test_the_seeded_questionnaires_are_complete_in_english_and_french():
    documents = {d.form_id: d for d in seeded_documents()}
    assert set(documents) == set(SEEDED)
    assert {document.category for document in documents.values()} == {"a", "b", "c", "d"}
    for document in documents.values():
        for texts in _texts(document):
            assert texts.get("en") and texts.get("fr"), texts
            assert set(texts) <= set(LANGUAGE_CODES)


def test_each_module_ends_with_difficulties_assistance_and_useful_practices():
    for document in seeded_documents():
        for section in document.sections:
            purposes = [q.purpose for q in section.questions]
            tail = [p for p in purposes if p != "application" and p != "context"][-4:]
            assert tail[0] == "difficulty" and tail[-1] == "useful_practice", section.code
            assert "assistance_need" in tail
            assert any(q.relevance for q in section.questions), section.code
        assert any(q.gender_relevant for q in document.questions())


@pytest.mark.parametrize("code", sorted(SEEDED))
def test_each_seeded_questionnaire_exports_and_imports_back_identical(
    code, reference_data, administrator
):
    seeded = {
        version.questionnaire.code: version for version, _ in questionnaires_seed(by=administrator)
    }
    version = seeded[code]
    category, count = SEEDED[code]
    assert version.questionnaire.category.letter == category
    assert version.questions.count() == count
    outcome = questionnaire_import(data=version_export(version=version), by=administrator)
    assert outcome.errors == [] and outcome.warnings == []
    assert outcome.version.number == 2
    assert same_content(
        version_document(version=outcome.version), version_document(version=version)
    )


def test_seeding_again_changes_nothing(reference_data, administrator):
    questionnaires_seed(by=administrator)
    again = questionnaires_seed(by=administrator)
    assert [created for _version, created in again] == [False] * len(SEEDED)


def test_the_seeded_questionnaires_are_complete_in_the_six_languages():
    for document in seeded_documents():
        for texts in _texts(document):
            assert set(texts) == set(LANGUAGE_CODES), texts.get("en")
            assert all(text.strip() for text in texts.values()), texts.get("en")


def test_the_completeness_page_shows_every_language_complete(
    reference_data, administrator, reviewer, client_for
):
    versions = [version for version, _created in questionnaires_seed(by=administrator)]
    client = client_for(reviewer)
    for version in versions:
        response = client.get(f"/questionnaires/versions/{version.pk}/completeness/")
        assert response.status_code == 200
        shown = {
            language["code"]: language["percent"] for language in response.context["languages"]
        }
        assert shown == dict.fromkeys(LANGUAGE_CODES, 100), version.questionnaire.code
