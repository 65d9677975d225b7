"""A report counts honestly: an instrument's "applying" figure comes from its indicators of
application with what their answers mean (a reverse-worded question's "Yes" is not application),
it is stated once, and the first chapter says which replies were received, accepted and counted."""

import re

import pytest
from django.db.models import Q
from django.utils import translation
from django.utils.html import strip_tags

from reports.writing.formatting import count_text
from surveys.models import Answer, Reply, ReplyStatus
from tests.reports.compiling_fixtures import (  # noqa: F401
    REPLIED,
    rendered,
    report_cycle_fixture,
)

pytestmark = pytest.mark.django_db


def paragraphs(html: str) -> list[str]:
    return [strip_tags(p) for p in re.findall(r'<p class="para".*?</p>', html, flags=re.S)]


def answered(cycle, code: str, value, respondents=None) -> None:
    answers = Answer.objects.filter(reply__cycle=cycle, question__code=code)
    if respondents is not None:
        answers = answers.filter(reply__respondent__code__in=respondents)
    answers.update(value=value)


def standard_figures(figures, code):
    found = [s for c in figures.clusters for t in c.topics for s in t.standards if s.code == code]
    assert found, code
    return found


def test_a_reverse_worded_question_is_not_counted_as_application(administrator, report_cycle):
    # B.3 and B.4.2 answered "No" by all; B.5 ("Does failure ... lead automatically to
    # imprisonment?") answered "Yes", which means rule 14.3 is NOT applied, except by Kenya.
    answered(report_cycle, "B.3", "no")
    answered(report_cycle, "B.4.2", "no")
    answered(report_cycle, "B.5", "yes")
    answered(report_cycle, "B.5", "no", respondents=["KEN"])
    compiled = rendered(report_cycle, administrator)
    tokyo = standard_figures(compiled.figures, "TOKYO")[0]
    assert tokyo.indicators == ["B.3", "B.4.2", "B.5"]
    assert (tokyo.answered, tokyo.applying) == (len(REPLIED), 1)
    with translation.override("en"):
        one = count_text(1)
    sentence = next(p for p in paragraphs(compiled.html) if "Tokyo Rules" in p and "applying" in p)
    assert f"Of the {len(REPLIED)} States that answered" in sentence
    assert f", {one} reported applying" in sentence


def test_each_instrument_has_one_applying_figure_in_the_text(administrator, report_cycle):
    compiled = rendered(report_cycle, administrator)
    figures = compiled.figures
    stated = [p for p in paragraphs(compiled.html) if "reported applying" in p]
    # The Bangkok Rules are asked about in three parts of the questionnaire: one figure, the same
    # object wherever a topic refers to it.
    bangkok = standard_figures(figures, "BANGKOK")
    assert len(bangkok) > 1 and all(b is bangkok[0] or b == bangkok[0] for b in bangkok)
    codes = {s.code for c in figures.clusters for t in c.topics for s in t.standards if s.answered}
    assert len(stated) == len(codes)
    assert len([p for p in stated if "Bangkok Rules" in p]) == 1


def test_the_first_chapter_states_received_accepted_and_counted_replies(
    administrator, report_cycle
):
    replies = Reply.objects.filter(cycle=report_cycle).order_by("respondent__code")
    # Two replies wait for review, one was returned for clarification, one is a draft.
    waiting = list(replies.values_list("pk", flat=True)[:3])
    Reply.objects.filter(pk__in=waiting[:2]).update(status=ReplyStatus.SUBMITTED)
    Reply.objects.filter(pk=waiting[2]).update(status=ReplyStatus.RETURNED)
    Reply.objects.create(
        cycle=report_cycle,
        respondent=report_cycle.invitations.exclude(respondent__replies__cycle=report_cycle)
        .first()
        .respondent,
        status=ReplyStatus.IN_PROGRESS,
    )
    received = (
        Reply.objects.filter(cycle=report_cycle)
        .filter(Q(submitted_at__isnull=False) | ~Q(status__in=["not_started", "in_progress"]))
        .count()
    )
    accepted = Reply.objects.filter(cycle=report_cycle, status=ReplyStatus.ACCEPTED).count()
    assert (received, accepted) == (len(REPLIED) + 1, len(REPLIED) - 2)
    compiled = rendered(report_cycle, administrator)
    assert (compiled.figures.received, compiled.figures.accepted) == (received, accepted)
    assert compiled.figures.replied == accepted  # the report counts accepted replies only
    texts = paragraphs(compiled.html)
    chapter_two = next(i for i, p in enumerate(texts) if "response rate" in p)
    first = next(i for i, p in enumerate(texts) if "had submitted replies" in p)
    assert first < chapter_two
    with translation.override("en"):
        assert (
            f"{count_text(received)} respondents had submitted replies, and the Secretariat had "
            f"reviewed and accepted {count_text(accepted)} of them" in texts[first]
        )
        assert f"count the {count_text(accepted)} replies accepted" in texts[first]
