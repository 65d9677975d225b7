"""The catalogue of standards and norms in the six languages, as load_reference_data leaves it."""

import re
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from clusters.models import Category, Cluster, Standard
from clusters.services import DATA_DIR, taxonomy_load
from portal.multilingual import LANGUAGE_CODES
from portal.reference import ReferenceDataError

pytestmark = pytest.mark.django_db

TEXT_FIELDS = ("short_name", "title", "description", "adopted_by")
# Resolution symbols keep their Latin letters in every language: "663 C (XXIV)", "2076 (LXII)".
RESOLUTION_SYMBOL = re.compile(r"\d+ [A-Z]\b|\([IVXLC]+\)")
# Abbreviations allowed in Latin letters in Arabic, Chinese and Russian texts (none so far).
LATIN_ABBREVIATIONS: frozenset[str] = frozenset()


def latin_words(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z]+", RESOLUTION_SYMBOL.sub(" ", text))
    return [word for word in words if word not in LATIN_ABBREVIATIONS]


def all_texts():
    for category in Category.objects.all():
        yield f"category {category.letter}", "title", category.title
    for cluster in Cluster.objects.all():
        yield f"cluster {cluster.letter}", "title", cluster.title
    for standard in Standard.objects.all():
        for field in TEXT_FIELDS:
            yield standard.code, field, getattr(standard, field)


def test_every_text_of_the_catalogue_is_in_the_six_languages(reference_data):
    assert (Category.objects.count(), Cluster.objects.count(), Standard.objects.count()) == (
        4,
        5,
        36,
    )
    missing = [
        (owner, field, code)
        for owner, field, texts in all_texts()
        for code in LANGUAGE_CODES
        if not (texts.get(code) or "").strip()
    ]
    assert missing == []


def test_arabic_chinese_and_russian_texts_hold_no_latin_words(reference_data):
    found = [
        (owner, field, code, latin_words(texts[code]))
        for owner, field, texts in all_texts()
        for code in ("ar", "zh-hans", "ru")
        if latin_words(texts[code])
    ]
    assert found == []
    assert latin_words("резолюции 663 C (XXIV) и 2076 (LXII)") == []
    assert latin_words("Tokyo Rules") == ["Tokyo", "Rules"]


def test_the_official_names_read_as_in_united_nations_documents(reference_data):
    mandela = Standard.objects.get(code="SMR")
    assert "Règles Nelson Mandela" in mandela.short_name["fr"]
    assert "Правила Нельсона Манделы" in mandela.short_name["ru"]
    assert "纳尔逊·曼德拉规则" in mandela.short_name["zh-hans"]
    assert "قواعد نيلسون مانديلا" in mandela.short_name["ar"]
    assert "70/175" in mandela.adopted_by["ar"]
    # Named in full with its short name in brackets, never two names joined by a slash.
    assert mandela.short_name["en"] == "Nelson Mandela Rules"
    assert mandela.title["en"] == (
        "United Nations Standard Minimum Rules for the Treatment of Prisoners"
    )
    for standard in Standard.objects.all():
        for field in ("short_name", "title"):
            for language, text in getattr(standard, field).items():
                assert "/" not in text and "／" not in text, (standard.code, field, language)
    tokyo = Standard.objects.get(code="TOKYO")
    assert tokyo.short_name == {
        "en": "Tokyo Rules",
        "fr": "Règles de Tokyo",
        "es": "Reglas de Tokio",
        "ru": "Токийские правила",
        "zh-hans": "东京规则",
        "ar": "قواعد طوكيو",
    }
    assert tokyo.adopted_by == {
        "en": "General Assembly resolution 45/110",
        "fr": "résolution 45/110 de l'Assemblée générale",
        "es": "resolución 45/110 de la Asamblea General",
        "ru": "резолюция 45/110 Генеральной Ассамблеи",
        "zh-hans": "大会第45/110号决议",
        "ar": "قرار الجمعية العامة 45/110",
    }
    assert Standard.objects.get(code="RIYADH").short_name["fr"] == "Principes directeurs de Riyad"
    assert Standard.objects.get(code="HAVANA").short_name["fr"] == "Règles de La Havane"
    safeguards = Standard.objects.get(code="DP-SAFEGUARDS").adopted_by
    assert safeguards["zh-hans"] == "经济及社会理事会第1984/50号决议"
    assert safeguards["ru"] == "резолюция 1984/50 Экономического и Социального Совета"


def test_a_standard_is_named_with_its_resolution_in_the_language_asked(reference_data):
    tokyo = Standard.objects.get(code="TOKYO")
    assert tokyo.name_with_resolution("en") == "Tokyo Rules (General Assembly resolution 45/110)"
    assert tokyo.name_with_resolution("zh-hans") == "东京规则（大会第45/110号决议）"
    assert tokyo.name_with_resolution("ar") == "قواعد طوكيو (قرار الجمعية العامة 45/110)"
    assert tokyo.full_title("fr").startswith("Règles minima des Nations Unies")
    tokyo.adopted_by = {}
    assert tokyo.name_with_resolution("fr") == "Règles de Tokyo"


def test_loading_again_duplicates_nothing_and_changes_nothing(reference_data):
    before = list(Standard.objects.order_by("code").values())
    results = taxonomy_load()
    assert [(r.created, r.updated) for r in results] == [(0, 0), (0, 0), (0, 0)]
    assert list(Standard.objects.order_by("code").values()) == before


def test_a_reload_fills_in_missing_languages_and_keeps_staff_corrections(reference_data):
    tokyo = Standard.objects.get(code="TOKYO")
    shipped = dict(tokyo.title)
    # As a database loaded before the catalogue was translated, then corrected by staff in French.
    tokyo.title = {"en": tokyo.title["en"], "fr": "Règles de Tokyo (corrigé)"}
    tokyo.description = {}
    tokyo.save()
    call_command("load_reference_data", verbosity=0)
    tokyo.refresh_from_db()
    assert tokyo.title == {**shipped, "fr": "Règles de Tokyo (corrigé)"}
    assert set(tokyo.description) == set(LANGUAGE_CODES)
    call_command("load_reference_data", "--update", verbosity=0)
    tokyo.refresh_from_db()
    assert tokyo.title == shipped


def write_catalogue(tmp_path: Path, change) -> Path:
    (tmp_path / "taxonomy.json").write_text(
        (DATA_DIR / "taxonomy.json").read_text(encoding="utf-8"), encoding="utf-8"
    )
    data = yaml.safe_load((DATA_DIR / "standards_and_norms.yaml").read_text(encoding="utf-8"))
    change(data["standards"])
    (tmp_path / "standards_and_norms.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    return tmp_path


def test_a_text_missing_in_a_language_is_refused_naming_the_standard_and_field(
    tmp_path, reference_data
):
    def drop_arabic(standards):
        del standards[5]["description"]["ar"]

    with pytest.raises(
        ReferenceDataError, match=r"standard 6 \(TOKYO\), description: no text in ar"
    ):
        taxonomy_load(data_dir=write_catalogue(tmp_path, drop_arabic))


def test_a_code_given_twice_is_refused(tmp_path, reference_data):
    def repeat(standards):
        standards.append(dict(standards[0]))

    with pytest.raises(ReferenceDataError, match=r"standard 37: the code SMR is used twice"):
        taxonomy_load(data_dir=write_catalogue(tmp_path, repeat))
