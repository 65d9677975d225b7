"""A report written wholly in its language: standards named in full the first time, useful practices
summarised in the report's language or quoted as written (labelled with their language), the
translations still needed listed for staff only, and Latin runs isolated in Arabic text."""

import re

import pytest
from django.urls import reverse

from clusters.models import Standard
from portal.bidi import LRI, PDI
from reports.compiling.services import report_render
from surveys.models import UsefulPractice
from tests.reports.builders import PRACTICE_AR
from tests.reports.compiling.test_report_compile import compiled, pdf_text
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401

pytestmark = pytest.mark.django_db

QUOTED = re.compile(r"<p class=\"practice__text\" data-quoted-answer[^>]*>(.*?)</p>", re.DOTALL)
LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


def paragraphs(html: str) -> list[str]:
    """The text of the numbered paragraphs, in order, without tags or isolates."""
    found = re.findall(r'<p class="para"[^>]*>(.*?)</p>', html, flags=re.DOTALL)
    return [re.sub(r"<[^>]+>|[\u2066-\u2069\u200e\u200f]", "", p) for p in found]


def latin_words(text: str) -> set[str]:
    # A word cut at the end of a line by hyphenation is one word.
    return set(LATIN_WORD.findall(re.sub(r"[\u00ad\u2010\u2011-]\n", "", text)))


