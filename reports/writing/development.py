"""Chapter II's paragraph on development status and situations (resolution 2003/30, annex, para.
30: developing countries, countries with economies in transition and post-conflict situations):
how many of the States that replied are in each group (portal.development), and which of the
States the Secretariat listed for the report's cycles as in post-conflict or peacekeeping
situations replied. Written only where the data allow: at least one State replied."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.development import (
    DEVELOPED,
    DEVELOPING,
    LDC,
    LLDC,
    SIDS,
    TRANSITION,
    respondent_groups,
)
from portal.models import Respondent, RespondentType
from reports.writing.formatting import and_list, count_text, date_text
from reports.writing.parts import Part
from reports.writing.writer import ReportWriter
from surveys.models import SituationList


def development(writer: ReportWriter, part: Part) -> None:
    codes = [r.code for r in writer.f.respondents if r.type_code == RespondentType.MEMBER_STATE]
    if not codes:
        return
    states = list(Respondent.objects.filter(code__in=codes).select_related("type"))
    counts = dict.fromkeys((DEVELOPED, DEVELOPING, TRANSITION, LDC, LLDC, SIDS), 0)
    for state in states:
        for group in respondent_groups(state):
            counts[group] += 1
    writer.p(
        part,
        ngettext(
            "Of the %(replied)s State that replied, by development status: developing regions "
            "(M49 classification), %(developing)s (least developed countries, %(ldc)s; "
            "landlocked developing countries, %(lldc)s; small island developing States, "
            "%(sids)s); developed regions, %(developed)s; economies in transition (World "
            "Economic Situation and Prospects 2024), %(transition)s.",
            "Of the %(replied)s States that replied, by development status: developing regions "
            "(M49 classification), %(developing)s (least developed countries, %(ldc)s; "
            "landlocked developing countries, %(lldc)s; small island developing States, "
            "%(sids)s); developed regions, %(developed)s; economies in transition (World "
            "Economic Situation and Prospects 2024), %(transition)s.",
            len(states),
        )
        % {
            "replied": count_text(len(states)),
            **{key: count_text(value) for key, value in counts.items()},
        },
    )
    _post_conflict(writer, part, set(codes))


def _post_conflict(writer: ReportWriter, part: Part, replied: set[str]) -> None:
    lists = list(
        SituationList.objects.filter(cycle__in=writer.report.cycles.all()).prefetch_related(
            "states"
        )
    )
    if not lists:
        return  # the Secretariat listed none: the data do not allow it
    listed = {state.code: state for situations in lists for state in situations.states.all()}
    sources = and_list(
        [f"{situations.source}, {date_text(situations.as_of)}" for situations in lists],
        writer.language,
    )
    answered = sorted(
        (listed[code] for code in listed.keys() & replied),
        key=lambda state: state.list_name(writer.language),
    )
    sentence = ngettext(
        "Of the %(listed)s State in a post-conflict or peacekeeping situation (as listed by the "
        "Secretariat from %(sources)s), %(replied)s replied",
        "Of the %(listed)s States in post-conflict or peacekeeping situations (as listed by the "
        "Secretariat from %(sources)s), %(replied)s replied",
        len(listed),
    ) % {
        "listed": count_text(len(listed)),
        "sources": sources,
        "replied": count_text(len(answered)),
    }
    if answered:
        names = and_list([s.running_text_name(writer.language) for s in answered], writer.language)
        sentence = _("%(sentence)s: %(names)s.") % {"sentence": sentence, "names": names}
    else:
        sentence = _("%(sentence)s.") % {"sentence": sentence}
    writer.p(part, sentence)
