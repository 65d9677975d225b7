"""Reads about replies that several views share: answers by code, what is shown, progress."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from surveys.models import Answer, Choice, Question, Reply
from surveys.questionnaires.conditions import questions_shown
from surveys.questionnaires.selectors import FROZEN_STATUSES, version_content


def reply_answers(*, reply: Reply) -> dict[int, Answer]:
    """The reply's answers by question id (one query)."""
    return {a.question_id: a for a in Answer.objects.filter(reply=reply)}


def answer_values_by_code(
    *, questions: list[Question], answers: dict[int, Answer]
) -> dict[str, object]:
    return {q.code: answers[q.pk].value for q in questions if q.pk in answers}


class SectionOutline(Protocol):
    """A section read with its questions (`question_list`)."""

    @property
    def pk(self) -> Any: ...
    @property
    def code(self) -> str: ...
    @property
    def title(self) -> dict: ...
    @property
    def question_list(self) -> Sequence[Question]: ...


class VersionOutline(Protocol):
    """A version read with its sections and their questions (`section_list`): from
    surveys.questionnaires.selectors.version_with_content, or the answering views' outline."""

    @property
    def section_list(self) -> Sequence[SectionOutline]: ...


@dataclass
class SectionProgress:
    section_id: int
    code: str
    title: dict
    shown: int  # questions shown (relevant) in the section
    answered: int  # of those, answered
    required_missing: list[Question]

    @property
    def percent(self) -> int:
        return 100 if not self.shown else round(100 * self.answered / self.shown)


def _answered(answer: Answer | None, question: Question, with_files: set[int]) -> bool:
    if question.type == "file":
        return question.pk in with_files
    return answer is not None and answer.value not in (None, "", [], {})


def reply_progress(
    *, reply: Reply, version: VersionOutline, answers: dict[int, Answer] | None = None
) -> list[SectionProgress]:
    """Progress per section, counting only the questions the answers so far make relevant.

    `version` must come from surveys.questionnaires.selectors.version_with_content or
    version_content (no query per question; its objects are not changed). `answers`: the reply's
    answers by question id when the caller has them already (else read: one query).
    """
    if answers is None:
        answers = reply_answers(reply=reply)
    with_files = set(
        reply.attachments.filter(removed_at__isnull=True, question__isnull=False).values_list(
            "question_id", flat=True
        )
    )
    questions = [q for s in version.section_list for q in s.question_list]
    shown = questions_shown(
        [(q.code, q.relevance) for q in questions],
        answer_values_by_code(questions=questions, answers=answers),
    )
    progress = []
    for section in version.section_list:
        visible = [q for q in section.question_list if q.code in shown]
        answered = [q for q in visible if _answered(answers.get(q.pk), q, with_files)]
        progress.append(
            SectionProgress(
                section_id=section.pk,
                code=section.code,
                title=section.title,
                shown=len(visible),
                answered=len(answered),
                required_missing=[q for q in visible if q.required and q not in answered],
            )
        )
    return progress


def question_of_reply(reply: Reply, question_pk: int) -> Question:
    """One question of the reply's version with its options and rows, for saving or correcting
    its answer on its own (404 for another version's question, and for file questions). The
    question of an approved version is the one kept with its content: read it, never change it."""
    version = reply.cycle.version
    if version.status in FROZEN_STATUSES:
        # An approved version's content is kept (version_content): no query.
        found = next(
            (
                q
                for s in version_content(version=version).section_list
                for q in s.question_list
                if q.pk == question_pk
            ),
            None,
        )
        if found is None or found.type == "file":
            raise Http404
        return found
    choices = Choice.objects.order_by("kind", "order")
    question = get_object_or_404(
        Question.objects.prefetch_related(Prefetch("choices", queryset=choices)),
        pk=question_pk,
        version_id=reply.cycle.version_id,
    )
    if question.type == "file":
        raise Http404
    question.option_list = [c for c in question.choices.all() if c.kind == "option"]
    question.row_list = [c for c in question.choices.all() if c.kind == "row"]
    return question
