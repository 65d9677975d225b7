"""A question shown when a number answered earlier is above or below a value (XLSForm's
`${n} > 10`, `${n} >= 1 and ${n} <= 1000`): evaluated on the server as in the browser, imported from
and exported to XLSForm (pyxform converts it), refused on a question that is not a number, picked
in the editor and said in words on the blank questionnaire and the offline workbook."""

import copy
import io
import json
import shutil

import openpyxl
import pytest
from pyxform.xls2xform import convert

from surveys.exchange.services import questionnaire_import, version_export
from surveys.questionnaires.conditions import condition_holds
from surveys.questionnaires.documents import document_from_dict, document_problems
from surveys.questionnaires.printing import blank_questionnaire_html
from surveys.questionnaires.selectors import version_with_content
from surveys.questionnaires.versions import version_document, version_from_document
from tests.factories import approved_version
from tests.services import require_service
from tests.surveys.exchange.test_xlsform_import import LOCATED
from tests.surveys.offline.test_offline import download, open_workbook, row_of
from tests.surveys.questionnaires.helpers import version_question
from tests.surveys.replies import open_cycle, reply_for
from tests.surveys.samples import SAMPLE, same_content
from tests.surveys.workbooks import workbook_bytes

A3_ABOVE_1_2 = {"question": "A.3", "operator": ">", "value": "1.2"}
A1_FROM_1_TO_1000 = {
    "question": "A.1",
    "all": [{"operator": ">=", "value": "1"}, {"operator": "<=", "value": "1000"}],
}


def comparison_sample() -> dict:
    """The sample questionnaire with A.5 asked when the occupancy rate A.3 is above 1.2, and B.6
    when the number of prisoners A.1 is from 1 to 1,000."""
    data = copy.deepcopy(SAMPLE)
    relevance = {"A.5": A3_ABOVE_1_2, "B.6": A1_FROM_1_TO_1000}
    for section in data["sections"]:
        for question in section["questions"]:
            if question["code"] in relevance:
                question["relevance"] = relevance[question["code"]]
    return data


# --- Evaluated on the server --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("1.5", True), (2, True), ("1.2", False), ("1.20", False), ("0.9", False), (None, False),
     ("", False), ("many", False)],
)  # fmt: skip
def test_more_than_compares_numbers_and_an_unanswered_question_never_satisfies_it(answer, expected):
    assert condition_holds(A3_ABOVE_1_2, {"A.3": answer}) is expected


@pytest.mark.parametrize(
    ("answer", "expected"), [(1, True), ("1000", True), (0, False), (1001, False), (None, False)]
)
def test_a_range_holds_between_its_bounds_inclusive(answer, expected):
    assert condition_holds(A1_FROM_1_TO_1000, {"A.1": answer}) is expected


def test_a_comparison_on_a_question_that_is_not_a_number_is_refused():
    data = comparison_sample()
    data["sections"][0]["questions"][5]["relevance"] = {
        "question": "A.4",
        "operator": ">",
        "value": "1",
    }
    problems = [str(p) for p in document_problems(document_from_dict(data))]
    assert "A.5: > compares numbers only; A.4 is yes_no_partly_dk" in problems
    data["sections"][0]["questions"][5]["relevance"] = {
        "question": "A.3",
        "operator": "<",
        "value": "x",
    }
    problems = [str(p) for p in document_problems(document_from_dict(data))]
    assert "A.5: 'x' is not a number" in problems


# --- XLSForm --------------------------------------------------------------------------------------


def _form(*rows: list) -> bytes:
    return workbook_bytes({"survey": [["type", "name", "label", "relevant"], *rows]})


