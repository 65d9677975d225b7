"""Reading an uploaded reply workbook (see surveys.offline.services) into the changes it proposes,
or into the list of its problems, each with its question code, sheet and row. Saves nothing."""

import datetime
import unicodedata
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from surveys.answering.selectors import reply_answers
from surveys.answering.services import OTHER, AnswerInvalid, answer_clean
from surveys.exchange.workbook_guards import MAX_ROWS, float_text
from surveys.models import AnswerChange, Choice, Question, QuestionType, Reply
from surveys.offline.workbook import (
    ANSWERS,
    CHOICE_TYPES,
    FORMAT,
    INDEX,
    KEY_HEADERS,
    KEYS,
    LIST_SEPARATORS,
    choice_labels,
    letter,
    question_options,
    table_parts,
)
from surveys.questionnaires.scales import FIXED_SCALES

# What marks an option of a multiple choice as chosen, besides "Yes" in any of the six languages.
_MARKS = {"x", "✓", "✔", "1", "true"}
_UNMARKS = {"", "0", "false", "-"}


@dataclass
class ImportProblem:
    code: str  # the question's code; "" for the file as a whole
    where: str  # e.g. "Answers sheet, row 12, column E"
    message: str


@dataclass
class ProposedChange:
    """One answer the file would change. Kept in the session between preview and confirmation."""

    question_id: int
    code: str
    value: object  # as answer_clean gives it
    other_text: str
    base_revision: int  # the answer's revision when the file was downloaded
    current_revision: int  # its revision when the file was read
    conflict: bool  # changed on the portal since the download, and changed in the file too


@dataclass
class ImportReading:
    changes: list[ProposedChange] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    refused: str = ""  # why the file is refused as a whole (not a workbook, another reply...)
    # codes of answers changed on the portal since the download and left as they were in the file
    kept: list[str] = field(default_factory=list)
    unchanged: int = 0
    language: str = ""
    downloaded_at: str = ""

    @property
    def ok(self) -> bool:
        return not self.refused and not self.problems


def read_reply_workbook(reply: Reply, workbook) -> ImportReading:
    """The changes `workbook` (opened by openpyxl, read-only) proposes for `reply`, or its problems."""
    return _OfflineWorkbookReader(reply, workbook).read()


