"""A respondent's name inside a sentence: the article, and the preposition contracted with it,
that French, Spanish and English need ("du Sénégal", "al Afganistán", "of the Gambia")."""

import re

import pytest
from django.urls import reverse
from django.utils.text import capfirst

from portal.models import Respondent, RespondentType
from portal.names import OF, SUBJECT, TO, in_sentence
from tests.factories import RespondentFactory

pytestmark = pytest.mark.django_db

FORMS = (SUBJECT, OF, TO)
_VOWEL = "AEIOUÀÂÉÈÊËÎÏÔÛÜaeiouàâéèêëîïôûü"  # "le Yémen"
_ARTICLE_IN_PARENTHESES = re.compile(r"\((?:the|le|la|les|l'|el|los|las)\)", re.IGNORECASE)
_MISSING_CONTRACTION = {
    "fr": re.compile(r"(?:^|\s)(?:de|à) (?:le|les)\s"),
    "es": re.compile(r"(?:^|\s)(?:de|a) el\s"),  # "de El Salvador" is right: a capital stays
}
# "le Honduras" is right (h aspiré); before a vowel French elides: "l'Iran", "d'Israël".
_MISSING_ELISION = re.compile(rf"(?:^|\s)(?:le|la|de) [{_VOWEL}]")
_PREPOSITIONS = {
    ("fr", OF): ("de ", "d'", "du ", "des "),
    ("fr", TO): ("à ", "au ", "aux "),
    ("es", OF): ("de ", "del "),
    ("es", TO): ("a ", "al "),
}


@pytest.fixture
def states(reference_data):
    return list(Respondent.objects.filter(type__code=RespondentType.MEMBER_STATE))


def _sentence_forms(states, language):
    return [
        (state, form, state.name_in_sentence(language, form)) for state in states for form in FORMS
    ]


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_member_state_reads_well_in_a_french_or_spanish_sentence(states, language):
    assert len(states) == 193
    for state, form, text in _sentence_forms(states, language):
        where = f"{state.code} {form}: {text!r}"
        assert not _ARTICLE_IN_PARENTHESES.search(text), where
        assert not _MISSING_CONTRACTION[language].search(text), where
        assert "  " not in text and text == text.strip() and "()" not in text, where
        assert state.list_name(language).split(" (")[0] in text, where
        if (language, form) in _PREPOSITIONS:
            assert text.startswith(_PREPOSITIONS[language, form]), where
        if language == "fr":
            assert not _MISSING_ELISION.search(text), where
            if "l'" in text.split()[0]:
                assert text.split("'", 1)[1][0] in _VOWEL + "Hh", where


FRENCH = {
    "SEN": ("le Sénégal", "du Sénégal", "au Sénégal"),
    "FRA": ("la France", "de la France", "à la France"),
    "AFG": ("l'Afghanistan", "de l'Afghanistan", "à l'Afghanistan"),
    "NLD": ("les Pays-Bas", "des Pays-Bas", "aux Pays-Bas"),
    "CUB": ("Cuba", "de Cuba", "à Cuba"),
    "SLV": ("El Salvador", "d'El Salvador", "à El Salvador"),
    "ISR": ("Israël", "d'Israël", "à Israël"),
    "HTI": ("Haïti", "d'Haïti", "à Haïti"),
    "HND": ("le Honduras", "du Honduras", "au Honduras"),
    "BHS": ("les Bahamas", "des Bahamas", "aux Bahamas"),
    "USA": ("les États-Unis d'Amérique", "des États-Unis d'Amérique", "aux États-Unis d'Amérique"),
    "GBR": (
        "le Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
        "du Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
        "au Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
    ),
    "IRN": (
        "la République islamique d'Iran",
        "de la République islamique d'Iran",
        "à la République islamique d'Iran",
    ),
    "BOL": (
        "l'État plurinational de Bolivie",
        "de l'État plurinational de Bolivie",
        "à l'État plurinational de Bolivie",
    ),
    "VEN": (
        "la République bolivarienne du Venezuela",
        "de la République bolivarienne du Venezuela",
        "à la République bolivarienne du Venezuela",
    ),
    "FSM": (
        "les États fédérés de Micronésie",
        "des États fédérés de Micronésie",
        "aux États fédérés de Micronésie",
    ),
    "KOR": ("la République de Corée", "de la République de Corée", "à la République de Corée"),
    "ARE": ("les Émirats arabes unis", "des Émirats arabes unis", "aux Émirats arabes unis"),
}
SPANISH = {
    "SEN": ("el Senegal", "del Senegal", "al Senegal"),
    "FRA": ("Francia", "de Francia", "a Francia"),
    "AFG": ("el Afganistán", "del Afganistán", "al Afganistán"),
    "NLD": ("los Países Bajos", "de los Países Bajos", "a los Países Bajos"),
    "CUB": ("Cuba", "de Cuba", "a Cuba"),
    "SLV": ("El Salvador", "de El Salvador", "a El Salvador"),
    "BHS": ("las Bahamas", "de las Bahamas", "a las Bahamas"),
    "USA": (
        "los Estados Unidos de América",
        "de los Estados Unidos de América",
        "a los Estados Unidos de América",
    ),
    "GBR": (
        "el Reino Unido de Gran Bretaña e Irlanda del Norte",
        "del Reino Unido de Gran Bretaña e Irlanda del Norte",
        "al Reino Unido de Gran Bretaña e Irlanda del Norte",
    ),
    "IRN": (
        "la República Islámica del Irán",
        "de la República Islámica del Irán",
        "a la República Islámica del Irán",
    ),
    "BOL": (
        "el Estado Plurinacional de Bolivia",
        "del Estado Plurinacional de Bolivia",
        "al Estado Plurinacional de Bolivia",
    ),
    "VEN": (
        "la República Bolivariana de Venezuela",
        "de la República Bolivariana de Venezuela",
        "a la República Bolivariana de Venezuela",
    ),
    "KOR": ("la República de Corea", "de la República de Corea", "a la República de Corea"),
    "ARE": (
        "los Emiratos Árabes Unidos",
        "de los Emiratos Árabes Unidos",
        "a los Emiratos Árabes Unidos",
    ),
}
ENGLISH = {
    "GMB": ("the Gambia", "of the Gambia", "to the Gambia"),
    "NLD": ("the Netherlands", "of the Netherlands", "to the Netherlands"),
    "BHS": ("the Bahamas", "of the Bahamas", "to the Bahamas"),
    "BOL": (
        "the Plurinational State of Bolivia",
        "of the Plurinational State of Bolivia",
        "to the Plurinational State of Bolivia",
    ),
    "IRN": (
        "the Islamic Republic of Iran",
        "of the Islamic Republic of Iran",
        "to the Islamic Republic of Iran",
    ),
    "USA": (
        "the United States of America",
        "of the United States of America",
        "to the United States of America",
    ),
    "SEN": ("Senegal", "of Senegal", "to Senegal"),
}


