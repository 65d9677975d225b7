"""Questionnaires in and out as XLSForm workbooks: round trip, bad files, files from other tools."""

import io
import zipfile
from html import unescape

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from surveys.exchange.services import questionnaire_import, version_export
from surveys.models import Questionnaire, QuestionnaireVersion, VersionStatus
from surveys.questionnaires.versions import version_document, version_from_document
from tests.surveys.samples import same_content, sample_document
from tests.surveys.workbooks import edited, find_row, set_cell, workbook_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(reference_data, administrator):
    return version_from_document(document=sample_document(), by=administrator)


@pytest.fixture
def exported(version):
    return version_export(version=version)


def test_the_export_is_a_readable_xlsform(exported):
    workbook = openpyxl.load_workbook(io.BytesIO(exported))
    assert workbook.sheetnames == ["survey", "choices", "settings", "portal"]
    survey = workbook["survey"]
    header = [cell.value for cell in survey[1]]
    assert header[:4] == ["type", "name", "label::English (en)", "label::French (fr)"]
    assert {
        "hint::Arabic (ar)",
        "required",
        "relevant",
        "constraint",
        "standards",
        "purpose",
        "gender",
    } <= set(header)
    rows = {
        row[1]: dict(zip(header, row, strict=True))
        for row in survey.iter_rows(min_row=2, values_only=True)
    }
    assert (
        rows["A"]["type"] == "begin group"
        and rows["A"]["label::French (fr)"] == "Personnes détenues"
    )
    assert rows["A.1"]["type"] == "integer"
    assert rows["A.1"]["constraint"] == ". >= 0 and . <= 1000000"
    assert rows["A.1"]["standards"] == "SMR (rule 1)"
    # "other, please specify", translated: an option last in the list and a text shown for it
    assert rows["A.2.1"]["type"] == "select_one A.2.1"
    assert rows["A.2.1_other"]["type"] == "text"
    assert rows["A.2.1_other"]["relevant"] == "selected(${A.2.1}, 'other')"
    assert rows["A.2.1_other"]["label::Arabic (ar)"] == "يرجى التحديد"
    assert rows["A.2.1"]["relevant"] == "${A.2} = 'yes'"
    assert rows["A.4"]["type"] == "select_one yes_no_partly_dk" and rows["A.4"]["gender"] == "yes"
    assert rows["B.1"]["type"] == "select_multiple B.1"
    assert rows["B.2"]["appearance"] == "table-list"
    assert rows["B.2.probation"]["type"] == "select_one B.2"
    assert rows["B.2"]["relevant"] == "selected(${B.1}, 'probation')"
    assert rows["B.4"]["appearance"] == "multiline" and rows["B.4"]["purpose"] == "difficulty"
    assert rows["B.6"]["relevant"] == "${A.1} != 0"
    choices = list(workbook["choices"].iter_rows(min_row=2, values_only=True))
    # the last column, exclusive, is empty for an option that can go with others
    assert ("yes_no", "yes", "Yes", "Oui", "Sí", "Да", "是", "نعم", None) in choices
    settings = dict(zip(*workbook["settings"].iter_rows(values_only=True), strict=True))
    assert settings["form_id"] == "sample" and settings["default_language"] == "English (en)"
    # pyxform has no translated title in settings: the titles are on the portal's own sheet
    assert not any("::" in column for column in settings)
    portal = dict(zip(*workbook["portal"].iter_rows(values_only=True), strict=True))
    assert portal["form_title::French (fr)"] == "Questionnaire type"


def test_export_then_import_gives_an_identical_version(version, exported, administrator):
    outcome = questionnaire_import(data=exported, by=administrator)
    assert outcome.errors == []
    again = outcome.version
    assert (again.questionnaire_id, again.number, again.status) == (
        version.questionnaire_id,
        2,
        VersionStatus.DRAFT,
    )
    assert same_content(version_document(version=again), version_document(version=version))
    assert version_export(version=again) != b""  # and it exports again


def _import_refused(data, **kwargs):
    before = (Questionnaire.objects.count(), QuestionnaireVersion.objects.count())
    outcome = questionnaire_import(data=data, by=None, **kwargs)
    assert outcome.version is None
    assert (Questionnaire.objects.count(), QuestionnaireVersion.objects.count()) == before
    return outcome.errors


def test_a_file_without_a_survey_sheet_is_refused(exported):
    errors = _import_refused(edited(exported, lambda wb: wb.remove(wb["survey"])))
    assert errors == [
        "the workbook has no 'survey' sheet (its sheets: 'choices', 'settings', 'portal')"
    ]


