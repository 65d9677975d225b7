"""What an editor of E/CN.15 documents still objected to after the counting was made honest: a table
without a heading over its row labels, a "None of these" row that seemed to contradict its footnote,
heavy sentences on shares, and the texts respondents wrote under "Other" that the report dropped."""

import re

import pytest
from django.utils.html import strip_tags

from surveys.models import Answer
from tests.reports.compiling_fixtures import (  # noqa: F401
    REPLIED,
    rendered,
    report_cycle_fixture,
)

pytestmark = pytest.mark.django_db


def paragraphs(html: str) -> list[str]:
    return [strip_tags(p) for p in re.findall(r'<p class="para".*?</p>', html, flags=re.S)]


def table_of(document, code: str):
    return next(t for t in document.tables if t.title.startswith(f"{code} "))


def test_every_table_has_a_heading_over_its_row_labels(administrator, report_cycle):
    answers = Answer.objects.filter(reply__cycle=report_cycle, question__code="A.4")
    rows = {"women_from_men": "always", "untried_from_convicted": "never"}
    answers.update(value={**rows, "juveniles_from_adults": "mostly"})
    # One State left a row blank: the row still adds up, in a "No answer" column.
    answers.filter(reply__respondent__code=REPLIED[0]).update(value=rows)
    compiled = rendered(report_cycle, administrator)
    for table in compiled.document.tables:
        assert all(str(head).strip() for head in table.head), table.title
    a4 = table_of(compiled.document, "A.4")
    assert a4.head == ["Item", "Always", "In most cases", "In some cases", "Never", "No answer",
                       "Total"]  # fmt: skip
    for row in a4.rows:
        assert sum(row[1:-1]) == row[-1] == len(REPLIED)
    assert a4.rows[2] == ["Juveniles from adults", 0, len(REPLIED) - 1, 0, 0, 1, len(REPLIED)]


def test_the_none_of_these_row_and_its_footnote_agree(administrator, report_cycle):
    answers = Answer.objects.filter(reply__cycle=report_cycle, question__code="A.7")
    answers.update(value=["women_staff"], other_text="")
    answers.filter(reply__respondent__code=REPLIED[0]).update(value=["none"])
    answers.filter(reply__respondent__code__in=REPLIED[1:4]).update(value=["women_staff", "none"])
    compiled = rendered(report_cycle, administrator)
    a7 = table_of(compiled.document, "A.7")
    rows = {row[0]: row[1] for row in a7.rows}
    # Ticked with measures, "None of these" is counted for the measures only.
    assert rows["None of these"] == 1
    assert rows["Supervision by women staff only"] == len(REPLIED) - 1
    footnote = next(
        strip_tags(f)
        for f in re.findall(r'<span class="footnote">.*?</span>', compiled.html)
        if "A.7" in f
    )
    assert footnote == (
        "In reply to question A.7, three States ticked “None of these” together with other "
        "answers. As “None of these” excludes the other answers, those States are counted for "
        f"the other answers only; the row “None of these” of table {a7.number} counts the States "
        "that ticked it alone."
    )


def test_a_share_is_stated_from_the_states_that_gave_it(administrator, report_cycle):
    prisoners = Answer.objects.filter(reply__cycle=report_cycle, question__code="A.1")
    women = Answer.objects.filter(reply__cycle=report_cycle, question__code="A.1.1")
    prisoners.update(value="1000")
    women.update(value="50")
    compiled = rendered(report_cycle, administrator)
    sentence = next(p for p in paragraphs(compiled.html) if "question A.1.1" in p)
    assert (
        "All 10 States that replied gave both the total asked for in question A.1 (“Please "
        "indicate the total number of persons held in prisons" in sentence
    ), sentence
    assert sentence.endswith(
        "and the part of it asked for in question A.1.1 (“Of these, how many are women?”); that "
        "part was a median of 5.0 per cent of the total."
    ), sentence
    assert "that gave both figures" not in compiled.html