def test_a_standard_is_named_in_full_the_first_time_and_by_its_short_name_after(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    report = compiled(report_cycle, administrator, django_capture_on_commit_callbacks)
    texts = paragraphs(report_render(report=report).html)
    full = (
        "the United Nations Standard Minimum Rules for Non-custodial Measures "
        "(the Tokyo Rules) (General Assembly resolution 45/110)"
    )
    mentions = [text for text in texts if "Tokyo Rules" in text]
    assert len(mentions) >= 2
    assert full in mentions[0]
    assert all(full not in text for text in mentions[1:])
    # (the Bangkok Rules' title, "... Non-custodial Measures for Women Offenders", is another)
    assert sum(text.count("Minimum Rules for Non-custodial Measures") for text in texts) == 1


def test_a_french_report_names_the_standards_in_french(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    report = compiled(report_cycle, administrator, django_capture_on_commit_callbacks, "fr")
    texts = paragraphs(report_render(report=report).html)
    full = (
        "Règles minima des Nations Unies pour l'élaboration de mesures non privatives de liberté "
        "(Règles de Tokyo) (résolution 45/110 de l'Assemblée générale)"
    )
    mentions = [text for text in texts if "Règles de Tokyo" in text]
    assert len(mentions) >= 2
    # In a French sentence the name may stand between guillemets ("de l'instrument « … »").
    assert full in mentions[0].replace("&#x27;", "'"), mentions[0]
    assert all("mesures non privatives" not in text for text in mentions[1:])
    assert not any("Tokyo Rules" in text for text in texts)


def test_a_practice_without_a_summary_in_the_language_is_quoted_as_written_and_labelled(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    report = compiled(report_cycle, administrator, django_capture_on_commit_callbacks)
    html = report_render(report=report).html
    # The Arabic answer is quoted in Arabic, right to left, and said to be in Arabic.
    quote = re.search(
        r'<p class="practice__by">([^<]*) <span class="practice__original">\[Original: Arabic\]'
        r'</span></p>\s*<p class="practice__text" data-quoted-answer lang="ar" dir="rtl">([^<]*)<',
        html,
    )
    assert quote and quote.group(2) == PRACTICE_AR
    # A practice summarised in English is printed as the report's own text, without a label.
    summarised = UsefulPractice.objects.filter(featured=True, summary__has_key="en").first()
    if summarised is not None:
        # "<State>: <summary>", the State named as in a sentence.
        assert re.search(
            r'<p class="practice__text" lang="en" dir="ltr">.{1,300}?: A summary of the practice',
            html,
        )
    # The French report prints the French summary where there is one.
    french = compiled(report_cycle, administrator, django_capture_on_commit_callbacks, "fr")
    french_html = report_render(report=french).html
    assert "Un résumé de la pratique par le Secrétariat." in french_html
    assert "A summary of the practice by the Secretariat." not in french_html


def test_the_translations_needed_are_kept_on_the_report_and_shown_to_staff_only(
    administrator, report_cycle, django_capture_on_commit_callbacks, client_for, delegate
):
    UsefulPractice.objects.update(summary={"en": "Only in English."})
    Standard.objects.filter(code="TOKYO").update(short_name={"en": "Tokyo Rules"})
    report = compiled(report_cycle, administrator, django_capture_on_commit_callbacks, "ar")
    needed = report.translations_needed
    assert {"kind": "standard", "label": "TOKYO", "text": "Tokyo Rules", "language": "en"} in needed
    practices = [row for row in needed if row["kind"] == "practice"]
    # Every featured practice quoted from a language other than Arabic, none of the Arabic ones.
    assert practices and all(row["text"] == "Only in English." for row in practices)
    written_in_arabic = UsefulPractice.objects.filter(featured=True, answer__value=PRACTICE_AR)
    assert written_in_arabic.exists()
    featured = UsefulPractice.objects.filter(featured=True)
    assert len({row["label"] for row in practices}) == featured.count() - written_in_arabic.count()
    assert not [
        row for row in needed if row["kind"] == "question"
    ]  # the questionnaire is in Arabic
    page = client_for(administrator).get(reverse("reports:report_detail", args=[report.pk]))
    content = page.content.decode()
    assert 'data-testid="translations-needed"' in content
    assert "Only in English." in content and "TOKYO" in content
    # Not in the PDF, and not for a delegate.
    assert "Only in English." not in pdf_text(report)
    response = client_for(delegate).get(reverse("reports:report_detail", args=[report.pk]))
    assert response.status_code in (403, 404)
    assert "Only in English." not in response.content.decode()


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_an_arabic_or_chinese_report_has_no_english_outside_quotes_names_and_symbols(
    administrator, report_cycle, django_capture_on_commit_callbacks, language
):
    report = compiled(report_cycle, administrator, django_capture_on_commit_callbacks, language)
    html = report_render(report=report).html
    allowed = latin_words(report.symbol)
    # The masthead's "Distr.: General" and "Original: English" stay in English in Chinese and
    # Russian documents; resolution symbols keep their Roman numerals ("663 C (XXIV)").
    allowed |= latin_words(
        html[html.index('<header class="un-masthead">') : html.index("</header>")]
    )
    for standard in Standard.objects.all():
        allowed |= latin_words(standard.adopted_by.get(language, ""))
    for quoted in QUOTED.findall(html):
        allowed |= latin_words(quoted)
    for respondent in report.figures["respondents"]:
        allowed |= latin_words(respondent["name"])  # a body named only in its own language
    still_untranslated = set()
    for row in report.translations_needed:
        still_untranslated |= latin_words(row["text"])
    english = {
        word
        for word in latin_words(pdf_text(report, layout=False)) - allowed
        # The start or the end of an allowed word cut by hyphenation (in a mixed line pdftotext
        # moves the hyphen away from the cut).
        if not any(
            whole != word and (whole.startswith(word) or whole.endswith(word))
            for whole in allowed | still_untranslated
            if len(word) >= 3
        )
    }
    print(f"{language}: Latin words of texts not yet translated:", sorted(english))
    assert english <= still_untranslated, sorted(english - still_untranslated)


def test_latin_runs_in_an_arabic_report_are_isolated(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    Standard.objects.filter(code="TOKYO").update(short_name={"en": "Tokyo Rules"})
    report = compiled(report_cycle, administrator, django_capture_on_commit_callbacks, "ar")
    html = report_render(report=report).html
    # Resolution numbers in the Arabic text, and the name printed in English until translated.
    assert f"{LRI}2003/30{PDI}" in html
    assert f"{LRI}Tokyo Rules{PDI}" in html
    body = html[html.index("<main") : html.index("</main>")]
    body = QUOTED.sub("", body)
    body = re.sub(r"<[^>]+>", "", body)
    outside = re.sub(f"{LRI}[^{PDI}]*{PDI}", "", body)
    assert not re.search(r"[A-Za-z]", outside)
