"""Writing a reply's workbook for offline answering (the layout is described in
surveys.offline.services, which also reads it back).

A multiple choice is one row per option, answered "Yes" or left empty: a person ticks options
one by one from a drop-down list, and reading it back needs no separator that a label could
contain. Labels come in the workbook's language, falling back to the version's original language.
Cells get text as text: an answer that starts with "=" stays text, never becomes a formula.
"""

import datetime
import io
import math
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Literal, TypedDict

import openpyxl
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from portal.localformats import datetime_text
from portal.models import User
from portal.multilingual import RIGHT_TO_LEFT, in_language, without_article
from portal.workbooks import safe_row, write_cell
from surveys.answering.services import MAX_SHORT_TEXT, OTHER
from surveys.models import Answer, CycleInvitation, Question, QuestionType, Reply
from surveys.questionnaires.condition_choices import comparison_words, condition_label
from surveys.questionnaires.conditions import condition_parts
from surveys.questionnaires.documents import COMPARISONS
from surveys.questionnaires.scales import FIXED_SCALES, OTHER_SPECIFY

ANSWERS, ABOUT, LISTS, KEYS = "Answers", "About", "Lists", "portal"
FORMAT = "portal-reply-workbook/1"
HEADERS = ("code", "section", "question", "help", "answer", "other", "hint")
KEY_HEADERS = ("question_id", "item", "reply_id", "revision")
INDEX = {name: i for i, name in enumerate(HEADERS + KEY_HEADERS)}
LIST_SEPARATORS = {"ar": "؛ ", "zh-hans": "；"}
CHOICE_TYPES = (QuestionType.YES_NO, QuestionType.YES_NO_PARTLY_DK, QuestionType.SINGLE_CHOICE)
WIDTHS = {
    "code": 9,
    "section": 22,
    "question": 58,
    "help": 34,
    "answer": 28,
    "other": 28,
    "hint": 34,
}

_FILL_HEADER = PatternFill("solid", fgColor="DCE9F4")
_FILL_ANSWER = PatternFill("solid", fgColor="FFF6CC")
_FILL_NONE = PatternFill("solid", fgColor="EEEEEE")
_EDGE = Side(style="thin", color="B0B0B0")
_BORDER = Border(left=_EDGE, right=_EDGE, top=_EDGE, bottom=_EDGE)
_OPEN = Protection(locked=False)
_WRAP = Alignment(wrap_text=True, vertical="top")


def letter(name: str) -> str:
    """The column letter of a column of the Answers sheet, e.g. "answer" -> "E"."""
    return get_column_letter(INDEX[name] + 1)


def question_options(question: Question) -> list[tuple[str, dict]]:
    """(name, labels in six languages) of the answers a choice question offers, "other" last."""
    if question.type in FIXED_SCALES:
        return list(FIXED_SCALES[question.type].items())
    options = [(c.name, c.label) for c in _choices(question) if c.kind == "option"]
    return options + ([(OTHER, OTHER_SPECIFY)] if question.other_specify else [])


def table_parts(question: Question) -> tuple[list[tuple[str, dict]], list[tuple[str, dict]]]:
    """(rows, columns) of a table question, each as (name, labels)."""
    choices = _choices(question)
    rows = [(c.name, c.label) for c in choices if c.kind == "row"]
    columns = [(c.name, c.label) for c in choices if c.kind == "option"]
    return rows, columns


def _choices(question: Question):
    # version_with_content puts them in choice_list; otherwise prefetch "choices"
    choice_list = getattr(question, "choice_list", None)
    return choice_list if choice_list is not None else question.choices.all()


def choice_labels(
    options: list[tuple[str, dict]], language: str, fallback: str
) -> list[tuple[str, str]]:
    """(name, label in `language`), each label unique so that it reads back as one answer."""
    result, seen = [], set()
    for name, texts in options:
        label = in_language(texts, language, fallback=fallback) or name
        if label.casefold() in seen:
            label = f"{label} ({name})"
        seen.add(label.casefold())
        result.append((name, label))
    return result


def reply_workbook(
    *, reply: Reply, version, answers: dict[int, Answer], language: str, by: User,
    upload_url: str = "", now: datetime.datetime | None = None,
) -> bytes:  # fmt: skip
    """The workbook of `reply` in `language`; `version` comes from version_with_content."""
    with translation.override(language):
        writer = _OfflineWorkbookWriter(
            reply, version, answers, language, by, upload_url, now or timezone.now()
        )
        return writer.write()


