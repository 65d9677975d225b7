"""An answer as a person reads it: the one answer-to-text renderer.

`answer_text` turns a stored answer into words: labels rather than stored names, "other, please
specify" with what the person wrote, a number with its unit, a table row by row. How each part is
worded depends on where it is read, and that is all an `AnswerWords` says: plain text in the
reader's language (the extract, the assistance pages), HTML with fallbacks marked (`ScreenWords`,
the answering and review pages), and the subclasses of the PDF (surveys.submission.printing) and
of the offline workbook's preview (surveys.offline.services).
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Protocol

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from portal.localformats import date_text, number_text
from portal.multilingual import TextsIn, in_language
from surveys.answering.services import OTHER
from surveys.models import Question
from surveys.questionnaires.documents import CHOICE_TYPES, FIXED_SCALE_VALUES, NUMBER_TYPES
from surveys.questionnaires.scales import FIXED_SCALES, OTHER_SPECIFY

EMPTY: tuple[object, ...] = (None, "", [], {})

# Texts of a questionnaire version in the chosen language, else the version's original language
# (fallbacks marked with their own language and direction).
QuestionnaireText = TextsIn


class TextPicker(Protocol):
    """What picks a multilingual text (a dict by language) in `language`, else in `fallback`: a
    QuestionnaireText on the pages, surveys.questionnaires.printing.PrintTexts in the PDF."""

    language: str
    fallback: str

    def __call__(self, texts: dict | None) -> str: ...


def question_options(
    question: Question, text: Callable[[dict | None], str]
) -> list[tuple[str, str]]:
    """(value, label) of a choice question or the columns of a table, "other" last."""
    if question.type in FIXED_SCALE_VALUES:
        return [
            (name, text(FIXED_SCALES[question.type][name]))
            for name in FIXED_SCALE_VALUES[question.type]
        ]
    options = [(c.name, text(c.label)) for c in _choices(question, "option")]
    if question.type in CHOICE_TYPES and question.other_specify:
        options.append((OTHER, text(OTHER_SPECIFY)))
    return options


def _choices(question: Question, kind: str) -> list:
    """The options (or rows) of a question: read with it (`option_list`, `row_list`, see
    surveys.questionnaires.selectors.version_with_content), else looked up."""
    listed = getattr(question, f"{kind}_list", None)
    if listed is not None:
        return listed
    return [c for c in question.choices.all() if c.kind == kind]


def person_name(user) -> str:
    """Who saved or changed something, as the pages name them."""
    if user is None:
        return _("someone")
    return user.get_full_name() or user.username


class AnswerWords:
    """How the parts of an answer are worded: plain text in `language`, else in `fallback`."""

    list_separator = "; "  # between the choices of a multiple choice
    row_separator = "; "  # between the rows of a table

    def __init__(self, language: str, fallback: str = "en"):
        self.language, self.fallback = language, fallback

    def label(self, texts) -> str:
        return in_language(texts, self.language, fallback=self.fallback)

    def options(self, question: Question) -> dict[str, str]:
        """The labels of a choice question's answers (and of a table's columns), by name."""
        return dict(question_options(question, self.label))

    def rows(self, question: Question) -> list[tuple[str, str]]:
        return [(r.name, self.label(r.label)) for r in _choices(question, "row")]

    def written(self, text: str) -> str:
        """What the respondent wrote, in whatever language."""
        return text

    def number(self, value) -> str:
        """52000 -> "52,000" in English, "52.000" in Spanish."""
        try:
            return number_text(Decimal(str(value)).normalize(), self.language)
        except ArithmeticError:
            return str(value)

    def date(self, value) -> str:
        """2027-02-05 -> "5 February 2027", as United Nations documents write it."""
        try:
            return date_text(value, self.language)
        except (TypeError, ValueError):
            return str(value)

    def pair(self, name, value) -> str:
        return f"{name}: {value}"

    def with_unit(self, number, unit: str) -> str:
        return f"{number} {unit}" if unit else number

    def join(self, separator: str, parts: list) -> str:
        return separator.join(parts)


class ScreenWords(AnswerWords):
    """HTML for the portal's pages, texts from `text` (a QuestionnaireText: a fallback comes
    marked with its own language and direction)."""

    def __init__(self, text: TextPicker):
        super().__init__(text.language, text.fallback)
        self.text = text

    def label(self, texts) -> str:
        return self.text(texts)

    def pair(self, name, value) -> str:
        return format_html("{}: {}", name, value)

    def with_unit(self, number, unit: str) -> str:
        return format_html("{} {}", number, unit) if unit else number

    def join(self, separator: str, parts: list) -> str:
        return mark_safe(separator.join(conditional_escape(p) for p in parts))  # noqa: S308 - escaped


def answer_rows(
    question: Question, value: dict, words: AnswerWords, *, unanswered: bool = False
) -> list[tuple[str, str]]:
    """(row, column chosen) of a table answer in the questionnaire's order: the rows answered,
    or every row (`unanswered=True`, an empty column for a row not answered)."""
    columns = words.options(question)
    return [
        (label, columns.get(value[name], value[name]) if value.get(name) else "")
        for name, label in words.rows(question)
        if unanswered or name in value
    ]


def answer_text(question: Question, value, other_text: str, words: AnswerWords) -> str:
    """An answer as a person reads it: labels rather than stored names, the unit with a number;
    "" when not answered."""
    if value in EMPTY:
        return ""
    kind = question.type
    if kind in FIXED_SCALE_VALUES or kind in CHOICE_TYPES:
        labels = words.options(question)
        # A choice is stored as its name, a multiple choice as a list of names (answer_clean).
        names: list[str] = value if isinstance(value, list) else [value]
        parts = [
            words.pair(labels.get(n, n), words.written(other_text))
            if n == OTHER and other_text
            else labels.get(n, n)
            for n in names
        ]
        if kind != "multiple_choice":
            return parts[0]
        return words.join(words.list_separator, parts)
    if kind == "table" and isinstance(value, dict):
        rows = answer_rows(question, value, words)
        return words.join(words.row_separator, [words.pair(row, column) for row, column in rows])
    if kind in NUMBER_TYPES:
        return words.with_unit(words.number(value), words.label(question.unit))
    if kind == "date":
        return words.date(value)
    return words.written(str(value))