def test_an_unknown_type_is_reported_with_its_place(exported):
    def edit(workbook):
        survey = workbook["survey"]
        set_cell(survey, find_row(survey, "name", "A.5"), "type", "geopoint")

    errors = _import_refused(edited(exported, edit))
    assert errors == [
        "survey sheet, row 9, column type (A): questions of type 'geopoint' are not supported by the portal"
    ]


def test_unsupported_rows_can_be_left_out_and_are_listed(exported, administrator):
    def edit(workbook):
        survey = workbook["survey"]
        set_cell(survey, find_row(survey, "name", "A.5"), "type", "geopoint")

    outcome = questionnaire_import(
        data=edited(exported, edit), by=administrator, skip_unsupported=True
    )
    assert outcome.version is not None
    assert not outcome.version.questions.filter(code="A.5").exists()
    assert outcome.warnings == [
        "survey sheet, row 9, column type (A): questions of type 'geopoint' are not supported by the portal; the row was left out"
    ]


def test_a_condition_naming_an_unknown_question_is_reported(exported):
    def edit(workbook):
        survey = workbook["survey"]
        set_cell(survey, find_row(survey, "name", "A.2.1"), "relevant", "${A.9} = 'yes'")

    errors = _import_refused(edited(exported, edit))
    assert errors == [
        "survey sheet, row 5 (A.2.1): the relevance condition names 'A.9', not an earlier question"
    ]


def test_a_duplicate_code_is_reported(exported):
    def edit(workbook):
        survey = workbook["survey"]
        set_cell(survey, find_row(survey, "name", "A.3"), "name", "A.1")

    errors = _import_refused(edited(exported, edit))
    assert errors == ["survey sheet, row 7, column name (B): the name 'A.1' is used twice"]


def test_a_choice_list_that_does_not_exist_is_reported(exported):
    def edit(workbook):
        survey = workbook["survey"]
        set_cell(survey, find_row(survey, "name", "B.1"), "type", "select_multiple measures")

    errors = _import_refused(edited(exported, edit))
    assert errors == [
        "survey sheet, row 12, column type (A): the choice list 'measures' is not on the choices sheet"
    ]


def test_every_error_of_a_file_is_listed_at_once(exported):
    def edit(workbook):
        survey = workbook["survey"]
        set_cell(survey, find_row(survey, "name", "A.5"), "type", "geopoint")
        set_cell(survey, find_row(survey, "name", "A.1"), "required", "perhaps")
        set_cell(survey, find_row(survey, "name", "A.3"), "constraint", "regex(., '^[0-9]+$')")
        choices = workbook["choices"]
        set_cell(choices, find_row(choices, "name", "monthly"), "name", "yearly")

    errors = _import_refused(edited(exported, edit))
    assert len(errors) == 4
    assert (
        "choices sheet, row 5, column name (B): 'yearly' appears twice in the list 'A.2.1'"
        in errors
    )
    assert "survey sheet, row 3, column required (O): use yes or no, not 'perhaps'" in errors


def test_an_unknown_standard_is_reported_at_its_row(exported):
    def edit(workbook):
        survey = workbook["survey"]
        set_cell(survey, find_row(survey, "name", "A.1"), "standards", "NOT-A-STANDARD (rule 1)")

    errors = _import_refused(edited(exported, edit))
    assert errors == ["survey sheet, row 3 (A.1): unknown standard 'NOT-A-STANDARD'"]


def test_a_file_that_is_not_a_workbook_is_refused(reference_data):
    assert _import_refused(b"%PDF-1.7 not a workbook") == [
        "the file is not an Excel workbook (.xlsx or .xls)"
    ]


