"""Theme suggestions: keyword matching in the answer's language, with the words that matched."""

import pytest

from surveys.coding.selectors import coding_answer
from surveys.coding.services import answer_theme_decide
from surveys.coding.suggestions import detect_language, matches_in, normalise_word, suggest
from surveys.models import Decision, Theme, ThemeKind
from tests.surveys.coding.test_coding import coded_cycle

pytestmark = pytest.mark.django_db


def codes(suggestions):
    return [suggestion.theme.code for suggestion in suggestions]


def difficulty_themes():
    return list(Theme.objects.filter(kind=ThemeKind.DIFFICULTY, is_active=True))


def assistance_areas():
    return list(Theme.objects.filter(kind=ThemeKind.ASSISTANCE_AREA, is_active=True))


def test_it_guesses_the_language_from_the_script_and_common_words():
    assert detect_language("The prisons lack trained staff and funds.") == "en"
    assert detect_language("Les prisons manquent de personnel formé.") == "fr"
    assert detect_language("Falta de personal capacitado en las cárceles.") == "es"
    assert detect_language("Нехватка подготовленного персонала.") == "ru"
    assert detect_language("نقص الموظفين المدربين في السجون") == "ar"
    assert detect_language("监狱缺乏训练有素的人员。") == "zh-hans"
    assert detect_language("12345") == ""


def test_it_normalises_accents_case_and_arabic_letter_forms():
    assert normalise_word("Législation", "fr") == "legislation"
    assert normalise_word("FORMACIÓN", "es") == "formacion"
    assert normalise_word("ещё", "ru") == "еще"
    assert normalise_word("التَّدْرِيبُ", "ar") == "التدريب"


def test_a_prefix_keyword_finds_longer_words_and_a_plain_one_only_the_whole_word():
    assert matches_in("We trained 40 officers.", ["train*"], "en") == ["trained"]
    assert matches_in("It was fundamental.", ["funds"], "en") == []
    # ... or the same word in another form: its Snowball stem is the same.
    assert matches_in("The fund was fundamental.", ["funds"], "en") == ["fund"]


@pytest.mark.parametrize(
    ("language", "keyword", "text", "found"),
    [
        ("en", "overcrowding", "Prisons are overcrowded.", "overcrowded"),
        ("fr", "formation", "Des formations sont nécessaires.", "formations"),
        ("es", "capacitación", "Falta capacitar al personal.", "capacitar"),
        ("ru", "переполненность", "Из-за переполненности тюрем.", "переполненности"),
        ("ar", "تدريب", "نحتاج إلى التدريبات للموظفين", "التدريبات"),
    ],
)
def test_a_whole_word_keyword_finds_other_forms_of_the_word(language, keyword, text, found):
    assert matches_in(text, [keyword], language) == [found]


def test_a_phrase_may_have_words_between_its_words():
    text = "The main problem is the lack of trained prison staff in rural areas."
    assert matches_in(text, ["trained staff"], "en") == ["trained prison staff"]
    assert matches_in("trained people who then left the staff", ["trained staff"], "en") == []


def test_english_answer_gets_its_themes_with_the_words_that_matched():
    text = (
        "Overcrowding remains the main difficulty: the occupancy rate is 180 per cent. "
        "There is also a lack of trained staff, and the budget is insufficient."
    )
    suggestions = suggest(text, difficulty_themes())
    found = {s.theme.code: s.matched for s in suggestions}
    assert found["difficulty-overcrowding"] == ["Overcrowding", "occupancy rate"]
    assert found["difficulty-trained-personnel"] == ["lack of trained staff"]
    assert found["difficulty-financial-resources"] == ["budget"]
    assert "difficulty-legislation-gaps" not in found
    assert {s.language for s in suggestions} == {"en"}


def test_french_answer_matches_without_accents_or_elisions():
    text = (
        "La surpopulation carcérale et le manque de personnel formé restent préoccupants ; "
        "la législation n'a pas été révisée."
    )
    found = {s.theme.code: s.matched for s in suggest(text, difficulty_themes())}
    assert found["difficulty-overcrowding"] == ["surpopulation"]
    assert found["difficulty-trained-personnel"] == ["manque de personnel formé"]
    assert found["difficulty-legislation-gaps"] == ["législation"]


def test_spanish_answer():
    text = "Necesitamos capacitación para jueces y apoyo para la redacción de una nueva ley."
    found = {s.theme.code: s.matched for s in suggest(text, assistance_areas())}
    assert found["assistance-training"] == ["capacitación"]
    assert found["assistance-legislative-drafting"] == ["redacción"]


def test_russian_answer():
    text = "Основные трудности: переполненность учреждений и нехватка финансовых средств."
    found = {s.theme.code: s.matched for s in suggest(text, difficulty_themes())}
    assert found["difficulty-overcrowding"] == ["переполненность"]
    assert found["difficulty-financial-resources"] == ["финансовых средств"]


def test_arabic_answer_matches_behind_the_article_and_conjunctions():
    text = "نحتاج إلى التدريب والمعدات لموظفي السجون."
    found = {s.theme.code: s.matched for s in suggest(text, assistance_areas())}
    assert found["assistance-training"] == ["التدريب"]
    assert found["assistance-equipment"] == ["والمعدات"]


def test_chinese_answer_is_matched_by_substring():
    found = {
        s.theme.code: s.matched for s in suggest("监狱过度拥挤，缺乏资金。", difficulty_themes())
    }
    assert found["difficulty-overcrowding"] == ["拥挤"]
    assert found["difficulty-financial-resources"] == ["资金"]


def test_an_excluded_theme_and_an_inactive_theme_are_not_suggested():
    themes = difficulty_themes()
    overcrowding = next(t for t in themes if t.code == "difficulty-overcrowding")
    text = "Overcrowding and a lack of trained staff."
    assert "difficulty-overcrowding" not in codes(suggest(text, themes, excluded=[overcrowding.pk]))
    assert suggest("", themes) == []


def test_a_rejected_suggestion_is_not_suggested_again(administrator, reviewer):
    cycle, answers = coded_cycle(
        administrator, {"KEN": "Severe overcrowding and a lack of trained staff."}
    )
    answer = answers["KEN"]
    themes = difficulty_themes()
    assert {"difficulty-overcrowding", "difficulty-trained-personnel"} <= set(
        codes(suggest(answer.value, themes))
    )
    overcrowding = Theme.objects.get(code="difficulty-overcrowding")
    answer_theme_decide(
        answer=answer, theme=overcrowding, decision=Decision.REJECTED, by=reviewer, suggested=True
    )
    row = coding_answer(answer.pk)
    left = suggest(answer.value, themes, excluded={d.theme_id for d in row.decisions})
    assert codes(left) == ["difficulty-trained-personnel"]