@pytest.mark.django_db
def test_comparisons_import_export_and_pyxform_converts_them(reference_data):
    outcome = questionnaire_import(
        data=_form(
            ["integer", "n", "N", None],
            ["text", "t", "T", "${n} > 10"],
            ["text", "u", "U", "${n} >= 1 and ${n} <= 1000"],
            ["decimal", "d", "D", None],
            ["text", "v", "V", "${d} < 0.5 or ${d} > '2'"],
        ),
        by=None,
        form_id="f",
        category="c",
    )
    assert outcome.errors == [], outcome.errors
    questions = {q.code: q.relevance for q in outcome.version.questions.all()}
    assert questions["t"] == {"question": "n", "operator": ">", "value": "10"}
    assert questions["u"] == {
        "question": "n",
        "all": [{"operator": ">=", "value": "1"}, {"operator": "<=", "value": "1000"}],
    }
    assert questions["v"]["any"] == [
        {"operator": "<", "value": "0.5"},
        {"operator": ">", "value": "2"},
    ]
    data = version_export(version=outcome.version)
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True)["survey"]
    rows = list(sheet.iter_rows(values_only=True))
    name, relevant = rows[0].index("name"), rows[0].index("relevant")
    exported = {row[name]: row[relevant] for row in rows[1:] if row[name]}
    assert exported["t"] == "${n} > 10"
    assert exported["u"] == "${n} >= 1 and ${n} <= 1000"
    assert exported["v"] == "${d} < 0.5 or ${d} > 2"
    if shutil.which("java") is None:
        require_service("Java", "apt-get install default-jre-headless (ODK Validate runs on it)")
    warnings: list[str] = []
    xform = convert(xlsform=data, warnings=warnings, validate=True, file_type=".xlsx").xform
    assert warnings == [] and "/data/S1/n  &gt; 10" in xform  # and ODK Validate accepts it
    again = questionnaire_import(data=data, by=None, form_id="g", category="c")
    assert again.errors == [] and again.warnings == []
    assert same_content(
        version_document(version=again.version), version_document(version=outcome.version)
    )


@pytest.mark.django_db
def test_a_comparison_on_a_choice_question_is_refused_at_its_row(reference_data):
    outcome = questionnaire_import(
        data=workbook_bytes(
            {
                "survey": [
                    ["type", "name", "label", "relevant"],
                    ["select_one l", "q", "Q", None],
                    ["text", "t", "T", "${q} > 2"],
                ],
                "choices": [["list_name", "name", "label"], ["l", "1", "One"], ["l", "3", "Three"]],
            }
        ),
        by=None,
        form_id="f",
        category="c",
    )
    assert outcome.version is None
    [error] = outcome.errors
    assert LOCATED.match(error), error
    assert error == "survey sheet, row 3 (t): > compares numbers only; q is single_choice"


# --- Read by people --------------------------------------------------------------------------------


@pytest.fixture
def comparison_version(reference_data, administrator):
    return version_from_document(document=document_from_dict(comparison_sample()), by=administrator)


def _plain(html: str) -> str:
    for mark in ("\u2066", "\u2068", "\u2069"):
        html = html.replace(mark, "")
    return html


def test_the_blank_questionnaire_says_the_comparison_in_words(comparison_version):
    version = version_with_content(pk=comparison_version.pk)
    english = _plain(blank_questionnaire_html(version=version, language="en"))
    assert "Answer only if the answer to A.3 is more than 1.2." in english
    assert "Answer only if the answer to A.1 is 1 or more and 1,000 or less." in english
    french = _plain(blank_questionnaire_html(version=version, language="fr"))
    assert "Répondre seulement si la réponse à la question A.3 est supérieure à 1,2." in french


def test_the_editor_offers_and_keeps_a_comparison_with_the_number_typed(
    comparison_version, administrator, client_for
):
    client = client_for(administrator)
    question = version_question(comparison_version, "A.5")
    url = f"/questionnaires/versions/{comparison_version.pk}/questions/{question.pk}/edit/"
    page = client.get(url)
    assert page.context["form"].initial["relevance"] == json.dumps(["A.3", ">", "#"])
    assert page.context["form"].initial["relevance_number"] == "1.2"
    assert "A.3 ≥ the number given below" in page.content.decode()
    response = client.post(
        url,
        {
            "code": "A.5",
            "type": "date",
            "text_en": "Date of the last census",
            "text_fr": "Date du dernier recensement",
            "purpose": "application",
            "relevance": json.dumps(["A.3", "<=", "#"]),
            "relevance_number": "0.95",
            "standards-TOTAL_FORMS": "0",
            "standards-INITIAL_FORMS": "0",
            "standards-MIN_NUM_FORMS": "0",
            "standards-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    question.refresh_from_db()
    assert question.relevance == {"question": "A.3", "operator": "<=", "value": "0.95"}


def test_the_offline_workbook_says_the_comparison_in_words(
    reference_data, administrator, state_a_contact, client_for
):
    version = approved_version(administrator, document_from_dict(comparison_sample()))
    reply = reply_for(open_cycle(administrator, version), "KEN")
    sheet = open_workbook(download(client_for(state_a_contact), reply, "en"))["Answers"]
    cells = [str(cell.value) for cell in sheet[row_of(sheet, "A.5")] if cell.value]
    assert any("Only if the answer to A.3 is more than 1.2." in cell for cell in cells), cells
