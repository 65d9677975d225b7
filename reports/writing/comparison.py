"""What the report says of the previous cycle of the same questionnaire (issue 18, item 4;
reports.figures.comparison): in chapter II the replies then and now, and in chapter III, per
topic, the States reporting application of each provision asked about in both cycles in the same
words ("28 States in 2027, 36 in 2029"), in a table that the statistical annex repeats. Questions
changed in meaning or added are not compared; a footnote says so once."""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reports.figures.structure import CycleComparison, QuestionThenNow, TopicFigures
from reports.writing.formatting import and_list, count_text, percent_text
from reports.writing.parts import Part
from reports.writing.writer import ReportWriter


def replies_compared(writer: ReportWriter, part: Part) -> None:
    """The replies counted and the response rate, against the previous cycle's (counted alike:
    the replies with the report's statuses)."""
    f, c = writer.f, writer.f.comparison
    if c is None:
        return
    rate = round(100 * f.replied / f.invited, 1) if f.invited else 0.0
    if f.invited == f.states_invited and c.invited_then == c.states_invited_then:
        message = ngettext(
            "The present report counts the reply of %(now)s State, against %(then)s in the "
            "previous cycle of the questionnaire (%(year)s); the response rate was %(rate)s per "
            "cent, against %(rate_then)s per cent in %(year)s.",
            "The present report counts the replies of %(now)s States, against %(then)s in the "
            "previous cycle of the questionnaire (%(year)s); the response rate was %(rate)s per "
            "cent, against %(rate_then)s per cent in %(year)s.",
            f.replied,
        )
    else:
        message = ngettext(
            "The present report counts the reply of %(now)s respondent, against %(then)s in the "
            "previous cycle of the questionnaire (%(year)s); the response rate was %(rate)s per "
            "cent, against %(rate_then)s per cent in %(year)s.",
            "The present report counts the replies of %(now)s respondents, against %(then)s in "
            "the previous cycle of the questionnaire (%(year)s); the response rate was %(rate)s "
            "per cent, against %(rate_then)s per cent in %(year)s.",
            f.replied,
        )
    writer.p(
        part,
        message
        % {
            "now": count_text(f.replied),
            "then": count_text(c.replied_then),
            "year": c.then,
            "rate": percent_text(rate),
            "rate_then": percent_text(c.rate_then),
        },
    )


def application_compared(writer: ReportWriter, part: Part, topic: TopicFigures) -> None:
    """The topic's indicators of application asked in both cycles: a table of the States that
    answered and reported applying then and now, and the largest rise."""
    c = writer.f.comparison
    if c is None:
        return
    rows = [(q, c.question(q.code)) for q in topic.application]
    compared = [(q, then_now) for q, then_now in rows if then_now is not None]
    if not compared:
        return
    table = writer.table(
        part,
        _("Application of the %(standards)s: States reporting application, %(then)s and %(now)s")
        % {"standards": writer.short_standards_text(topic), "then": c.then, "now": c.now},
        [
            _("Question"),
            _("Answered, %(year)s") % {"year": c.then},
            _("Applying, %(year)s") % {"year": c.then},
            _("Answered, %(year)s") % {"year": c.now},
            _("Applying, %(year)s") % {"year": c.now},
        ],
        [
            [f"{q.code} {q.text}", t.answered_then, t.applied_then, t.answered_now, t.applied_now]
            for q, t in compared
        ],
        widths=[52, 12, 12, 12, 12],
        source="comparison",
    )
    # More States may reply than before: the provisions are ranked by the share that apply them.
    question, best = max(compared, key=lambda pair: (_rise(pair[1]), pair[1].answered_now))
    values = {"table": writer.table_ref(table), "then": c.then, "now": c.now}
    if _rise(best) > 0:
        sentence = _(
            "Of the provisions asked about in the same words in both cycles, the share of "
            "States reporting application rose most for the one asked about in question "
            "%(code)s (“%(text)s”): %(applied_then)s of the %(answered_then)s States that "
            "answered in %(then)s, %(applied_now)s of %(answered_now)s in %(now)s (%(table)s)."
        ) % {
            **values,
            "code": question.code,
            "text": question.text,
            "applied_then": count_text(best.applied_then),
            "answered_then": count_text(best.answered_then),
            "applied_now": count_text(best.applied_now),
            "answered_now": count_text(best.answered_now),
        }
    else:
        sentence = (
            _(
                "For none of the provisions asked about in the same words in both cycles was the "
                "share of States reporting application higher in %(now)s than in %(then)s "
                "(%(table)s)."
            )
            % values
        )
    writer.p(part, format_html("{}{}", sentence, _not_compared(writer, c)))


def _rise(then_now: QuestionThenNow) -> float:
    """How much the share of the States that answered and reported applying rose."""
    now = then_now.applied_now / then_now.answered_now if then_now.answered_now else 0.0
    return now - then_now.applied_then / then_now.answered_then


def _not_compared(writer: ReportWriter, c: CycleComparison) -> str:
    """Once in the report: the questions changed in meaning or added, not compared."""
    if not (c.changed or c.new) or not writer.mentions.first("questions not compared"):
        return ""
    sentences = []
    if c.changed:
        sentences.append(
            ngettext(
                "Question %(codes)s changed in meaning since the previous cycle and is not "
                "compared with it.",
                "Questions %(codes)s changed in meaning since the previous cycle and are not "
                "compared with it.",
                len(c.changed),
            )
            % {"codes": and_list(c.changed, writer.language)}
        )
    if c.new:
        sentences.append(
            ngettext(
                "Question %(codes)s is new and is not compared with the previous cycle.",
                "Questions %(codes)s are new and are not compared with the previous cycle.",
                len(c.new),
            )
            % {"codes": and_list(c.new, writer.language)}
        )
    # Chinese sentences follow each other without a space.
    return writer.footnote(("" if writer.language == "zh-hans" else " ").join(sentences))
