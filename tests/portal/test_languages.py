"""The six official languages: compiled catalogues, the switcher, Arabic right to left."""

import re

import pytest
from django.conf import settings

from tests.conftest import ROOT

pytestmark = pytest.mark.django_db

LOG_IN = {
    "en": "Log in",
    "fr": "Se connecter",
    "es": "Iniciar sesión",
    "ru": "Войти",
    "zh-hans": "登录",
    "ar": "تسجيل الدخول",
}


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_log_in_page_is_translated_into_each_official_language(
    client, language, reference_data
):
    client.post("/language/", {"language": language, "next": "/"})
    page = client.get("/accounts/login/").content.decode()
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in page
    assert f'<h1 class="h3 mb-3">{LOG_IN[language]}</h1>' in page


@pytest.mark.parametrize("language", ["fr", "es", "ru", "zh-hans", "ar"])
def test_every_interface_string_has_a_compiled_translation(language):
    from django.utils.translation import trans_real

    catalog = trans_real.translation(language)._catalog
    for text in ("Standards and norms portal", "Respondents", "Skip to main content", "Home"):
        assert catalog.get(text), f"{text!r} has no {language} translation"


def test_arabic_uses_bootstrap_right_to_left(client, reference_data):
    client.post("/language/", {"language": "ar", "next": "/"})
    page = client.get("/").content.decode()
    assert "bootstrap.rtl.min.css" in page
    assert "المعايير" in page


def test_choosing_a_language_is_remembered_for_a_signed_in_user(client, state_a_contact):
    client.force_login(state_a_contact)
    response = client.post("/language/", {"language": "fr", "next": "/respondents/KEN/"})
    assert response.status_code == 302 and response.url == "/respondents/KEN/"
    state_a_contact.refresh_from_db()
    assert state_a_contact.preferred_language == "fr"


def test_a_signed_in_user_without_a_language_cookie_gets_their_preference(client, delegate):
    delegate.preferred_language = "ru"
    delegate.save()
    client.force_login(delegate)
    page = client.get("/").content.decode()
    assert '<html lang="ru" dir="ltr">' in page


def test_member_state_names_follow_the_active_language(reviewer, client_for):
    client = client_for(reviewer)
    client.post("/language/", {"language": "zh-hans", "next": "/"})
    page = client.get("/respondents/KEN/").content.decode()
    assert "肯尼亚" in page


@pytest.mark.parametrize("language", ["fr", "es", "ru", "zh_Hans", "ar"])
def test_no_catalogue_entry_is_left_untranslated_or_fuzzy(language):
    po = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    entries = po.read_text(encoding="utf-8").split("\n\n")[1:]  # the first is the header
    problems = []
    for entry in entries:
        lines = [line for line in entry.strip().splitlines() if not line.startswith("#~")]
        if not lines:
            continue
        if any(line.startswith("#,") and "fuzzy" in line for line in lines):
            problems.append(f"fuzzy: {lines}")
        translations = "".join(line for line in lines if not line.startswith(("#", "msgid")))
        if re.fullmatch(r'(msgstr(\[\d\])? ""\s*)+', translations.strip()):
            problems.append(f"untranslated: {lines}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lack of trained personnel.", "ltr"),
        ("نقص الموظفين المدربين.", "rtl"),
        ("12 persons", "ltr"),
        ("(3) لا", "rtl"),
        ("", "ltr"),
    ],
)
def test_a_free_texts_direction_follows_its_first_strong_character(text, expected):
    from portal.multilingual import text_direction

    assert text_direction(text) == expected
