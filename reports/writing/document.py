"""The report's text, written from its figures in the report's language: chapters, consecutively
numbered paragraphs, footnotes, tables and charts (DESIGN.md, "What the reports contain").

`report_document` is called inside `translation.override(report.language)`: every fixed text goes
through gettext/ngettext, so the lead's catalogues translate it; what respondents wrote is quoted
as written, marked with its own language and direction. The tables built here are the ones the
statistical annex prints (reports/writing/statistical_annex.py), so both show the same numbers.

One module per chapter (introduction, replies, analysis, assistance, conclusions, annex), all
writing with one `ReportWriter`, which numbers paragraphs and tables through the whole report.
"""

from __future__ import annotations

import datetime

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reports.figures.structure import ReportFigures
from reports.models import Report
from reports.writing.analysis import analysis
from reports.writing.annex import annex
from reports.writing.assistance import assistance
from reports.writing.conclusions import conclusions
from reports.writing.formatting import count_text, date_text
from reports.writing.introduction import introduction
from reports.writing.parts import Block, Part, ReportDocument, Table
from reports.writing.replies import replies
from reports.writing.writer import ReportWriter

__all__ = ["Block", "Part", "ReportDocument", "Table", "report_document"]


def report_document(
    *, report: Report, figures: ReportFigures, today: datetime.date
) -> ReportDocument:
    """The text of `report` from its `figures`, dated `today` (call in the report's language)."""
    writer = ReportWriter(report, figures, today)
    # In this order: paragraphs and tables are numbered as they are written.
    parts = [
        introduction(writer),
        replies(writer),
        analysis(writer),
        assistance(writer),
        conclusions(writer),
    ]
    for part in parts:
        _number_ranges(part)
    return ReportDocument(
        summary=_summary(writer),
        parts=parts,
        tables=writer.tables,
        annex=annex(figures),
        date=date_text(today),
        rtl=writer.rtl,
    )


def _number_ranges(part: Part) -> None:
    part.first, part.last = part.paragraphs()
    for child in part.children:
        _number_ranges(child)


def _replies_received(f) -> str:
    """Who replied, of whom invited: the States alone when only States were invited."""
    values = {
        "replied": count_text(f.replied),
        "invited": count_text(f.invited),
        "states": count_text(f.states_replied),
        "states_invited": count_text(f.states_invited),
    }
    values["received"] = count_text(f.received)
    if f.received > f.replied:
        # Replies still under review: received is not counted (paragraph 4 says so in full).
        return _received_and_counted(f, values)
    if f.invited == f.states_invited:
        return (
            ngettext(
                "A reply was received from %(replied)s of the %(invited)s States invited.",
                "Replies were received from %(replied)s of the %(invited)s States invited.",
                f.replied,
            )
            % values
        )
    return (
        ngettext(
            "Replies were received from %(replied)s of the %(invited)s respondents invited, "
            "including %(states)s of the %(states_invited)s States invited.",
            "Replies were received from %(replied)s of the %(invited)s respondents invited, "
            "including %(states)s of the %(states_invited)s States invited.",
            f.replied,
        )
        % values
    )


def _received_and_counted(f, values: dict[str, str]) -> str:
    if f.invited == f.states_invited:
        message = ngettext(
            "A reply was received from %(received)s of the %(invited)s States invited; the "
            "%(replied)s reviewed and accepted are counted in the present report.",
            "Replies were received from %(received)s of the %(invited)s States invited; the "
            "%(replied)s reviewed and accepted are counted in the present report.",
            f.received,
        )
    else:
        message = ngettext(
            "A reply was received from %(received)s of the %(invited)s respondents invited; the "
            "%(replied)s reviewed and accepted, including those of %(states)s of the "
            "%(states_invited)s States invited, are counted in the present report.",
            "Replies were received from %(received)s of the %(invited)s respondents invited; the "
            "%(replied)s reviewed and accepted, including those of %(states)s of the "
            "%(states_invited)s States invited, are counted in the present report.",
            f.received,
        )
    return message % values


def _summary(writer: ReportWriter) -> list[SafeString]:
    f = writer.f
    lines = [
        _(
            "The present report is submitted pursuant to Economic and Social Council resolutions "
            "2003/30 and 2004/28. It presents the information gathered on the use and "
            "application of the United Nations standards and norms in crime prevention and "
            "criminal justice, in particular the difficulties encountered in their application, "
            "the ways in which technical assistance can help to overcome them and useful "
            "practices."
        ),
        _replies_received(f),
    ]
    if f.difficulties:
        lines.append(
            _("The difficulties most often reported were %(themes)s.")
            % {"themes": writer.themes_text(f.difficulties)}
        )
    if f.requests.total:
        lines.append(
            ngettext(
                "In all, %(count)s request for technical assistance was received; "
                "%(matched)s have been matched with an expert of the roster.",
                "In all, %(count)s requests for technical assistance were received; "
                "%(matched)s have been matched with an expert of the roster.",
                f.requests.total,
            )
            % {"count": count_text(f.requests.total), "matched": count_text(f.requests.matched)}
        )
    paragraphs = [" ".join(lines[:2])]
    if lines[2:]:
        paragraphs.append(" ".join(lines[2:]))
    return [writer.names.marked(conditional_escape(text)) for text in paragraphs]
