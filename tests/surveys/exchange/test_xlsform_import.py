"""XLSForm imports read what pyxform reads (its aliases, blank formatted rows, empty sheets, .xls),
refuse with the place of every problem what the database could not hold, and list every column
or construct the portal does not keep. These run on PostgreSQL in CI, where a value too long for
its column fails (SQLite would have kept it)."""

import io
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl.styles import PatternFill
from pyxform.xls2xform import convert

from surveys.exchange.services import questionnaire_import, version_export
from surveys.models import Choice, Question, Questionnaire, QuestionStandard, Section
from surveys.questionnaires import documents
from surveys.questionnaires.versions import version_document
from tests.services import require_service
from tests.surveys.samples import same_content
from tests.surveys.workbooks import workbook_bytes

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).parent / "xlsform_examples"
# A message is located: it names its sheet (and row and column where it has them), or the file.
LOCATED = re.compile(
    r"^[a-z_]+ sheet(, row \d+)?(, column \S+( \([A-Z]+\))?)?[: ]"
    r"|^the (workbook|file) |^the questionnaire's code: "
)

YES_NO = [["yes_no", "yes", "Yes"], ["yes_no", "no", "No"]]


def _form(survey: list[list], choices: list[list] | None = None, **sheets) -> bytes:
    rows = {"survey": survey, **sheets}
    if choices is not None:
        rows["choices"] = choices
    return workbook_bytes(rows)


def _import(data: bytes, form_id: str = "f", **kwargs):
    return questionnaire_import(data=data, by=None, form_id=form_id, category="c", **kwargs)


def _refused(data: bytes, **kwargs) -> list[str]:
    outcome = _import(data, **kwargs)
    assert outcome.version is None and outcome.errors
    assert not Questionnaire.objects.exists()
    for error in outcome.errors:
        assert LOCATED.match(error), error
    return outcome.errors


# --- Read the way pyxform reads -------------------------------------------------------------------


def test_pyxform_spellings_of_columns_and_types_are_read(reference_data):
    """`list name`, `label:French` (one colon), `bind:relevant`, `caption`, "select one from",
    `id_string` and `title` on the settings sheet: what KoboToolbox and ODK accept."""
    data = _form(
        [
            ["type", "name", "label:English", "label:French", "bind:relevant", "hint"],
            ["select one from yes_no", "q1", "Any?", "Aucun ?", None, None],
            ["integer", "q2", "How many?", "Combien ?", "${q1} = 'yes'", "A count"],
        ],
        [
            ["list name", "name", "label:English", "label:French"],
            ["yes_no", "yes", "Yes", "Oui"],
            ["yes_no", "no", "No", "Non"],
        ],
        settings=[["id_string", "title", "category"], ["spelled", "Spelled form", "c"]],
    )
    outcome = questionnaire_import(data=data, by=None)
    assert outcome.errors == []
    version = outcome.version
    assert version.questionnaire.code == "spelled"
    assert version.title == {"en": "Spelled form"}
    q1, q2 = version.questions.order_by("order")
    assert q1.type == "yes_no" and q1.text == {"en": "Any?", "fr": "Aucun ?"}
    assert q2.relevance == {"question": "q1", "operator": "=", "value": "yes"}
    assert q2.text["fr"] == "Combien ?" and q2.help_text == {"en": "A count"}


def test_a_form_of_six_rows_formatted_down_to_row_65536_imports(reference_data):
    workbook = openpyxl.Workbook()
    survey = workbook.active
    survey.title = "survey"
    for row in [
        ["type", "name", "label"],
        ["begin group", "s", "Section"],
        ["integer", "a", "A"],
        ["integer", "b", "B"],
        ["text", "c", "C"],
        ["date", "d", "D"],
        ["end group", None, None],
    ]:
        survey.append(row)
    fill = PatternFill("solid", fgColor="FFFF00")
    for number in range(8, 65537):  # formatted, never typed in: blank rows to the last of .xls
        survey.cell(row=number, column=1).fill = fill
    output = io.BytesIO()
    workbook.save(output)
    outcome = _import(output.getvalue())
    assert outcome.errors == [] and outcome.warnings == []
    assert list(outcome.version.questions.values_list("code", flat=True)) == ["a", "b", "c", "d"]


