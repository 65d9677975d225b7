"""Chapter IV follows the technical assistance delivered after the previous cycle to its outcome
(resolution 2003/30, annex, para. 40): of the States assisted on a difficulty they reported, how
many still report it in the report's cycle, with the evaluations; its numbers agree with the
database. Kenya still reports its difficulty (same theme), Senegal left it blank, India now names
another difficulty; Poland was assisted but has not replied; Nigeria's request is still open."""

import datetime

import pytest
from django.utils import timezone

from reports.figures.assistance_outcomes import assistance_followed
from surveys.assistance.outcomes import OutcomeFacts, assistance_outcome_record
from surveys.models import (
    Answer,
    AnswerTheme,
    AssistanceOutcome,
    AssistanceRequest,
    Decision,
    OutcomeRating,
    Reply,
    ReplyStatus,
    RequestStatus,
    Theme,
    ThemeKind,
)
from tests.reports.builders import filled_cycle
from tests.reports.compiling_fixtures import rendered
from tests.reports.writing.test_report_development import paragraphs

pytestmark = pytest.mark.django_db

ASSISTED = {"KEN": OutcomeRating.MET, "SEN": OutcomeRating.PARTLY_MET, "IND": OutcomeRating.MET}
SILENT_NOW = "POL"  # assisted, has not replied to the second cycle


def _difficulty(cycle, code, text, themes):
    """`code`'s answer to A.8 in `cycle`: `text` (None: no answer), coded with `themes`."""
    reply = Reply.objects.get(cycle=cycle, respondent__code=code)
    answers = Answer.objects.filter(reply=reply, question__code="A.8")
    AnswerTheme.objects.filter(answer__in=answers).delete()
    if text is None:
        answers.delete()
        return
    answers.update(value=text)
    for theme in themes:
        AnswerTheme.objects.create(
            answer=answers.get(), theme=theme, decision=Decision.ACCEPTED,
            decided_by=reply.cycle.created_by, decided_at=timezone.now(),
        )  # fmt: skip


def _assisted(cycle, code, rating, by):
    reply = Reply.objects.get(cycle=cycle, respondent__code=code)
    request = AssistanceRequest.objects.create(
        respondent=reply.respondent, reply=reply, language="en",
        answer=Answer.objects.get(reply=reply, question__code="A.9.1"),
        description="Training of prison staff.", status=RequestStatus.IN_PROGRESS,
    )  # fmt: skip
    facts = OutcomeFacts(
        delivered={"en": "Training."}, delivered_by={"en": "UNODC"},
        delivered_from=datetime.date(2025, 6, 2), rating=rating, evaluation={"en": "Evaluated."},
    )  # fmt: skip
    assistance_outcome_record(request=request, facts=facts, by=by)
    return request


@pytest.fixture
def two_cycles(administrator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    states = ["KEN", "SEN", "IND", "POL", "NGA", "FRA"]
    first = filled_cycle(administrator, replied=states)
    first.title = {"en": "Category (a) cycle, 2025"}
    first.opens_on, first.deadline = datetime.date(2024, 11, 1), datetime.date(2025, 1, 31)
    first.save()
    AssistanceRequest.objects.all().delete()
    second = filled_cycle(administrator, replied=[s for s in states if s != SILENT_NOW], seed=2)
    overcrowding, personnel = Theme.objects.filter(kind=ThemeKind.DIFFICULTY).order_by("pk")[:2]
    for code in ["KEN", "SEN", "IND", SILENT_NOW]:
        _difficulty(first, code, "Overcrowding.", [overcrowding])
    _difficulty(second, "KEN", "Overcrowding again.", [overcrowding, personnel])
    _difficulty(second, "SEN", None, [])
    _difficulty(second, "IND", "Staff.", [personnel])
    for code, rating in {**ASSISTED, SILENT_NOW: OutcomeRating.NOT_MET}.items():
        _assisted(first, code, rating, administrator)
    open_request = _assisted(first, "NGA", OutcomeRating.MET, administrator)
    AssistanceOutcome.objects.filter(request=open_request).delete()
    AssistanceRequest.objects.filter(pk=open_request.pk).update(status=RequestStatus.IN_PROGRESS)
    return first, second


def test_the_figures_say_who_still_reports_the_difficulty(two_cycles):
    first, second = two_cycles
    followed = assistance_followed(
        cycles=[second], reply_statuses=[ReplyStatus.ACCEPTED], language="en"
    )
    assert followed.previous == [first]
    [topic] = followed.topics
    codes = dict(Reply.objects.filter(cycle=first).values_list("respondent_id", "respondent__code"))
    assert (topic.code, topic.title) == ("A", "Persons in custody")
    assert {codes[r] for r in topic.still} == {"KEN"}
    assert {codes[r] for r in topic.no_longer} == {"SEN", "IND"}
    assert {codes[r] for r in topic.not_replied} == {SILENT_NOW}
    assert dict(topic.ratings) == {"met": 2, "partly_met": 1, "not_met": 1}


def test_the_report_of_the_second_cycle_says_it_in_numbers_the_database_holds(
    two_cycles, administrator
):
    first, second = two_cycles
    completed = AssistanceRequest.objects.filter(
        reply__cycle=first, status=RequestStatus.COMPLETED, outcomes__isnull=False
    )
    replied_again = completed.filter(
        respondent__replies__cycle=second, respondent__replies__status=ReplyStatus.ACCEPTED
    )
    assert replied_again.count() == 3 and completed.count() == 4
    ratings = {
        rating: AssistanceOutcome.objects.filter(request__in=completed, rating=rating).count()
        for rating in OutcomeRating.values
    }
    assert ratings == {"met": 2, "partly_met": 1, "not_met": 1}

    compiled = rendered(second, administrator)
    [sentence] = [p for p in paragraphs(compiled.html) if "received technical assistance" in p]
    assert sentence.startswith(
        "Of the three States that received technical assistance concerning “Persons in custody” "
        "after reporting difficulties in the previous cycle, and replied to this cycle, two no "
        "longer report the difficulty and one still reports it."
    )
    assert "In addition, one State that received such assistance has not replied" in sentence
    assert (
        "The Secretariat's evaluations of the four requests for assistance completed: "
        "objectives met, two; partly met, one; not met, one." in sentence
    )
    [lead] = [p for p in paragraphs(compiled.html) if "evaluated in the light" in p]
    assert "(“Category (a) cycle, 2025”)" in lead
    assert "still reporting a difficulty" in compiled.html  # the rule, in a footnote


def test_a_report_on_a_cycle_without_a_previous_one_says_nothing_of_it(two_cycles, administrator):
    first, _second = two_cycles
    compiled = rendered(first, administrator)
    assert "followed to its outcome" not in compiled.html
    assert not [p for p in paragraphs(compiled.html) if "received technical assistance" in p]


def test_the_arabic_report_writes_the_paragraph_and_its_table(two_cycles, administrator):
    _first, second = two_cycles
    compiled = rendered(second, administrator, language="ar")
    assert 'dir="rtl"' in compiled.html
    assert ". الأشخاص المحتجزون" in compiled.html  # the table's row of section A
