"""The synthetic cycle that `make bench` measures: complete, accepted replies, with coding."""

import re

import pytest

from bench.synthetic import (
    SYNTHETIC_PREFIX,
    SyntheticRefused,
    synthetic_cycle_build,
    synthetic_cycle_delete,
    synthetic_data_delete,
)
from portal.models import Respondent
from surveys.answering.selectors import answer_values_by_code, reply_answers
from surveys.models import (
    Answer,
    AnswerTheme,
    AssistanceRequest,
    Cycle,
    ReplySnapshot,
    ReplyStatus,
    UsefulPractice,
)
from surveys.questionnaires.conditions import questions_shown
from surveys.questionnaires.selectors import version_with_content
from surveys.submission.services import reply_missing_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def synthetic_cycle(reference_data):
    """A small synthetic cycle of the benchmark, its replies answered and accepted."""
    return synthetic_cycle_build(member_states=3, respondents_other=2, seed=7)


def test_every_reply_answers_every_relevant_question_and_is_accepted(synthetic_cycle):
    replies = list(
        synthetic_cycle.replies.select_related("respondent").order_by("respondent__code")
    )
    assert len(replies) == 5
    assert sum(r.respondent.code.startswith(SYNTHETIC_PREFIX) for r in replies) == 2
    version = version_with_content(pk=synthetic_cycle.version_id)
    assert version.questionnaire.code == "category-a" and version.status == "approved"
    questions = [q for s in version.section_list for q in s.question_list]
    for reply in replies:
        assert reply.status == ReplyStatus.ACCEPTED
        assert reply_missing_answers(reply=reply) == []
        answers = reply_answers(reply=reply)
        values = answer_values_by_code(questions=questions, answers=answers)
        shown = questions_shown([(q.code, q.relevance) for q in questions], values)
        assert shown == set(values)  # every shown question answered, nothing hidden answered
        assert all(v not in (None, "", [], {}) for v in values.values())
    assert ReplySnapshot.objects.filter(reply__cycle=synthetic_cycle).count() == 5


def test_answers_respect_bounds_and_free_text_reads_like_text(synthetic_cycle):
    for answer in Answer.objects.filter(reply__cycle=synthetic_cycle).select_related("question"):
        question = answer.question
        if question.type == "integer":
            assert question.minimum <= int(answer.value) <= question.maximum
        if question.type == "long_text":
            assert len(answer.value.split()) >= 3 or len(answer.value) >= 10


def test_it_codes_some_answers_and_records_some_requests_then_cleans_up(reference_data):
    cycle = synthetic_cycle_build(member_states=8, respondents_other=4, seed=3)
    assert AnswerTheme.objects.filter(answer__reply__cycle=cycle).exists()
    assert AssistanceRequest.objects.filter(reply__cycle=cycle).exists()
    assert UsefulPractice.objects.filter(answer__reply__cycle=cycle).exists()
    assert synthetic_data_delete() == 1
    assert not Cycle.objects.filter(pk=cycle.pk).exists()
    assert not Respondent.objects.filter(code__startswith=SYNTHETIC_PREFIX).exists()


def test_it_deletes_only_synthetic_cycles(administrator):
    from tests.surveys.replies import open_cycle

    real = open_cycle(administrator)
    with pytest.raises(SyntheticRefused):
        synthetic_cycle_delete(cycle=real)


def test_featured_practices_are_distinct_and_summarised_in_the_six_languages(reference_data):
    from portal.multilingual import LANGUAGE_CODES

    cycle = synthetic_cycle_build(member_states=40, respondents_other=0, seed=5)
    featured = list(
        UsefulPractice.objects.filter(answer__reply__cycle=cycle, featured=True).select_related(
            "answer__question"
        )
    )
    assert len(featured) >= 4
    by_question: dict[str, list[str]] = {}
    for practice in featured:
        # What the State does, in every language a report is written in.
        assert sorted(practice.summary) == sorted(LANGUAGE_CODES)
        assert all(practice.summary.values())
        # The State's own text is that practice, in the language it wrote in.
        assert practice.answer.value in practice.summary.values()
        by_question.setdefault(practice.answer.question.code, []).append(practice.summary["en"])
    for code, summaries in by_question.items():
        # Never the same practice twice in one section of a report (figures aside).
        kinds = [re.sub(r"\d+", "#", summary) for summary in summaries]
        assert len(set(kinds)) == len(kinds), code