def test_an_empty_settings_sheet_is_no_settings_sheet(reference_data):
    data = _form([["type", "name", "label"], ["text", "t", "T"]], settings=[])
    outcome = _import(data)
    assert outcome.errors == [] and outcome.version.questionnaire.code == "f"


def test_an_xls_file_is_read(reference_data):
    outcome = _import((EXAMPLES / "pyxform__tutorial.xls").read_bytes())
    # read through and mapped: the refusal is the portal's (a repeat), at its row and column
    assert outcome.errors == [
        "survey sheet, row 2, column type (B): the repeat 'member' ('begin repeat') is not "
        "supported by the portal, whose questions are answered once; the file is refused rather "
        "than asking the repeat's questions once"
    ]


def test_an_xls_file_passes_the_size_check_before_it_is_read(reference_data, settings):
    data = (EXAMPLES / "pyxform__tutorial.xls").read_bytes()
    assert _refused(data + b"\0" * (10 * 1024 * 1024)) == ["the file is larger than 10 MB"]


# --- Every refusal located: what the database could not hold ---------------------------------------


def test_the_limits_are_the_database_columns():
    def length(model, name):
        return model._meta.get_field(name).max_length

    assert length(Questionnaire, "code") == documents.MAX_FORM_ID
    assert documents.MAX_CODE == length(Question, "code") == length(Section, "code")
    assert length(Choice, "name") == documents.MAX_CHOICE_NAME
    assert length(Question, "part_of") == documents.MAX_PART_OF
    assert length(QuestionStandard, "provision") == documents.MAX_PROVISION
    minimum = Question._meta.get_field("minimum")
    assert (minimum.max_digits, minimum.decimal_places) == (20, documents.BOUND_DECIMALS)
    assert 10 ** (minimum.max_digits - minimum.decimal_places) == documents.BOUND_LIMIT


def test_a_question_name_longer_than_the_database_allows_is_located(reference_data):
    name = "form_with_multiple_select_and_a_long_name1"  # 43 characters, as in onadata's form
    errors = _refused(_form([["type", "name", "label"], ["text", name, "T"]]))
    assert errors == [
        f"survey sheet, row 2 ({name}): the code is longer than the portal's 40 characters"
    ]


def test_a_choice_name_longer_than_the_database_allows_is_located(reference_data):
    long_name = "c" * 61
    data = _form(
        [["type", "name", "label"], ["select_one l", "q", "Q"]],
        [["list_name", "name", "label"], ["l", long_name, "Long"], ["l", "short", "Short"]],
    )
    assert _refused(data) == [
        f"survey sheet, row 2 (q): the choice name {long_name!r} is longer than the portal's "
        "60 characters"
    ]


def test_a_form_id_longer_than_the_database_allows_is_located(reference_data):
    data = _form(
        [["type", "name", "label"], ["text", "t", "T"]],
        settings=[["form_id", "category"], ["x" * 61, "c"]],
    )
    assert _refused(data) == [
        f"settings sheet, row 2, column form_id (A): {'x' * 61!r} is longer than the portal's "
        "60 characters"
    ]


@pytest.mark.parametrize(
    ("constraint", "message"),
    [
        (". >= 0 and . <= 100000000000000", "the maximum 100000000000000 is out of range"),
        (". >= -1000000000000000", "the minimum -1000000000000000 is out of range"),
        (". <= 0.0000001", "the maximum 0.0000001 has more than 6 decimals"),
        (". >= 10 and . <= 5", "the minimum 10 is above the maximum 5"),
    ],
)
def test_bounds_the_database_cannot_hold_are_located(reference_data, constraint, message):
    data = _form([["type", "name", "label", "constraint"], ["decimal", "n", "N", constraint]])
    (error,) = _refused(data)
    assert error.startswith(f"survey sheet, row 2 (n): {message}")


def test_an_empty_section_is_refused(reference_data):
    data = _form(
        [
            ["type", "name", "label"],
            ["begin group", "s1", "Only notes"],
            ["note", "n1", "Read this"],
            ["end group", None, None],
            ["begin group", "s2", "Questions"],
            ["text", "t", "T"],
            ["end group", None, None],
        ]
    )
    errors = _refused(data)
    assert errors == [
        "survey sheet, row 2, column name (B): the section 's1' (rows 2 to 4) has no question the "
        "portal keeps; an empty section is refused (other tools refuse a group with no children)"
    ]


