"""The tables of answers to yes/no questions, which chapter III prints for the application of the
standards and for the gender perspective."""

from __future__ import annotations

from django.utils.translation import gettext as _

from reports.figures.structure import QuestionFigures
from reports.writing.formatting import and_list
from reports.writing.parts import Part, Table
from reports.writing.writer import ReportWriter, answer_count


def scale_tables(
    writer: ReportWriter, part: Part, title: str, questions: list[QuestionFigures]
) -> list[Table]:
    """The answers to yes/no questions, one table per set of answers the questions offered (no
    "Partly" column for a question that never offered it), with a "No answer" column where a
    State counted for a question chose none of them, and the total last."""
    groups: dict[tuple[str, ...], list[QuestionFigures]] = {}
    for question in questions:
        groups.setdefault(tuple(c.name for c in question.counts), []).append(question)
    tables = []
    for names, group in groups.items():
        labels = [c.label for c in group[0].counts]
        unanswered = [q.answered - sum(c.count for c in q.counts) for q in group]
        missing = any(unanswered)
        head = [_("Question"), *labels, *([_("No answer")] if missing else []), _("Total")]
        rows = [
            [
                f"{q.code} {q.text}",
                *[answer_count(q, n) for n in names],
                *([left] if missing else []),
                q.answered,
            ]
            for q, left in zip(group, unanswered, strict=True)
        ]
        columns = len(head) - 1
        caption = title
        if len(groups) > 1:
            caption = _("%(title)s (answers offered: %(answers)s)") % {
                "title": title,
                "answers": and_list([f"“{label}”" for label in labels], writer.language),
            }
        tables.append(
            writer.table(part, caption, head, rows, widths=[52, *[int(48 / columns)] * columns])
        )
    return tables
