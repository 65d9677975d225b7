"""The staff's XLSX extract of a cycle: every answer, one row per respondent, one column per
question code (split per choice and per table cell), with the coding and the assistance requests
on sheets of their own. Built by a Celery job (surveys.extracts.tasks.reply_extract_build), never in a
request.

Memory stays flat whatever the size of the cycle: answers come from the database as plain tuples
through server-side cursors (`.iterator(chunk_size=...)`), one group of replies at a time is
pivoted from long (reply, column, cell) to wide with pandas, and rows go straight to an openpyxl
write-only workbook, which streams each sheet to a temporary file. Every stream is ordered by
respondent code, so the replies, their answers and their files are merged as they go by.
"""

import datetime
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pandas as pd
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

from portal.jobs import ACTIVE_STATUSES, job_enqueue
from portal.models import RegionalGroup, User
from portal.multilingual import in_language, language_code, without_article
from surveys.models import (
    Answer,
    AnswerTheme,
    AssistanceRequest,
    Attachment,
    Cycle,
    Decision,
    Priority,
    Purpose,
    Question,
    QuestionType,
    Reply,
    ReplyExtract,
    ReplyStatus,
    RequestStatus,
    UsefulPractice,
)
from surveys.questionnaires.conditions import questions_shown
from surveys.questionnaires.scales import FIXED_SCALES, OTHER_SPECIFY
from surveys.questionnaires.selectors import version_with_content

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
OTHER = "other"

# Stages, stored in English on the job row and translated where they are shown.
STAGE_QUESTIONNAIRE = gettext_noop("Reading the questionnaire")
STAGE_ANSWERS = gettext_noop("Writing the answers")
STAGE_CODING = gettext_noop("Writing the coding")
STAGE_REQUESTS = gettext_noop("Writing the assistance requests")
STAGE_SAVING = gettext_noop("Saving the file")


class ExtractRefused(Exception):
    """The extract cannot be asked for; the message says why."""


# --- Requesting ---------------------------------------------------------------------------------


def reply_extract_request(*, cycle: Cycle, by: User) -> ReplyExtract:
    """Ask for a new extract of `cycle` (Secretariat staff only). While one is queued or being
    built, asking again returns that one: the same extract is never built twice at once."""
    if not (by.is_authenticated and by.is_secretariat):
        raise PermissionDenied
    with transaction.atomic():
        # Two clicks at once: the second waits for the first's row, then finds it.
        Cycle.objects.select_for_update().filter(pk=cycle.pk).first()
        active = (
            ReplyExtract.objects.filter(cycle=cycle, status__in=ACTIVE_STATUSES)
            .order_by("-requested_at", "-pk")
            .first()
        )
        if active is not None:
            return active
        extract = ReplyExtract.objects.create(cycle=cycle, requested_by=by)
        job_enqueue(job=extract)
    return extract


# --- Columns ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    code: str  # first header row: stable, for formulas and scripts
    label: str  # second header row: for people, in the extract's language


@dataclass
class QuestionColumns:
    """Where one question's answer goes: its first column and how a value becomes cells."""

    question: Question
    start: int
    width: int
    cells: Callable[[object, str, list[str]], list]


@dataclass
class ExtractFacts:
    rows: int  # respondents
    columns: int  # columns of the answers sheet
    coded_answers: int
    requests: int


def _text(texts, language, fallback) -> str:
    return in_language(texts, language, fallback=fallback)