def test_an_archive_that_unpacks_to_a_huge_size_is_refused_before_parsing(reference_data):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (101 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024  # small on disk
    assert _import_refused(data) == ["the workbook unpacks to more than 100 MB"]


def test_an_archive_with_too_many_parts_is_refused(reference_data):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for index in range(1001):
            archive.writestr(f"xl/part{index}.xml", "")
    assert _import_refused(buffer.getvalue()) == ["the workbook holds more than 1000 parts"]


def test_a_workbook_with_an_xml_entity_bomb_is_refused(exported):
    """A part declaring entities is refused before any XML parser sees it."""
    source = zipfile.ZipFile(io.BytesIO(exported))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                content = content.replace(
                    b"<workbook",
                    b'<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><workbook',
                    1,
                )
            archive.writestr(item, content)
    errors = _import_refused(buffer.getvalue())
    assert len(errors) == 1 and errors[0].startswith("the workbook cannot be read")


# Two published multilingual XLSForm examples, rebuilt row for row: the ODK documentation's
# "Form Language" example (English and Spanish labels and hints), and the KoboToolbox form of the
# robotoolbox "Multi-Language Survey Forms" vignette (English, French and Arabic, with start/end/today).

ODK_COLORS = {
    "survey": [
        [
            "type",
            "name",
            "label::English (en)",
            "label::Español (es)",
            "hint::English (en)",
            "hint::Español (es)",
        ],
        [
            "select_multiple colors",
            "color_prefs",
            "What colors do you like?",
            "¿Qué colores te gustan?",
            "Select three.",
            "Seleccione tres.",
        ],
    ],
    "choices": [
        ["list_name", "name", "label::English (en)", "label::Español (es)"],
        ["colors", "red", "Red", "Rojo"],
        ["colors", "blue", "Blue", "Azul"],
        ["colors", "yellow", "Yellow", "Amarillo"],
        ["colors", "green", "Green", "Verde"],
        ["colors", "orange", "Orange", "Naranja"],
        ["colors", "purple", "Purple", "Morado"],
    ],
}

KOBO_PETS = {
    "survey": [
        ["type", "name", "label::English (en)", "label::Francais (fr)", "label::Arabic (ar)"],
        ["start", "start", None, None, None],
        ["end", "end", None, None, None],
        ["today", "today", None, None, None],
        ["text", "full_name", "What is your name?", "Quel est votre nom ?", "ما اسمك ؟"],
        [
            "select_one yesno",
            "pet_yesno",
            "Do you have any pet?",
            "Avez-vous un animal de compagnie ?",
            "هل تمتلك حيوانا أليفا ؟",
        ],
    ],
    "choices": [
        ["list_name", "name", "label::English (en)", "label::Francais (fr)", "label::Arabic (ar)"],
        ["yesno", 1, "Yes", "Oui", "نعم"],
        ["yesno", 0, "No", "Non", "لا"],
    ],
}


def test_the_odk_documentation_example_imports(reference_data, administrator):
    outcome = questionnaire_import(
        data=workbook_bytes(ODK_COLORS), by=administrator, form_id="colors", category="c"
    )
    assert outcome.errors == []
    question = outcome.version.questions.get()
    assert (question.code, question.type) == ("color_prefs", "multiple_choice")
    assert question.text == {"en": "What colors do you like?", "es": "¿Qué colores te gustan?"}
    assert question.help_text == {"en": "Select three.", "es": "Seleccione tres."}
    assert [c.label["es"] for c in question.choices.order_by("order")] == [
        "Rojo",
        "Azul",
        "Amarillo",
        "Verde",
        "Naranja",
        "Morado",
    ]


def test_the_kobotoolbox_example_imports_and_says_what_it_skipped(reference_data, administrator):
    outcome = questionnaire_import(
        data=workbook_bytes(KOBO_PETS), by=administrator, form_id="pets", category="c"
    )
    assert outcome.errors == []
    assert [w.split(": ", 1)[1] for w in outcome.warnings] == [
        f"'{kind}' is collected automatically by other tools; skipped"
        for kind in ("start", "end", "today")
    ]
    questions = {q.code: q for q in outcome.version.questions.all()}
    assert questions["full_name"].type == "short_text"
    pet = questions["pet_yesno"]
    assert pet.type == "single_choice"
    assert (
        pet.text["ar"] == "هل تمتلك حيوانا أليفا ؟"
        and pet.text["fr"] == "Avez-vous un animal de compagnie ?"
    )
    assert [(c.name, c.label["fr"]) for c in pet.choices.order_by("order")] == [
        ("1", "Oui"),
        ("0", "Non"),
    ]


def test_a_file_for_another_tool_needs_a_code_and_category(reference_data):
    errors = _import_refused(workbook_bytes(ODK_COLORS))
    assert errors == [
        "settings sheet: form_id is missing (or give the questionnaire's code)",
        "settings sheet: category is missing (a, b, c or d; or choose one)",
    ]


def test_the_commands_export_and_import(version, tmp_path, capsys):
    call_command("export_questionnaire", "sample", "-o", str(tmp_path))
    written = tmp_path / "sample-v1.xlsx"
    assert written.exists()
    call_command("import_questionnaire", str(written))
    assert "Imported sample version 2 (12 questions) as a draft." in capsys.readouterr().out
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(edited(written.read_bytes(), lambda wb: wb.remove(wb["survey"])))
    with pytest.raises(CommandError, match="1 error"):
        call_command("import_questionnaire", str(broken))
    assert "error: the workbook has no 'survey' sheet" in capsys.readouterr().err
    assert QuestionnaireVersion.objects.count() == 2


# --- In the browser ------------------------------------------------------------------------------


def _upload(client, data, name="questionnaire.xlsx", **fields):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        "/questionnaires/import/",
        {"file": SimpleUploadedFile(name, data), **fields},
    )


