"""The seeded questionnaires' exports convert with pyxform, the converter KoboToolbox and ODK
Central use, and pass ODK Validate; the portal reads its own export back exactly."""

import shutil

import pytest
from defusedxml import ElementTree
from pyxform.xls2xform import convert

from surveys.exchange.services import questionnaire_import, version_export
from surveys.exchange.xlsform import OTHER_DETAIL, language_label
from surveys.questionnaires.documents import LANGUAGE_CODES
from surveys.questionnaires.scales import OTHER_SPECIFY
from surveys.questionnaires.seeding import questionnaires_seed, seeded_documents
from surveys.questionnaires.versions import version_document
from tests.services import require_service
from tests.surveys.samples import same_content

pytestmark = pytest.mark.django_db

XFORMS = "http://www.w3.org/2002/xforms"
# Every seeded questionnaire, the later ones too.
SEEDED = sorted(document.form_id for document in seeded_documents())


@pytest.fixture
def seeded(reference_data, administrator):
    versions = {v.questionnaire.code: v for v, _created in questionnaires_seed(by=administrator)}
    assert sorted(versions) == SEEDED
    return versions


def _xform(data: bytes, *, validate: bool = False) -> str:
    warnings: list[str] = []
    xform = convert(xlsform=data, warnings=warnings, validate=validate, file_type=".xlsx").xform
    # no warning from pyxform or ODK Validate: "Other" among them, translated like every option
    assert warnings == []
    return xform


def _spaced(text: str) -> str:
    # pyxform turns runs of white space, no-break spaces among them, into one space
    return " ".join(text.split())


def _translations(xform: str) -> dict[str, set[str]]:
    """The texts of each language in the XForm's itext, by language label ("French (fr)")."""
    itext = ElementTree.fromstring(xform).find(f".//{{{XFORMS}}}itext")
    assert itext is not None
    return {
        translation.get("lang", ""): {
            _spaced("".join(value.itertext())) for value in translation.iter(f"{{{XFORMS}}}value")
        }
        for translation in itext
    }


@pytest.mark.parametrize("code", SEEDED)
def test_the_export_converts_with_pyxform_in_six_languages(seeded, code):
    version = seeded[code]
    document = version_document(version=version)
    xform = _xform(version_export(version=version))
    assert f'<data id="{document.form_id}"' in xform
    assert f"<h:title>{document.title[document.default_language]}</h:title>" in xform
    for question in document.questions():
        assert f"/{question.code}" in xform, question.code
    translations = _translations(xform)
    assert set(translations) == {language_label(c) for c in LANGUAGE_CODES}
    for language in LANGUAGE_CODES:
        texts = translations[language_label(language)]
        for question in document.questions():
            assert _spaced(question.text[language]) in texts, (language, question.code)
            if question.other_specify:
                assert _spaced(OTHER_SPECIFY[language]) in texts
                assert _spaced(OTHER_DETAIL[language]) in texts


@pytest.mark.parametrize("code", SEEDED)
def test_the_export_passes_odk_validate(seeded, code):
    if shutil.which("java") is None:
        require_service("Java", "apt-get install default-jre-headless (ODK Validate runs on it)")
    # pyxform runs ODK Validate and raises on any error it reports
    assert "<h:html" in _xform(version_export(version=seeded[code]), validate=True)


@pytest.mark.parametrize("code", SEEDED)
def test_the_portal_reads_its_own_export_back_exactly(seeded, code, administrator):
    version = seeded[code]
    outcome = questionnaire_import(data=version_export(version=version), by=administrator)
    assert outcome.errors == []
    again = version_document(version=outcome.version)
    original = version_document(version=version)
    assert set(again.title) == set(LANGUAGE_CODES)
    assert same_content(again, original)
