"""The columns of an extract's answers sheet: the respondent's, then one per question code, split
per choice and per table cell; each question says how its stored answer becomes cells."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from portal.multilingual import in_language
from portal.workbooks import safe_cell_value
from surveys.models import Question, QuestionType
from surveys.questionnaires.scales import FIXED_SCALES, OTHER_SPECIFY

OTHER = "other"


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


def _text(texts, language, fallback) -> str:
    return in_language(texts, language, fallback=fallback)


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


def _choice_columns(question: Question, texts: "_Texts") -> tuple[list[Column], Callable]:
    """A yes/no or single choice: the label chosen, and what "other" says."""
    code, kind = question.code, question.type
    option_labels = dict(texts.options)
    if kind in FIXED_SCALES:
        option_labels = {name: labels.get(texts.language, labels["en"]) for name, labels in
                         FIXED_SCALES[kind].items()}  # fmt: skip
    option_labels[OTHER] = texts.other
    columns = [Column(code, texts.question)]
    if question.other_specify:
        columns.append(Column(f"{code}/other_text", texts.other_label))

    def cells(value, other_text, files):
        shown = option_labels.get(value, value) if isinstance(value, str) else value
        return [shown, other_text or None][: len(columns)]

    return columns, cells


def _multiple_choice_columns(question: Question, texts: "_Texts") -> tuple[list[Column], Callable]:
    """A multiple choice: one column per choice (1 chosen, 0 not), and what "other" says."""
    code, options = question.code, question.option_list
    labels = dict(texts.options)
    names = [c.name for c in options] + ([OTHER] if question.other_specify else [])
    columns = [Column(f"{code}/{c.name}", f"{texts.question}: {labels[c.name]}") for c in options]
    if question.other_specify:
        columns += [
            Column(f"{code}/other", texts.other_label),
            Column(f"{code}/other_text", f"{texts.other_label} ({_('text')})"),
        ]

    def cells(value, other_text, files):
        chosen = set(value if isinstance(value, list) else str(value).split())
        row = [1 if name in chosen else 0 for name in names]
        return row + ([other_text or None] if question.other_specify else [])

    return columns, cells


def _table_columns(question: Question, texts: "_Texts") -> tuple[list[Column], Callable]:
    """A table: one column per row and column (1 chosen, 0 not; empty for a row not answered)."""
    code, options, rows = question.code, question.option_list, question.row_list
    labels = dict(texts.options)
    columns = [
        Column(
            f"{code}/{r.name}/{c.name}",
            f"{texts.question}: {texts.label(r.label)} / {labels[c.name]}",
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

    return columns, cells


def _single_columns(question: Question, texts: "_Texts") -> tuple[list[Column], Callable]:
    """A file question (the names of its files), or a value of its own type in one cell."""
    if question.type == QuestionType.FILE:
        return [Column(question.code, texts.question)], lambda value, other_text, files: [
            "; ".join(files) or None
        ]
    unit = texts.label(question.unit)
    columns = [Column(question.code, f"{texts.question} ({unit})" if unit else texts.question)]
    converters: dict[str, Callable[[Any], Any]] = {
        QuestionType.INTEGER: _number,
        QuestionType.DECIMAL: _number,
        QuestionType.DATE: _date,
    }
    convert = converters.get(question.type, safe_cell_value)

    def cells(value, other_text, files):
        return [None if value in (None, "") else convert(value)]

    return columns, cells


@dataclass
class _Texts:
    """A question's texts in the extract's language."""

    question_text: dict
    option_list: list
    language: str
    fallback: str

    def label(self, texts) -> str:
        return _text(texts, self.language, self.fallback)

    @property
    def question(self) -> str:
        return self.label(self.question_text)

    @property
    def options(self) -> list[tuple[str, str]]:
        return [(c.name, self.label(c.label)) for c in self.option_list]

    @property
    def other(self) -> str:
        return OTHER_SPECIFY.get(self.language, OTHER_SPECIFY["en"])

    @property
    def other_label(self) -> str:
        return f"{self.question}: {self.other}"


# By question type (a QuestionType value, as Question.type holds it).
_COLUMNS_BY_TYPE: dict[str, Callable[[Question, _Texts], tuple[list[Column], Callable]]] = {
    QuestionType.YES_NO: _choice_columns,
    QuestionType.YES_NO_PARTLY_DK: _choice_columns,
    QuestionType.SINGLE_CHOICE: _choice_columns,
    QuestionType.MULTIPLE_CHOICE: _multiple_choice_columns,
    QuestionType.TABLE: _table_columns,
}


def question_columns(
    question: Question, start: int, language: str, fallback: str
) -> tuple[list[Column], QuestionColumns]:
    texts = _Texts(question.text, question.option_list, language, fallback)
    columns, cells = _COLUMNS_BY_TYPE.get(question.type, _single_columns)(question, texts)
    return columns, QuestionColumns(question, start, len(columns), cells)


def answer_columns(questions: list[Question], language: str, fallback: str):
    """The columns of the answers sheet: the respondent's, then each question's; and where each
    question's answer goes, by question id."""
    columns = [
        Column("respondent_code", _("Respondent code")),
        Column("respondent", _("Respondent")),
        Column("respondent_type", _("Type")),
        Column("regional_group", _("Regional group")),
        Column("development_groups", _("Development status and situation")),
        Column("status", _("Status")),
        Column("submitted_at", _("Submitted")),
    ]
    placing = {}
    for question in questions:
        more, where = question_columns(question, len(columns), language, fallback)
        columns += more
        placing[question.pk] = where
    return columns, placing


FIXED_COLUMNS = 7  # the respondent's columns, before the answers
