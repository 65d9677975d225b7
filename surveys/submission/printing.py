"""A submission as a PDF, printed from its frozen snapshot (never from the live answers, which a
correction by the Secretariat may have changed since), in any of the six languages."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from portal.multilingual import RIGHT_TO_LEFT
from surveys.answering.services import OTHER
from surveys.models import QuestionType, Reply, ReplySnapshot
from surveys.questionnaires.conditions import questions_shown
from surveys.questionnaires.printing import PrintTexts, print_date, print_number, running_label
from surveys.questionnaires.scales import FIXED_SCALES, OTHER_SPECIFY
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
    answer: SafeString = NO_ANSWER  # the answer in words, empty when not answered
    rows: list[tuple[SafeString, SafeString]] = field(default_factory=list)  # table answers
    files: list[str] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        return bool(self.answer or self.rows or self.files)


def _respondent_text(value: str) -> SafeString:
    """Text the respondent wrote, in whatever language: its direction is its own."""
    return format_html('<span dir="auto">{}</span>', linebreaksbr(value, autoescape=True))


def _label(question, value: str, text: PrintTexts) -> SafeString:
    if question.type in FIXED_SCALES and value in FIXED_SCALES[question.type]:
        return text(FIXED_SCALES[question.type][value])
    labels = {c.name: c.label for c in question.option_list}
    return text(labels[value]) if value in labels else format_html("{}", value)


def _with_other(question, names: list[str], other: str, text: PrintTexts) -> SafeString:
    labels = []
    for name in names:
        if name == OTHER:
            label = text(OTHER_SPECIFY)
            labels.append(format_html("{}: {}", label, _respondent_text(other)) if other else label)
        else:
            labels.append(_label(question, name, text))
    return format_html_join(SafeString("; "), "{}", ((label,) for label in labels))


def printed_answer(question, entry: dict | None, text: PrintTexts, language: str) -> PrintedAnswer:
    printed = PrintedAnswer(code=question.code, text=text(question.text), type=question.type)
    if not entry:
        return printed
    value, other = entry.get("value"), entry.get("other") or ""
    printed.files = [f["name"] for f in entry.get("files") or []]
    if value in (None, "", [], {}):
        return printed
    kind = question.type
    if kind in (QuestionType.YES_NO, QuestionType.YES_NO_PARTLY_DK, QuestionType.SINGLE_CHOICE):
        printed.answer = _with_other(question, [value], other, text)
    elif kind == QuestionType.MULTIPLE_CHOICE:
        printed.answer = _with_other(question, list(value), other, text)
    elif kind in (QuestionType.INTEGER, QuestionType.DECIMAL):
        try:
            number = print_number(Decimal(str(value)))
        except InvalidOperation:
            number = str(value)
        unit = text(question.unit)
        printed.answer = format_html("{} {}", number, unit) if unit else format_html("{}", number)
    elif kind == QuestionType.DATE:
        try:
            printed.answer = format_html(
                "{}", print_date(datetime.date.fromisoformat(value), language)
            )
        except (TypeError, ValueError):
            printed.answer = format_html("{}", value)
    elif kind == QuestionType.TABLE and isinstance(value, dict):
        printed.rows = [
            (
                text(row.label),
                _label(question, value[row.name], text) if value.get(row.name) else NO_ANSWER,
            )
            for row in question.row_list
        ]
    else:
        printed.answer = _respondent_text(str(value))
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
        "direction": "rtl" if language in RIGHT_TO_LEFT else "ltr",
        "version": version,
        "title": text(version.title),
        "reply": reply,
        "respondent": reply.respondent.running_text_name(language),
        "cycle": reply.cycle,
        "snapshot": snapshot,
        "submitted_at": formats.date_format(
            timezone.localtime(snapshot.submitted_at),
            "j F Y, H:i" if language == "en" else "DATETIME_FORMAT",
        ),
        "submitted_by": submitter.get_full_name() or submitter.username,
        "sections": sections,
        "supporting": [f["name"] for f in supporting],
        "running_label": f"{running_label(version)} · {reply.respondent.code} · "
        + _("Submission %(number)s") % {"number": snapshot.number},
    }
