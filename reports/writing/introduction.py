"""Chapter I of the report, the introduction: the mandate (resolutions 2003/30 and 2004/28) and how
the information was gathered."""

from __future__ import annotations

import datetime

from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reports.writing.formatting import and_list, count_text, date_text
from reports.writing.parts import Part
from reports.writing.writer import ReportWriter
from surveys.models import ReplyStatus


def introduction(writer: ReportWriter) -> Part:
    part = writer.chapter(0, _("Introduction"), "introduction")
    _mandate(writer, part)
    for cycle in writer.f.cycles:
        writer.p(
            part,
            _(
                "The information was gathered with the questionnaire “%(questionnaire)s” "
                "(version %(version)s), which the Secretariat sent to the respondents invited "
                "on %(opens)s with a deadline of %(deadline)s."
            )
            % {
                "questionnaire": cycle["questionnaire_title"],
                "version": cycle["version"],
                "opens": date_text(datetime.date.fromisoformat(cycle["opens_on"])),
                "deadline": date_text(datetime.date.fromisoformat(cycle["deadline"])),
            },
        )
    _counted(writer, part)
    writer.p(
        part,
        format_html(
            "{}",
            _(
                "The present report is based on the replies received through the portal of the "
                "United Nations Office on Drugs and Crime, as reviewed by the Secretariat. The "
                "analysis of application, difficulties and technical assistance needs in "
                "chapter III refers to the replies of States; the replies of other bodies are "
                "reflected in chapter II and among the useful practices."
            ),
        ),
    )
    return part


def _counted(writer: ReportWriter, part: Part) -> None:
    """What is counted: the replies received (submitted at least once), those reviewed and
    accepted, and those the report is based on (its reply statuses)."""
    f = writer.f
    received = ngettext(
        "As at %(date)s, %(received)s respondent had submitted a reply, and the Secretariat "
        "had reviewed and accepted %(accepted)s.",
        "As at %(date)s, %(received)s respondents had submitted replies, and the Secretariat "
        "had reviewed and accepted %(accepted)s of them.",
        f.received,
    ) % {
        "date": date_text(writer.today),
        "received": count_text(f.received),
        "accepted": count_text(f.accepted),
    }
    if list(f.statuses) == [ReplyStatus.ACCEPTED]:
        sentence = ngettext(
            "The figures in the present report count the %(counted)s reply accepted; replies "
            "still under review will be taken into account once accepted.",
            "The figures in the present report count the %(counted)s replies accepted; replies "
            "still under review will be taken into account once accepted.",
            f.replied,
        )
    else:
        sentence = ngettext(
            "The figures in the present report count %(counted)s reply, including replies not "
            "yet reviewed (%(statuses)s).",
            "The figures in the present report count %(counted)s replies, including replies not "
            "yet reviewed (%(statuses)s).",
            f.replied,
        )
    labels = dict(ReplyStatus.choices)
    statuses = and_list([str(labels.get(s, s)).lower() for s in f.statuses], writer.language)
    counted = sentence % {"counted": count_text(f.replied), "statuses": statuses}
    writer.p(part, f"{received} {counted}")


def _mandate(writer: ReportWriter, part: Part) -> None:
    """The two resolutions that ask for the report."""
    writer.p(
        part,
        format_html(
            "{}{} {}",
            _(
                "In its resolution 2003/30 of 22 July 2003, the Economic and Social Council "
                "requested the Secretary-General to report to the Commission on Crime Prevention "
                "and Criminal Justice on progress made in the first targeted collection of "
                "information on the standards and norms related primarily to persons in custody, "
                "non-custodial sanctions and juvenile and restorative justice, and to legal, "
                "institutional and practical arrangements for international cooperation, "
                "“including how that collection of information relates to requests by Member "
                "States for technical assistance”."
            ),
            writer.footnote(_("Economic and Social Council resolution 2003/30, para. 7.")),
            _(
                "The Council called upon respondents to focus on identifying the difficulties "
                "encountered in the application of the standards and norms, ways in which "
                "technical assistance to requesting States can overcome those difficulties, and "
                "desirable practices."
            ),
        ),
    )
    writer.p(
        part,
        format_html(
            "{}{}",
            _(
                "In its resolution 2004/28 of 21 July 2004, the Council requested the "
                "Secretary-General to report to the Commission on the use and application of "
                "those standards and norms, in particular as regards: (a) the difficulties "
                "encountered in their application; (b) ways in which technical assistance can be "
                "provided to overcome those difficulties; and (c) useful practices in addressing "
                "persisting and emerging challenges in crime prevention and criminal justice."
            ),
            writer.footnote(_("Economic and Social Council resolution 2004/28, para. 9.")),
        ),
    )
