"""The provisions questions name ("rule 83", "art. 1, para. 2") read in the page's language: an
Arabic, Chinese or Russian reader never meets "art." or "para.", and a provision the portal could
not write in every language is refused where it is typed or loaded."""

import re

import pytest

from portal.multilingual import LANGUAGE_CODES
from portal.provisions import parse_provision, provision_problem, provision_text
from surveys.questionnaires.documents import document_problems
from surveys.questionnaires.printing import blank_questionnaire_html
from surveys.questionnaires.seeding import seeded_documents
from surveys.questionnaires.selectors import version_with_content
from tests.surveys.questionnaires.helpers import version_section
from tests.surveys.questionnaires.test_authoring_editor import _question_form
from tests.surveys.samples import sample_document

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
LATIN_LETTER = re.compile(r"[A-Za-z]")
ROMAN = re.compile(r"^[IVX]+$")


def _seeded_provisions() -> set[str]:
    return {
        link.provision
        for document in seeded_documents()
        for question in document.questions()
        for link in question.standards
        if link.provision
    }


def test_every_seeded_provision_is_in_the_form_the_portal_writes_in_every_language():
    provisions = _seeded_provisions()
    assert len(provisions) > 50  # rules, articles, paragraphs, principles, parts
    for provision in sorted(provisions):
        assert provision_problem(provision) is None, provision
        for language in LANGUAGE_CODES:
            assert provision_text(provision, language).strip(), (provision, language)


@pytest.mark.parametrize("language", ["ar", "zh-hans", "ru"])
def test_no_seeded_provision_shows_a_latin_word_in_arabic_chinese_or_russian(language):
    for provision in sorted(_seeded_provisions()):
        written = provision_text(provision, language)
        # Russian and Chinese documents keep subparagraph letters "(b)" and Roman part numbers.
        words = [w for w in LATIN_WORD.findall(written) if not ROMAN.match(w)]
        assert words == [], (provision, written)
        if language == "ar":
            assert not LATIN_LETTER.search(written), (provision, written)


@pytest.mark.parametrize(
    ("provision", "expected"),
    [
        (
            "rule 83",
            {
                "en": "rule 83",
                "fr": "règle 83",
                "es": "regla 83",
                "ru": "правило 83",
                "zh-hans": "第83条规则",
                "ar": "القاعدة 83",
            },
        ),
        (
            "art. 3",
            {
                "en": "art. 3",
                "fr": "art. 3",
                "es": "art. 3",
                "ru": "ст. 3",
                "zh-hans": "第3条",
                "ar": "المادة 3",
            },
        ),
        (
            "para. 6 (b)",
            {
                "en": "para. 6 (b)",
                "fr": "par. 6 b)",
                "es": "párr. 6 b)",
                "ru": "п. 6 (b)",
                "zh-hans": "第6(b)段",
                "ar": "الفقرة 6 (ب)",
            },
        ),
        (
            "art. 1, para. 2",
            {
                "en": "art. 1, para. 2",
                "fr": "art. 1, par. 2",
                "es": "art. 1, párr. 2",
                "ru": "ст. 1, п. 2",
                "zh-hans": "第1条第2款",
                "ar": "الفقرة 2 من المادة 1",
            },
        ),
        (
            "principle 1",
            {
                "en": "principle 1",
                "fr": "principe 1",
                "es": "principio 1",
                "ru": "принцип 1",
                "zh-hans": "第1条原则",
                "ar": "المبدأ 1",
            },
        ),
        (
            "part III",
            {
                "en": "part III",
                "fr": "partie III",
                "es": "parte III",
                "ru": "часть III",
                "zh-hans": "第三部分",
                "ar": "الجزء الثالث",
            },
        ),
        ("art. 4 (a)", {"zh-hans": "第4条(a)项", "ar": "المادة 4 (أ)", "fr": "art. 4 a)"}),
        ("guideline 10", {"es": "directriz 10", "ar": "المبدأ التوجيهي 10"}),
        ("Implementation", {"fr": "Application", "ar": "التنفيذ", "zh-hans": "执行"}),
    ],
)
def test_a_provision_is_written_as_each_languages_documents_write_it(provision, expected):
    for language, text in expected.items():
        assert provision_text(provision, language) == text, language


@pytest.mark.parametrize(
    "text",
    ["Article 5", "art. 1, art. 2", "rule", "part 3", "para. 6 (z)", "règle 83", "arts. 1-3"],
)
def test_a_provision_in_another_form_is_refused_with_the_forms_it_may_take(text):
    assert parse_provision(text) is None
    problem = provision_problem(text)
    assert problem is not None and repr(text) in problem and "art. 3 (b)" in problem
    assert provision_text(text, "ar") == text  # older data is still shown as it is


def test_a_questionnaire_file_with_a_provision_in_another_form_is_refused_at_the_question():
    document = sample_document()
    question = next(q for q in document.questions() if q.standards)
    question.standards[0].provision = "Article 5"
    problems = [p for p in document_problems(document) if "Article 5" in p.message]
    assert [p.where for p in problems] == [question.code]
    assert question.standards[0].standard in problems[0].message


def test_a_provision_given_in_several_languages_is_refused():
    document = sample_document()
    question = next(q for q in document.questions() if q.standards)
    question.standards[0].provision = {"en": "rule 2.3", "fr": "règle 2.3"}
    problems = [p.message for p in document_problems(document) if p.where == question.code]
    assert any("once, in English" in message for message in problems), problems


@pytest.mark.django_db
def test_the_editor_refuses_a_provision_it_could_not_write_in_every_language(
    version, administrator, client_for
):
    section = version_section(version, "A")
    url = f"/questionnaires/versions/{version.pk}/sections/{section.pk}/questions/new/"
    response = client_for(administrator).post(
        url, _question_form(**{"standards-0-standard": "SMR", "standards-0-provision": "Rule 83"})
    )
    assert response.status_code == 200
    assert "“Rule 83” cannot be written in every language" in response.content.decode()


@pytest.mark.django_db
def test_the_arabic_blank_questionnaire_names_the_provision_in_arabic(version):
    html = blank_questionnaire_html(version=version_with_content(pk=version.pk), language="ar")
    assert "القاعدة 2.3" in html and "rule 2.3" not in html
    english = blank_questionnaire_html(version=version_with_content(pk=version.pk), language="en")
    assert "rule 2.3" in english
