"""Chapter IV's paragraphs on the technical assistance delivered after the previous cycle, followed
to its outcome (resolution 2003/30, annex, para. 40): for each section of the questionnaire, how
many of the States that received assistance on the difficulties they reported then no longer
report them, with the Secretariat's evaluations of the assistance (the figures and their rule:
reports.figures.assistance_outcomes). Written only when a cycle of the report has a previous
cycle of the same questionnaire."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reports.figures.assistance_outcomes import FollowedTopic, assistance_followed
from reports.writing.formatting import and_list, count_text
from reports.writing.parts import Part
from reports.writing.writer import ReportWriter
from surveys.models import OutcomeRating


def assistance_outcomes(writer: ReportWriter, part: Part) -> None:
    report = writer.report
    followed = assistance_followed(
        cycles=list(report.cycles.all()),
        reply_statuses=list(report.reply_statuses),
        language=writer.language,
    )
    if not followed.previous:
        return
    writer.heading(part, _("Technical assistance followed to its outcome"))
    previous = and_list(
        [_("“%(title)s”") % {"title": c.title_in(writer.language)} for c in followed.previous],
        writer.language,
    )
    if not followed.topics:
        writer.p(
            part,
            _(
                "No technical assistance on the difficulties that States reported in the previous "
                "cycle (%(previous)s) has yet been completed with a recorded evaluation."
            )
            % {"previous": previous},
        )
        return
    writer.p(
        part,
        writer.fill(
            _(
                "The replies to this cycle allow the technical assistance delivered on the "
                "difficulties that States reported in the previous cycle (%(previous)s) to be "
                "evaluated in the light of the information gathered.%(note)s"
            ),
            previous=previous,
            note=writer.footnote(
                _(
                    "Economic and Social Council resolution 2003/30, annex, para. 40. A State is "
                    "counted as still reporting a difficulty when its reply to this cycle "
                    "describes difficulties under the same section of the questionnaire and, "
                    "where the Secretariat coded both replies by theme, names at least one of "
                    "the same difficulties. Only requests completed with a recorded evaluation "
                    "are counted."
                )
            ),
        ),
    )
    for topic in followed.topics:
        writer.p(part, _topic_text(topic))
    writer.table(
        part,
        _("Technical assistance delivered after the previous cycle, and the difficulties now"),
        [
            _("Section"),
            _("States assisted that replied"),
            _("No longer report the difficulty"),
            _("Still report it"),
            _("Did not reply"),
            str(OutcomeRating.MET.label),
            str(OutcomeRating.PARTLY_MET.label),
            str(OutcomeRating.NOT_MET.label),
        ],
        [
            [
                f"{topic.code}. {topic.title}",
                topic.states,
                len(topic.no_longer),
                len(topic.still),
                len(topic.not_replied),
                *[topic.ratings[rating] for rating in OutcomeRating.values],
            ]
            for topic in followed.topics
        ],
        widths=[24, 11, 11, 10, 10, 11, 12, 11],
        source="requests",
    )


def _topic_text(topic: FollowedTopic) -> str:
    """ "Of the six States that received technical assistance concerning “Non-custodial
    measures” ..., four no longer report the difficulty and two still report it." and the
    evaluations."""
    values = {
        "topic": topic.title,
        "states": count_text(topic.states),
        "no_longer": count_text(len(topic.no_longer)),
        "still": count_text(len(topic.still)),
    }
    if topic.states == 0:
        text = (
            _(
                "None of the States that received technical assistance concerning “%(topic)s” after "
                "reporting difficulties in the previous cycle has replied to this cycle."
            )
            % values
        )
    elif topic.states == 1:
        if topic.no_longer:
            text = (
                _(
                    "The one State that received technical assistance concerning “%(topic)s” after "
                    "reporting difficulties in the previous cycle, and replied to this cycle, no "
                    "longer reports the difficulty."
                )
                % values
            )
        else:
            text = (
                _(
                    "The one State that received technical assistance concerning “%(topic)s” after "
                    "reporting difficulties in the previous cycle, and replied to this cycle, still "
                    "reports the difficulty."
                )
                % values
            )
    else:
        text = ngettext(
            "Of the %(states)s State that received technical assistance concerning “%(topic)s” "
            "after reporting difficulties in the previous cycle, and replied to this cycle, "
            "%(now)s.",
            "Of the %(states)s States that received technical assistance concerning “%(topic)s” "
            "after reporting difficulties in the previous cycle, and replied to this cycle, "
            "%(now)s.",
            topic.states,
        ) % {**values, "now": _now_text(topic, values)}
    parts = [text]
    if topic.not_replied and topic.states:
        parts.append(
            ngettext(
                "In addition, %(count)s State that received such assistance has not replied to "
                "this cycle.",
                "In addition, %(count)s States that received such assistance have not replied to "
                "this cycle.",
                len(topic.not_replied),
            )
            % {"count": count_text(len(topic.not_replied))}
        )
    parts.append(
        ngettext(
            "The Secretariat's evaluation of the %(requests)s request for assistance completed: "
            "objectives met, %(met)s; partly met, %(partly)s; not met, %(not_met)s.",
            "The Secretariat's evaluations of the %(requests)s requests for assistance "
            "completed: objectives met, %(met)s; partly met, %(partly)s; not met, %(not_met)s.",
            topic.requests,
        )
        % {
            "requests": count_text(topic.requests, feminine=True),
            "met": count_text(topic.ratings[OutcomeRating.MET], feminine=True),
            "partly": count_text(topic.ratings[OutcomeRating.PARTLY_MET], feminine=True),
            "not_met": count_text(topic.ratings[OutcomeRating.NOT_MET], feminine=True),
        }
    )
    return " ".join(parts)


def _now_text(topic: FollowedTopic, values: dict[str, str]) -> str:
    """ "four no longer report the difficulty and two still report it" (of several States)."""
    if not topic.still:
        return _("none still reports the difficulty")
    if not topic.no_longer:
        return _("all still report the difficulty")
    return _("%(no_longer_part)s and %(still_part)s") % {
        "no_longer_part": ngettext(
            "%(no_longer)s no longer reports the difficulty",
            "%(no_longer)s no longer report the difficulty",
            len(topic.no_longer),
        )
        % values,
        "still_part": ngettext(
            "%(still)s still reports it", "%(still)s still report it", len(topic.still)
        )
        % values,
    }