def test_an_administrator_imports_a_workbook_in_the_browser(exported, administrator, client_for):
    response = _upload(client_for(administrator), exported)
    version = QuestionnaireVersion.objects.get(number=2)
    assert response.status_code == 302 and response.url == f"/questionnaires/versions/{version.pk}/"


def test_a_bad_workbook_in_the_browser_lists_its_errors_and_saves_nothing(
    exported, administrator, client_for
):
    broken = edited(exported, lambda wb: wb.remove(wb["survey"]))
    response = _upload(client_for(administrator), broken)
    assert response.status_code == 422
    assert "the workbook has no &#x27;survey&#x27; sheet" in response.content.decode()
    assert QuestionnaireVersion.objects.count() == 1


def test_a_file_for_another_tool_gets_its_category_and_code_from_the_form(
    reference_data, administrator, client_for
):
    response = _upload(
        client_for(administrator), workbook_bytes(ODK_COLORS), category="c", form_id="colors"
    )
    assert response.status_code == 302
    assert Questionnaire.objects.get(code="colors").category.letter == "c"


def test_an_oversized_upload_is_refused_before_it_is_read(
    reference_data, administrator, client_for, monkeypatch
):
    monkeypatch.setattr("surveys.exchange.forms.MAX_FILE_BYTES", 1024)
    response = _upload(client_for(administrator), b"x" * 2048)
    assert response.status_code == 200
    assert "The file is larger than" in response.content.decode()
    assert not QuestionnaireVersion.objects.exists()


@pytest.mark.parametrize("actor", ["reviewer", "state_a_contact", "delegate"])
def test_only_administrators_import(actor, request, client_for, exported):
    client = client_for(request.getfixturevalue(actor))
    assert client.get("/questionnaires/import/").status_code == 403
    assert _upload(client, exported).status_code == 403
    assert QuestionnaireVersion.objects.count() == 1


def test_an_anonymous_visitor_is_sent_to_log_in_to_import(client, reference_data):
    response = client.get("/questionnaires/import/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_a_draft_is_exported_only_to_the_secretariat(
    version, client_for, state_a_contact, delegate, reviewer
):
    url = f"/questionnaires/versions/{version.pk}/xlsx/"
    for outsider in (None, state_a_contact, delegate):
        assert client_for(outsider).get(url).status_code == 403
    response = client_for(reviewer).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="sample-v1.xlsx"'
    assert openpyxl.load_workbook(io.BytesIO(response.content)).sheetnames == [
        "survey",
        "choices",
        "settings",
        "portal",
    ]


def test_an_approved_version_is_exported_to_anyone(version, administrator, client):
    import datetime

    from surveys.consultation.services import version_approve

    version_approve(
        version=version, by=administrator, meeting="Meeting", date=datetime.date(2026, 1, 5)
    )
    response = client.get(f"/questionnaires/versions/{version.pk}/xlsx/")
    assert response.status_code == 200


def test_a_bad_workbook_is_explained_in_the_importers_language(exported, administrator, client_for):
    """An administrator working in French reads where and what is wrong in French, not English."""
    administrator.preferred_language = "fr"
    administrator.save()

    def edit(workbook):
        survey = workbook["survey"]
        set_cell(survey, find_row(survey, "name", "A.2.1"), "relevant", "string-length(${A.2}) > 3")

    response = _upload(client_for(administrator), edited(exported, edit))
    page = unescape(response.content.decode())
    assert response.status_code == 422
    assert "Feuille survey, ligne 5, colonne relevant" in page
    assert "n'est pas une condition que le portail prend en charge" in page
    assert "is not a condition" not in page
    assert QuestionnaireVersion.objects.count() == 1


def test_a_file_that_is_not_a_workbook_is_refused_in_the_readers_language(reference_data):
    from django.utils import translation

    with translation.override("ar"):
        refused = questionnaire_import(data=b"not a workbook", by=None)
    assert refused.errors == ["الملف ليس مصنف Excel (.xlsx أو .xls)"]
