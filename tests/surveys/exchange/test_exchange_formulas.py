"""The XLSForm export writes every text as text: a question worded like a formula stays words
(and comes back on import), while the form's own expressions are written as they are."""

import io

import openpyxl
import pytest

from surveys.exchange.services import questionnaire_import, version_export
from surveys.questionnaires.versions import version_document, version_from_document
from tests.surveys.samples import sample_document

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x","click")'


@pytest.fixture
def document():
    document = sample_document()
    question = document.sections[0].questions[0]
    question.text = {**question.text, "fr": FORMULA}
    question.help = {**question.help, "en": "-5 means a decrease"}
    return document


def test_a_text_worded_like_a_formula_is_exported_as_text(reference_data, administrator, document):
    version = version_from_document(document=document, by=administrator)
    code = document.sections[0].questions[0].code

    survey = openpyxl.load_workbook(io.BytesIO(version_export(version=version)))["survey"]
    header = [cell.value for cell in survey[1]]
    row = next(r for r in survey.iter_rows(min_row=2) if r[1].value == code)
    label = row[header.index("label::French (fr)")]
    assert (label.value, label.data_type) == (FORMULA, "s")
    hint = row[header.index("hint::English (en)")]
    assert (hint.value, hint.data_type) == ("-5 means a decrease", "s")
    # The form's own expressions are unchanged: conditions and constraints, as XLSForm wants them.
    by_name = {r[1].value: r for r in survey.iter_rows(min_row=2)}
    relevant = by_name["A.2.1"][header.index("relevant")]
    assert (relevant.value, relevant.quotePrefix) == ("${A.2} = 'yes'", False)
    assert by_name["A.1"][header.index("constraint")].value == ". >= 0 and . <= 1000000"


def test_the_formula_like_text_survives_a_round_trip(reference_data, administrator, document):
    version = version_from_document(document=document, by=administrator)
    outcome = questionnaire_import(data=version_export(version=version), by=administrator)
    assert outcome.errors == []
    again = version_document(version=outcome.version)
    assert again.sections[0].questions[0].text["fr"] == FORMULA
