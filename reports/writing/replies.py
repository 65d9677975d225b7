"""Chapter II of the report, replies received: how many respondents replied, of how many invited, by
regional group and type of respondent, and the response rate."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reports.figures.structure import GroupCount
from reports.writing.comparison import replies_compared
from reports.writing.development import development
from reports.writing.formatting import count_text, date_text, percent_text
from reports.writing.parts import Part
from reports.writing.writer import ReportWriter


def replies(writer: ReportWriter) -> Part:
    f = writer.f
    part = writer.chapter(1, _("Replies received"), "replies")
    rate = round(100 * f.replied / f.invited, 1) if f.invited else 0
    # Counted replies only; replies still under review are stated in chapter I.
    sentence = (
        ngettext(
            "As at %(date)s, %(replied)s of the %(invited)s respondents invited had replied, a "
            "response rate of %(rate)s per cent.",
            "As at %(date)s, %(replied)s of the %(invited)s respondents invited had replied, a "
            "response rate of %(rate)s per cent.",
            f.replied,
        )
        if f.received == f.replied
        else ngettext(
            "As at %(date)s, the replies of %(replied)s of the %(invited)s respondents invited "
            "were counted in the present report, a response rate of %(rate)s per cent; the "
            "tables below count those replies only.",
            "As at %(date)s, the replies of %(replied)s of the %(invited)s respondents invited "
            "were counted in the present report, a response rate of %(rate)s per cent; the "
            "tables below count those replies only.",
            f.replied,
        )
    )
    writer.p(
        part,
        sentence
        % {
            "date": date_text(writer.today),
            "replied": count_text(f.replied),
            "invited": count_text(f.invited),
            "rate": percent_text(rate),
        },
    )
    replies_compared(writer, part)
    regions = [g for g in f.by_region if g.invited]
    _by_region(writer, part, regions)
    by_type = writer.table(
        part,
        _("Replies received, by type of respondent"),
        [_("Respondent"), _("Invited"), _("Replied"), _("Response rate (%)")],
        [[g.label, g.invited, g.replied, g.rate] for g in f.by_type],
        total=[_("Total"), f.invited, f.replied, rate],
        widths=[46, 18, 18, 18],
        source="invitations",
    )
    others = f.replied - f.states_replied
    if others:
        writer.p(
            part,
            ngettext(
                "Besides States, %(count)s other respondent replied (%(table)s). The list of "
                "respondents is given in the annex.",
                "Besides States, %(count)s other respondents replied (%(table)s). The list of "
                "respondents is given in the annex.",
                others,
            )
            % {"count": count_text(others), "table": writer.table_ref(by_type)},
        )
    else:
        writer.p(
            part,
            _("Only States replied (%(table)s). The list of respondents is given in the annex.")
            % {"table": writer.table_ref(by_type)},
        )
    development(writer, part)
    return part


def _by_region(writer: ReportWriter, part: Part, regions: list[GroupCount]) -> None:
    """The replies of States by regional group: a table and a sentence (no figure: it would
    repeat the table)."""
    f = writer.f
    by_region = writer.table(
        part,
        _("Replies received from States, by regional group"),
        [_("Regional group"), _("Invited"), _("Replied"), _("Response rate (%)")],
        [[g.label, g.invited, g.replied, g.rate] for g in regions],
        total=[
            _("Total"),
            f.states_invited,
            f.states_replied,
            round(100 * f.states_replied / f.states_invited, 1) if f.states_invited else 0.0,
        ],
        widths=[46, 18, 18, 18],
        source="invitations",
    )
    if regions and f.states_replied:
        largest = max(regions, key=lambda g: (g.replied, g.rate))
        highest = max(regions, key=lambda g: (g.rate, g.replied))
        writer.p(
            part,
            _(
                "The largest number of replies came from the %(largest)s (%(count)s); the "
                "highest response rate was that of the %(highest)s (%(rate)s per cent). The "
                "replies by regional group are shown in %(table)s."
            )
            % {
                "largest": largest.label,
                "count": count_text(largest.replied),
                "highest": highest.label,
                "rate": percent_text(highest.rate),
                "table": writer.table_ref(by_region),
            },
        )
