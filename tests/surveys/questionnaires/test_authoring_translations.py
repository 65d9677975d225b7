"""Translating a version: the service that saves one language, the side-by-side translations
page, the completeness of each language, and the preview in a chosen language."""

import pytest

from surveys.models import Choice
from surveys.questionnaires import services
from tests.surveys.questionnaires.helpers import (
    freeze,
    version_pages,
    version_question,
    version_section,
    yes_no,
)

pytestmark = pytest.mark.django_db


# --- Services --------------------------------------------------------------------------------------


def test_translations_are_saved_in_one_language_and_an_empty_box_removes_one(
    version, administrator
):
    section_b = version_section(version, "B")
    question = version_question(version, "A.1")
    monthly = Choice.objects.get(question__version=version, name="monthly")
    changed = services.version_translations_save(
        version=version,
        language="fr",
        texts={
            f"section-{section_b.pk}-title": "Mesures de substitution",
            f"question-{question.pk}-text": "",
            f"choice-{monthly.pk}-label": "Mensuelle",  # unchanged
            "version-title": "Questionnaire type",  # unchanged
        },
        by=administrator,
    )
    assert changed == 2
    assert version_section(version, "B").title["fr"] == "Mesures de substitution"
    assert "fr" not in version_question(version, "A.1").text
    assert version_question(version, "A.1").text["en"] == "How many prisoners?"
    with pytest.raises(ValueError, match="cannot translate into 'en'"):
        services.version_translations_save(
            version=version, language="en", texts={}, by=administrator
        )


def test_the_texts_to_translate_are_those_the_original_has(version):
    from surveys.questionnaires.selectors import version_with_content

    items = services.version_texts(version=version_with_content(pk=version.pk))
    kinds = [item.kind for item in items]
    assert kinds[:3] == ["title", "section_title", "intro"]
    assert kinds.count("intro") == 1  # section B has no introduction: nothing to translate
    assert kinds.count("help") == 1 and kinds.count("unit") == 2
    assert kinds.count("question") == 12
    assert kinds.count("row") == 2 and kinds.count("column") == 2


# --- Translations and completeness -------------------------------------------------------------------


def test_translations_are_shown_side_by_side_and_saved_in_one_post(
    version, administrator, client_for
):
    client = client_for(administrator)
    url = f"/questionnaires/versions/{version.pk}/translations/?language=ar"
    page = client.get(url).content.decode()
    a1 = version_question(version, "A.1")
    field = f"question-{a1.pk}-text"
    assert f'name="{field}"' in page and 'lang="ar" dir="rtl"' in page
    assert "How many prisoners?" in page
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data[field] = "كم عدد السجناء؟"
    data["version-title"] = "استبيان نموذجي"
    response = client.post(url, data)
    assert response.status_code == 302
    assert version_question(version, "A.1").text["ar"] == "كم عدد السجناء؟"
    version.refresh_from_db()
    assert version.title["ar"] == "استبيان نموذجي"


def test_a_reviewer_reads_translations_but_cannot_save_them(version, reviewer, client_for):
    client = client_for(reviewer)
    url = f"/questionnaires/versions/{version.pk}/translations/?language=fr"
    page = client.get(url).content.decode()
    assert "readonly" in page and "only administrators change them" in page
    assert client.post(url, {"version-title": "Changé"}).status_code == 403


def test_translations_of_a_frozen_version_are_read_only(version, administrator, client_for):
    freeze(version, administrator)
    client = client_for(administrator)
    url = f"/questionnaires/versions/{version.pk}/translations/?language=fr"
    assert "readonly" in client.get(url).content.decode()
    response = client.post(url, {"version-title": "Changé"})
    assert response.status_code == 409
    version.refresh_from_db()
    assert version.title["fr"] == "Questionnaire type"


def test_an_unknown_language_is_not_found(version, administrator, client_for):
    client = client_for(administrator)
    base = f"/questionnaires/versions/{version.pk}"
    assert client.get(f"{base}/translations/?language=xx").status_code == 404
    assert client.get(f"{base}/preview/?language=xx").status_code == 404


def test_completeness_counts_what_each_language_lacks(version, reviewer, client_for):
    languages = {
        row["code"]: row
        for row in client_for(reviewer)
        .get(f"/questionnaires/versions/{version.pk}/completeness/")
        .context["languages"]
    }
    # title, 2 section titles, 1 intro, 12 questions, 1 help, 2 units, 7 choices/columns, 2 rows
    assert languages["en"]["total"] == 28 and languages["en"]["percent"] == 100
    assert languages["fr"]["present"] == 27  # the unit "%" has no French text
    assert [m["where"] for m in languages["fr"]["missing"]] == ["A.3"]
    assert languages["ar"]["present"] == 1  # only section A's title
    assert languages["ar"]["missing"][0]["url"].endswith("?language=ar#id_version-title")


def test_completeness_takes_the_same_number_of_queries_whatever_the_size(
    empty_draft, version, reviewer, administrator, client_for, django_assert_num_queries
):
    client = client_for(reviewer)
    section = services.section_add(
        version=empty_draft, code="A", title={"en": "A"}, by=administrator
    )
    services.question_add(section=section, document=yes_no("A.1"), by=administrator)
    for each in (empty_draft, version):
        # session, user, second-factor device, access, content (5)
        with django_assert_num_queries(9):
            client.get(f"/questionnaires/versions/{each.pk}/completeness/")
        with django_assert_num_queries(9):
            client.get(f"/questionnaires/versions/{each.pk}/translations/?language=fr")
        with django_assert_num_queries(9):
            client.get(f"/questionnaires/versions/{each.pk}/preview/?language=fr")


# --- Preview ----------------------------------------------------------------------------------------


def test_the_preview_is_in_the_chosen_language_with_the_original_as_fallback(
    version, reviewer, client_for
):
    page = (
        client_for(reviewer)
        .get(version_pages(version)["preview"].replace("fr", "ar"))
        .content.decode()
    )
    assert 'data-testid="preview"' in page
    assert 'lang="ar" dir="rtl" data-testid="preview"' in page
    assert "الأشخاص المحتجزون" in page  # section A in Arabic
    assert '<span lang="en" dir="ltr">How many prisoners?</span>' in page  # fallback, marked
    assert "نعم" in page and "غير ذلك (يرجى التحديد)" in page  # fixed scale, "other"
    assert (
        'data-relevant-question="A.2" data-relevant-operator="=" data-relevant-value="yes"' in page
    )
    assert 'type="number"' in page and 'min="0"' in page and 'max="1000000"' in page
    assert 'name="answer-B.2-probation"' in page  # a table row of radio buttons
    assert "js/relevance.js" in page