def test_a_repeat_is_refused_not_flattened(reference_data):
    data = _form(
        [
            ["type", "name", "label"],
            ["text", "household", "Household"],
            ["begin repeat", "member", "Member"],
            ["text", "member_name", "Name"],
            ["begin group", "inner", "Inner"],
            ["integer", "age", "Age"],
            ["end group", None, None],
            ["end repeat", None, None],
        ]
    )
    for skip in (False, True):
        errors = _refused(data, skip_unsupported=skip)
        assert len(errors) == 1 and errors[0].startswith(
            "survey sheet, row 3, column type (A): the repeat 'member' ('begin repeat') is not "
            "supported by the portal"
        )


def test_no_settings_sheet_and_a_bad_code_give_a_message(reference_data, tmp_path):
    path = tmp_path / "form.xlsx"
    path.write_bytes(_form([["type", "name", "label"], ["text", "t", "T"]]))
    with pytest.raises(CommandError) as refused:
        call_command(
            "import_questionnaire", str(path), "--form-id", "not valid!", "--category", "c"
        )
    assert "1 error; nothing was imported" in str(refused.value)
    assert _refused(path.read_bytes(), form_id="not valid!") == [
        "the questionnaire's code: 'not valid!' may use only letters, digits, - and _"
    ]


# --- Every loss reported ----------------------------------------------------------------------------


LOSSY = _form(
    [
        ["type", "name", "label", "calculation", "default", "choice_filter", "appearance"],
        ["begin group", "g", "G", None, None, None, "w5"],
        ["select_one l", "q", "Q", None, None, "true()", "minimal"],
        ["integer", "n", "N", None, "3", None, None],
        ["text", "t", "T", "concat('a', 'b')", None, None, "multiline"],
        ["start", "start", None, None, None, None, None],
        ["end group", None, None, None, None, None, None],
    ],
    [["list_name", "name", "label", "image"], ["l", "a", "A", "a.png"]],
    settings=[["form_id", "category", "instance_name"], ["lossy", "c", "concat(${t})"]],
    external_choices=[["list_name", "name", "label"], ["x", "y", "z"]],
)


def test_every_column_and_construct_not_kept_is_a_warning(reference_data):
    outcome = _import(LOSSY)
    assert outcome.errors == []
    assert outcome.warnings == [
        "survey sheet, row 6, column type (A): 'start' is collected automatically by other "
        "tools; skipped",
        "survey sheet, row 2, column appearance (G): the appearance 'w5' is not kept by the portal",
        "survey sheet, column choice_filter (F): not kept by the portal; its value in 1 row was "
        "left out",
        "survey sheet, column default (E): not kept by the portal; its value in 1 row was left out",
        "survey sheet, column calculation (D): not kept by the portal; its value in 1 row was "
        "left out",
        "choices sheet, column image (D): not kept by the portal; its value in 1 row was left out",
        "settings sheet, column instance_name (C): not kept by the portal; its value in 1 row was "
        "left out",
        "external_choices sheet: not read by the portal; it was left out",
    ]


def test_what_a_table_row_says_beyond_its_label_is_a_warning(reference_data):
    data = _form(
        [
            ["type", "name", "label", "appearance", "required", "hint"],
            ["begin group", "t", "Table", "table-list", None, None],
            ["select_one l", "t.r1", "Row 1", None, "yes", None],
            ["select_one l", "t.r2", "Row 2", None, None, "A hint"],
            ["end group", None, None, None, None, None],
        ],
        [["list_name", "name", "label"], ["l", "a", "A"], ["l", "b", "B"]],
    )
    outcome = _import(data)
    assert outcome.errors == []
    assert outcome.warnings == [
        "survey sheet, row 3, column required (E): not kept for a row of the table 't' (a table "
        "row has only its label)",
        "survey sheet, row 4, column hint (F): not kept for a row of the table 't' (a table row "
        "has only its label)",
    ]


