"""Relevance joining several conditions over one question ("any" for XLSForm's `or`, "all" for
`and`), and the single condition of older files, version documents and exports still read the
same everywhere: evaluation, the YAML and version document, the editor, the blank
questionnaire and progress."""

import copy
import json
import re

import pytest

from surveys.answering.progress import progress_by_section
from surveys.questionnaires.conditions import condition_holds, questions_shown
from surveys.questionnaires.documents import ConditionDoc, document_from_dict, document_problems
from surveys.questionnaires.printing import blank_questionnaire_html
from surveys.questionnaires.selectors import version_with_content
from surveys.questionnaires.versions import version_document, version_from_document
from tests.factories import approved_version
from tests.surveys.answering.test_progress import Q, S
from tests.surveys.offline.test_offline import download, open_workbook, row_of
from tests.surveys.questionnaires.helpers import version_question
from tests.surveys.replies import open_cycle, reply_for
from tests.surveys.samples import SAMPLE, same_content

A4_YES_OR_PARTLY = {
    "question": "A.4",
    "any": [{"operator": "=", "value": "yes"}, {"operator": "=", "value": "partly"}],
}
B1_PROBATION_OR_FINE = {
    "question": "B.1",
    "any": [
        {"operator": "selected", "value": "probation"},
        {"operator": "selected", "value": "fine"},
    ],
}
A1_NEITHER_0_NOR_5 = {
    "question": "A.1",
    "all": [{"operator": "!=", "value": "0"}, {"operator": "!=", "value": 5}],
}


def combined_sample() -> dict:
    """The sample questionnaire as YAML gives it, with three joined conditions: A.5 when A.4 is
    yes or partly, B.2 when B.1 has probation or fine, B.6 when A.1 is neither 0 nor 5."""
    data = copy.deepcopy(SAMPLE)
    relevance = {"A.5": A4_YES_OR_PARTLY, "B.2": B1_PROBATION_OR_FINE, "B.6": A1_NEITHER_0_NOR_5}
    for section in data["sections"]:
        for question in section["questions"]:
            if question["code"] in relevance:
                question["relevance"] = relevance[question["code"]]
    return data


# --- Evaluated on the server --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"), [("yes", True), ("partly", True), ("no", False), (None, False)]
)
def test_any_holds_when_one_of_its_conditions_holds(answer, expected):
    assert condition_holds(A4_YES_OR_PARTLY, {"A.4": answer}) is expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [(["fine"], True), ("probation fine", True), (["community_service"], False), (None, False)],
)
def test_any_of_selected_holds_when_one_of_the_values_is_ticked(answer, expected):
    assert condition_holds(B1_PROBATION_OR_FINE, {"B.1": answer}) is expected


@pytest.mark.parametrize(
    ("answer", "expected"), [(3, True), ("0", False), ("5.0", False), (None, True)]
)
def test_all_holds_only_when_every_condition_holds(answer, expected):
    assert condition_holds(A1_NEITHER_0_NOR_5, {"A.1": answer}) is expected


def test_a_question_hidden_by_a_joined_condition_counts_as_unanswered_below():
    questions = [
        ("A.4", None),
        ("A.5", A4_YES_OR_PARTLY),
        ("A.6", {"question": "A.5", "operator": "!=", "value": "x"}),
    ]
    assert questions_shown(questions, {"A.4": "no", "A.5": "x"}) == {"A.4", "A.6"}
    assert questions_shown(questions, {"A.4": "partly", "A.5": "x"}) == {"A.4", "A.5"}


def test_the_single_condition_of_older_documents_still_holds_as_before():
    old = {"question": "A.2", "operator": "=", "value": "yes"}
    assert condition_holds(old, {"A.2": "yes"}) and not condition_holds(old, {"A.2": "no"})


def test_progress_follows_a_joined_condition():
    sections = [
        S(
            "A",
            [
                Q("A.4", True, None, "yes_no_partly_dk", ("yes", "no", "partly", "dont_know")),
                Q("A.5", True, A4_YES_OR_PARTLY),
            ],
        )
    ]
    [opened] = progress_by_section(sections, {"A.4": "partly"}, {"A.4"})
    assert (opened.required, opened.required_done) == (2, 1)
    [closed] = progress_by_section(sections, {"A.4": "no"}, {"A.4"})
    assert closed.percent == 100  # "No" closes A.5: it no longer applies


# --- The YAML, the version document and the database ------------------------------------------


