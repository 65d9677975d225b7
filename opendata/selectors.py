"""Open data of published replies (issue 18): the answers of the replies that respondents agreed
to publish, one row per respondent and question (and table row), with the questionnaire's codes
and its labels in the chosen language.

Which replies: `reports.library.published_replies.published_replies`, the one rule of the public
pages (accepted, latest submission agreed to publication); what: that submission as submitted,
frozen in its snapshot, only the questions its answers made relevant. File questions are left
out, as on the public pages. A fixed number of queries, whatever the number of replies.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from portal.multilingual import in_language, sort_key
from reports.library.published_replies import published_replies
from surveys.answering.rendering import AnswerWords, answer_text, question_options
from surveys.models import Cycle, Question, QuestionType, ReplySnapshot
from surveys.questionnaires.conditions import questions_shown
from surveys.questionnaires.selectors import version_with_content

# The columns of the CSV and XLSX, in order; the JSON's rows have the same keys.
COLUMNS = (
    "cycle",
    "questionnaire",
    "version",
    "respondent",
    "respondent_name",
    "submission",
    "submitted_on",
    "section",
    "question",
    "question_type",
    "question_text",
    "item",
    "item_label",
    "value",
    "value_label",
    "other_text",
)


def column_descriptions() -> dict[str, str]:
    """What each column holds, for the README sheet and the documentation."""
    return {
        "cycle": _("Number of the cycle of collection on the portal."),
        "questionnaire": _("Code of the questionnaire."),
        "version": _("Version of the questionnaire the cycle collected."),
        "respondent": _("Code of the respondent (ISO 3166-1 alpha-3 for a State)."),
        "respondent_name": _("Name of the respondent in the chosen language."),
        "submission": _("Number of the submission published (the latest)."),
        "submitted_on": _("Date of that submission (YYYY-MM-DD)."),
        "section": _("Code of the questionnaire's section."),
        "question": _("Stable code of the question."),
        "question_type": _("Type of the question (yes_no, single_choice, integer, table...)."),
        "question_text": _("The question in the chosen language."),
        "item": _("For a table: the code of the row answered; empty otherwise."),
        "item_label": _("For a table: the row in the chosen language."),
        "value": _(
            "The answer as stored: a choice's code (several separated by spaces), a number, a "
            "date (YYYY-MM-DD) or the text as written."
        ),
        "value_label": _("For choices and tables: the answer's label in the chosen language."),
        "other_text": _('What the respondent wrote for "other, please specify".'),
    }


@dataclass
class PublishedCycleSummary:
    cycle: Cycle
    title: str
    reply_count: int


def cycles_with_open_data(*, language: str) -> list[PublishedCycleSummary]:
    """The cycles with published replies, most recent first, with how many. Two queries."""
    counts = dict(
        published_replies()
        .order_by()
        .values_list("cycle_id")
        .annotate(n=Count("pk"))
        .values_list("cycle_id", "n")
    )
    cycles = Cycle.objects.filter(pk__in=counts).select_related("version__questionnaire")
    summaries = [
        PublishedCycleSummary(
            cycle,
            in_language(cycle.version.title, language, fallback=cycle.version.original_language),
            counts[cycle.pk],
        )
        for cycle in cycles
    ]
    return sorted(summaries, key=lambda s: (s.cycle.opens_on, s.cycle.pk), reverse=True)


def published_cycle(*, pk: int) -> Cycle:
    """The cycle `pk` if it has published replies, else 404."""
    return get_object_or_404(
        Cycle.objects.filter(pk__in=published_replies().values("cycle_id")).select_related(
            "version__questionnaire"
        ),
        pk=pk,
    )


def _value_code(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _question_rows(
    question: Question, entry: dict, words: AnswerWords, base: dict[str, Any]
) -> list[dict[str, Any]]:
    """The rows of one answered question."""
    value, other = entry.get("value"), entry.get("other") or ""
    if question.type == QuestionType.TABLE:
        if not isinstance(value, dict):
            return []
        columns = words.options(question)
        rows = []
        for name, label in words.rows(question):
            if value.get(name) in (None, "", []):
                continue
            chosen = value[name] if isinstance(value[name], list) else [value[name]]
            rows.append(
                {
                    **base,
                    "item": name,
                    "item_label": label,
                    "value": _value_code(value[name]),
                    "value_label": "; ".join(columns.get(c, c) for c in chosen),
                    "other_text": "",
                }
            )
        return rows
    if value in (None, "", [], {}):
        return []
    label = ""
    if question.type not in (QuestionType.SHORT_TEXT, QuestionType.LONG_TEXT):
        if question_options(question, words.label):
            labels = words.options(question)
            names = value if isinstance(value, list) else [value]
            label = "; ".join(labels.get(str(n), str(n)) for n in names)
        else:
            label = answer_text(question, value, "", words)
    row = {**base, "item": "", "item_label": "", "value": _value_code(value)}
    return [{**row, "value_label": label, "other_text": other}]


@dataclass
class OpenData:
    """One cycle's published answers in one language."""

    cycle: Cycle
    language: str
    title: str  # the questionnaire's title in the chosen language
    questions: list[dict[str, Any]]  # the codebook
    rows: list[dict[str, Any]]


