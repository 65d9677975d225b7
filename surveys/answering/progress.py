"""How far a reply has come: one measure, shown the same way on every page.

The measure counts the **required** questions of the questionnaire, all of them, whatever the
answers so far, so its total never moves. A required question is *done* when it is answered while
shown, or when the answers given have closed it (its condition looks at a question that is answered,
or that is itself closed, and holds no more: "not applicable"). It is *open* while it is shown and
unanswered, and *pending* while it is hidden waiting for an earlier answer.

    percent = done / required  (rounded down: 100 only when nothing required is left)

So answering a question never lowers the percentage: the answer adds the question to the done ones
(when it is required), and the questions it opens were pending and counted already, while those it
closes become done. Changing an answer already given can lower it (it reopens what it closed), and
so can, in one rare chain, an answer that hides a question shown while it was blank (an "is not"
condition) whose own answer had closed a third: that third one shows again.
Optional questions are counted apart (answered of shown) and never move the percentage; a section
or questionnaire without a required question shows the optional ones' share instead.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from surveys.answering.selectors import answer_values_by_code, reply_answers
from surveys.models import Answer, Reply
from surveys.questionnaires.conditions import questions_shown


class QuestionLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def required(self) -> bool: ...
    @property
    def relevance(self) -> dict | None: ...


@dataclass
class SectionProgress:
    section_id: int | None
    code: str
    title: dict
    required: int = 0  # required questions in the section, whatever the answers
    required_done: int = 0  # of those, answered while shown or closed by the answers
    required_missing: list[Any] = field(default_factory=list)  # shown, required, unanswered
    optional_shown: int = 0
    optional_answered: int = 0
    answered: int = 0  # questions answered while shown, required or not
    # Shown questions whose answer, carried over from an earlier reply, awaits confirmation: open
    # (the required ones are among required_missing too).
    unconfirmed: list[Any] = field(default_factory=list)
    question_order: list[Any] = field(default_factory=list, repr=False)

    @property
    def shown(self) -> int:
        """Questions shown now: those answered, the required open and the optional unanswered."""
        unanswered = len(self.required_missing) + self.optional_shown - self.optional_answered
        return self.answered + unanswered

    @property
    def percent(self) -> int:
        return share(self.required_done, self.required, self.optional_answered, self.optional_shown)

    @property
    def open_questions(self) -> list[Any]:
        """What stands in the way of submitting: the required questions open and the answers
        carried over not yet confirmed, in the section's order."""
        codes = {q.code for q in self.required_missing} | {q.code for q in self.unconfirmed}
        return [q for q in self.question_order if q.code in codes]


def share(done: int, required: int, optional_answered: int, optional_shown: int) -> int:
    """The percentage the portal shows: required done of required, else optional answered of
    shown; rounded down, so that 100 means nothing is left."""
    if required:
        return 100 * done // required
    if optional_shown:
        return 100 * optional_answered // optional_shown
    return 100


def _closed(questions: Sequence[QuestionLike], shown: set[str], values: dict[str, object]) -> set:
    """The hidden questions the answers given have closed: their condition's question is answered
    and shown, or is itself closed. The others hidden wait for an earlier answer."""
    closed: set[str] = set()
    for question in questions:
        if question.code in shown or not question.relevance:
            continue
        controller = question.relevance.get("question")
        if controller in closed or (controller in shown and is_answered(values.get(controller))):
            closed.add(question.code)
    return closed


def is_answered(value: object) -> bool:
    return value not in (None, "", [], {})


def progress_by_section(
    sections: Iterable[Any],
    values: dict[str, object],
    answered: set[str],
    unconfirmed: set[str] | frozenset[str] = frozenset(),
) -> list[SectionProgress]:
    """The progress of each section (objects with `code`, `title`, `question_list` and maybe
    `pk`), given the answers' `values` by question code (for the conditions), the codes of the
    questions `answered` (a value, or a file for a file question) and of those whose answer was
    carried over and is `unconfirmed` (open, though their values count for the conditions)."""
    sections = list(sections)
    questions = [q for s in sections for q in s.question_list]
    shown = questions_shown([(q.code, q.relevance) for q in questions], values)
    closed = _closed(questions, shown, values)
    result = []
    for section in sections:
        item = SectionProgress(getattr(section, "pk", None), section.code, section.title)
        item.question_order = list(section.question_list)
        for question in section.question_list:
            is_shown = question.code in shown
            done = question.code in answered and question.code not in unconfirmed
            if is_shown and question.code in unconfirmed:
                item.unconfirmed.append(question)
            if is_shown and done:
                item.answered += 1
            if question.required:
                item.required += 1
                if (is_shown and done) or question.code in closed:
                    item.required_done += 1
                elif is_shown:
                    item.required_missing.append(question)
            elif is_shown:
                item.optional_shown += 1
                item.optional_answered += done
        result.append(item)
    return result


@dataclass
class Totals:
    required: int
    required_done: int
    missing: int
    optional_shown: int
    optional_answered: int
    answered: int
    percent: int
    unconfirmed: int = 0  # answers carried over from an earlier reply, not confirmed yet


def progress_totals(sections: Sequence[SectionProgress]) -> Totals:
    """The whole reply's progress: the sections' counts added up, and the same measure."""
    required = sum(s.required for s in sections)
    done = sum(s.required_done for s in sections)
    optional_shown = sum(s.optional_shown for s in sections)
    optional_answered = sum(s.optional_answered for s in sections)
    return Totals(
        required=required,
        required_done=done,
        missing=sum(len(s.required_missing) for s in sections),
        unconfirmed=sum(len(s.unconfirmed) for s in sections),
        optional_shown=optional_shown,
        optional_answered=optional_answered,
        answered=sum(s.answered for s in sections),
        percent=share(done, required, optional_answered, optional_shown),
    )


def reply_progress(
    *, reply: Reply, version: Any, answers: dict[int, Answer] | None = None
) -> list[SectionProgress]:
    """The progress of each section of `reply`: `version` from version_content or
    version_with_content (no query per question); `answers` the reply's by question id when the
    caller has read them (else one query), and one query for the files (none when no question
    asks for a file)."""
    if answers is None:
        answers = reply_answers(reply=reply)
    questions = [q for s in version.section_list for q in s.question_list]
    with_files = (
        set(
            reply.attachments.filter(removed_at__isnull=True, question__isnull=False).values_list(
                "question_id", flat=True
            )
        )
        if any(q.type == "file" for q in questions)
        else set()
    )
    values = answer_values_by_code(questions=questions, answers=answers)
    answered = {
        q.code
        for q in questions
        if (q.pk in with_files if q.type == "file" else is_answered(values.get(q.code)))
    }
    unconfirmed = {q.code for q in questions if q.pk in answers and answers[q.pk].to_confirm}
    return progress_by_section(version.section_list, values, answered, unconfirmed)