def test_the_command_lists_the_warnings(reference_data, tmp_path, capsys):
    path = tmp_path / "lossy.xlsx"
    path.write_bytes(LOSSY)
    call_command("import_questionnaire", str(path))
    err = capsys.readouterr().err
    assert "warning: survey sheet, column calculation (D): not kept by the portal" in err
    assert "warning: external_choices sheet: not read by the portal" in err


def test_the_import_page_lists_the_warnings(reference_data, administrator, client_for):
    client = client_for(administrator)
    upload = io.BytesIO(LOSSY)
    upload.name = "lossy.xlsx"
    response = client.post(reverse("surveys:questionnaire_import"), {"file": upload}, follow=True)
    page = response.content.decode()
    assert "survey sheet, column calculation (D): not kept by the portal" in page
    assert "the appearance &#x27;w5&#x27; is not kept by the portal" in page


# --- The constructs that fit ------------------------------------------------------------------------


def test_constraint_messages_and_appearances_are_kept_and_exported_back(reference_data):
    data = _form(
        [
            [
                "type", "name", "label", "constraint", "constraint_message::English (en)",
                "constraint_message::French (fr)", "appearance",
            ],
            ["integer", "n", "N", ". >= 0 and . <= 10", "0 to 10", "De 0 à 10", None],
            ["select_one l", "q", "Q", None, None, None, "minimal"],
            ["text", "t", "T", None, None, None, "multiline"],
        ],
        [["list_name", "name", "label"], ["l", "a", "A"], ["l", "b", "B"]],
    )  # fmt: skip
    outcome = _import(data)
    assert outcome.errors == [] and outcome.warnings == []
    questions = {q.code: q for q in outcome.version.questions.all()}
    assert questions["n"].constraint_message == {"en": "0 to 10", "fr": "De 0 à 10"}
    assert questions["q"].appearance == "minimal"
    assert questions["t"].type == "long_text" and questions["t"].appearance == ""
    again = _import(version_export(version=outcome.version))
    assert again.errors == []
    assert same_content(
        version_document(version=again.version), version_document(version=outcome.version)
    )


def test_notes_opening_a_section_are_its_introduction_others_lead_to_the_next_question(
    reference_data,
):
    data = _form(
        [
            ["type", "name", "label::English (en)", "label::French (fr)", "hint::English (en)",
             "relevant"],
            ["begin group", "s", "Section", "Section", "Read first.", None],
            ["note", "n1", "Answer for the whole country.", "Pour tout le pays.", None, None],
            ["integer", "q", "How many?", "Combien ?", None, None],
            ["note", "n2", "Now about women.", "Maintenant, les femmes.", None, None],
            ["note", "n3", "Count each once.", None, None, "${q} > 0"],
            ["integer", "w", "Of these, women?", "Dont des femmes ?", None, "${q} > 0"],
            ["note", "n4", "About staff.", None, None, "${q} = 1"],
            ["integer", "t", "Staff?", "Personnel ?", None, None],
            ["note", "n5", "Thank you.", "Merci.", None, None],
            ["end group", None, None, None, None, None],
        ]
    )  # fmt: skip
    outcome = _import(data)
    assert outcome.errors == []
    section = outcome.version.sections.get()
    assert section.intro == {
        "en": "Read first.\n\nAnswer for the whole country.",
        "fr": "Pour tout le pays.",
    }
    questions = {q.code: q for q in outcome.version.questions.all()}
    assert questions["q"].lead_in == {}
    assert questions["w"].lead_in == {
        "en": "Now about women.\n\nCount each once.",
        "fr": "Maintenant, les femmes.",
    }
    assert questions["t"].lead_in == {"en": "About staff."}
    assert outcome.warnings == [
        "survey sheet, row 8, column relevant (F): the note 'n4' is shown before t, when t is; "
        "its own condition '${q} = 1' was not kept",
        "survey sheet, row 10, column type (A): the note 'n5' was left out: no question follows "
        "it in its section",
    ]


