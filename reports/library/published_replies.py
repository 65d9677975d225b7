"""The replies that respondents agreed to publish on the portal (resolution 2003/30, annex,
para. 24): selectors for the public pages, by respondent and by question.

The rule: a reply is published when the Secretariat has accepted it (status "accepted") and its
latest submission said it may be published (ReplySnapshot.may_publish). What is shown is that
submission as the respondent sent it, frozen in its snapshot: never the live answers, which may
hold later corrections by the Secretariat. When the Secretariat corrected answers after the
submission, the page says so (how many) and that the text shown is the reply as submitted.

Every selector makes a fixed number of queries, whatever the number of replies or answers.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import translation

from portal.multilingual import language_direction, sort_key
from surveys.models import (
    AnswerChange,
    Channel,
    Cycle,
    Question,
    QuestionType,
    Reply,
    ReplySnapshot,
    ReplyStatus,
)
from surveys.questionnaires.conditions import questions_shown
from surveys.questionnaires.printing import PrintTexts
from surveys.questionnaires.selectors import version_with_content
from surveys.submission.printing import PrintedAnswer, printed_answer, printed_reply


class _LatestSubmission(TypedDict):
    published_snapshot_id: int
    latest_may_publish: bool


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    PublishedReply = WithAnnotations[Reply, _LatestSubmission]


def published_replies() -> "QuerySet[PublishedReply]":
    """Accepted replies whose latest submission may be published, each with `published_snapshot_id`
    (that submission)."""
    latest = ReplySnapshot.objects.filter(reply=OuterRef("pk")).order_by("-number")
    return (
        Reply.objects.filter(status=ReplyStatus.ACCEPTED)
        .annotate(
            published_snapshot_id=Subquery(latest.values("pk")[:1]),
            latest_may_publish=Subquery(latest.values("may_publish")[:1]),
        )
        .filter(latest_may_publish=True)
    )


def _corrections_after(
    snapshots: list[ReplySnapshot], question: Question | None = None
) -> dict[int, int]:
    """{reply id: how many corrections by the Secretariat were made after its snapshot}."""
    if not snapshots:
        return {}
    submitted = {s.reply_id: s.submitted_at for s in snapshots}
    changes = AnswerChange.objects.filter(
        answer__reply_id__in=submitted, channel=Channel.STAFF
    ).values_list("answer__reply_id", "changed_at")
    if question is not None:
        changes = changes.filter(answer__question=question)
    counts: dict[int, int] = {}
    for reply_id, changed_at in changes:
        if changed_at > submitted[reply_id]:
            counts[reply_id] = counts.get(reply_id, 0) + 1
    return counts


# --- The index ----------------------------------------------------------------------------------


@dataclass
class ListedReply:
    reply: Reply
    name: str  # the respondent's name in the reader's language, as sorted in a list


@dataclass
class PublishedCycle:
    cycle: Cycle
    title: str  # the questionnaire's title in the reader's language (or its original language)
    replies: list[ListedReply] = field(default_factory=list)
    questions: list[dict[str, str]] = field(default_factory=list)


def cycles_with_published_replies(*, language: str) -> list[PublishedCycle]:
    """The cycles that have published replies, most recent first, each with its published replies
    (respondents in the reader's alphabetical order) and its questions. Two queries."""
    replies = list(
        published_replies().select_related("cycle__version__questionnaire", "respondent")
    )
    cycles: dict[int, PublishedCycle] = {}
    for reply in replies:
        version = reply.cycle.version
        if reply.cycle_id not in cycles:
            title = PrintTexts(language, version.original_language)(version.title)
            cycles[reply.cycle_id] = PublishedCycle(reply.cycle, title)
        name = reply.respondent.list_name(language)
        cycles[reply.cycle_id].replies.append(ListedReply(reply, name))
    questions = Question.objects.filter(
        version_id__in={c.cycle.version_id for c in cycles.values()}
    ).exclude(type=QuestionType.FILE)
    by_version: dict[int, list[Question]] = {}
    for question in questions.select_related("section").order_by("section__order", "order"):
        by_version.setdefault(question.version_id, []).append(question)
    for published in cycles.values():
        published.replies.sort(key=lambda listed: sort_key(listed.name, language))
        text = PrintTexts(language, published.cycle.version.original_language)
        published.questions = [
            {"code": q.code, "text": text(q.text)}
            for q in by_version.get(published.cycle.version_id, [])
        ]
    return sorted(cycles.values(), key=lambda c: (c.cycle.opens_on, c.cycle.pk), reverse=True)


# --- One reply ----------------------------------------------------------------------------------


def published_reply_and_snapshot(*, pk: int) -> tuple[Reply, ReplySnapshot]:
    """The published reply `pk` and the submission shown, or 404."""
    reply: PublishedReply = get_object_or_404(
        published_replies().select_related("cycle__version__questionnaire", "respondent"), pk=pk
    )
    snapshot = ReplySnapshot.objects.select_related("submitted_by").get(
        pk=reply.published_snapshot_id
    )
    return reply, snapshot


def published_reply_for_reading(*, pk: int, language: str) -> dict[str, Any]:
    """What the public page of one published reply shows, in `language` (texts of the
    questionnaire in its original language where not translated; answers as written)."""
    reply, snapshot = published_reply_and_snapshot(pk=pk)
    version = version_with_content(pk=reply.cycle.version_id)
    printed = printed_reply(reply, snapshot, version, language)
    return {
        **printed,
        "submitted_by": "",  # a contact person's name is not published
        "respondent_name": reply.respondent.list_name(language),
        "respondent_of": reply.respondent.of_name(language),
        "corrections": _corrections_after([snapshot]).get(reply.pk, 0),
    }


def published_reply_html(*, reply: Reply, snapshot: ReplySnapshot, language: str) -> str:
    """The printable HTML of a published reply: the submission's PDF, without the contact
    person's name."""
    version = version_with_content(pk=reply.cycle.version_id)
    with translation.override(language):
        context = {**printed_reply(reply, snapshot, version, language), "submitted_by": ""}
        return render_to_string("surveys/submission/print.html", context)


def published_reply_filename(reply: Reply, snapshot: ReplySnapshot, language: str) -> str:
    questionnaire = reply.cycle.version.questionnaire.code
    return f"{questionnaire}-{reply.respondent.code}-published-{snapshot.number}-{language}.pdf"


# --- One question -------------------------------------------------------------------------------


@dataclass
class PublishedAnswer:
    reply: Reply
    name: str
    answer: PrintedAnswer
    corrected: int


def published_answers_to_question(*, cycle_pk: int, code: str, language: str) -> dict[str, Any]:
    """Every published answer to the question `code` of the cycle, by respondent in the reader's
    alphabetical order; replies for which the question was not asked or not answered are counted,
    not listed. Nine queries."""
    cycle = get_object_or_404(Cycle.objects.select_related("version__questionnaire"), pk=cycle_pk)
    version = version_with_content(pk=cycle.version_id)
    questions = [q for s in version.section_list for q in s.question_list]
    question = next((q for q in questions if q.code == code), None)
    if question is None or question.type == QuestionType.FILE:
        raise Http404("No such question.")
    section = next(s for s in version.section_list if question in s.question_list)
    replies = {
        r.pk: r for r in published_replies().filter(cycle=cycle).select_related("respondent")
    }
    snapshots = list(
        ReplySnapshot.objects.filter(pk__in=[r.published_snapshot_id for r in replies.values()])
    )
    corrections = _corrections_after(snapshots, question)
    text = PrintTexts(language, version.original_language)
    conditions = [(q.code, q.relevance) for q in questions]
    answers = []
    for snapshot in snapshots:
        entry = snapshot.answers.get(code)
        shown = questions_shown(
            conditions, {c: e.get("value") for c, e in snapshot.answers.items()}
        )
        printed = printed_answer(question, entry, text, language)
        if code not in shown or not printed.answered:
            continue
        reply = replies[snapshot.reply_id]
        name = reply.respondent.list_name(language)
        answers.append(PublishedAnswer(reply, name, printed, corrections.get(reply.pk, 0)))
    answers.sort(key=lambda a: sort_key(a.name, language))
    codes = [q.code for q in questions if q.type != QuestionType.FILE]
    position = codes.index(code)
    return {
        "cycle": cycle,
        "version": version,
        "title": text(version.title),
        "question": question,
        "question_text": text(question.text),
        "question_help": text(question.help_text),
        "section_title": text(section.title),
        "answers": answers,
        "unanswered": len(replies) - len(answers),
        "published_count": len(replies),
        "previous_code": codes[position - 1] if position > 0 else None,
        "next_code": codes[position + 1] if position + 1 < len(codes) else None,
        "direction": language_direction(language),
    }
