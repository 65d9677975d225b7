"""A text shown before a question (an XLSForm note in the middle of a section): the contact person
reads it above the question in the page's language, the blank questionnaire and the offline
workbook print it before the question, and the editor and the translations page keep it."""

import copy

import pytest

from surveys.questionnaires.documents import document_from_dict
from surveys.questionnaires.printing import blank_questionnaire_html
from surveys.questionnaires.selectors import version_with_content
from surveys.questionnaires.services import version_texts
from surveys.questionnaires.versions import version_document, version_from_document
from tests.factories import approved_version
from tests.surveys.answering.helpers import section_url
from tests.surveys.offline.test_offline import download, open_workbook, row_of
from tests.surveys.questionnaires.helpers import version_question
from tests.surveys.replies import open_cycle, reply_for
from tests.surveys.samples import SAMPLE

pytestmark = pytest.mark.django_db

WOMEN = {
    "en": "The next question is about women in custody.",
    "fr": "La question suivante porte sur les femmes détenues.",
    "ar": "يتناول السؤال التالي النساء المحتجزات.",
}


def lead_in_sample() -> dict:
    data = copy.deepcopy(SAMPLE)
    data["sections"][0]["questions"][4]["lead_in"] = WOMEN  # A.4, women held separately
    return data


@pytest.fixture
def reply(reference_data, administrator):
    version = approved_version(administrator, document_from_dict(lead_in_sample()))
    return reply_for(open_cycle(administrator, version), "KEN")


def test_the_contact_person_reads_it_above_the_question_in_the_pages_language(
    reply, state_a_contact, client_for
):
    client = client_for(state_a_contact)
    english = client.get(section_url(reply)).content.decode()
    block = english[english.index('data-question="A.4"') :]
    assert block.index(WOMEN["en"]) < block.index("Are women held separately?")
    state_a_contact.preferred_language = "ar"
    state_a_contact.save()
    arabic = client.get(section_url(reply)).content.decode()
    assert WOMEN["ar"] in arabic and WOMEN["en"] not in arabic


def test_the_blank_questionnaire_and_the_offline_workbook_print_it_first(
    reply, state_a_contact, client_for
):
    version = version_with_content(pk=reply.cycle.version.pk)
    html = blank_questionnaire_html(version=version, language="fr")
    assert html.index(WOMEN["fr"]) < html.index('<span class="question__code" dir="ltr">A.4')
    sheet = open_workbook(download(client_for(state_a_contact), reply, "ar"))["Answers"]
    cells = [str(cell.value) for cell in sheet[row_of(sheet, "A.4")] if cell.value]
    assert any(cell.startswith(WOMEN["ar"] + "\n\n") for cell in cells), cells


def test_the_editor_and_the_translations_keep_it(reference_data, administrator, client_for):
    version = version_from_document(document=document_from_dict(lead_in_sample()), by=administrator)
    question = version_question(version, "A.4")
    url = f"/questionnaires/versions/{version.pk}/questions/{question.pk}/edit/"
    client = client_for(administrator)
    assert client.get(url).context["form"].initial["lead_in"] == WOMEN
    response = client.post(
        url,
        {
            "code": "A.4",
            "type": "yes_no_partly_dk",
            "lead_in_en": "Now about women.",
            "lead_in_fr": WOMEN["fr"],
            "lead_in_ar": WOMEN["ar"],
            "text_en": "Are women held separately?",
            "text_fr": "Les femmes sont-elles détenues séparément ?",
            "purpose": "application",
            "standards-TOTAL_FORMS": "0",
            "standards-INITIAL_FORMS": "0",
            "standards-MIN_NUM_FORMS": "0",
            "standards-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    question.refresh_from_db()
    assert question.lead_in == {**WOMEN, "en": "Now about women."}
    texts = list(version_texts(version=version_with_content(pk=version.pk)))
    assert [t.kind for t in texts if t.where == "A.4"][:2] == ["lead_in", "question"]
    document = version_document(version=version)
    assert next(q for q in document.questions() if q.code == "A.4").lead_in["en"] == (
        "Now about women."
    )