@pytest.mark.parametrize(("language", "side"), [("en", "left"), ("ar", "right")])
def test_the_footnotes_are_set_off_by_a_short_rule(administrator, report_cycle, language, side):
    compiled = rendered(report_cycle, administrator, language=language)
    area = re.search(r"@footnote \{(.*?)\}", compiled.html, flags=re.S).group(1)
    # A rule of about a third of the text's width (208 px = 55 mm of 166 mm), at the side where
    # lines begin; not a border the full width of the page.
    assert "border" not in area
    assert "width='208'" in area and f"background-position: {side} top" in area


def test_the_texts_written_under_other_are_listed_with_the_states_names(
    administrator, report_cycle
):
    answers = Answer.objects.filter(reply__cycle=report_cycle, question__code="B.1")
    answers.update(value=["fine"], other_text="")
    # KEN writes in English; SEN in French (its contact person's language and the text's own).
    answers.filter(reply__respondent__code="KEN").update(
        value=["fine", "other"], other_text="Weekend detention in the community"
    )
    answers.filter(reply__respondent__code="SEN").update(
        value=["other"], other_text="Le travail non rémunéré au profit de la commune"
    )
    # Two States that wrote the same text are named together.
    answers.filter(reply__respondent__code__in=["JPN", "IND"]).update(
        value=["other"], other_text="Weekend detention in the community"
    )
    # A text without "Other" ticked is not an answer under "Other".
    answers.filter(reply__respondent__code="NGA").update(value=["fine"], other_text="Stray text")
    compiled = rendered(report_cycle, administrator)
    html = compiled.html
    text = " ".join(strip_tags(html).split())
    assert "In reply to question B.1, four States chose “Other” and specified:" in text
    assert "India, Japan and Kenya: Weekend detention in the community" in text
    assert re.search(
        r"Senegal.{0,80}\[Original: French\].{0,80}"
        r"Le travail non rémunéré au profit de la commune",
        text,
    )
    assert 'lang="fr"' in html and "Stray text" not in text
    # In the French report, the French text is the State's own words, the English one quoted.
    french = " ".join(strip_tags(rendered(report_cycle, administrator, language="fr").html).split())
    assert "Sénégal : Le travail non rémunéré au profit de la commune" in french
    assert re.search(
        r"Inde, Japon et Kenya.{0,80}\[Original : anglais\].{0,80}Weekend detention", french
    )


def test_a_reverse_worded_question_is_never_named_the_most_widely_applied_for_its_yes(
    administrator, report_cycle
):
    # B.5: "Does failure to comply ... lead automatically to imprisonment?" ("No" means applied).
    scales = ["B.3", "B.4.2", "B.5", "B.6", "B.7"]
    Answer.objects.filter(reply__cycle=report_cycle, question__code__in=scales).update(value="no")
    answers = Answer.objects.filter(reply__cycle=report_cycle, question__code="B.5")
    answers.update(value="yes")
    answers.filter(reply__respondent__code__in=REPLIED[:3]).update(value="no")
    compiled = rendered(report_cycle, administrator)
    sentence = next(
        p for p in paragraphs(compiled.html) if "most widely applied" in p and "B." in p
    )
    assert "question B.5" in sentence, sentence
    assert sentence.endswith("three of the 10 States that answered replied “No”."), sentence


def test_the_summary_tells_replies_received_from_replies_counted(administrator, report_cycle):
    from surveys.models import ReplyStatus

    waiting = report_cycle.replies.get(respondent__code=REPLIED[0])
    waiting.status = ReplyStatus.SUBMITTED  # received, still under review
    waiting.save(update_fields=["status"])
    compiled = rendered(report_cycle, administrator)
    f = compiled.figures
    assert f.received == f.replied + 1
    summary = " ".join(strip_tags(p) for p in compiled.document.summary)
    assert (
        f"Replies were received from {f.received} of the {f.invited} respondents invited; the "
        f"{f.replied} reviewed and accepted, including those of nine of the" in summary
    ), summary
    assert "are counted in the present report." in summary
