"""Chapter V of the report, conclusions and recommendations to the Commission."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reports.writing.formatting import count_text, percent_text, states
from reports.writing.parts import Part
from reports.writing.writer import ReportWriter


def conclusions(writer: ReportWriter) -> Part:
    f = writer.f
    part = writer.chapter(4, _("Conclusions and recommendations"), "conclusions")
    rate = round(100 * f.states_replied / f.states_invited, 1) if f.states_invited else 0
    figures = {
        "states": states(f.states_replied),
        "invited": count_text(f.states_invited),
        "rate": percent_text(rate),
    }
    if rate >= 90:
        writer.p(
            part,
            _(
                "With %(states)s out of %(invited)s having replied (%(rate)s per cent), the "
                "information gathered gives a comprehensive picture of the application of the "
                "standards and norms."
            )
            % figures,
        )
    else:
        writer.p(
            part,
            _(
                "With %(states)s out of %(invited)s having replied (%(rate)s per cent), the "
                "information gathered gives a partial picture of the application of the standards "
                "and norms. The Commission may wish to encourage the States that have not yet "
                "replied to do so, and to designate a contact person for that purpose."
            )
            % figures,
        )
    if f.difficulties:
        writer.p(
            part,
            _(
                "The difficulties most often reported, %(themes)s, point to the areas where "
                "technical assistance could have the widest effect. The Commission may wish to "
                "invite donor States and relevant institutions to support criminal justice "
                "reforms in those areas in the countries requesting assistance."
            )
            % {"themes": writer.themes_text(f.difficulties)},
        )
    if f.requests.unmet:
        writer.p(
            part,
            ngettext(
                "For %(unmet)s request for technical assistance, the roster has no expert in the "
                "cluster concerned. The Commission may wish to invite States to propose experts "
                "for the roster in those clusters.",
                "For %(unmet)s requests for technical assistance, the roster has no expert in the "
                "cluster concerned. The Commission may wish to invite States to propose experts "
                "for the roster in those clusters.",
                f.requests.unmet,
            )
            % {"unmet": count_text(f.requests.unmet)},
        )
    writer.p(
        part,
        _(
            "The Commission may also wish to encourage the sharing of the useful practices "
            "identified in the present report, in particular through the institutes of the "
            "United Nations Crime Prevention and Criminal Justice Programme network."
        ),
    )
    return part
