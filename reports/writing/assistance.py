"""Chapter IV of the report, technical assistance: how the replies relate to the requests for
technical assistance (resolution 2003/30, para. 7), and the roster of experts that could meet them."""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reports.writing.assistance_groups import assistance_groups
from reports.writing.assistance_outcomes import assistance_outcomes
from reports.writing.formatting import count_text
from reports.writing.parts import Part
from reports.writing.writer import ReportWriter


def assistance(writer: ReportWriter) -> Part:
    f = writer.f
    part = writer.chapter(3, _("Technical assistance"), "assistance")
    writer.p(
        part,
        ngettext(
            "In their replies, %(wanted)s State said that technical assistance would help it to "
            "overcome the difficulties encountered.",
            "In their replies, %(wanted)s States said that technical assistance would help them "
            "to overcome the difficulties encountered.",
            f.states_wanting_assistance,
        )
        % {"wanted": count_text(f.states_wanting_assistance)},
    )
    if f.assistance_areas:
        writer.p(
            part,
            _("The areas of assistance most often named were %(areas)s.")
            % {"areas": writer.themes_text(f.assistance_areas)},
        )
        writer.table(
            part,
            _("Technical assistance needed, by area and regional group"),
            [_("Area"), _("Total"), *writer.region_heads()],
            [[t.label, t.states, *writer.region_cells(t)] for t in f.assistance_areas],
            widths=[30, 10, *[12] * 5],
            source="coding",
        )
    _requests(writer, part)
    assistance_groups(writer, part)
    assistance_outcomes(writer, part)
    _roster(writer, part)
    return part


def _requests(writer: ReportWriter, part: Part) -> None:
    """The requests for technical assistance, by status and area, matched with experts or not."""
    r = writer.f.requests
    writer.p(
        part,
        format_html(
            "{}{}",
            ngettext(
                "As requested in resolution 2003/30, the Secretariat relates the information "
                "gathered to the requests for technical assistance: %(total)s request was "
                "received from %(respondents)s respondents; %(from_states)s of the States that "
                "said assistance would help have made a request.",
                "As requested in resolution 2003/30, the Secretariat relates the information "
                "gathered to the requests for technical assistance: %(total)s requests were "
                "received from %(respondents)s respondents; %(from_states)s of the States that "
                "said assistance would help have made a request.",
                r.total,
            )
            % {
                "total": count_text(r.total),
                "respondents": count_text(r.respondents),
                "from_states": count_text(r.from_states_needing),
            },
            writer.footnote(_("Economic and Social Council resolution 2003/30, para. 7.")),
        ),
    )
    if not r.total:
        return
    writer.table(
        part,
        _("Requests for technical assistance, by status"),
        [_("Status"), _("Requests")],
        [[s.label, s.count] for s in r.by_status],
        total=[_("Total"), r.total],
        widths=[70, 30],
        source="requests",
    )
    matched = ngettext(
        "Of the %(total)s request, %(matched)s has been matched with at least one expert of the "
        "roster of national and regional experts",
        "Of the %(total)s requests, %(matched)s have been matched with at least one expert of the "
        "roster of national and regional experts",
        r.total,
    ) % {"total": count_text(r.total), "matched": count_text(r.matched)}
    if r.unmet:
        unmet = ngettext(
            "%(matched)s; for %(unmet)s request, no expert on the roster covers the cluster of "
            "standards concerned.",
            "%(matched)s; for %(unmet)s requests, no expert on the roster covers the cluster of "
            "standards concerned.",
            r.unmet,
        ) % {"matched": matched, "unmet": count_text(r.unmet)}
    else:
        unmet = _(
            "%(matched)s; for every request, the roster has at least one expert in the cluster of "
            "standards concerned."
        ) % {"matched": matched}
    writer.p(part, unmet)
    writer.table(
        part,
        _("Requests for technical assistance, by area"),
        [
            _("Area"),
            _("Requests"),
            _("Matched with an expert"),
            _("No expert on the roster"),
        ],
        [[a.label or _("Not yet assigned"), a.requests, a.matched, a.unmet] for a in r.by_area],
        widths=[46, 18, 18, 18],
        source="requests",
    )


def _roster(writer: ReportWriter, part: Part) -> None:
    """The roster of national and regional experts, by cluster and regional group."""
    f = writer.f
    roster = f.roster
    writer.p(
        part,
        format_html(
            "{}{}",
            ngettext(
                "The roster of national and regional experts counts %(experts)s expert, "
                "%(available)s of whom is available (%(table)s).",
                "The roster of national and regional experts counts %(experts)s experts, "
                "%(available)s of whom are available (%(table)s).",
                roster.experts,
            )
            % {
                "experts": count_text(roster.experts),
                "available": count_text(roster.available),
                # The table that follows this paragraph.
                "table": _("table %(number)s") % {"number": len(writer.tables) + 1},
            },
            writer.footnote(_("Economic and Social Council resolution 2003/30, annex, para. 9.")),
        ),
    )
    writer.table(
        part,
        _("Roster of experts, by cluster and regional group"),
        [_("Cluster"), _("Experts"), _("Available"), *writer.region_heads()],
        [
            [
                f"({row.letter}) {row.title}",
                row.experts,
                row.available,
                *[row.by_region[k["key"]] for k in f.regions],
            ]
            for row in roster.by_cluster
        ],
        widths=[28, 9, 9, *[10.8] * 5],
        source="roster",
    )
