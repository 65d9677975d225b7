"""What the States that chose "Other, please specify" wrote, listed under the paragraph on the
question: each State's text with its name, in the report's language as written, or quoted in the
language it was written in with "[Original: ...]" (nothing translates these short texts)."""

from __future__ import annotations

from django.utils.translation import ngettext

from reports.figures.structure import OtherAnswer, PracticeEntry, QuestionFigures
from reports.writing.formatting import and_list, count_text
from reports.writing.parts import Part
from reports.writing.writer import ReportWriter
from surveys.answering.services import OTHER


def other_answers(writer: ReportWriter, part: Part, question: QuestionFigures) -> None:
    if not question.other_answers:
        return
    count = len(question.other_answers)
    writer.p(
        part,
        ngettext(
            "In reply to question %(code)s, %(count)s State chose “%(other)s” and specified:",
            "In reply to question %(code)s, %(count)s States chose “%(other)s” and specified:",
            count,
        )
        % {"code": question.code, "count": count_text(count), "other": _other_label(question)},
    )
    # The States that wrote the same text are named together, in alphabetical order.
    groups: dict[tuple[str, str], list[OtherAnswer]] = {}
    for answer in question.other_answers:
        groups.setdefault((answer.text.casefold(), answer.language), []).append(answer)
    for same in groups.values():
        first = same[0]
        writer.quote(
            part,
            PracticeEntry(
                and_list([a.respondent for a in same], writer.language),
                question.code,
                first.text,
                first.language,
                # Written in the report's language (or in one that cannot be told): printed
                # as "<States>: <text>"; else quoted under the States' names, with its language.
                summarised=first.language in ("", writer.language),
                respondent_in_sentence=and_list(
                    [a.respondent_in_sentence or a.respondent for a in same], writer.language
                ),
            ),
        )


def _other_label(question: QuestionFigures) -> str:
    """The "Other" row's label, as the question's table prints it."""
    return next((c.label for c in question.counts if c.name == OTHER), "")