def _safe(value):
    """A cell that shows text as text: no control characters (which XLSX cannot hold), and no
    formula (a respondent's "=HYPERLINK(...)" stays words on the staff's screen)."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _number(value):
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return str(value)
    return int(number) if number == number.to_integral_value() else number


def _date(value):
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return str(value)


def _question_columns(
    question: Question, start: int, language: str, fallback: str
) -> tuple[list[Column], QuestionColumns]:
    code, kind = question.code, question.type
    text = _text(question.text, language, fallback)
    other_label = f"{text}: {OTHER_SPECIFY.get(language, OTHER_SPECIFY['en'])}"
    options = question.option_list
    option_labels = {c.name: _text(c.label, language, fallback) for c in options}

    if kind in (QuestionType.YES_NO, QuestionType.YES_NO_PARTLY_DK, QuestionType.SINGLE_CHOICE):
        if kind in FIXED_SCALES:
            option_labels = {name: labels.get(language, labels["en"]) for name, labels in
                             FIXED_SCALES[kind].items()}  # fmt: skip
        option_labels[OTHER] = OTHER_SPECIFY.get(language, OTHER_SPECIFY["en"])
        columns = [Column(code, text)]
        if question.other_specify:
            columns.append(Column(f"{code}/other_text", other_label))

        def cells(value, other_text, files):
            shown = option_labels.get(value, value) if isinstance(value, str) else value
            return [shown, other_text or None][: len(columns)]

    elif kind == QuestionType.MULTIPLE_CHOICE:
        names = [c.name for c in options] + ([OTHER] if question.other_specify else [])
        columns = [Column(f"{code}/{c.name}", f"{text}: {option_labels[c.name]}") for c in options]
        if question.other_specify:
            columns += [
                Column(f"{code}/other", other_label),
                Column(f"{code}/other_text", f"{other_label} ({_('text')})"),
            ]

        def cells(value, other_text, files):
            chosen = set(value if isinstance(value, list) else str(value).split())
            row = [1 if name in chosen else 0 for name in names]
            return row + ([other_text or None] if question.other_specify else [])

    elif kind == QuestionType.TABLE:
        rows = question.row_list
        columns = [
            Column(
                f"{code}/{r.name}/{c.name}",
                f"{text}: {_text(r.label, language, fallback)} / {option_labels[c.name]}",
            )
            for r in rows
            for c in options
        ]
        pairs = [(r.name, c.name) for r in rows for c in options]

        def cells(value, other_text, files):
            value = value if isinstance(value, dict) else {}

            def chosen(row, column):
                cell = value.get(row)
                return column in cell if isinstance(cell, list) else cell == column

            return [(1 if chosen(r, c) else 0) if r in value else None for r, c in pairs]

    elif kind == QuestionType.FILE:
        columns = [Column(code, text)]

        def cells(value, other_text, files):
            return ["; ".join(files) or None]

    else:
        unit = _text(question.unit, language, fallback)
        columns = [Column(code, f"{text} ({unit})" if unit else text)]
        convert = {
            QuestionType.INTEGER: _number,
            QuestionType.DECIMAL: _number,
            QuestionType.DATE: _date,
        }.get(kind, _safe)

        def cells(value, other_text, files):
            return [None if value in (None, "") else convert(value)]

    return columns, QuestionColumns(question, start, len(columns), cells)


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
        cell = WriteOnlyCell(sheet, value=_safe(value))
        cell.data_type = "s" if isinstance(value, str) else cell.data_type
        if bold:
            cell.font = BOLD
        cells.append(cell)
    return cells


def _row(sheet, values: list) -> list:
    """A data row; text cells that look like formulas are kept as text."""
    row = []
    for value in values:
        if isinstance(value, str) and value.startswith("="):
            cell = WriteOnlyCell(sheet, value=_safe(value))
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(_safe(value))
    return row


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
        )
    )


def _write_answers(sheet, *, cycle, version, language, progress, total) -> int:
    fallback = version.original_language
    questions = [q for section in version.section_list for q in section.question_list]
    fixed = [
        Column("respondent_code", _("Respondent code")),
        Column("respondent", _("Respondent")),
        Column("respondent_type", _("Type")),
        Column("regional_group", _("Regional group")),
        Column("status", _("Status")),
        Column("submitted_at", _("Submitted")),
    ]
    columns, placing = list(fixed), {}
    for question in questions:
        more, where = _question_columns(question, len(columns), language, fallback)
        columns += more
        placing[question.pk] = where
    sheet.freeze_panes = "C3"
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 32
    sheet.append(_header(sheet, [c.code for c in columns]))
    sheet.append(_header(sheet, [c.label for c in columns], bold=False))

    relevance = [(q.code, q.relevance) for q in questions]
    codes = {q.pk: q.code for q in questions}
    group_labels = dict(RegionalGroup.choices)
    status_labels = dict(ReplyStatus.choices)
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
            stored = answers.take(reply_id)
            names: dict[int, list[str]] = {}
            for _reply, question_id, name in files.take(reply_id):
                names.setdefault(question_id, []).append(name)
            values = {codes[q]: value for _r, q, value, _o in stored if q in codes}
            values.update({codes[q]: True for q in names if q in codes})
            shown = questions_shown(relevance, values)
            texts = {q: (value, other) for _r, q, value, other in stored}
            for question_id in set(texts) | set(names):
                where = placing.get(question_id)
                if where is None or where.question.code not in shown:
                    continue  # a question hidden by an earlier answer says nothing
                value, other = texts.get(question_id, (None, ""))
                for offset, cell in enumerate(
                    where.cells(value, other, names.get(question_id, []))
                ):
                    if cell is not None:
                        long.append((reply_id, where.start + offset, cell))
        wide = (
            pd.DataFrame(long, columns=["reply", "column", "cell"], dtype=object)
            .pivot(index="reply", columns="column", values="cell")
            .reindex(index=[reply[0] for reply in group], columns=range(len(fixed), width))
            .astype(object)
        )
        wide = wide.where(wide.notna(), None)
        for reply, cells in zip(group, wide.itertuples(index=False, name=None), strict=True):
            _pk, code, name, type_name, region, status, submitted = reply
            sheet.append(
                _row(
                    sheet,
                    [
                        code,
                        _respondent_name(name, language),
                        in_language(type_name, language),
                        str(group_labels.get(region, region or "")) or None,
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


def _answer_text(value, other_text: str) -> str:
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    elif isinstance(value, dict):
        value = "; ".join(f"{k}: {v}" for k, v in value.items())
    text = "" if value is None else str(value)
    return f"{text} ({other_text})" if other_text else text


def _write_coding(sheet, *, cycle, language) -> int:
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
            "useful_practice__summary_language",
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
        pk, code, name, question, purpose, value, other, featured, summary, summary_lang = row
        tagged = themes.take(pk)
        sheet.append(
            _row(
                sheet,
                [
                    code,
                    _respondent_name(name, language),
                    question,
                    str(purposes.get(purpose, purpose)),
                    _answer_text(value, other),
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


def _write_requests(sheet, *, cycle, language) -> int:
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


def _write_about(sheet, *, cycle, version, language, by, facts: ExtractFacts) -> None:
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 90
    generated = timezone.localtime()
    statuses = ", ".join(str(label) for value, label in ReplyStatus.choices
                         if value in EXTRACT_STATUSES)  # fmt: skip
    lines = [
        (_("Cycle"), cycle.title),
        (_("Commission session"), cycle.commission_session),
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
        label = WriteOnlyCell(sheet, value=str(name))
        label.font = BOLD
        cell = WriteOnlyCell(sheet, value=_safe(value))
        if isinstance(value, str):
            cell.data_type = "s"
            cell.alignment = WRAP
        sheet.append([label, cell])


def reply_extract_write(
    *, cycle: Cycle, path: Path, language: str = "en", by: User | None = None,
    progress: Progress = lambda percent, stage: None,
) -> ExtractFacts:  # fmt: skip
    """Write the extract of `cycle` to `path`, labels in `language`. A fixed number of queries,
    whatever the number of replies; rows are streamed, never all held at once."""
    language = language_code(language)
    with translation.override(language):
        progress(2, STAGE_QUESTIONNAIRE)
        version = version_with_content(pk=cycle.version_id)
        total = Reply.objects.filter(cycle=cycle, status__in=EXTRACT_STATUSES).count()
        workbook = Workbook(write_only=True)
        answers_sheet = workbook.create_sheet(_("Answers")[:31])
        coding_sheet = workbook.create_sheet(_("Coding")[:31])
        requests_sheet = workbook.create_sheet(_("Assistance requests")[:31])
        about_sheet = workbook.create_sheet(_("About")[:31])
        progress(10, STAGE_ANSWERS)
        width = _write_answers(
            answers_sheet,
            cycle=cycle,
            version=version,
            language=language,
            progress=progress,
            total=total,
        )
        progress(80, STAGE_CODING)
        coded = _write_coding(coding_sheet, cycle=cycle, language=language)
        progress(88, STAGE_REQUESTS)
        requests = _write_requests(requests_sheet, cycle=cycle, language=language)
        facts = ExtractFacts(rows=total, columns=width, coded_answers=coded, requests=requests)
        _write_about(
            about_sheet, cycle=cycle, version=version, language=language, by=by, facts=facts
        )
        progress(95, STAGE_SAVING)
        workbook.save(path)
    return facts


def reply_extract_filename(extract: ReplyExtract) -> str:
    stamp = timezone.localtime(extract.requested_at or timezone.now()).strftime("%Y%m%d-%H%M")
    return f"{slugify(extract.cycle.title)[:60] or 'cycle'}-{stamp}.xlsx"


def reply_extract_build(*, extract: ReplyExtract, progress: Progress) -> ExtractFacts:
    """Build the workbook of `extract` (the job's work, see portal.jobs.job_run): written to a
    temporary file, then saved to storage; the row gets the file and the number of rows. Labels
    are in the requesting person's preferred language."""
    extract = ReplyExtract.objects.select_related("cycle", "requested_by").get(pk=extract.pk)
    by = extract.requested_by
    with tempfile.TemporaryDirectory(prefix="extract-") as folder:
        path = Path(folder) / "extract.xlsx"
        facts = reply_extract_write(
            cycle=extract.cycle,
            path=path,
            language=by.preferred_language,
            by=by,
            progress=progress,
        )
        with path.open("rb") as handle:
            extract.file.save(reply_extract_filename(extract), File(handle), save=False)
    ReplyExtract.objects.filter(pk=extract.pk).update(file=extract.file.name, row_count=facts.rows)
    return facts
