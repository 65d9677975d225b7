"""Technical assistance followed to its outcome (resolution 2003/30, annex, para. 40): for the
States that received assistance after the previous cycle of the same questionnaire, whether the
difficulty they reported then is still reported in the report's cycle.

The rule, for each cycle of the report that has a previous cycle (surveys.cycles.selectors.
previous_cycle):

- The assistance counted: the requests stated in States' replies to the previous cycle, completed
  with a recorded outcome (surveys.assistance.outcomes), made from an answer (a request staff
  recorded by hand names no question, so no difficulty).
- The difficulty it relates to: what the same reply answered to the difficulty questions of the
  request's section of the questionnaire (A.8 for A.9 and A.9.1), as text or as the difficulty
  themes the Secretariat coded on it. A request whose section's difficulty questions were left
  blank is not counted: the State reported no difficulty there.
- Still reported: the State's reply to the report's cycle (counted when its status is one the
  report counts) describes difficulties under the section of the same code and, when the
  Secretariat coded both replies by theme, names at least one of the same difficulty themes.
  A State that has not replied to the report's cycle is counted apart.

States are counted once per section; the evaluations count the requests.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet

from portal.multilingual import in_language
from reports.figures.frames import STATE_TYPES
from surveys.cycles.selectors import previous_cycle
from surveys.models import (
    Answer,
    AnswerTheme,
    AssistanceRequest,
    Cycle,
    Decision,
    Purpose,
    Reply,
    RequestStatus,
    Section,
    ThemeKind,
)


@dataclass
class Reported:
    """What one State's reply says on the difficulties of one section."""

    text: bool = False
    themes: set[int] = field(default_factory=set)

    @property
    def any(self) -> bool:
        return self.text or bool(self.themes)


@dataclass
class FollowedTopic:
    """One section of the questionnaire: the States assisted on its difficulties, and now."""

    code: str
    title: str
    no_longer: set[int] = field(default_factory=set)  # respondent ids
    still: set[int] = field(default_factory=set)
    not_replied: set[int] = field(default_factory=set)
    ratings: Counter = field(default_factory=Counter)  # OutcomeRating value: requests

    @property
    def states(self) -> int:
        """The States assisted that replied to the report's cycle."""
        return len(self.no_longer) + len(self.still)

    @property
    def requests(self) -> int:
        return sum(self.ratings.values())


@dataclass
class AssistanceFollowed:
    previous: list[Cycle]  # the previous cycles of the report's cycles that have one
    topics: list[FollowedTopic]


def _difficulties(answers: QuerySet[Answer]) -> dict[tuple[int, str], Reported]:
    """{(respondent id, section code): what the answers to difficulty questions report}."""
    answers = answers.filter(question__purpose=Purpose.DIFFICULTY)
    rows = list(
        answers.values_list("pk", "reply__respondent_id", "question__section__code", "value")
    )
    keys = {pk: (respondent, section) for pk, respondent, section, _value in rows}
    reported: dict[tuple[int, str], Reported] = defaultdict(Reported)
    for pk, _respondent, _section, value in rows:
        if isinstance(value, str) and value.strip():
            reported[keys[pk]].text = True
    coded = AnswerTheme.objects.filter(
        answer__in=answers, decision=Decision.ACCEPTED, theme__kind=ThemeKind.DIFFICULTY
    ).values_list("answer_id", "theme_id")
    for answer_id, theme_id in coded:
        reported[keys[answer_id]].themes.add(theme_id)
    return reported


def _still_reported(before: Reported, now: Reported | None) -> bool:
    if now is None or not now.any:
        return False
    if before.themes and now.themes:
        return bool(before.themes & now.themes)
    return True


def _section_titles(cycle: Cycle, previous: Cycle, language: str) -> dict[str, str]:
    """{section code: title in `language`}, the report's cycle's titles before the previous's."""
    titles: dict[str, str] = {}
    for version_id in (previous.version_id, cycle.version_id):
        for code, title in Section.objects.filter(version_id=version_id).values_list(
            "code", "title"
        ):
            titles[code] = in_language(title, language)
    return titles


def assistance_followed(
    *, cycles: list[Cycle], reply_statuses: list[str], language: str
) -> AssistanceFollowed:
    """The States assisted after the previous cycle of each of `cycles`, by section, and whether
    they still report the difficulty (the rule is in this module's docstring)."""
    topics: dict[str, FollowedTopic] = {}
    previous_cycles = []
    for cycle in sorted(cycles, key=lambda c: (c.opens_on, c.pk)):
        previous = previous_cycle(cycle)
        if previous is None:
            continue
        previous_cycles.append(previous)
        requests = list(
            AssistanceRequest.objects.filter(
                reply__cycle=previous,
                status=RequestStatus.COMPLETED,
                answer__isnull=False,
                outcomes__isnull=False,
                respondent__type__code__in=STATE_TYPES,
            )
            .distinct()
            .select_related("answer__question__section")
            .prefetch_related("outcomes")
            .order_by("pk")
        )
        if not requests:
            continue
        before = _difficulties(Answer.objects.filter(reply_id__in={r.reply_id for r in requests}))
        replies = Reply.objects.filter(
            cycle=cycle,
            status__in=reply_statuses,
            respondent_id__in={r.respondent_id for r in requests},
        )
        replied = set(replies.values_list("respondent_id", flat=True))
        now = _difficulties(Answer.objects.filter(reply__in=replies))
        titles = _section_titles(cycle, previous, language)
        for request in requests:
            if request.answer is None:  # excluded by the query; for the type checker
                continue
            section = request.answer.question.section.code
            key = (request.respondent_id, section)
            if key not in before or not before[key].any:
                continue
            topic = topics.setdefault(section, FollowedTopic(section, titles.get(section, "")))
            outcome = max(request.outcomes.all(), key=lambda o: (o.at, o.pk))
            topic.ratings[outcome.rating] += 1
            respondent = request.respondent_id
            if respondent not in replied:
                topic.not_replied.add(respondent)
            elif _still_reported(before[key], now.get(key)):
                topic.still.add(respondent)
            else:
                topic.no_longer.add(respondent)
    return AssistanceFollowed(
        previous=previous_cycles, topics=sorted(topics.values(), key=lambda t: t.code)
    )
