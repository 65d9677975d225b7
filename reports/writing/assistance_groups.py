"""Chapter IV's paragraph on where the requests for technical assistance come from (resolution
2003/30, annex, para. 30): how many of the requests of the replies the report counts come from
States in developing regions (least developed, landlocked developing and small island developing
States among them), from economies in transition and from developed regions, and which of the
States the Secretariat listed for the report's cycles as in post-conflict or peacekeeping
situations made requests. Written only when there is at least one request."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.development import (
    DEVELOPED,
    DEVELOPING,
    LDC,
    LLDC,
    POST_CONFLICT,
    SIDS,
    TRANSITION,
)
from portal.models import Respondent
from reports.writing.formatting import and_list, count_text
from reports.writing.parts import Part
from reports.writing.writer import ReportWriter
from surveys.assistance.selectors import assistance_group_counts, assistance_requests
from surveys.models import AssistanceRequest, SituationList


def counted_requests(writer: ReportWriter):
    """The requests of the replies the report counts (its cycles and reply statuses), as the
    chapter's other figures count them."""
    report = writer.report
    return AssistanceRequest.objects.filter(
        reply__cycle__in=report.cycles.all(), reply__status__in=list(report.reply_statuses)
    )


def assistance_groups(writer: ReportWriter, part: Part) -> None:
    requests = counted_requests(writer)
    counts = assistance_group_counts(requests)
    total = requests.count()
    if not total:
        return
    n = {key: count_text(value, feminine=True) for key, value in counts.items()}
    writer.p(
        part,
        ngettext(
            "Of the %(total)s request, by the development status of the State it came from: "
            "developing regions (M49 classification), %(developing)s (least developed "
            "countries, %(ldc)s; landlocked developing countries, %(lldc)s; small island "
            "developing States, %(sids)s); developed regions, %(developed)s; economies in "
            "transition (World Economic Situation and Prospects 2024), %(transition)s.",
            "Of the %(total)s requests, by the development status of the States they came from: "
            "developing regions (M49 classification), %(developing)s (least developed "
            "countries, %(ldc)s; landlocked developing countries, %(lldc)s; small island "
            "developing States, %(sids)s); developed regions, %(developed)s; economies in "
            "transition (World Economic Situation and Prospects 2024), %(transition)s.",
            total,
        )
        % {
            "total": count_text(total, feminine=True),
            **{key: n[key] for key in (DEVELOPING, LDC, LLDC, SIDS, DEVELOPED, TRANSITION)},
        },
    )
    if not SituationList.objects.filter(cycle__in=writer.report.cycles.all()).exists():
        return  # the Secretariat listed no situation: the data do not allow it
    listed = assistance_requests(group=POST_CONFLICT).filter(pk__in=requests.values("pk"))
    states = sorted(
        Respondent.objects.filter(pk__in=listed.values("respondent_id")),
        key=lambda state: state.list_name(writer.language),
    )
    if not states:
        writer.p(
            part,
            _(
                "None of the requests came from a State that the Secretariat listed as in a "
                "post-conflict or peacekeeping situation."
            ),
        )
        return
    writer.p(
        part,
        ngettext(
            "Of these requests, %(requests)s came from States that the Secretariat listed as in "
            "post-conflict or peacekeeping situations: %(names)s.",
            "Of these requests, %(requests)s came from States that the Secretariat listed as in "
            "post-conflict or peacekeeping situations: %(names)s.",
            counts[POST_CONFLICT],
        )
        % {
            "requests": n[POST_CONFLICT],
            "names": and_list(
                [state.running_text_name(writer.language) for state in states], writer.language
            ),
        },
    )
