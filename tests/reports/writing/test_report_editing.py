"""What an editor still objected to: "other" answers counted in the tables, a part of a total
stated as its share of that total (not a median of raw numbers), proper names marked so that the
print style never hyphenates them, and table captions naming the standards by their short names."""

import re
import statistics

import pytest
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import pgettext

from reports.writing.formatting import count_text
from surveys.exchange.reader import read_workbook
from surveys.exchange.writer import write_workbook
from surveys.models import Answer
from surveys.questionnaires.versions import version_document
from tests.reports.builders import seeded_category_a
from tests.reports.compiling_fixtures import (  # noqa: F401
    REPLIED,
    rendered,
    report_cycle_fixture,
)
from tests.surveys.test_exclusive_choices import document_with

pytestmark = pytest.mark.django_db


def paragraphs(html: str) -> list[str]:
    return re.findall(r'<p class="para".*?</p>', html, flags=re.S)


def table_of(document, code: str):
    return next(t for t in document.tables if t.title.startswith(f"{code} "))


def test_other_answers_are_counted_in_their_own_row(administrator, report_cycle):
    # B.1 offers "Other, please specify": three States name a measure of their own.
    answers = Answer.objects.filter(reply__cycle=report_cycle, question__code="B.1")
    answers.update(value=["fine"], other_text="")
    answers.filter(reply__respondent__code__in=REPLIED[:3]).update(
        value=["fine", "other"], other_text="Electronic monitoring at home"
    )
    compiled = rendered(report_cycle, administrator)
    rows = {row[0]: row[1] for row in table_of(compiled.document, "B.1").rows}
    assert rows["Other"] == 3
    assert rows["Fine or other monetary penalty"] == len(REPLIED)
    # Counted, but never named as an answer most often given.
    sentence = next(strip_tags(p) for p in paragraphs(compiled.html) if "question B.1," in p)
    assert "other (" not in sentence


def test_other_is_written_in_the_reports_language(administrator, report_cycle):
    Answer.objects.filter(reply__cycle=report_cycle, question__code="B.1").update(
        value=["other"], other_text="Mesure propre"
    )
    compiled = rendered(report_cycle, administrator, language="fr")
    rows = table_of(compiled.document, "B.1").rows
    with translation.override("fr"):
        other = pgettext("an answer in a report's table", "Other")
    assert rows[-1] == [other, len(REPLIED)]
    assert ["Amende ou autre sanction pécuniaire", 0] in rows


def test_a_part_of_a_total_is_stated_as_its_share(administrator, report_cycle):
    # A.1.1 ("Of these, how many are women?") is part of A.1 (persons held in prisons).
    prisoners = Answer.objects.filter(reply__cycle=report_cycle, question__code="A.1")
    women = Answer.objects.filter(reply__cycle=report_cycle, question__code="A.1.1")
    for index, code in enumerate(REPLIED):
        prisoners.filter(reply__respondent__code=code).update(value=str(1000 * (index + 1)))
        women.filter(reply__respondent__code=code).update(value=str(50 * (index + 1) + index))
    # One State gave no total: its share cannot be computed, and it is not counted.
    prisoners.filter(reply__respondent__code=REPLIED[0]).update(value=None)
    compiled = rendered(report_cycle, administrator)
    a11 = next(q for q in compiled.figures.gender if q.code == "A.1.1")
    median = statistics.median(
        100 * (50 * (i + 1) + i) / (1000 * (i + 1)) for i in range(1, len(REPLIED))
    )
    assert (a11.part_of, a11.share_states) == ("A.1", len(REPLIED) - 1)
    assert a11.share_median == pytest.approx(median)
    with translation.override("en"):
        states, replied = count_text(len(REPLIED) - 1), count_text(len(REPLIED))
    text = [strip_tags(p) for p in paragraphs(compiled.html)]
    sentence = next(p for p in text if "A.1.1" in p)
    assert f"Of the {replied} States that replied, {states} gave both the total" in sentence
    assert f"that part was a median of {median:.1f} per cent of the total." in sentence
    assert "question A.1 (“Please indicate the total number of persons held in prisons" in sentence
    assert "figures total" not in sentence


def test_a_part_of_an_unknown_total_is_refused_by_the_xlsform_import(administrator):
    document = version_document(version=seeded_category_a(administrator))
    questions = {q.code: q for q in document.questions()}
    assert (questions["A.1.1"].part_of, questions["C.5.1"].part_of) == ("A.1", "C.5")
    read = read_workbook(write_workbook(document))
    assert read.document is not None, read.errors
    assert {q.code: q.part_of for q in read.document.questions()}["A.1.2"] == "A.1"
    women = questions["A.1.1"]
    women.part_of = "A.3"  # a yes/no question: not a total
    read = read_workbook(write_workbook(document_with(document, women)))
    assert any("A.1.1" in error and "part_of" in error for error in read.errors), read.errors


def _unmarked(paragraph: str) -> str:
    """The text of a paragraph outside the names marked as names."""
    return strip_tags(re.sub(r'<span class="name">.*?</span>', "", paragraph, flags=re.S))


@pytest.mark.parametrize(
    ("language", "organs"),
    [
        ("en", ["United Nations", "General Assembly", "Economic and Social Council"]),
        ("fr", ["Nations Unies", "Assemblée générale", "Conseil économique et social"]),
    ],
)
def test_proper_names_are_marked_so_that_they_are_never_hyphenated(
    administrator, report_cycle, language, organs
):
    compiled = rendered(report_cycle, administrator, language=language)
    figures = compiled.figures
    names = {r.name for r in figures.respondents if r.code in REPLIED}
    standards = {
        text
        for c in figures.clusters
        for t in c.topics
        for s in t.standards
        for text in (s.title, s.name)
    }
    found = [p for p in paragraphs(compiled.html) if any(n in strip_tags(p) for n in names)]
    assert found, "no paragraph names a State"
    for paragraph in paragraphs(compiled.html):
        rest = _unmarked(paragraph)
        assert not [
            n for n in names | standards if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", rest)
        ]
        assert not [organ for organ in organs if organ in rest]
    assert f'<span class="name">{organs[0]}</span>' in compiled.html
    assert re.search(r"\.name[^{]*\{[^}]*hyphens: none", compiled.html)


def test_table_captions_name_the_standards_by_their_short_names(administrator, report_cycle):
    compiled = rendered(report_cycle, administrator)
    standards = [s for c in compiled.figures.clusters for t in c.topics for s in t.standards]
    text = " ".join(strip_tags(p) for p in paragraphs(compiled.html))
    captions = [t.title for t in compiled.document.tables]
    assert any("Tokyo Rules" in caption for caption in captions)
    for standard in standards:
        if standard.title != standard.name:
            assert not [c for c in captions if standard.title in c], standard.code
            # The text names it in full, with its resolution, the first time.
            assert standard.title in text, standard.code
    assert not [c for c in captions if "resolution" in c]