def test_the_yaml_and_version_document_keep_joined_and_single_conditions(
    reference_data, administrator
):
    document = document_from_dict(combined_sample())
    assert document_problems(document) == []
    version = version_from_document(document=document, by=administrator)
    assert version_question(version, "A.5").relevance == A4_YES_OR_PARTLY
    assert version_question(version, "B.6").relevance == {
        "question": "A.1",
        "all": [{"operator": "!=", "value": "0"}, {"operator": "!=", "value": "5"}],
    }
    # the single condition is stored in the form older versions have in the database
    assert version_question(version, "A.2.1").relevance == {
        "question": "A.2", "operator": "=", "value": "yes",
    }  # fmt: skip
    assert same_content(version_document(version=version), document)
    doc = next(q for q in version_document(version=version).questions() if q.code == "B.2")
    assert doc.relevance == ConditionDoc(
        "B.1", "selected", "probation", "any", (("selected", "fine"),)
    )


def test_a_joined_condition_with_a_value_the_question_does_not_have_is_refused():
    data = combined_sample()
    data["sections"][0]["questions"][-1]["relevance"] = {
        "question": "A.4",
        "any": [{"operator": "=", "value": "yes"}, {"operator": "=", "value": "sometimes"}],
    }
    problems = [str(p) for p in document_problems(document_from_dict(data))]
    assert any("'sometimes' is not a value of A.4" in p for p in problems), problems


# --- Read by people: the blank questionnaire and the editor -------------------------------------


@pytest.fixture
def combined_version(reference_data, administrator):
    return version_from_document(document=document_from_dict(combined_sample()), by=administrator)


def _plain(html: str) -> str:
    for mark in ("\u2066", "\u2068", "\u2069"):
        html = html.replace(mark, "")
    return html


def test_the_blank_questionnaire_says_when_a_joined_condition_asks_the_question(combined_version):
    html = _plain(
        blank_questionnaire_html(
            version=version_with_content(pk=combined_version.pk), language="en"
        )
    )
    assert "Answer only if the answer to A.4 is “Yes” or “Partly”." in html
    assert "Answer only if “Probation” or “Fine” is ticked in B.1." in html
    assert "Answer only if the answer to A.1 is not “0” or “5”." in html


def test_the_editor_shows_a_joined_condition_and_keeps_it(
    combined_version, administrator, client_for
):
    client = client_for(administrator)
    question = version_question(combined_version, "A.5")
    url = f"/questionnaires/versions/{combined_version.pk}/questions/{question.pk}/edit/"
    page = client.get(url)
    form = page.context["form"]
    key = form.initial["relevance"]
    assert json.loads(key) == A4_YES_OR_PARTLY
    assert "A.4 = Yes or A.4 = Partly" in page.content.decode()
    response = client.post(
        url,
        {
            "code": "A.5",
            "type": "date",
            "text_en": "Date of the last census",
            "text_fr": "Date du dernier recensement",
            "purpose": "application",
            "relevance": key,
            "standards-TOTAL_FORMS": "0",
            "standards-INITIAL_FORMS": "0",
            "standards-MIN_NUM_FORMS": "0",
            "standards-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    question.refresh_from_db()
    assert question.relevance == A4_YES_OR_PARTLY
    structure = client.get(f"/questionnaires/versions/{combined_version.pk}/edit/")
    assert "A.4 = Yes or A.4 = Partly" in structure.content.decode()


def test_the_values_are_listed_in_the_words_of_the_printed_language(combined_version):
    version = version_with_content(pk=combined_version.pk)
    french = _plain(blank_questionnaire_html(version=version, language="fr"))
    assert re.search(r"Oui\W{0,3} ou \W{0,3}En partie", french), "French “or”"
    arabic = _plain(blank_questionnaire_html(version=version, language="ar"))
    assert re.search(r"\W{0,3} أو \W{0,3}", arabic), "Arabic “or”"


def test_the_offline_workbook_says_when_a_joined_condition_asks_the_question(
    reference_data, administrator, state_a_contact, client_for
):
    version = approved_version(administrator, document_from_dict(combined_sample()))
    reply = reply_for(open_cycle(administrator, version), "KEN")
    data = download(client_for(state_a_contact), reply, "en")
    sheet = open_workbook(data)["Answers"]
    cells = [str(cell.value) for cell in sheet[row_of(sheet, "A.5")] if cell.value]
    assert any("Only if A.4 = Yes or A.4 = Partly." in cell for cell in cells), cells
