"""Reads about replies that several views share: answers by code, outlines, one question (progress:
surveys.answering.progress)."""

from collections.abc import Sequence
from typing import Any, Protocol

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from surveys.models import Answer, Choice, Question, Reply
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
