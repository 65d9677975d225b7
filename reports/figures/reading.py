"""The rows a report's figures are compiled from, read from the database with `values()`: a fixed
number of queries, whatever the number of respondents, questions or answers."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F, QuerySet

from clusters.models import Cluster, Expert, Standard
from portal.models import RespondentType
from surveys.models import (
    Answer,
    AnswerTheme,
    AssistanceRequest,
    Choice,
    Cycle,
    CycleInvitation,
    Decision,
    Question,
    QuestionStandard,
    Reply,
    ReplyStatus,
    Theme,
    UsefulPractice,
)

QUESTION_FIELDS = [
    "pk", "code", "type", "purpose", "gender_relevant", "text", "order", "version_id",
    "section__code", "section__title", "section__order", "applied_if", "relevance",
    "other_specify", "part_of",
]  # fmt: skip
ANSWER_COLUMNS = ["reply_id", "question_id", "value", "other_text", "language"]
# The rows of each kind, as `values()` gives them (the answers as `values_list()` does).
Rows = dict[str, list[Any]]


def replies_read(*, cycle_ids: list[int], statuses: list[str]) -> Rows:
    """Every row the figures need, as lists of dicts, by kind of row."""
    counted = Reply.objects.filter(cycle_id__in=cycle_ids, status__in=statuses)
    replies = Reply.objects.filter(cycle_id__in=cycle_ids)
    # Submitted at least once: a reply returned for clarification was received all the same.
    received = replies.exclude(status__in=(ReplyStatus.NOT_STARTED, ReplyStatus.IN_PROGRESS)) | (
        replies.filter(submitted_at__isnull=False)
    )
    return {
        "reply_counts": [
            {
                "received": received.values("respondent_id").distinct().count(),
                "accepted": replies.filter(status=ReplyStatus.ACCEPTED)
                .values("respondent_id")
                .distinct()
                .count(),
            }
        ],
        **_questionnaire_read(cycle_ids=cycle_ids),
        **_respondents_read(cycle_ids=cycle_ids, counted=counted),
        **_answers_read(counted=counted),
        **_assistance_read(counted=counted),
    }


def _questionnaire_read(*, cycle_ids: list[int]) -> Rows:
    """The cycles, their questionnaires' questions and choices, and the standards they ask about."""
    version_ids = Cycle.objects.filter(pk__in=cycle_ids).values("version_id")
    return {
        "cycles": list(
            Cycle.objects.filter(pk__in=cycle_ids)
            .order_by("opens_on", "pk")
            .values(
                "pk",
                "title",
                "opens_on",
                "deadline",
                "commission_session",
                "version__number",
                "version__title",
                "version__questionnaire__code",
                "version__original_language",
            )
        ),
        "questions": list(
            Question.objects.filter(version_id__in=version_ids).values(*QUESTION_FIELDS)
        ),
        "question_standards": list(
            QuestionStandard.objects.filter(question__version_id__in=version_ids)
            .order_by("question_id", "order")
            .values("question_id", "standard_id")
        ),
        "standards": list(
            Standard.objects.values(
                "pk",
                "code",
                "short_name",
                "title",
                "adopted_by",
                "year",
                "category_id",
                "cluster_id",
            )
        ),
        "clusters": list(Cluster.objects.values("pk", "letter", "title", "priority")),
        "choices": list(
            Choice.objects.filter(question__version_id__in=version_ids)
            .order_by("question_id", "kind", "order")
            .values("question_id", "kind", "name", "label", "exclusive")
        ),
    }


def _respondents_read(*, cycle_ids: list[int], counted: QuerySet[Reply]) -> Rows:
    """The respondents invited, their types, and the replies counted."""
    return {
        "types": list(RespondentType.objects.values("code", "name", "order")),
        "invitations": list(
            CycleInvitation.objects.filter(cycle_id__in=cycle_ids).values(
                "respondent_id",
                "respondent__code",
                "respondent__name",
                "respondent__regional_group",
                "respondent__type__code",
            )
        ),
        "replies": list(counted.values("pk", "respondent_id", "cycle_id")),
    }


def _answers_read(*, counted: QuerySet[Reply]) -> Rows:
    """The answers of the replies counted, their coding and the useful practices featured."""
    answers = Answer.objects.filter(reply__in=counted.values("pk"))
    return {
        # The most numerous rows, as tuples in the order of ANSWER_COLUMNS (a columnar read:
        # no dict per answer).
        "answers": list(
            answers.values_list(
                "reply_id",
                "question_id",
                "value",
                "other_text",
                # The language the reply was given in, as far as the portal knows: its
                # contact person's (an "other" text is quoted in it).
                "reply__submitted_by__preferred_language",
            )
        ),
        "answer_themes": list(
            AnswerTheme.objects.filter(
                decision=Decision.ACCEPTED, answer__reply__in=counted.values("pk")
            ).values("answer__reply_id", "answer__question_id", "theme_id")
        ),
        "themes": list(Theme.objects.values("pk", "kind", "code", "label", "order")),
        "practices": list(
            UsefulPractice.objects.filter(featured=True, answer__reply__in=counted.values("pk"))
            .order_by("answer__question__code", "pk")
            .values(
                "answer__reply_id",
                "answer__question_id",
                "answer__value",
                "summary",
                # The language the reply was given in, as far as the portal knows: its
                # contact person's.
                language=F("answer__reply__submitted_by__preferred_language"),
            )
        ),
    }


def _assistance_read(*, counted: QuerySet[Reply]) -> Rows:
    """The requests for technical assistance and the roster of experts."""
    return {
        "requests": list(
            # The requests of the replies the report counts, so its numbers agree with each other.
            AssistanceRequest.objects.filter(reply__in=counted.values("pk"))
            .annotate(match_count=Count("matches"))
            .values("pk", "respondent_id", "status", "cluster_id", "area_id", "match_count")
        ),
        "experts": list(
            Expert.objects.filter(is_active=True).values("pk", "regional_group", "availability")
        ),
        "expert_clusters": list(
            Expert.clusters.through.objects.filter(expert__is_active=True).values(
                "expert_id", "cluster_id"
            )
        ),
    }
