"""A report in United Nations editorial style, read from its PDF: no sentence begins with a figure,
counts under ten are spelled out in English and French running text, no footnote is repeated; its
tables show only the answers offered and totals that add up; its practices say what the State
does, naming it as a sentence does."""

import re
import subprocess
from html import unescape

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from portal.jobs import JobStatus
from reports.compiling.services import report_render, report_request
from surveys.models import Answer, Purpose, QuestionType, UsefulPractice
from tests.reports.builders import filled_cycle
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401

pytestmark = pytest.mark.django_db

# References and quantities that keep their figures in running text: "table 3", "tables 3 and 4",
# "para. 7", "question A.7", "7 December 2026", "18.7 per cent", "resolution 2003/30".
_REFERENCE = re.compile(
    r"\b(?:tables?|tableaux?|figures?|paragraphs?|paragraphes?|para\.|par\.|chapters?|chapitres?|"
    r"questions?|version|item|point|annex|annexe)\s+[\dA-Z][\w.]*"
    r"(?:(?:,|\s+(?:and|et))\s+[\dA-Z][\w.]*)*",
    flags=re.IGNORECASE,
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
_DATE = re.compile(rf"\b\d{{1,2}}(?:er)?\s+(?:{_MONTHS})\s+\d{{4}}", flags=re.IGNORECASE)
_QUANTITY = re.compile(r"\d+(?:[.,]\d+)?\s*(?:per cent|pour cent|%)|\d+/\d+")
# A digit alone, not part of a larger number ("3 911,5" and "1,200" are not counts under ten).
_LONE_DIGIT = re.compile(r"(?<![\w.,/\u202f\u00a0])[0-9](?![\w.,/\u202f\u00a0])(?!\s\d{3}\b)")
_PARAGRAPH_NUMBER = re.compile(r"^(?:\d+\s*[.\-–]|[\-–]\d+)$")


def compiled(cycle, by, capture, language):
    with capture(execute=True):
        report = report_request(
            cycles=[cycle], by=by, symbol="E/CN.15/2027/13", language=language, agenda_item_number=6
        )
    report.refresh_from_db()
    assert report.status == JobStatus.READY, report.error
    return report


def pdf_text(report) -> str:
    with report.pdf.open("rb") as pdf:
        data = pdf.read()
    result = subprocess.run(  # noqa: S603
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    )
    return result.stdout.decode()


def running_text(text: str) -> list[str]:
    """The numbered paragraphs of a PDF's text, with lines joined and hyphenated words mended.
    pdftotext gives a paragraph's number ("12.", Arabic "12-") on a line of its own, then the
    paragraph's lines up to a blank line; a page number inside (a page break) is left out."""
    lines = re.sub("[\u202a-\u202e\u2066-\u2069]", "", text).splitlines()
    paragraphs: list[list[str]] = []
    current: list[str] | None = None
    for line in (line.strip() for line in lines):
        if _PARAGRAPH_NUMBER.match(line):
            current = []
            paragraphs.append(current)
        elif current is not None and not line:
            current = None if current else current
        elif current is not None and not re.fullmatch(r"[\d\s.\-–]+", line):
            current.append(line)
    joined = ["\n".join(p) for p in paragraphs if p]
    return [re.sub(r"\s+", " ", p.replace("\u2010\n", "").replace("-\n", "-")) for p in joined]


def figures_under_ten(paragraph: str) -> list[str]:
    """The counts under ten written as figures in `paragraph`, once references, dates,
    percentages and symbols (which keep their figures) are set aside."""
    for pattern in (_REFERENCE, _DATE, _QUANTITY):
        paragraph = pattern.sub(" ", paragraph)
    # Footnote calls follow the word or stop they belong to: "assistance”.2 The Council".
    paragraph = re.sub(r"(?<=[.,;:”)a-zà-ÿ])\d+\b", " ", paragraph)
    return _LONE_DIGIT.findall(paragraph)


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_pdf_reads_in_united_nations_style(
    administrator, report_cycle, django_capture_on_commit_callbacks, language
):
    report = compiled(report_cycle, administrator, django_capture_on_commit_callbacks, language)
    text = pdf_text(report)
    paragraphs = running_text(text)
    # pdftotext gives Arabic paragraphs' numbers on lines of their own less often.
    assert len(paragraphs) > (5 if language == "ar" else 20)
    for paragraph in paragraphs:
        if language == "ar" and re.search("[A-Za-z]{4}", paragraph):
            # A sentence not yet translated: pdftotext gives its mixed-direction runs out of order.
            continue
        # No sentence begins with a figure.
        assert not re.match(r"\d", paragraph), paragraph
        assert not re.search(r"(?<!para)(?<!par)[.!?؟][”»]?\s+\d", paragraph), paragraph
        if language in ("en", "fr"):
            assert figures_under_ten(paragraph) == [], paragraph
    # Each footnote is printed once; a text cited again is cited by its number.
    # Names inside a footnote are marked too (never hyphenated): read the footnotes without them.
    html = re.sub(r'<span class="name">(.*?)</span>', r"\1", report_render(report=report).html)
    notes = [
        unescape(strip_tags(n)) for n in re.findall(r'<span class="footnote">(.*?)</span>', html)
    ]
    assert len(notes) == len(set(notes)) >= 2
    if language != "ar":  # pdftotext gives Arabic footnotes' mixed runs out of order
        # Words hyphenated at a line's end are joined again (WeasyPrint prints U+2010).
        flat = re.sub(r"\u2010 ", "", re.sub(r"\s+", " ", text))
        for note in notes:
            assert flat.count(re.sub(r"\s+", " ", note)) == 1, note
    assert '<sup class="footnote-ref">' in html  # resolution 2003/30, para. 7, cited twice


def test_counts_under_ten_are_spelled_out_and_totals_said_in_words(administrator, report_cycle):
    report = report_request(
        cycles=[report_cycle], by=administrator, symbol="E/CN.15/2027/13", language="en",
        enqueue=False, agenda_item_number=6,
    )  # fmt: skip
    paragraphs = [
        strip_tags(p) for p in re.findall(r'<p class="para".*?</p>', report_render(report=report).html, flags=re.S)
    ]  # fmt: skip
    text = " ".join(paragraphs)
    # Ten States replied, all reported difficulties: "All 10 States", never "Of the 10 States
    # that replied, 10 reported".
    assert "Of the 10 States that replied, 10 " not in text
    assert re.search(r"\((?:one|two|three|four|five|six|seven|eight|nine) States?\)", text)
    assert "Resolution 2003/30" not in text and "status accepted" not in text


def test_tables_show_the_answers_offered_and_add_up(administrator, report_cycle):
    report = report_request(
        cycles=[report_cycle], by=administrator, symbol="E/CN.15/2027/13", language="en",
        enqueue=False, agenda_item_number=6,
    )  # fmt: skip
    compiled_report = report_render(report=report)
    figures, tables = compiled_report.figures, compiled_report.document.tables
    questions = {
        q.code: q
        for cluster in figures.clusters
        for topic in cluster.topics
        for q in topic.application
    } | {q.code: q for q in figures.gender}
    scale_tables = [t for t in tables if t.head[0] == "Question"]
    assert scale_tables
    for table in scale_tables:
        assert table.head[-1] == "Total" and "States answering" not in table.head
        for row in table.rows:
            question = questions[row[0].split()[0]]
            offered = [c.label for c in question.counts]
            # Only the answers the question offered, then "No answer" where needed, then the total.
            assert table.head[1 : 1 + len(offered)] == offered, (table.head, question.type)
            if question.type == QuestionType.YES_NO:
                assert "Partly" not in table.head and "Don't know" not in table.head
            assert sum(row[1:-1]) == row[-1] == question.answered
    for table in tables:
        assert "States" not in table.head[1:2] or table.head[0] == "Answer", table.head


def test_practices_say_what_the_state_does_naming_it_as_a_sentence_does(administrator):
    cycle = filled_cycle(administrator, replied=["COG", "KEN", "SEN"], other_languages=False)
    answer = Answer.objects.filter(
        reply__respondent__code="COG",
        reply__cycle=cycle,
        question__purpose=Purpose.USEFUL_PRACTICE,
    ).first()
    UsefulPractice.objects.update_or_create(
        answer=answer,
        defaults={
            "featured": True,
            "summary": {"en": "Paralegals visit remand prisons every week."},
            "updated_by": administrator,
            "updated_at": timezone.now(),
        },
    )
    report = report_request(
        cycles=[cycle], by=administrator, symbol="E/CN.15/2027/13", language="en",
        enqueue=False, agenda_item_number=6,
    )  # fmt: skip
    html = report_render(report=report).html
    text = re.sub(r"\s+", " ", strip_tags(html))
    assert re.search(r"reported by (?:[^:]*, )?the Congo(?:,| and)", text)
    assert "The Congo: Paralegals visit remand prisons every week." in text


def test_the_reports_page_shows_its_length_and_warns_above_the_limit(
    client_for, administrator, report_cycle, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from reports.models import Report

    report = compiled(report_cycle, administrator, django_capture_on_commit_callbacks, "en")
    words = report.figures["word_count"]
    # The count is the PDF's words but the masthead and the contents, give or take hyphenation.
    printed = len(pdf_text(report).split())
    assert 0.7 * printed < words < printed
    client = client_for(administrator)
    page = client.get(reverse("reports:report_detail", args=[report.pk])).content.decode()
    assert f"{words:,} words (limit: 8,500)" in page
    assert 'data-testid="report-too-long"' not in page
    Report.objects.filter(pk=report.pk).update(figures={**report.figures, "word_count": 9120})
    page = client.get(reverse("reports:report_detail", args=[report.pk])).content.decode()
    assert "The report runs to 9,120 words, above the limit of 8,500 words" in page