def test_a_text_before_a_question_goes_out_as_a_note_and_comes_back(reference_data):
    data = _form(
        [
            ["type", "name", "label::English (en)", "label::Arabic (ar)", "relevant"],
            ["integer", "q", "How many?", "كم؟", None],
            ["note", "n", "Now about women.", "والآن عن النساء.", None],
            ["integer", "w", "Of these, women?", "منهم نساء؟", "${q} > 0"],
            ["begin group", "tbl", "Each measure", None, None],
            ["select_one yes_no", "tbl.a", "Probation", None, None],
            ["end group", None, None, None, None],
        ],
        [["list_name", "name", "label"], *YES_NO],
    )
    outcome = _import(data)
    assert outcome.errors == [], outcome.errors
    exported = version_export(version=outcome.version)
    sheet = openpyxl.load_workbook(io.BytesIO(exported), read_only=True)["survey"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    by_name = {row[header.index("name")]: row for row in rows[1:]}
    note = by_name["w_note"]
    assert note[header.index("type")] == "note"
    assert note[header.index("label::English (en)")] == "Now about women."
    assert note[header.index("label::Arabic (ar)")] == "والآن عن النساء."
    assert note[header.index("relevant")] == "${q} > 0"  # shown when its question is
    names = [row[header.index("name")] for row in rows[1:]]
    assert names.index("w_note") == names.index("w") - 1
    if shutil.which("java") is None:
        require_service("Java", "apt-get install default-jre-headless (ODK Validate runs on it)")
    warnings: list[str] = []
    convert(xlsform=exported, warnings=warnings, validate=True, file_type=".xlsx")
    assert warnings == []  # pyxform converts it and ODK Validate accepts it
    again = _import(exported, form_id="g")
    assert again.errors == [] and again.warnings == []
    assert same_content(
        version_document(version=again.version), version_document(version=outcome.version)
    )
    assert again.version.questions.get(code="w").lead_in == {
        "en": "Now about women.",
        "ar": "والآن عن النساء.",
    }


def test_a_yes_no_list_with_the_forms_own_labels_keeps_them(reference_data):
    data = _form(
        [["type", "name", "label"], ["select_one yes_no", "q", "Q"]],
        [["list_name", "name", "label"], ["yes_no", "yes", "Yes, in law"], ["yes_no", "no", "No"]],
    )
    question = _import(data).version.questions.get()
    assert question.type == "single_choice"
    assert [c.label for c in question.choices.order_by("order")] == [
        {"en": "Yes, in law"},
        {"en": "No"},
    ]


def test_a_yes_no_list_with_plain_labels_is_the_portals_scale(reference_data):
    data = _form([["type", "name", "label"], ["select_one yes_no", "q", "Q"]], [
        ["list_name", "name", "label"], *YES_NO
    ])  # fmt: skip
    assert _import(data).version.questions.get().type == "yes_no"


def test_or_other_and_its_expanded_form_are_other_please_specify(reference_data):
    choices = [["list_name", "name", "label"], ["l", "a", "A"], ["l", "b", "B"]]
    pyxform_style = _form(
        [["type", "name", "label"], ["select_multiple l or_other", "q", "Q"]], choices
    )
    expanded = _form(
        [
            ["type", "name", "label", "relevant"],
            ["select_multiple l", "q", "Q", None],
            ["text", "q_other", "Please specify", "selected(${q}, 'other')"],
        ],
        [*choices, ["l", "other", "Other"]],
    )
    for code, data in (("pyxform", pyxform_style), ("expanded", expanded)):
        question = _import(data, form_id=code).version.questions.get()
        assert question.other_specify
        assert list(question.choices.values_list("name", flat=True)) == ["a", "b"]


# --- Forms written for other tools (tests/surveys/exchange/xlsform_examples, see its README) ------

EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".xls", ".xlsx"))


@pytest.mark.parametrize("skip", [False, True], ids=["strict", "skip-unsupported"])
@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_every_example_imports_with_its_losses_listed_or_is_refused_with_places(
    reference_data, name, skip
):
    data = (EXAMPLES / name).read_bytes()
    outcome = _import(data, form_id=Path(name).stem.replace("_", "-")[:60], skip_unsupported=skip)
    for message in outcome.errors + outcome.warnings:
        assert LOCATED.match(message), message
    if outcome.version is None:
        assert outcome.errors
    else:
        assert outcome.errors == [] and outcome.version.questions.exists()


def test_the_examples_say_where_they_come_from_and_under_which_licence():
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for name in EXAMPLE_FILES:
        assert f"`{name}`" in readme, name
    assert (EXAMPLES / "LICENSE-pyxform").exists() and (EXAMPLES / "LICENSE-Apache-2.0").exists()