@pytest.mark.parametrize(
    ("language", "expected"), [("fr", FRENCH), ("es", SPANISH), ("en", ENGLISH)]
)
def test_member_states_take_the_article_and_preposition_of_un_usage(
    reference_data, language, expected
):
    for code, forms in expected.items():
        state = Respondent.objects.get(code=code)
        found = (
            state.running_text_name(language),
            state.of_name(language),
            state.to_name(language),
        )
        assert found == forms, code


def test_the_names_ask_their_article_only_in_running_text(reference_data):
    senegal = Respondent.objects.get(code="SEN")
    assert senegal.list_name("fr") == "Sénégal"
    assert capfirst(senegal.running_text_name("fr")) + " a répondu." == "Le Sénégal a répondu."
    assert capfirst(Respondent.objects.get(code="GMB").running_text_name("en")) == "The Gambia"
    assert senegal.sentence_forms("es") == {
        "respondent": "el Senegal",
        "respondent_of": "del Senegal",
        "respondent_to": "al Senegal",
    }


def test_the_kingdom_of_the_netherlands_as_unterm_now_writes_it():
    assert in_sentence("Netherlands (Kingdom of the)", "en") == "the Kingdom of the Netherlands"
    assert in_sentence("Pays-Bas (Royaume des)", "fr", OF) == "du Royaume des Pays-Bas"
    assert in_sentence("Países Bajos (Reino de los)", "es", TO) == "al Reino de los Países Bajos"


def test_russian_chinese_and_arabic_names_take_no_article(reference_data):
    senegal, bolivia = Respondent.objects.get(code="SEN"), Respondent.objects.get(code="BOL")
    for language in ("ru", "zh-hans", "ar"):
        for form in FORMS:
            assert senegal.name_in_sentence(language, form) == senegal.name[language]
    # A descriptor in parentheses is put where UN running text puts it, in the nominative.
    assert bolivia.of_name("ru") == "Многонациональное Государство Боливия"
    assert bolivia.running_text_name("ar") == "دولة بوليفيا المتعددة القوميات"
    assert bolivia.to_name("zh-hans") == "多民族玻利维亚国"
    micronesia = Respondent.objects.get(code="FSM")
    assert micronesia.running_text_name("ru") == "Федеративные Штаты Микронезии"


def test_another_body_keeps_its_name_as_written(reference_data):
    body = RespondentFactory(
        name={
            "en": "International Drug Policy Consortium",
            "fr": "Office des Nations Unies à Vienne",
            "es": "Organización de los Estados Americanos",
        }
    )
    assert body.running_text_name("en") == "International Drug Policy Consortium"
    assert body.of_name("en") == "of International Drug Policy Consortium"
    assert body.running_text_name("fr") == "Office des Nations Unies à Vienne"
    assert body.of_name("fr") == "d'Office des Nations Unies à Vienne"
    assert body.to_name("es") == "a Organización de los Estados Americanos"


def test_a_french_page_says_du_senegal_rather_than_senegal_le(state_b_contact, client_for):
    state_b_contact.preferred_language = "fr"
    state_b_contact.save()
    page = client_for(state_b_contact).get(reverse("surveys:contact_dashboard")).content.decode()
    assert '<html lang="fr"' in page
    assert "du Sénégal" in page and "au Sénégal" in page
    assert "Sénégal (le)" not in page and "de le" not in page


def test_a_french_invitation_e_mail_says_du_senegal(
    reference_data, administrator, mailoutbox, django_capture_on_commit_callbacks
):
    from portal.invitations import contact_person_invite

    with django_capture_on_commit_callbacks(execute=True):
        contact_person_invite(
            respondent=Respondent.objects.get(code="SEN"),
            email="awa.diop@justice.gouv.sn",
            first_name="Awa",
            last_name="Diop",
            language="fr",
            is_lead=True,
            by=administrator,
            base_url="https://portal.example.org",
        )
    [message] = mailoutbox
    assert "du Sénégal" in message.subject and "du Sénégal" in message.body
    assert "(le)" not in message.subject + message.body
