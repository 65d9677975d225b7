"""Reads for the coding pages: the cycle's coded questions with their counts, and the answers of
one question for every respondent, with their decisions, in a fixed number of queries."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from portal.multilingual import language_code, sort_key
from surveys.coding.services import CODED_PURPOSES
from surveys.models import (
    Answer,
    AnswerTheme,
    Cycle,
    Decision,
    Purpose,
    Question,
    QuestionType,
    ReplyStatus,
    Theme,
    ThemeKind,
    UsefulPractice,
)

# Replies whose answers are coded: those in the Secretariat's hands. A reply returned for
# clarification is left out until it is resubmitted: its contact persons may be changing the
# answers, and nobody should code (or feature in a report) text that was never submitted.
CODED_REPLY_STATUSES = (
    ReplyStatus.SUBMITTED,
    ReplyStatus.RESUBMITTED,
    ReplyStatus.ACCEPTED,
)
TEXT_TYPES = (QuestionType.SHORT_TEXT, QuestionType.LONG_TEXT)
# The theme kinds offered for each purpose; useful practices may speak of either.
KINDS_FOR_PURPOSE: dict[str, tuple[ThemeKind, ...]] = {
    Purpose.DIFFICULTY: (ThemeKind.DIFFICULTY,),
    Purpose.ASSISTANCE_NEED: (ThemeKind.ASSISTANCE_AREA,),
    Purpose.USEFUL_PRACTICE: (ThemeKind.DIFFICULTY, ThemeKind.ASSISTANCE_AREA),
}


def coded_questions(cycle: Cycle) -> QuerySet[Question]:
    """The questions of the cycle's version that carry text to code: text questions, and choice
    questions with "other, please specify", whose purpose is difficulty, assistance needed or
    useful practice."""
    return (
        Question.objects.filter(version_id=cycle.version_id, purpose__in=CODED_PURPOSES)
        .filter(Q(type__in=TEXT_TYPES) | Q(other_specify=True))
        .select_related("section")
    )


def answers_with_text(cycle: Cycle) -> QuerySet[Answer]:
    """Answers of replies handed over, with text in them (the value of a text question, or the
    "other, please specify" text)."""
    return Answer.objects.filter(reply__cycle=cycle, reply__status__in=CODED_REPLY_STATUSES).filter(
        (Q(question__type__in=TEXT_TYPES) & ~Q(value=None) & ~Q(value="")) | ~Q(other_text="")
    )


def _is_coded() -> Q:
    accepted = AnswerTheme.objects.filter(answer=OuterRef("pk"), decision=Decision.ACCEPTED)
    practice = UsefulPractice.objects.filter(answer=OuterRef("pk"))
    return Exists(accepted) | Exists(practice)


def coding_questions(cycle: Cycle) -> list[Question]:
    """The coded questions, each with `answer_count` and `coded_count` (two queries)."""
    questions = list(coded_questions(cycle))
    counts = {
        row["question_id"]: row
        for row in answers_with_text(cycle)
        .annotate(coded=_is_coded())
        .values("question_id")
        .annotate(total=Count("pk"), coded_total=Count("pk", filter=Q(coded=True)))
    }
    for question in questions:
        row = counts.get(question.pk, {})
        question.answer_count = row.get("total", 0)
        question.coded_count = row.get("coded_total", 0)
        question.uncoded_count = question.answer_count - question.coded_count
    return questions


def themes_for(question: Question) -> list[Theme]:
    """The active themes a reviewer may give the answers of `question`, in codebook order."""
    return list(
        Theme.objects.filter(is_active=True, kind__in=KINDS_FOR_PURPOSE[question.purpose]).order_by(
            "kind", "order", "code"
        )
    )


def coded_words(answer: Answer) -> str:
    """The respondent's own words in `answer`, which a reviewer codes: a text answer and what
    "other, please specify" says (not the answer rendered: surveys.answering.rendering does that)."""
    if answer.question.type in TEXT_TYPES and isinstance(answer.value, str):
        return "\n\n".join(part for part in (answer.value, answer.other_text) if part)
    return answer.other_text


def coding_answers(
    cycle: Cycle, question: Question, *, uncoded_only: bool = False, theme: Theme | None = None
) -> list[Answer]:
    """The answers to `question` of every respondent whose reply is handed over, in alphabetical
    order of the respondent's name, each with `decisions` (its AnswerTheme rows, theme loaded) and
    `practice` (its UsefulPractice or None): three queries, whatever the number of respondents."""
    answers = (
        answers_with_text(cycle)
        .filter(question=question)
        .select_related("reply__respondent", "question", "useful_practice")
    )
    if uncoded_only:
        answers = answers.annotate(coded=_is_coded()).filter(coded=False)
    if theme is not None:
        answers = answers.filter(
            Exists(
                AnswerTheme.objects.filter(
                    answer=OuterRef("pk"), theme=theme, decision=Decision.ACCEPTED
                )
            )
        )
    found = list(answers)
    decisions: dict[int, list[AnswerTheme]] = {}
    for decided in AnswerTheme.objects.filter(answer__in=[a.pk for a in found]).select_related(
        "theme"
    ):
        decisions.setdefault(decided.answer_id, []).append(decided)
    for answer in found:
        answer.decisions = decisions.get(answer.pk, [])
        try:
            answer.practice = answer.useful_practice
        except UsefulPractice.DoesNotExist:
            answer.practice = None
    language = language_code()
    return sorted(
        found, key=lambda answer: sort_key(answer.reply.respondent.list_name(language), language)
    )


def coding_answer(answer_pk: int) -> Answer:
    """One answer as the coding row shows it (after a decision): the same shape as
    `coding_answers` gives."""
    answer = Answer.objects.select_related(
        "reply__respondent", "reply__cycle", "question", "useful_practice"
    ).get(pk=answer_pk)
    answer.decisions = list(answer.themes.select_related("theme"))
    try:
        answer.practice = answer.useful_practice
    except UsefulPractice.DoesNotExist:
        answer.practice = None
    return answer