def _text(cell, value) -> None:
    write_cell(cell, value)  # text that looks like a formula stays text


class _Bounds(TypedDict, total=False):
    """The bounds of a number question, as an XLSX data validation says them."""

    operator: Literal["between", "greaterThanOrEqual", "lessThanOrEqual"]
    formula1: str
    formula2: str


class _OfflineWorkbookWriter:
    def __init__(self, reply, version, answers, language, by, upload_url, now):
        self.reply, self.version, self.answers = reply, version, answers
        self.language, self.fallback = language, version.original_language
        self.by, self.upload_url, self.now = by, upload_url, now
        self.workbook = openpyxl.Workbook()
        self.sheet = self.workbook.active
        self.sheet.title = ANSWERS
        self.lists = self.workbook.create_sheet(LISTS)
        self.validations: dict[tuple, DataValidation] = {}
        self.by_code = {q.code: q for s in version.section_list for q in s.question_list}

    def t(self, texts) -> str:
        return in_language(texts, self.language, fallback=self.fallback)

    def write(self) -> bytes:
        about = self.workbook.create_sheet(ABOUT, 1)
        self._answers()
        self._about(about)
        self._keys(self.workbook.create_sheet(KEYS))
        self.lists.sheet_state = "hidden"
        self.lists.protection.sheet = True
        self.workbook.active = 0
        output = io.BytesIO()
        self.workbook.save(output)
        return output.getvalue()

    # -- the Answers sheet --

    def _answers(self) -> None:
        sheet = self.sheet
        titles = {
            "code": _("Code"), "section": _("Section"), "question": _("Question"),
            "help": _("Help"), "answer": _("Answer"), "other": _("Other (please specify)"),
            "hint": _("How to answer"),
        }  # fmt: skip
        sheet.append(safe_row(sheet, [titles[h] for h in HEADERS] + list(KEY_HEADERS)))
        for cell in sheet[1]:
            cell.font, cell.fill, cell.border, cell.alignment = (
                Font(bold=True),
                _FILL_HEADER,
                _BORDER,
                _WRAP,
            )
        for section in self.version.section_list:
            title = f"{section.code}. {self.t(section.title)}"
            for question in section.question_list:
                self._question(question, title)
        self._fit_rows()
        for name, width in WIDTHS.items():
            sheet.column_dimensions[letter(name)].width = width
        for name in KEY_HEADERS:
            sheet.column_dimensions[letter(name)].hidden = True
        sheet.freeze_panes = "A2"
        sheet.sheet_view.rightToLeft = self.language in RIGHT_TO_LEFT
        # Without a password: it guards the keys against slips, not against the person.
        protection = sheet.protection
        protection.sheet = True
        protection.formatColumns = protection.formatRows = protection.formatCells = False
        sheet.print_title_rows = "1:1"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True

    def _row(
        self, question: Question, section: str, text: str, *, item="", help_text="", hint="",
        indent=False,
    ) -> int:  # fmt: skip
        sheet = self.sheet
        answer = self.answers.get(question.pk)
        number = sheet.max_row + 1
        values = {
            "code": question.code, "section": section, "question": text, "help": help_text,
            "hint": hint, "question_id": question.pk, "item": item, "reply_id": self.reply.pk,
            "revision": answer.revision if answer else 0,
        }  # fmt: skip
        for name, value in values.items():
            cell = sheet.cell(row=number, column=INDEX[name] + 1)
            _text(cell, value)
        for name in HEADERS:
            cell = sheet.cell(row=number, column=INDEX[name] + 1)
            cell.border, cell.alignment = _BORDER, _WRAP
        if indent:
            sheet.cell(row=number, column=INDEX["question"] + 1).alignment = Alignment(
                wrap_text=True, vertical="top", indent=2
            )
        else:
            sheet.cell(row=number, column=INDEX["question"] + 1).font = Font(bold=True)
        return number

    def _fit_rows(self) -> None:
        """Row heights for the wrapped texts: Excel does not grow rows by itself on opening."""
        sheet = self.sheet
        for number in range(2, sheet.max_row + 1):
            lines = 1
            for name, width in WIDTHS.items():
                content = sheet.cell(row=number, column=INDEX[name] + 1).value
                if isinstance(content, str):
                    parts = content.split("\n")
                    lines = max(lines, sum(math.ceil(max(len(p), 1) / (width - 2)) for p in parts))
            sheet.row_dimensions[number].height = min(15 * lines + 3, 400)

    def _cell(self, number: int, name: str, value=None, *, open_: bool = True):
        cell = self.sheet.cell(row=number, column=INDEX[name] + 1)
        if value is not None:
            _text(cell, value)
        if open_:
            cell.protection, cell.fill = _OPEN, _FILL_ANSWER
        else:
            cell.fill = _FILL_NONE
        return cell

    def _list(self, cell, labels: list[str]) -> None:
        key = tuple(labels)
        validation = self.validations.get(key)
        if validation is None:
            column = get_column_letter(len(self.validations) + 1)
            for row, label in enumerate(labels, start=1):
                _text(self.lists[f"{column}{row}"], label)
            validation = DataValidation(
                type="list", formula1=f"{quote_sheetname(LISTS)}!${column}$1:${column}${len(labels)}",
                allow_blank=True, showErrorMessage=True, errorTitle=_("Answer"),
                error=_("Choose an answer from the list."),
            )  # fmt: skip
            self.sheet.add_data_validation(validation)
            self.validations[key] = validation
        validation.add(cell)

    def _question(self, question: Question, section: str) -> None:
        answer = self.answers.get(question.pk)
        value = answer.value if answer else None
        other_text = answer.other_text if answer else ""
        text, help_text = self.t(question.text), self.t(question.help_text)
        if question.lead_in:  # the text shown before the question on the page comes first here
            text = f"{self.t(question.lead_in)}\n\n{text}"
        hints = [_("Required.")] if question.required else []
        if question.relevance:
            hints.append(self._condition(question.relevance))

        def row(extra: list[str]) -> int:
            hint = "\n".join([*hints, *extra])
            return self._row(question, section, text, help_text=help_text, hint=hint)

        write = _ANSWER_WRITERS.get(question.type, _OfflineWorkbookWriter._file_answer)
        write(self, question, section, row, value, other_text)

    def _choice_answer(self, question, section, row, value, other_text) -> None:
        labels = choice_labels(question_options(question), self.language, self.fallback)
        extra = [_("Choose from the list.")]
        if question.other_specify:
            extra.append(
                _("If you choose “%(other)s”, say what in the column “%(column)s”.")
                % {"other": dict(labels)[OTHER], "column": _("Other (please specify)")}
            )
        number = row(extra)
        self._list(self._cell(number, "answer", dict(labels).get(value)), [lb for _n, lb in labels])
        self._cell(number, "other", other_text or None, open_=question.other_specify)

    def _multiple_choice_answer(self, question, section, row, value, other_text) -> None:
        yes = in_language(FIXED_SCALES["yes_no"]["yes"], self.language)
        number = row(
            [
                _("Write “%(yes)s” beside each answer that applies, in the rows below.")
                % {"yes": yes}
            ]
        )
        self._cell(number, "answer", open_=False)
        self._cell(number, "other", open_=False)
        chosen = set(value or [])
        for name, label in choice_labels(question_options(question), self.language, self.fallback):
            number = self._row(question, section, label, item=name, indent=True)
            self._list(self._cell(number, "answer", yes if name in chosen else None), [yes])
            is_other = name == OTHER
            self._cell(number, "other", (other_text or None) if is_other else None, open_=is_other)

    def _table_answer(self, question, section, row, value, other_text) -> None:
        rows, column_texts = table_parts(question)
        columns = choice_labels(column_texts, self.language, self.fallback)
        number = row([_("Choose one answer for each row below.")])
        self._cell(number, "answer", open_=False)
        self._cell(number, "other", open_=False)
        chosen: dict[str, str] = value or {}  # row -> column (answer_clean)
        labels = dict(columns)
        for name, label in choice_labels(rows, self.language, self.fallback):
            number = self._row(question, section, label, item=name, indent=True)
            column = chosen.get(name)
            cell = self._cell(number, "answer", labels.get(column) if column else None)
            self._list(cell, [lb for _n, lb in columns])
            self._cell(number, "other", open_=False)

    def _number_answer(self, question, section, row, value, other_text) -> None:
        number = row(self._number_hints(question))
        cell = self._cell(number, "answer", _number(value, question.type))
        if question.type == QuestionType.DECIMAL:
            cell.number_format = "General"
        self._bounds(cell, question)
        self._cell(number, "other", open_=False)

    def _date_answer(self, question, section, row, value, other_text) -> None:
        number = row([_("A date: year-month-day, e.g. 2026-12-31.")])
        cell = self._cell(number, "answer", _date(value))
        cell.number_format = "yyyy-mm-dd"
        self._cell(number, "other", open_=False)

    def _text_answer(self, question, section, row, value, other_text) -> None:
        hint = (
            _("Text, up to %(limit)s characters.") % {"limit": MAX_SHORT_TEXT}
            if question.type == QuestionType.SHORT_TEXT
            else _("Text; several paragraphs if need be.")
        )
        number = row([hint])
        self._cell(number, "answer", value or None).number_format = "@"
        self._cell(number, "other", open_=False)

    def _file_answer(self, question, section, row, value, other_text) -> None:
        # only the portal takes files
        number = row([_("Files cannot be given in this workbook.")])
        self._cell(number, "answer", _("Attach the file on the portal."), open_=False)
        self._cell(number, "other", open_=False)

    def _number_hints(self, question: Question) -> list[str]:
        hints = [_("A whole number.") if question.type == QuestionType.INTEGER else _("A number.")]
        low, high = (
            f"{b.normalize():f}" if b is not None else None
            for b in (question.minimum, question.maximum)
        )
        if low is not None and high is not None:
            hints.append(_("From %(minimum)s to %(maximum)s.") % {"minimum": low, "maximum": high})
        elif low is not None:
            hints.append(_("At least %(minimum)s.") % {"minimum": low})
        elif high is not None:
            hints.append(_("At most %(maximum)s.") % {"maximum": high})
        unit = self.t(question.unit)
        if unit:
            hints.append(_("Unit: %(unit)s.") % {"unit": unit})
        return hints

    def _bounds(self, cell, question: Question) -> None:
        low, high = question.minimum, question.maximum
        options: _Bounds
        if low is not None and high is not None:
            options = {
                "operator": "between",
                "formula1": f"{low.normalize():f}",
                "formula2": f"{high.normalize():f}",
            }
        elif low is not None:
            options = {"operator": "greaterThanOrEqual", "formula1": f"{low.normalize():f}"}
        elif high is not None:
            options = {"operator": "lessThanOrEqual", "formula1": f"{high.normalize():f}"}
        else:
            return
        kind: Literal["whole", "decimal"] = (
            "whole" if question.type == QuestionType.INTEGER else "decimal"
        )
        validation = DataValidation(
            type=kind, allow_blank=True, showErrorMessage=True, errorTitle=_("Answer"),
            error=_("The number is outside the bounds given in the column “%(column)s”.")
            % {"column": _("How to answer")},
            **options,
        )  # fmt: skip
        self.sheet.add_data_validation(validation)
        validation.add(cell)

    def _condition(self, relevance: dict) -> str:
        target = self.by_code.get(relevance.get("question"))
        if len(condition_parts(relevance)[1]) > 1:  # "A.2 = Yes or A.2 = Partly"
            label = condition_label(relevance, target, original_language=self.fallback)
            return _("Only if %(condition)s.") % {"condition": label}
        value = str(relevance.get("value", ""))
        if target is not None and target.type in CHOICE_TYPES + (QuestionType.MULTIPLE_CHOICE,):
            labels = dict(choice_labels(question_options(target), self.language, self.fallback))
            value = labels.get(value, value)
        names = {"question": relevance.get("question", "?"), "value": value}
        operator = relevance.get("operator")
        if operator == "!=":
            return _("Only if the answer to %(question)s is not “%(value)s”.") % names
        if operator == "selected":
            return _("Only if “%(value)s” is chosen in %(question)s.") % names
        if operator in COMPARISONS:
            return _("Only if the answer to %(question)s is %(comparison)s.") % {
                "question": names["question"],
                "comparison": comparison_words(operator, value),
            }
        return _("Only if the answer to %(question)s is “%(value)s”.") % names

    # -- the About and portal sheets --

    def _about(self, sheet) -> None:
        reply, cycle, version = self.reply, self.reply.cycle, self.version
        invitation = CycleInvitation.objects.filter(
            cycle=cycle, respondent=reply.respondent
        ).first()
        deadline = (invitation and invitation.extended_deadline) or cycle.deadline
        when = timezone.localtime(self.now)
        by = self.by.get_full_name() or self.by.username
        language = dict(settings.LANGUAGES).get(self.language, self.language)
        facts = [
            (_("Respondent"), without_article(self.t(reply.respondent.name))),
            (_("Questionnaire"), _("%(title)s, version %(number)s") % {"title": self.t(version.title), "number": version.number}),
            (_("Cycle"), self.t(cycle.title)),
            (_("Commission session"), self.t(cycle.commission_session)),
            (_("Deadline"), deadline),
            (_("Language of this workbook"), language),
            (_("Downloaded"), _("%(when)s by %(name)s") % {"when": datetime_text(when, self.language), "name": by}),
        ]  # fmt: skip
        if self.upload_url:
            facts.append((_("Upload it at"), self.upload_url))
        sheet.append(safe_row(sheet, [self.t(version.title)]))
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append([])
        for label, value in facts:
            sheet.append(safe_row(sheet, [label, value]))
            sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        sheet.append([])
        sheet.append(safe_row(sheet, [_("How to answer offline")]))
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=12)
        yes = in_language(FIXED_SCALES["yes_no"]["yes"], self.language)
        steps = [
            _("Write your answers in the column “%(column)s” of the sheet “%(sheet)s” (the yellow cells). Where a cell offers a list, choose from it.") % {"column": _("Answer"), "sheet": ANSWERS},
            _("Multiple choice: there is one row per answer; write “%(yes)s” beside each that applies and leave the others empty.") % {"yes": yes},
            _("Tables: there is one row per table row; choose one answer in each."),
            _("“Other, please specify”: write what you mean in the column “%(column)s”.") % {"column": _("Other (please specify)")},
            _("Files cannot be given in this workbook: attach them on the portal."),
            _("Do not add, remove or move rows, and do not copy rows from another workbook: the grey and hidden columns tell the portal which question each row answers."),
            _("Save the file as an Excel workbook (.xlsx), in Excel or LibreOffice, and upload it on the portal. The portal shows what would change, question by question, and changes nothing until you confirm."),
            _("If someone changed an answer on the portal after this download, the portal shows both answers and keeps the one on the portal unless you choose the file's."),
        ]  # fmt: skip
        for number, step in enumerate(steps, start=1):
            sheet.append(safe_row(sheet, [f"{number}.", step]))
        sheet.column_dimensions["A"].width = 26
        sheet.column_dimensions["B"].width = 90
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        for cells in sheet.iter_rows(min_row=3):
            for cell in cells:
                cell.alignment = _WRAP
        for number in range(3, sheet.max_row + 1):
            content = str(sheet.cell(row=number, column=2).value or "")
            sheet.row_dimensions[number].height = 15 * max(1, math.ceil(len(content) / 85)) + 3
        sheet.sheet_view.rightToLeft = self.language in RIGHT_TO_LEFT
        sheet.protection.sheet = True

    def _keys(self, sheet) -> None:
        reply, version = self.reply, self.version
        keys = {
            "format": FORMAT,
            "reply": reply.pk,
            "cycle": reply.cycle_id,
            "version": version.pk,
            "questionnaire": f"{version.questionnaire.code} v{version.number}",
            "respondent": reply.respondent.code,
            "language": self.language,
            "downloaded_at": self.now.isoformat(timespec="seconds"),
            "downloaded_by": self.by.username,
        }
        for number, (key, value) in enumerate(keys.items(), start=1):
            _text(sheet.cell(row=number, column=1), key)
            _text(sheet.cell(row=number, column=2), str(value))
        sheet.sheet_state = "hidden"
        sheet.protection.sheet = True


# writer(question, section, row, value, other_text), `row` adding the question's row with hints.
_AnswerWriter = Callable[
    [_OfflineWorkbookWriter, Question, str, Callable[[list[str]], int], Any, str], None
]

# How each type of question is written on the Answers sheet; a file question otherwise.
_ANSWER_WRITERS: dict[str, _AnswerWriter] = {
    **dict.fromkeys(CHOICE_TYPES, _OfflineWorkbookWriter._choice_answer),
    QuestionType.MULTIPLE_CHOICE: _OfflineWorkbookWriter._multiple_choice_answer,
    QuestionType.TABLE: _OfflineWorkbookWriter._table_answer,
    QuestionType.INTEGER: _OfflineWorkbookWriter._number_answer,
    QuestionType.DECIMAL: _OfflineWorkbookWriter._number_answer,
    QuestionType.DATE: _OfflineWorkbookWriter._date_answer,
    QuestionType.SHORT_TEXT: _OfflineWorkbookWriter._text_answer,
    QuestionType.LONG_TEXT: _OfflineWorkbookWriter._text_answer,
}


def _number(value, kind):
    if value in (None, ""):
        return None
    number = Decimal(str(value))
    return int(number) if kind == QuestionType.INTEGER else number


def _date(value):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