def _normal(text) -> str:
    """Labels compared as a person reads them: case, spacing and Unicode forms aside."""
    return " ".join(unicodedata.normalize("NFKC", str(text)).casefold().split())


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return float_text(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


@dataclass
class _Row:
    number: int
    code: str
    item: str
    answer: object
    other: str
    revision: int


class _OfflineWorkbookReader:
    def __init__(self, reply: Reply, workbook):
        self.reply = reply
        self.workbook = workbook
        self.reading = ImportReading()

    def problem(self, code: str, number: int | None, column: str | None, message: str) -> None:
        if number is None:
            where = _("%(sheet)s sheet") % {"sheet": ANSWERS}
        elif column is None:
            where = _("%(sheet)s sheet, row %(row)s") % {"sheet": ANSWERS, "row": number}
        else:
            where = _("%(sheet)s sheet, row %(row)s, column %(column)s") % {
                "sheet": ANSWERS, "row": number, "column": column,
            }  # fmt: skip
        # answer_clean's messages start with the code, which the list shows beside them
        message = message.removeprefix(f"{code}: ") if code else message
        self.reading.problems.append(ImportProblem(code, where, message))

    def refuse(self, message: str) -> ImportReading:
        return ImportReading(refused=message)

    def read(self) -> ImportReading:
        names = {n.strip().lower(): n for n in self.workbook.sheetnames}
        if KEYS.lower() not in names or ANSWERS.lower() not in names:
            return self.refuse(
                _(
                    "This is not a workbook downloaded from the portal for a reply. Download the "
                    "workbook of this reply, fill it in and upload it."
                )
            )
        meta = self._meta(self.workbook[names[KEYS.lower()]])
        refused = self._foreign(meta)
        if refused:
            return self.refuse(refused)
        self.reading.language = meta.get("language", "")
        self.reading.downloaded_at = meta.get("downloaded_at", "")
        rows = self._rows(self.workbook[names[ANSWERS.lower()]])
        if rows is None:
            return self.refuse(
                _(
                    "The key columns of the %(sheet)s sheet were moved or removed. Download the "
                    "workbook again and fill in only the answer columns."
                )
                % {"sheet": ANSWERS}
            )
        questions = {
            q.pk: q
            for q in Question.objects.filter(version_id=self.reply.cycle.version_id)
            .order_by("section__order", "order")
            .prefetch_related(
                Prefetch("choices", queryset=Choice.objects.order_by("kind", "order"))
            )
        }
        by_question: dict[int, list[_Row]] = {}
        for question_id, row in rows:
            question = questions.get(question_id)
            if question is None:
                self.problem(
                    row.code,
                    row.number,
                    None,
                    _("this row is not a question of this questionnaire"),
                )
            elif row.code and row.code != question.code:
                self.problem(
                    row.code, row.number, letter("code"),
                    _("the code was changed (the row is for question %(code)s)")
                    % {"code": question.code},
                )  # fmt: skip
            else:
                by_question.setdefault(question_id, []).append(row)
        answers = reply_answers(reply=self.reply)
        from_file = {}
        for question_id, question in questions.items():
            if question_id in by_question:
                found = self._value(question, by_question[question_id], answers.get(question_id))
                if found is not None:
                    from_file[question_id] = found
        if not self.reading.problems:
            self._compare(questions, answers, from_file)
        return self.reading

    def _meta(self, sheet) -> dict[str, str]:
        meta = {}
        for values in sheet.iter_rows(max_row=50, max_col=2, values_only=True):
            if values and values[0] is not None:
                meta[str(values[0]).strip()] = _cell_text(values[1] if len(values) > 1 else None)
        return meta

    def _foreign(self, meta: dict[str, str]) -> str:
        reply = self.reply
        if meta.get("format") != FORMAT:
            return _(
                "This is not a workbook downloaded from the portal for a reply. Download the "
                "workbook of this reply, fill it in and upload it."
            )
        if meta.get("reply") == str(reply.pk):
            return ""
        version = reply.cycle.version
        if meta.get("version") != str(version.pk):
            return _(
                "This workbook is for another questionnaire (%(file)s), not for this reply's "
                "(%(this)s). Nothing was imported."
            ) % {
                "file": meta.get("questionnaire", "?"),
                "this": f"{version.questionnaire.code} v{version.number}",
            }
        if meta.get("respondent") != reply.respondent.code:
            return _(
                "This workbook is the reply of another respondent (%(file)s), not of %(this)s. "
                "Nothing was imported."
            ) % {"file": meta.get("respondent", "?"), "this": reply.respondent.code}
        return _(
            "This workbook was downloaded for another reply (another cycle). Download the workbook "
            "of this reply. Nothing was imported."
        )

    def _rows(self, sheet) -> list[tuple[int, _Row]] | None:
        iterator = sheet.iter_rows(values_only=True)
        header = next(iterator, None) or ()
        first_key = INDEX["question_id"]
        found = tuple(_cell_text(v) for v in header[first_key : first_key + len(KEY_HEADERS)])
        if found != KEY_HEADERS:
            return None
        rows = []
        filled = 0
        for number, values in enumerate(iterator, start=2):
            if all(_is_blank(v) for v in values):
                continue
            filled += 1
            if filled > MAX_ROWS:
                self.problem("", None, None, _("more than %(rows)s rows") % {"rows": MAX_ROWS})
                break
            values = tuple(values) + (None,) * (first_key + len(KEY_HEADERS) - len(values))
            code = _cell_text(values[0])
            answer, other = values[INDEX["answer"]], values[INDEX["other"]]
            question_id, item, reply_id, revision = values[first_key : first_key + 4]
            if _is_blank(question_id):
                if not (_is_blank(answer) and _is_blank(other)):
                    self.problem(
                        code, number, None,
                        _("this row was added to the file: write answers only in the rows of the questions"),
                    )  # fmt: skip
                continue
            try:
                question_id, reply_id, revision = int(question_id), int(reply_id), int(revision)
            except (TypeError, ValueError):
                self.problem(
                    code, number, None, _("the hidden key columns of this row were changed")
                )
                continue
            if reply_id != self.reply.pk:
                self.problem(
                    code, number, None, _("this row was copied from another reply's workbook")
                )
                continue
            if revision < 0:
                self.problem(
                    code, number, None, _("the hidden key columns of this row were changed")
                )
                continue
            rows.append(
                (
                    question_id,
                    _Row(number, code, _cell_text(item), answer, _cell_text(other), revision),
                )
            )
        return rows

    # -- one question's value in the file --

    def _value(self, question: Question, rows: list[_Row], answer) -> tuple | None:
        """(value, other text, revision, first row number) as the file gives it, or None."""
        code = question.code
        if len({r.revision for r in rows}) > 1:
            self.problem(
                code, rows[0].number, None, _("the hidden key columns of this row were changed")
            )
            return None
        main = [r for r in rows if not r.item]
        items = [r for r in rows if r.item]
        if len(main) > 1:
            self.problem(code, main[1].number, None, _("the question appears twice in the file"))
            return None
        kind = question.type
        first = rows[0]
        if kind == QuestionType.FILE:
            return None
        current = answer.value if answer is not None else None
        other = ""
        if kind == QuestionType.MULTIPLE_CHOICE:
            value = self._multiple(question, items, current)
            other = next((r.other for r in items if r.item == OTHER), "")
            if main and main[0].other:
                other = other or main[0].other
        elif kind == QuestionType.TABLE:
            value = self._table(question, items, current)
        else:
            if not main:
                return None
            row = main[0]
            other = row.other
            value = self._single(question, row)
        if value is _INVALID:
            return None
        try:
            cleaned, other = answer_clean(question=question, value=value, other_text=other)
        except AnswerInvalid as invalid:
            self.problem(code, first.number, letter("answer"), str(invalid))
            return None
        return cleaned, other, first.revision, first.number

    def _labels(self, question: Question, names: list[tuple[str, dict]]) -> dict[str, str]:
        """normalised label -> name: the workbook's language first, then any language or name."""
        language = self.reading.language
        fallback = self.reply.cycle.version.original_language
        mapping: dict[str, str] = {}
        for name, label in choice_labels(names, language, fallback):
            mapping.setdefault(_normal(label), name)
        for name, texts in names:
            mapping.setdefault(_normal(name), name)
            for text in texts.values():
                if text:
                    mapping.setdefault(_normal(text), name)
        return mapping

    def _single(self, question: Question, row: _Row):
        kind = question.type
        value = row.answer
        if kind in CHOICE_TYPES:
            if _is_blank(value):
                return None
            mapping = self._labels(question, question_options(question))
            name = mapping.get(_normal(_cell_text(value)))
            if name is None:
                self._unknown(question, row, value, question_options(question))
                return _INVALID
            return name
        if kind in (QuestionType.INTEGER, QuestionType.DECIMAL):
            if isinstance(value, bool):
                return str(value)
            return _cell_text(value) if not isinstance(value, str) else value
        if kind == QuestionType.DATE:
            if isinstance(value, int | float) and not isinstance(value, bool):
                self.problem(
                    question.code, row.number, letter("answer"),
                    _("give a date as year-month-day, e.g. 2026-12-31"),
                )  # fmt: skip
                return _INVALID
            return _cell_text(value)
        return value if isinstance(value, str) else _cell_text(value)

    def _unknown(self, question: Question, row: _Row, value, names) -> None:
        language = self.reading.language
        labels = choice_labels(names, language, self.reply.cycle.version.original_language)
        offered = LIST_SEPARATORS.get(language, "; ").join(label for _name, label in labels)
        self.problem(
            question.code, row.number, letter("answer"),
            _("“%(value)s” is not one of the answers offered (%(offered)s)")
            % {"value": _cell_text(value), "offered": offered},
        )  # fmt: skip

    def _multiple(self, question: Question, items: list[_Row], current):
        options = question_options(question)
        names = {name for name, _texts in options}
        chosen = set(current or [])
        yes = {_normal(t) for t in FIXED_SCALES["yes_no"]["yes"].values()} | _MARKS
        no = {_normal(t) for t in FIXED_SCALES["yes_no"]["no"].values()} | _UNMARKS
        valid = True
        for row in items:
            if row.item not in names:
                self.problem(
                    question.code, row.number, None, _("this row is not an answer of this question")
                )
                valid = False
                continue
            mark = _normal(_cell_text(row.answer))
            if mark in yes:
                chosen.add(row.item)
            elif mark in no:
                chosen.discard(row.item)
            else:
                self.problem(
                    question.code, row.number, letter("answer"),
                    _("write “%(yes)s” beside each answer that applies, or leave the cell empty")
                    % {"yes": FIXED_SCALES["yes_no"]["yes"].get(self.reading.language, "Yes")},
                )  # fmt: skip
                valid = False
        return [name for name, _texts in options if name in chosen] if valid else _INVALID

    def _table(self, question: Question, items: list[_Row], current):
        table_rows, columns = table_parts(question)
        rows = {name for name, _texts in table_rows}
        mapping = self._labels(question, columns)
        value = dict(current or {})
        valid = True
        for row in items:
            if row.item not in rows:
                self.problem(
                    question.code, row.number, None, _("this row is not a row of this table")
                )
                valid = False
            elif _is_blank(row.answer):
                value.pop(row.item, None)
            elif (name := mapping.get(_normal(_cell_text(row.answer)))) is not None:
                value[row.item] = name
            else:
                self._unknown(question, row, row.answer, columns)
                valid = False
        return value if valid else _INVALID

    # -- what would change --

    def _compare(self, questions, answers, from_file) -> None:
        stale = {}
        for question_id, (value, other, revision, number) in from_file.items():
            question = questions[question_id]
            answer = answers.get(question_id)
            now = (answer.value, answer.other_text) if answer else (None, "")
            current_revision = answer.revision if answer else 0
            if (value, other) == now:
                self.reading.unchanged += 1
                continue
            change = ProposedChange(
                question.pk, question.code, value, other, revision, current_revision, False
            )
            if revision == current_revision:
                self.reading.changes.append(change)
            elif revision > current_revision:
                self.problem(
                    question.code,
                    number,
                    None,
                    _("the hidden key columns of this row were changed"),
                )
            else:
                stale[(answer.pk, revision)] = change
        if self.reading.problems or not stale:
            return
        # Answers saved on the portal since the download: what were they when the file was made?
        then = {
            (c["answer_id"], c["revision"]): (c["new_value"], c["new_other_text"])
            for c in AnswerChange.objects.filter(
                reduce(or_, (Q(answer_id=a, revision=r) for a, r in stale))
            ).values("answer_id", "revision", "new_value", "new_other_text")
        }
        for key, change in stale.items():
            at_download = then.get(key, (None, "")) if key[1] else (None, "")
            if (change.value, change.other_text) == at_download:
                self.reading.kept.append(change.code)  # not changed in the file: theirs stays
            else:
                change.conflict = True
                self.reading.changes.append(change)
        order = {q: i for i, q in enumerate(questions)}
        self.reading.changes.sort(key=lambda c: order[c.question_id])


_INVALID = object()
