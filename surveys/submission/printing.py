"""A submission as a PDF, printed from its frozen snapshot (never from the live answers, which a
correction by the Secretariat may have changed since), in any of the six languages."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from portal.localformats import datetime_text
from portal.multilingual import language_direction
from surveys.answering.rendering import ScreenWords, answer_rows, answer_text
from surveys.answering.services import OTHER
from surveys.models import QuestionType, Reply, ReplySnapshot
from surveys.questionnaires.conditions import questions_shown
from surveys.questionnaires.printing import PrintTexts, print_date, print_number, running_label
from surveys.questionnaires.scales import OTHER_SPECIFY
from surveys.questionnaires.selectors import version_with_content
from surveys.submission.services import SUPPORTING_DOCUMENTS

NO_ANSWER = SafeString("")


def snapshot_pdf_filename(reply: Reply, snapshot: ReplySnapshot, language: str) -> str:
    questionnaire = reply.cycle.version.questionnaire.code
    return f"{questionnaire}-{reply.respondent.code}-submission-{snapshot.number}-{language}.pdf"


def submitted_reply_html(*, reply: Reply, snapshot: ReplySnapshot, language: str) -> str:
    """The printable HTML of one submission of `reply`, in `language`."""
    version = version_with_content(pk=reply.cycle.version_id)
    with translation.override(language):
        return render_to_string(
            "surveys/submission/print.html", printed_reply(reply, snapshot, version, language)
        )


# --- What the template prints ---------------------------------------------------------------


@dataclass
class PrintedAnswer:
    code: str
    text: SafeString
    type: str
    # HTML from PrintWords; a name without a label stays plain text (the template escapes it).
    answer: str = NO_ANSWER  # the answer in words, empty when not answered
    rows: list[tuple[str, str]] = field(default_factory=list)  # table answers
    files: list[str] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        return bool(self.answer or self.rows or self.files)


def _respondent_text(value: str) -> SafeString:
    """Text the respondent wrote, in whatever language: its direction is its own."""
    return format_html('<span dir="auto">{}</span>', linebreaksbr(value, autoescape=True))


class PrintWords(ScreenWords):
    """An answer's parts worded for the PDF: texts from `text` (PrintTexts), numbers and dates as
    United Nations documents write them, what the respondent wrote in its own direction."""

    def __init__(self, text: PrintTexts, language: str):
        super().__init__(text)
        self.language = language

    def options(self, question) -> dict[str, str]:
        # "Other" is named whatever the question says now: a submission may hold it.
        return {**super().options(question), OTHER: self.text(OTHER_SPECIFY)}

    def written(self, text: str) -> SafeString:
        return _respondent_text(text)

    def number(self, value) -> str:
        try:
            return print_number(Decimal(str(value)))
        except InvalidOperation:
            return str(value)

    def date(self, value) -> SafeString:
        try:
            return format_html("{}", print_date(datetime.date.fromisoformat(value), self.language))
        except (TypeError, ValueError):
            return format_html("{}", value)

    def with_unit(self, number, unit: str) -> SafeString:
        return format_html("{} {}", number, unit) if unit else format_html("{}", number)


def printed_answer(question, entry: dict | None, text: PrintTexts, language: str) -> PrintedAnswer:
    """One question of a submission as the PDF prints it (surveys.answering.rendering words it)."""
    printed = PrintedAnswer(code=question.code, text=text(question.text), type=question.type)
    if not entry:
        return printed
    value, other = entry.get("value"), entry.get("other") or ""
    printed.files = [f["name"] for f in entry.get("files") or []]
    words = PrintWords(text, language)
    if question.type == QuestionType.TABLE and isinstance(value, dict) and value:
        printed.rows = [
            (row, column or NO_ANSWER)
            for row, column in answer_rows(question, value, words, unanswered=True)
        ]
    else:
        printed.answer = answer_text(question, value, other, words) or NO_ANSWER
    return printed


def printed_reply(reply: Reply, snapshot: ReplySnapshot, version, language: str) -> dict:
    text = PrintTexts(language, version.original_language)
    answers = snapshot.answers
    questions = [q for s in version.section_list for q in s.question_list]
    # The questions the submitted answers made relevant; the others were not asked.
    shown = questions_shown(
        [(q.code, q.relevance) for q in questions],
        {code: entry.get("value") for code, entry in answers.items()},
    )
    sections = []
    for section in version.section_list:
        printed = [
            printed_answer(q, answers.get(q.code), text, language)
            for q in section.question_list
            if q.code in shown
        ]
        if printed:
            sections.append(
                {"code": section.code, "title": text(section.title), "answers": printed}
            )
    supporting = answers.get(SUPPORTING_DOCUMENTS, {}).get("files") or []
    submitter = snapshot.submitted_by
    return {
        "language": language,
        "direction": language_direction(language),
        "version": version,
        "title": text(version.title),
        "reply": reply,
        "respondent": reply.respondent.list_name(language),
        "respondent_of": reply.respondent.of_name(language),
        "cycle": reply.cycle,
        "snapshot": snapshot,
        "submitted_at": datetime_text(snapshot.submitted_at, language),
        "submitted_by": submitter.get_full_name() or submitter.username,
        "sections": sections,
        "supporting": [f["name"] for f in supporting],
        "running_label": f"{running_label(version)} · {reply.respondent.code} · "
        + _("Submission %(number)s") % {"number": snapshot.number},
    }
