"""The extract's workbook, sheet by sheet: the answers (one row per respondent, one column per
question code, split per choice and per table cell), the coding, the assistance requests and a
sheet about the extract. surveys.extracts.services.reply_extract_write calls the writers in turn.

Rows come from the database as plain tuples through server-side cursors, one group of replies at a
time is pivoted from long (reply, column, cell) to wide with pandas, and rows go straight to an
openpyxl write-only workbook. Every stream is ordered by respondent code, so the replies, their
answers and their files are merged as they go by.
"""

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import pandas as pd
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl.styles import Alignment, Font

from portal.development import LDC, LLDC, SIDS, group_names, groups_of
from portal.models import RegionalGroup, RespondentType
from portal.multilingual import in_language, text_and_language, without_article
from portal.workbooks import new_cell, safe_row
from surveys.answering.rendering import AnswerWords, answer_text
from surveys.cycles.groups import post_conflict_codes
from surveys.extracts.columns import FIXED_COLUMNS, answer_columns
from surveys.models import (
    Answer,
    AnswerTheme,
    AssistanceRequest,
    Attachment,
    Cycle,
    Decision,
    Priority,
    Purpose,
    Reply,
    ReplyStatus,
    RequestStatus,
    UsefulPractice,
)
from surveys.questionnaires.conditions import questions_shown

Progress = Callable[[int, str], None]

# Every reply that holds answers; "not started" ones have none. The status is a column.
EXTRACT_STATUSES = (
    ReplyStatus.IN_PROGRESS,
    ReplyStatus.SUBMITTED,
    ReplyStatus.RETURNED,
    ReplyStatus.RESUBMITTED,
    ReplyStatus.ACCEPTED,
)
CHUNK_SIZE = 2000  # rows fetched from the database at a time
REPLIES_PER_PIVOT = 50  # replies pivoted to wide rows at a time
PROGRESS_EVERY = 1.0  # seconds between progress reports while writing rows
STAGE_ANSWERS = gettext_noop("Writing the answers")


@dataclass
class ExtractFacts:
    rows: int  # respondents
    columns: int  # columns of the answers sheet
    coded_answers: int
    requests: int


# --- Streams ------------------------------------------------------------------------------------


class _Groups:
    """Rows of an ordered stream taken group by group: `take(key)` returns the rows at the head
    of the stream whose first item is `key`. Streams ordered like the replies merge with them."""

    def __init__(self, rows: Iterable[tuple]):
        self._rows = iter(rows)
        self._head = next(self._rows, None)

    def take(self, key) -> list[tuple]:
        taken = []
        while self._head is not None and self._head[0] == key:
            taken.append(self._head)
            self._head = next(self._rows, None)
        return taken