def _codebook(
    questions: Sequence[Question], words: AnswerWords, text: Callable[[dict | None], str]
) -> list[dict[str, Any]]:
    return [
        {
            "code": q.code,
            "section": q.section.code,
            "type": q.type,
            "purpose": q.purpose,
            "text": text(q.text),
            "unit": text(q.unit),
            "choices": [{"value": n, "label": label} for n, label in words.options(q).items()]
            if question_options(q, words.label)
            else [],
            "rows": [{"value": n, "label": label} for n, label in words.rows(q)],
        }
        for q in questions
    ]


def published_answers(
    *,
    cycle: Cycle,
    language: str,
    respondent: str | None = None,
    question: str | None = None,
) -> OpenData:
    """The published answers of `cycle` in `language`, respondents in that language's
    alphabetical order, questions in the questionnaire's order; `respondent` and `question`
    (codes) narrow them. Eight queries."""
    version = version_with_content(pk=cycle.version_id, standards=False)
    fallback = version.original_language
    words = AnswerWords(language, fallback)

    def text(texts: dict | None) -> str:
        return in_language(texts, language, fallback=fallback)

    questions = [
        q for s in version.section_list for q in s.question_list if q.type != QuestionType.FILE
    ]
    for section in version.section_list:
        for q in section.question_list:
            q.section = section
    conditions = [(q.code, q.relevance) for s in version.section_list for q in s.question_list]
    replies_qs = published_replies().filter(cycle=cycle).select_related("respondent")
    if respondent:
        replies_qs = replies_qs.filter(respondent__code=respondent)
    replies = {r.pk: r for r in replies_qs}
    snapshots = ReplySnapshot.objects.filter(
        pk__in=[r.published_snapshot_id for r in replies.values()]
    )
    asked = [q for q in questions if not question or q.code == question]
    named = []
    for snapshot in snapshots:
        reply = replies[snapshot.reply_id]
        named.append((reply.respondent.list_name(language), reply, snapshot))
    named.sort(key=lambda item: sort_key(item[0], language))
    rows: list[dict[str, Any]] = []
    for name, reply, snapshot in named:
        answers = snapshot.answers
        shown = questions_shown(conditions, {c: e.get("value") for c, e in answers.items()})
        common = {
            "cycle": cycle.pk,
            "questionnaire": version.questionnaire.code,
            "version": version.number,
            "respondent": reply.respondent.code,
            "respondent_name": name,
            "submission": snapshot.number,
            "submitted_on": snapshot.submitted_at.date().isoformat(),
        }
        for q in asked:
            if q.code not in shown or not answers.get(q.code):
                continue
            base = {
                **common,
                "section": q.section.code,
                "question": q.code,
                "question_type": q.type,
                "question_text": text(q.text),
            }
            rows.extend(_question_rows(q, answers[q.code], words, base))
    return OpenData(
        cycle=cycle,
        language=language,
        title=text(version.title),
        questions=_codebook(asked, words, text),
        rows=rows,
    )
