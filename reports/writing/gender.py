"""Chapter III's section on the gender perspective: the questions asked from that perspective,
their figures (a part of a total as its share of that total: "women were a median of 6.3 per cent
of the persons held") and the yes/no answers in tables."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reports.figures.structure import QuestionFigures
from reports.writing.formatting import count_text, number_text, percent_text
from reports.writing.parts import Part
from reports.writing.tables import scale_tables
from reports.writing.writer import ReportWriter
from surveys.models import QuestionType

SCALES = (QuestionType.YES_NO, QuestionType.YES_NO_PARTLY_DK)
NUMBERS = (QuestionType.INTEGER, QuestionType.DECIMAL)


def gender(writer: ReportWriter, part: Part) -> None:
    """The gender perspective: the questions asked from it, number by number, then in tables."""
    f = writer.f
    questions = [q for q in f.gender if q.answered]
    if not questions:
        writer.p(part, _("No State answered the questions on the gender perspective."))
        return
    writer.p(
        part,
        _(
            "Gender is a cross-cutting issue in the application of the standards and norms "
            "(Economic and Social Council resolution 2003/30, annex, para. 8). The questionnaire "
            "asked %(count)s questions from that perspective."
        )
        % {"count": count_text(len(f.gender))},
    )
    scales = []
    for question in questions:
        if question.type in NUMBERS:
            _gender_numbers(writer, part, question)
        elif question.type in SCALES:
            scales.append(question)
        elif question.counts:
            _gender_choices(writer, part, question)
    if scales:
        _gender_scales(writer, part, scales)


def _gender_numbers(writer: ReportWriter, part: Part, question: QuestionFigures) -> None:
    if question.share_states and question.share_median is not None:
        _gender_share(writer, part, question)
        return
    writer.p(
        part,
        ngettext(
            "In reply to question %(code)s (“%(text)s”), %(answered)s State gave a "
            "figure; the figures total %(total)s, with a median of %(median)s.",
            "In reply to question %(code)s (“%(text)s”), %(answered)s States gave a "
            "figure; the figures total %(total)s, with a median of %(median)s.",
            question.answered,
        )
        % {
            "answered": count_text(question.answered),
            "code": question.code,
            "text": question.text,
            "total": number_text(question.total),
            "median": number_text(question.median),
        },
    )


def _gender_share(writer: ReportWriter, part: Part, question: QuestionFigures) -> None:
    """A part of a total ("Of these, how many are women?") as its share of that total in each
    State that gave both figures: the median share, not a median of raw numbers. The sentence
    begins with the States, as the Commission's reports do ("All 36 States that replied ...")."""
    replied = writer.f.states_replied
    values = {
        "states": count_text(question.share_states),
        "replied": count_text(replied),
        "code": question.code,
        "text": question.text,
        "share": percent_text(question.share_median or 0),
        "total_code": question.part_of,
        # Quoted inside a sentence: without its own full stop.
        "total_text": question.part_of_text.rstrip(".。．"),
    }
    if question.share_states == replied:
        sentence = ngettext(
            "The %(states)s State that replied gave both the total asked for in question "
            "%(total_code)s (“%(total_text)s”) and the part of it asked for in question "
            "%(code)s (“%(text)s”); that part was %(share)s per cent of the total.",
            "All %(states)s States that replied gave both the total asked for in question "
            "%(total_code)s (“%(total_text)s”) and the part of it asked for in question "
            "%(code)s (“%(text)s”); that part was a median of %(share)s per cent of the total.",
            question.share_states,
        )
    else:
        sentence = ngettext(
            "Of the %(replied)s States that replied, %(states)s gave both the total asked for "
            "in question %(total_code)s (“%(total_text)s”) and the part of it asked for in "
            "question %(code)s (“%(text)s”); that part was %(share)s per cent of the total.",
            "Of the %(replied)s States that replied, %(states)s gave both the total asked for "
            "in question %(total_code)s (“%(total_text)s”) and the part of it asked for in "
            "question %(code)s (“%(text)s”); that part was a median of %(share)s per cent of "
            "the total.",
            question.share_states,
        )
    writer.p(part, sentence % values)


def _gender_choices(writer: ReportWriter, part: Part, question: QuestionFigures) -> None:
    writer.p(
        part,
        ngettext(
            "In reply to question %(code)s (“%(text)s”), the %(answered)s State that "
            "answered most often named %(top)s.",
            "In reply to question %(code)s (“%(text)s”), the %(answered)s States that "
            "answered most often named %(top)s.",
            question.answered,
        )
        % {
            "code": question.code,
            "text": question.text,
            "answered": count_text(question.answered),
            "top": writer.top_answers(question),
        },
    )


def _gender_scales(writer: ReportWriter, part: Part, scales: list[QuestionFigures]) -> None:
    """The yes/no questions on the gender perspective, in tables."""
    tables = scale_tables(
        writer, part, _("Questions on the gender perspective: answers of States"), scales
    )
    writer.p(
        part,
        _("The answers to the other questions on the gender perspective are shown in %(table)s.")
        % {"table": writer.tables_ref(tables)},
    )
