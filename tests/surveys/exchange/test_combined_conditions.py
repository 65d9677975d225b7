"""XLSForm relevance joining conditions over one question with `or` or `and` (issue 14, item 4):
read into the portal's "any"/"all" condition, refused and located when it joins different
questions or mixes the two words, written back so that pyxform converts it."""

import io
import shutil

import openpyxl
import pytest
from defusedxml import ElementTree
from pyxform.xls2xform import convert

from surveys.exchange.question_rows import parse_condition
from surveys.exchange.services import questionnaire_import, version_export
from surveys.questionnaires.documents import ConditionDoc
from surveys.questionnaires.versions import version_document
from tests.services import require_service
from tests.surveys.exchange.test_xlsform_import import LOCATED
from tests.surveys.samples import same_content
from tests.surveys.workbooks import workbook_bytes

pytestmark = pytest.mark.django_db

CHOICES = [
    ["list_name", "name", "label"],
    ["l", "a", "A"], ["l", "b", "B"], ["l", "c", "C"],
]  # fmt: skip


def _form(*rows: list) -> bytes:
    survey = [["type", "name", "label", "relevant"], *rows]
    return workbook_bytes({"survey": survey, "choices": CHOICES})


def _import(data: bytes):
    return questionnaire_import(data=data, by=None, form_id="f", category="c")


def _relevance(outcome, code: str):
    assert outcome.errors == [], outcome.errors
    return outcome.version.questions.get(code=code).relevance


def test_or_over_one_question_is_any_of_its_conditions(reference_data):
    outcome = _import(
        _form(
            ["select_one l", "q", "Q", None],
            ["text", "t", "T", "${q} = 'a' or ${q} = 'b'"],
            ["select_multiple l", "m", "M", None],
            ["text", "u", "U", "selected(${m}, 'a') or (selected(${m}, 'c'))"],
        )
    )
    assert _relevance(outcome, "t") == {
        "question": "q",
        "any": [{"operator": "=", "value": "a"}, {"operator": "=", "value": "b"}],
    }
    assert _relevance(outcome, "u") == {
        "question": "m",
        "any": [{"operator": "selected", "value": "a"}, {"operator": "selected", "value": "c"}],
    }


def test_and_over_one_question_is_all_of_its_conditions(reference_data):
    outcome = _import(
        _form(
            ["integer", "n", "N", None],
            ["text", "t", "T", "${n} != 2 and ${n} != 10"],
            ["select_one l", "q", "Q", None],
            ["text", "s", "S", "${q} = 'a'"],
        )
    )
    assert _relevance(outcome, "t") == {
        "question": "n",
        "all": [{"operator": "!=", "value": "2"}, {"operator": "!=", "value": "10"}],
    }
    # a single condition keeps the form every older file, export and version document has
    assert _relevance(outcome, "s") == {"question": "q", "operator": "=", "value": "a"}
    # `or` inside quotes joins nothing
    assert parse_condition("${q} = 'a or b'") == ConditionDoc("q", "=", "a or b")


@pytest.mark.parametrize(
    ("relevant", "message"),
    [
        ("${q} = 'a' or ${r} = 'b'", "joins conditions on different questions (q, r)"),
        ("${q} = 'a' or ${q} = 'b' and ${q} = 'c'", "mixes `and` and `or`"),
        ("${q} = 'a' or string-length(${q}) > 2", "is not a condition the portal supports"),
    ],
)
def test_conditions_the_portal_cannot_keep_together_are_refused_and_located(
    reference_data, relevant, message
):
    outcome = _import(
        _form(
            ["select_one l", "q", "Q", None],
            ["select_one l", "r", "R", None],
            ["text", "t", "T", relevant],
        )
    )
    assert outcome.version is None
    [error] = outcome.errors
    assert LOCATED.match(error), error
    assert error.startswith("survey sheet, row 4, column relevant")
    assert message in error


def _exported_relevance(data: bytes) -> dict[str, str]:
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True)["survey"]
    rows = list(sheet.iter_rows(values_only=True))
    name, relevant = rows[0].index("name"), rows[0].index("relevant")
    return {row[name]: row[relevant] for row in rows[1:] if row[name]}


@pytest.fixture
def combined(reference_data):
    outcome = _import(
        _form(
            ["select_one l", "q", "Q", None],
            ["text", "t", "T", "(${q} = 'a') or ${q}='b'"],
            ["integer", "n", "N", None],
            ["text", "u", "U", "${n} != 2 and ${n} != 10"],
            ["select_multiple l", "m", "M", None],
            ["text", "v", "V", "selected(${m}, 'a') or selected(${m}, 'c')"],
        )
    )
    assert outcome.errors == []
    return outcome.version


def test_the_export_writes_the_joined_conditions_and_reads_back_exactly(combined):
    data = version_export(version=combined)
    relevant = _exported_relevance(data)
    assert relevant["t"] == "${q} = 'a' or ${q} = 'b'"
    assert relevant["u"] == "${n} != 2 and ${n} != 10"
    assert relevant["v"] == "selected(${m}, 'a') or selected(${m}, 'c')"
    again = questionnaire_import(data=data, by=None, form_id="g", category="c")
    assert again.errors == [] and again.warnings == []
    assert same_content(version_document(version=again.version), version_document(version=combined))
    assert again.version.questions.get(code="t").relevance == {
        "question": "q",
        "any": [{"operator": "=", "value": "a"}, {"operator": "=", "value": "b"}],
    }


def test_pyxform_converts_the_exported_joined_conditions(combined):
    data = version_export(version=combined)
    warnings: list[str] = []
    xform = convert(xlsform=data, warnings=warnings, file_type=".xlsx").xform
    assert warnings == []
    binds = {
        bind.get("nodeset"): bind.get("relevant")
        for bind in ElementTree.fromstring(xform).iter("{http://www.w3.org/2002/xforms}bind")
    }
    assert binds["/data/S1/t"] == " /data/S1/q  = 'a' or  /data/S1/q  = 'b'"
    assert binds["/data/S1/u"] == " /data/S1/n  != 2 and  /data/S1/n  != 10"
    assert binds["/data/S1/v"] == "selected( /data/S1/m , 'a') or selected( /data/S1/m , 'c')"


def test_odk_validate_accepts_the_exported_joined_conditions(combined):
    if shutil.which("java") is None:
        require_service("Java", "apt-get install default-jre-headless (ODK Validate runs on it)")
    data = version_export(version=combined)
    warnings: list[str] = []
    xform = convert(xlsform=data, warnings=warnings, validate=True, file_type=".xlsx").xform
    assert warnings == [] and "<h:html" in xform