def _chunked(items: Iterator, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- The workbook -------------------------------------------------------------------------------

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def _header(sheet, values: list, *, bold=True) -> list:
    cells = []
    for value in values:
        cell = new_cell(sheet, value)
        if bold:
            cell.font = BOLD
        cells.append(cell)
    return cells


def _row(sheet, values: list) -> list:
    """A data row; text stays text (portal.workbooks), numbers and dates keep their type."""
    return safe_row(sheet, values)


def _respondent_name(names: dict, language: str) -> str:
    return without_article(in_language(names, language))


def _reply_rows(cycle: Cycle):
    return (
        Reply.objects.filter(cycle=cycle, status__in=EXTRACT_STATUSES)
        .order_by("respondent__code", "pk")
        .values_list(
            "pk",
            "respondent__code",
            "respondent__name",
            "respondent__type__name",
            "respondent__regional_group",
            "status",
            "submitted_at",
            "respondent__type__code",
            "respondent__is_ldc",
            "respondent__is_lldc",
            "respondent__is_sids",
        )
    )


def _groups_cell(reply: tuple, post_conflict: frozenset[str]) -> str | None:
    """The development groups of a reply's respondent, as the extract's column writes them."""
    code, type_code, ldc, lldc, sids = reply[1], *reply[7:]
    groups = groups_of(
        code,
        is_state=type_code == RespondentType.MEMBER_STATE,
        flags={LDC: ldc, LLDC: lldc, SIDS: sids},
        post_conflict=post_conflict,
    )
    return group_names(groups) or None


def _long_cells(reply_id, stored, names, *, codes, relevance, placing) -> list[tuple]:
    """One reply's cells in long form: (reply, column, cell) for each cell that has something.
    `stored` are its answers' rows, `names` its files' names by question id."""
    values = {codes[q]: value for _r, q, value, _o in stored if q in codes}
    values.update({codes[q]: True for q in names if q in codes})
    shown = questions_shown(relevance, values)
    texts = {q: (value, other) for _r, q, value, other in stored}
    long = []
    for question_id in set(texts) | set(names):
        where = placing.get(question_id)
        if where is None or where.question.code not in shown:
            continue  # a question hidden by an earlier answer says nothing
        value, other = texts.get(question_id, (None, ""))
        for offset, cell in enumerate(where.cells(value, other, names.get(question_id, []))):
            if cell is not None:
                long.append((reply_id, where.start + offset, cell))
    return long


def write_answers(sheet, *, cycle, version, language, progress, total) -> int:
    """The answers sheet: one row per reply, in order of respondent code. Returns its width."""
    questions = [q for section in version.section_list for q in section.question_list]
    columns, placing = answer_columns(questions, language, version.original_language)
    sheet.freeze_panes = "C3"
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 32
    sheet.append(_header(sheet, [c.code for c in columns]))
    sheet.append(_header(sheet, [c.label for c in columns], bold=False))

    relevance = [(q.code, q.relevance) for q in questions]
    codes = {q.pk: q.code for q in questions}
    group_labels = dict(RegionalGroup.choices)
    status_labels = dict(ReplyStatus.choices)
    post_conflict = post_conflict_codes(cycle)
    replies_filter = {"reply__cycle": cycle, "reply__status__in": EXTRACT_STATUSES}
    answers = _Groups(
        Answer.objects.filter(**replies_filter)
        .order_by("reply__respondent__code", "reply_id")
        .values_list("reply_id", "question_id", "value", "other_text")
        .iterator(chunk_size=CHUNK_SIZE)
    )
    files = _Groups(
        Attachment.objects.filter(**replies_filter, question__isnull=False, removed_at__isnull=True)
        .order_by("reply__respondent__code", "reply_id", "uploaded_at", "pk")
        .values_list("reply_id", "question_id", "original_name")
        .iterator(chunk_size=CHUNK_SIZE)
    )
    width = len(columns)
    written, last_report = 0, time.monotonic()
    replies = _reply_rows(cycle).iterator(chunk_size=CHUNK_SIZE)
    for group in _chunked(replies, REPLIES_PER_PIVOT):
        # Long form: one (reply, column, cell) per cell that has something, for this group only.
        long = []
        for reply_id, *_rest in group:
            names: dict[int, list[str]] = {}
            for _reply, question_id, name in files.take(reply_id):
                names.setdefault(question_id, []).append(name)
            long += _long_cells(
                reply_id, answers.take(reply_id), names,
                codes=codes, relevance=relevance, placing=placing,
            )  # fmt: skip
        wide = (
            pd.DataFrame(long, columns=["reply", "column", "cell"], dtype=object)
            .pivot(index="reply", columns="column", values="cell")
            .reindex(index=[reply[0] for reply in group], columns=range(FIXED_COLUMNS, width))
            .astype(object)
        )
        wide = wide.where(wide.notna(), None)
        for reply, cells in zip(group, wide.itertuples(index=False, name=None), strict=True):
            _pk, code, name, type_name, region, status, submitted = reply[:7]
            sheet.append(
                _row(
                    sheet,
                    [
                        code,
                        _respondent_name(name, language),
                        in_language(type_name, language),
                        str(group_labels.get(region, region or "")) or None,
                        _groups_cell(reply, post_conflict),
                        str(status_labels.get(status, status)),
                        timezone.localtime(submitted).replace(tzinfo=None) if submitted else None,
                        *cells,
                    ],
                )
            )
        written += len(group)
        if time.monotonic() - last_report >= PROGRESS_EVERY:
            last_report = time.monotonic()
            progress(10 + 70 * written // max(total, 1), STAGE_ANSWERS)
    return width


def write_coding(sheet, *, cycle, version, language) -> int:
    """The coding sheet: each coded answer with its themes and useful practice."""
    questions = {q.code: q for section in version.section_list for q in section.question_list}
    words = AnswerWords(language, version.original_language)
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJ", (14, 28, 10, 22, 60, 30, 40, 10, 50, 10), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.append(
        _header(
            sheet,
            [
                _("Respondent code"),
                _("Respondent"),
                _("Question"),
                _("Analytical purpose"),
                _("Answer"),
                _("Themes (codes)"),
                _("Themes"),
                _("Useful practice featured"),
                _("Short summary"),
                _("Language of the summary"),
            ],
        )
    )
    accepted = AnswerTheme.objects.filter(answer=OuterRef("pk"), decision=Decision.ACCEPTED)
    practice = UsefulPractice.objects.filter(answer=OuterRef("pk"))
    order = ["reply__respondent__code", "question__section__order", "question__order", "pk"]
    coded = (
        Answer.objects.filter(reply__cycle=cycle, reply__status__in=EXTRACT_STATUSES)
        .filter(Exists(accepted) | Exists(practice))
        .order_by(*order)
        .values_list(
            "pk",
            "reply__respondent__code",
            "reply__respondent__name",
            "question__code",
            "question__purpose",
            "value",
            "other_text",
            "useful_practice__featured",
            "useful_practice__summary",
        )
        .iterator(chunk_size=CHUNK_SIZE)
    )
    themes = _Groups(
        AnswerTheme.objects.filter(
            decision=Decision.ACCEPTED,
            answer__reply__cycle=cycle,
            answer__reply__status__in=EXTRACT_STATUSES,
        )
        .order_by(*[f"answer__{field}" for field in order], "theme__order", "theme__code")
        .values_list("answer_id", "theme__code", "theme__label")
        .iterator(chunk_size=CHUNK_SIZE)
    )
    purposes = dict(Purpose.choices)
    yes, no = _("Yes"), _("No")
    count = 0
    for row in coded:
        pk, code, name, question, purpose, value, other, featured, summaries = row
        summary, summary_lang = text_and_language(summaries, language)  # else in another one
        tagged = themes.take(pk)
        sheet.append(
            _row(
                sheet,
                [
                    code,
                    _respondent_name(name, language),
                    question,
                    str(purposes.get(purpose, purpose)),
                    answer_text(questions[question], value, other, words),
                    "; ".join(theme_code for _a, theme_code, _l in tagged) or None,
                    "; ".join(in_language(label, language) for _a, _c, label in tagged) or None,
                    None if featured is None else (yes if featured else no),
                    summary or None,
                    summary_lang if summary else None,
                ],
            )
        )
        count += 1
    return count


def write_requests(sheet, *, cycle, language) -> int:
    sheet.freeze_panes = "A2"
    headings = [
        _("Number"),
        _("Respondent code"),
        _("Respondent"),
        _("Question"),
        _("Cluster"),
        _("Standards"),
        _("Area"),
        _("Status"),
        _("Priority"),
        _("Description"),
        _("Language"),
        _("Received"),
        _("Updated"),
    ]
    for letter, width in zip("ABCDEFGHIJKLM", (8, 14, 28, 10, 30, 24, 28, 16, 10, 60, 9, 12, 12),
                             strict=True):  # fmt: skip
        sheet.column_dimensions[letter].width = width
    sheet.append(_header(sheet, headings))
    requests = AssistanceRequest.objects.filter(reply__cycle=cycle)
    order = ["reply__respondent__code", "pk"]
    standards = _Groups(
        AssistanceRequest.standards.through.objects.filter(assistancerequest__reply__cycle=cycle)
        .order_by(*[f"assistancerequest__{field}" for field in order], "standard__code")
        .values_list("assistancerequest_id", "standard__code")
        .iterator(chunk_size=CHUNK_SIZE)
    )
    statuses, priorities = dict(RequestStatus.choices), dict(Priority.choices)
    count = 0
    rows = (
        requests.order_by(*order)
        .values_list(
            "pk",
            "respondent__code",
            "respondent__name",
            "answer__question__code",
            "cluster__letter",
            "cluster__title",
            "area__label",
            "status",
            "priority",
            "description",
            "language",
            "created_at",
            "updated_at",
        )
        .iterator(chunk_size=CHUNK_SIZE)
    )
    for row in rows:
        pk, code, name, question, letter, title, area, status, priority, text, lang, at, up = row
        sheet.append(
            _row(
                sheet,
                [
                    pk,
                    code,
                    _respondent_name(name, language),
                    question,
                    f"({letter}) {in_language(title, language)}" if letter else None,
                    "; ".join(c for _r, c in standards.take(pk)) or None,
                    in_language(area, language) if area else None,
                    str(statuses.get(status, status)),
                    str(priorities.get(priority, priority)),
                    text,
                    lang,
                    timezone.localtime(at).date(),
                    timezone.localtime(up).date(),
                ],
            )
        )
        count += 1
    return count


def write_about(sheet, *, cycle, version, language, by, facts: ExtractFacts) -> None:
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 90
    generated = timezone.localtime()
    statuses = ", ".join(str(label) for value, label in ReplyStatus.choices
                         if value in EXTRACT_STATUSES)  # fmt: skip
    lines = [
        (_("Cycle"), in_language(cycle.title, language)),
        (_("Commission session"), in_language(cycle.commission_session, language)),
        (
            _("Questionnaire"),
            f"{version.questionnaire.code} · "
            f"{in_language(version.title, language, fallback=version.original_language)}",
        ),
        (_("Questionnaire version"), version.number),
        (_("Generated"), generated.replace(tzinfo=None, microsecond=0)),
        (_("Generated by"), (by.get_full_name() or by.username) if by else ""),
        (_("Replies included (by status)"), statuses),
        (_("Respondents (rows)"), facts.rows),
        (_("Columns of the answers sheet"), facts.columns),
        (_("Coded answers"), facts.coded_answers),
        (_("Technical-assistance requests"), facts.requests),
        (_("Language of the labels"), language),
        (
            _("How to read the answers"),
            _(
                "First row: the question codes; second row: the questions. A multiple choice has "
                "one column per choice (1 chosen, 0 not); a table one column per row and column "
                "(1 chosen, 0 not); a file question the names of the files. Answers to a question "
                "that an earlier answer makes irrelevant are left out. Numbers and dates are "
                "cells of their own type."
            ),
        ),
    ]
    sheet.append(_header(sheet, [_("About this extract"), ""]))
    for name, value in lines:
        label = new_cell(sheet, str(name))
        label.font = BOLD
        cell = new_cell(sheet, value)
        if isinstance(value, str):
            cell.alignment = WRAP
        sheet.append([label, cell])
