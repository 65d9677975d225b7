"""What a country presentation shows, in its language: the respondent's answers to the cluster's
questions (questions on a standard of the cluster) across cycles, one column per cycle, rows by
question code; the difficulty themes and useful practices the Secretariat coded in those answers;
and the respondent's requests for technical assistance on the cluster, with their status, notes
and outcome.

Texts of the questionnaire (questions, units, choices), standards and themes are printed in the
presentation's language (else in the original language, marked as such); what the State wrote is
quoted as written, in its own direction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from clusters.models import Cluster, Standard
from portal.localformats import date_text
from portal.models import Respondent
from portal.multilingual import in_language, language_direction, text_direction
from surveys.assistance.outcomes import outcome_current
from surveys.coding.suggestions import detect_language
from surveys.models import (
    AnswerTheme,
    AssistanceNote,
    AssistanceRequest,
    Decision,
    Question,
    QuestionType,
    Reply,
    ReplyStatus,
    ThemeKind,
    UsefulPractice,
)
from surveys.questionnaires.conditions import questions_shown
from surveys.questionnaires.printing import PrintTexts
from surveys.questionnaires.selectors import version_with_content
from surveys.submission.printing import PrintedAnswer, printed_answer

# Between the items of a list written in a line ("Tokyo Rules; Bangkok Rules").
SEPARATORS = {"ar": "؛ ", "zh-hans": "；"}
# The replies a presentation is made from: those the Secretariat has reviewed and accepted.
COUNTED_STATUSES = (ReplyStatus.ACCEPTED,)


@dataclass
class CycleColumn:
    reply: Reply
    title: str
    session: str


@dataclass
class QuestionRow:
    code: str
    text: SafeString
    standards: str
    # One per cycle: the answer as printed, or None when the question was not asked in it.
    cells: list[PrintedAnswer | None] = field(default_factory=list)


@dataclass
class DifficultyShown:
    theme: str
    # One per cycle: the questions whose answers the Secretariat coded with the theme (none: the
    # reply did not report it).
    codes: list[list[str]]


@dataclass
class PracticeShown:
    code: str
    cycle: str
    text: str
    language: str
    direction: str
    summarised: bool  # a summary in the presentation's language, else the answer as written


@dataclass
class NoteShown:
    date: str
    text: str
    status: str  # the status the note moved the request to, if any


@dataclass
class RequestShown:
    description: str
    language: str
    area: str
    standards: str
    status: str
    received: str
    cycle: str
    notes: list[NoteShown] = field(default_factory=list)
    outcome: list[tuple[str, str]] = field(default_factory=list)  # (label, text as written)


@dataclass
class PresentationContent:
    respondent: Respondent
    cluster: Cluster
    language: str
    standards: list[str]
    columns: list[CycleColumn]
    rows: list[QuestionRow]
    difficulties: list[DifficultyShown]
    practices: list[PracticeShown]
    requests: list[RequestShown]

    @property
    def replies(self) -> list[Reply]:
        return [column.reply for column in self.columns]


def separator(language: str) -> str:
    return SEPARATORS.get(language, "; ")


def cluster_questions(cluster: Cluster):
    """The questions (of any version) that ask about a standard of `cluster`; files aside."""
    return (
        Question.objects.filter(standards__cluster=cluster)
        .exclude(type=QuestionType.FILE)
        .distinct()
    )


def presentation_replies(*, respondent: Respondent, cluster: Cluster) -> list[Reply]:
    """The respondent's accepted replies in cycles whose questionnaire asks about the cluster,
    oldest cycle first."""
    return list(
        Reply.objects.filter(
            respondent=respondent,
            status__in=COUNTED_STATUSES,
            cycle__version__questions__in=cluster_questions(cluster),
        )
        .distinct()
        .select_related("cycle__version")
        .order_by("cycle__opens_on", "cycle__pk")
    )


def presentation_content(
    *, respondent: Respondent, cluster: Cluster, language: str
) -> PresentationContent:
    """Everything the presentation of `cluster` in `respondent` prints, in `language`."""
    replies = presentation_replies(respondent=respondent, cluster=cluster)
    question_pks = set(cluster_questions(cluster).values_list("pk", flat=True))
    columns = [
        CycleColumn(r, in_language(r.cycle.title, language), in_language(r.cycle.commission_session, language))
        for r in replies
    ]  # fmt: skip
    cycle_titles = {c.reply.pk: c.title for c in columns}
    standards = Standard.objects.filter(cluster=cluster).order_by("year", "code")
    return PresentationContent(
        respondent=respondent,
        cluster=cluster,
        language=language,
        standards=[s.name_with_resolution(language) for s in standards],
        columns=columns,
        rows=_rows(replies, question_pks, language),
        difficulties=_difficulties(replies, question_pks, language),
        practices=_practices(replies, question_pks, language, cycle_titles),
        requests=_requests(respondent, cluster, question_pks, language, cycle_titles),
    )


def _rows(replies: list[Reply], question_pks: set[int], language: str) -> list[QuestionRow]:
    """One row per question code, worded and placed as the latest questionnaire that asks it;
    one cell per reply (None where its cycle did not ask the question, or its answers made it
    irrelevant)."""
    rows: dict[str, QuestionRow] = {}
    place: dict[str, int] = {}
    answers_of = _answers_by_reply(replies)
    for index, reply in enumerate(replies):
        version = version_with_content(pk=reply.cycle.version_id)
        text = PrintTexts(language, version.original_language)
        questions = [q for s in version.section_list for q in s.question_list]
        entries = answers_of.get(reply.pk, {})
        shown = questions_shown(
            [(q.code, q.relevance) for q in questions],
            {code: entry.get("value") for code, entry in entries.items()},
        )
        for position, question in enumerate(questions):
            if question.pk not in question_pks:
                continue
            row = rows.setdefault(
                question.code, QuestionRow(question.code, text(question.text), "")
            )
            if not row.cells:
                row.cells = [None] * len(replies)
            # Replies come oldest first: a later questionnaire's wording and place win.
            row.text = text(question.text)
            # Short names: the cover names each standard in full, with its resolution.
            names = [in_language(s.short_name, language) for s in question.standards.all()]
            row.standards = separator(language).join(dict.fromkeys(names))
            place[question.code] = position
            if question.code in shown:
                row.cells[index] = printed_answer(
                    question, entries.get(question.code), text, language
                )
    return sorted(rows.values(), key=lambda r: place[r.code])


def _answers_by_reply(replies: list[Reply]) -> dict[int, dict[str, dict]]:
    """{reply id: {question code: {"value": ..., "other": ...}}}: the answers as they stand."""
    found: dict[int, dict[str, dict]] = {}
    for reply in replies:
        found[reply.pk] = {
            answer.question.code: {"value": answer.value, "other": answer.other_text}
            for answer in reply.answers.select_related("question")
        }
    return found


def _difficulties(
    replies: list[Reply], question_pks: set[int], language: str
) -> list[DifficultyShown]:
    """The difficulty themes the Secretariat coded in the answers, in the codebook's order, with
    the questions coded in each reply."""
    coded = (
        AnswerTheme.objects.filter(
            decision=Decision.ACCEPTED,
            theme__kind=ThemeKind.DIFFICULTY,
            answer__reply__in=replies,
            answer__question__in=question_pks,
        )
        .select_related("theme", "answer__question")
        .order_by("theme__order", "theme__code", "answer__question__order")
    )
    column = {reply.pk: index for index, reply in enumerate(replies)}
    themes: dict[int, DifficultyShown] = {}
    for decision in coded:
        shown = themes.setdefault(
            decision.theme_id,
            DifficultyShown(
                in_language(decision.theme.label, language), [[] for _reply in replies]
            ),
        )
        codes = shown.codes[column[decision.answer.reply_id]]
        if decision.answer.question.code not in codes:
            codes.append(decision.answer.question.code)
    return list(themes.values())


def _practices(
    replies: list[Reply], question_pks: set[int], language: str, cycle_titles: dict[int, str]
) -> list[PracticeShown]:
    """The useful practices the Secretariat featured: its summary in the presentation's
    language, else the answer as written, in the language it seems written in."""
    practices = (
        UsefulPractice.objects.filter(
            featured=True, answer__reply__in=replies, answer__question__in=question_pks
        )
        .select_related("answer__question", "answer__reply__cycle")
        .order_by(
            "answer__reply__cycle__opens_on",
            "answer__question__section__order",
            "answer__question__order",
        )
    )
    shown = []
    for practice in practices:
        summary = (practice.summary or {}).get(language, "").strip()
        answer = practice.answer
        if summary:
            text, written_in = summary, language
        else:
            text = str(answer.value or "").strip()
            written_in = detect_language(text)
        if not text:
            continue
        direction = language_direction(written_in) if written_in else text_direction(text)
        shown.append(
            PracticeShown(
                answer.question.code, cycle_titles[answer.reply_id], text, written_in,
                direction, bool(summary),
            )
        )  # fmt: skip
    return shown


def _requests(
    respondent: Respondent,
    cluster: Cluster,
    question_pks: set[int],
    language: str,
    cycle_titles: dict[int, str],
) -> list[RequestShown]:
    """The respondent's requests for technical assistance on the cluster: stated in an answer to
    one of its questions, or filed under the cluster or one of its standards."""
    requests = (
        AssistanceRequest.objects.filter(respondent=respondent)
        .filter(
            Q(cluster=cluster)
            | Q(standards__cluster=cluster)
            | Q(answer__question__in=question_pks)
        )
        .distinct()
        .select_related("area", "reply__cycle")
        .prefetch_related(
            "standards",
            "outcomes",
            Prefetch("notes", queryset=AssistanceNote.objects.order_by("at", "pk")),
        )
        .order_by("created_at", "pk")
    )
    return [_request_shown(r, language, cycle_titles) for r in requests]


def _request_shown(
    request: AssistanceRequest, language: str, cycle_titles: dict[int, str]
) -> RequestShown:
    cycle = ""
    if request.reply is not None:
        cycle = cycle_titles.get(request.reply.pk) or in_language(
            request.reply.cycle.title, language
        )
    notes = [
        NoteShown(
            date_text(note.at.date(), language),
            _written(note.text),
            note.get_to_status_display() if note.to_status else "",
        )
        for note in request.notes.all()
        if note.text.strip() or note.to_status
    ]
    return RequestShown(
        description=request.description,
        language=request.language,
        area=in_language(request.area.label, language) if request.area else "",
        standards=separator(language).join(
            in_language(s.short_name, language) for s in request.standards.all()
        ),
        status=request.get_status_display(),
        received=date_text(request.created_at.date(), language),
        cycle=cycle,
        notes=notes,
        outcome=_outcome(request, language),
    )


def _written(value) -> str:
    """A staff note as written: a text, or its texts by language (the first given)."""
    if isinstance(value, dict):
        return next((str(v) for v in value.values() if str(v).strip()), "")
    return str(value or "")


def _outcome(request: AssistanceRequest, language: str) -> list[tuple[str, str]]:
    """What was delivered, by whom, when, and its evaluation (the request's current outcome,
    where the Secretariat recorded one), in the presentation's language (else in English)."""
    outcome = outcome_current(request)
    if outcome is None:
        return []
    when = date_text(outcome.delivered_from, language)
    if outcome.delivered_until and outcome.delivered_until != outcome.delivered_from:
        when = _("From %(start)s to %(end)s") % {
            "start": when,
            "end": date_text(outcome.delivered_until, language),
        }
    evaluation = in_language(outcome.evaluation, language)
    return [
        (_("What was delivered"), in_language(outcome.delivered, language)),
        (_("Delivered by"), in_language(outcome.delivered_by, language)),
        (_("When"), when),
        (_("Evaluation"), f"{outcome.get_rating_display()}. {evaluation}".strip()),
    ]
