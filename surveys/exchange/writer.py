"""Writing a questionnaire as an XLSForm workbook (the layout is in surveys.exchange.xlsform)."""

import io
from typing import cast

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from portal.workbooks import safe_row
from surveys.exchange.xlsform import (
    OTHER_DETAIL,
    OTHER_NAME,
    PORTAL_SHEET,
    language_column,
    language_label,
)
from surveys.questionnaires.documents import (
    FIXED_SCALE_VALUES,
    LANGUAGE_CODES,
    ChoiceDoc,
    ConditionDoc,
    QuestionDoc,
    QuestionnaireDoc,
    SectionDoc,
    StandardRefDoc,
)
from surveys.questionnaires.scales import FIXED_SCALES, OTHER_SPECIFY

LANGUAGES = list(LANGUAGE_CODES)
SURVEY_COLUMNS = [
    "type", "name",
    *(language_column("label", c) for c in LANGUAGES),
    *(language_column("hint", c) for c in LANGUAGES),
    "required", "relevant", "constraint",
    *(language_column("constraint_message", c) for c in LANGUAGES),
    "appearance",
    *(language_column("unit", c) for c in LANGUAGES),
    "standards", "purpose", "gender", "applied_if", "part_of",
]  # fmt: skip
CHOICES_COLUMNS = [
    "list_name", "name", *(language_column("label", c) for c in LANGUAGES), "exclusive",
]  # fmt: skip
SETTINGS_COLUMNS = [
    "form_title", "form_id", "version", "default_language", "category", "clusters", "standards",
]  # fmt: skip
PORTAL_COLUMNS = [language_column("form_title", c) for c in LANGUAGES]
_SURVEY_INDEX = {name: i for i, name in enumerate(SURVEY_COLUMNS)}


def write_workbook(document: QuestionnaireDoc) -> bytes:
    """The XLSForm workbook of `document`, as the bytes of an .xlsx file."""
    return _XLSFormWriter(document).write()


def _condition_text(condition: ConditionDoc, target_type: str) -> str:
    """The XLSForm relevance: several parts over the question joined by `or` or `and`."""
    join = " or " if condition.join == "any" else " and "
    return join.join(
        _part_text(condition.question, operator, value, target_type)
        for operator, value in condition.parts
    )


def _part_text(question: str, operator: str, value: str, target_type: str) -> str:
    if operator == "selected":
        return f"selected(${{{question}}}, '{value}')"
    value = value if target_type in ("integer", "decimal") else f"'{value}'"
    return f"${{{question}}} {operator} {value}"


def _constraint_text(question: QuestionDoc) -> str:
    parts = []
    if question.minimum is not None:
        parts.append(f". >= {question.minimum}")
    if question.maximum is not None:
        parts.append(f". <= {question.maximum}")
    return " and ".join(parts)


def _standards_text(refs: list[StandardRefDoc]) -> str:
    return "; ".join(f"{r.standard} ({r.provision})" if r.provision else r.standard for r in refs)


def _texts(prefix: str, mapping: dict[str, str]) -> dict[str, str]:
    """The cells of a text in every language: {"label::French (fr)": "...", ...}."""
    return {language_column(prefix, c): mapping.get(c, "") for c in LANGUAGES}


def _options(question: QuestionDoc) -> list[ChoiceDoc]:
    """The options of a choice question as written: "other, please specify" last, translated
    (pyxform's or_other would add an "Other" in English only)."""
    if not question.other_specify:
        return question.choices
    return [*question.choices, ChoiceDoc(OTHER_NAME, dict(OTHER_SPECIFY))]


def _choice_lists(document: QuestionnaireDoc) -> tuple[dict[str, list[ChoiceDoc]], dict[str, str]]:
    """The choice lists (the fixed scales, then one list per choice question, identical lists
    reused) and the list each question uses, by question code."""
    lists: dict[str, list[ChoiceDoc]] = {}
    list_of: dict[str, str] = {}
    for question in document.questions():
        if question.type in FIXED_SCALE_VALUES:
            lists.setdefault(
                question.type,
                [
                    ChoiceDoc(n, FIXED_SCALES[question.type][n])
                    for n in FIXED_SCALE_VALUES[question.type]
                ],
            )
            list_of[question.code] = question.type
        elif question.choices:
            options = _options(question)
            existing = next((name for name, items in lists.items() if items == options), None)
            list_of[question.code] = existing or question.code
            lists.setdefault(list_of[question.code], options)
    return lists, list_of


class _XLSFormWriter:
    def __init__(self, document: QuestionnaireDoc):
        self.document = document
        self.lists, self.list_of = _choice_lists(document)
        self.types = {q.code: q.type for q in document.questions()}
        self.workbook = openpyxl.Workbook()
        # A new workbook has one sheet, a worksheet, and it is the active one.
        self.survey = cast(Worksheet, self.workbook.active)
        self.survey.title = "survey"

    def write(self) -> bytes:
        choices_sheet = self.workbook.create_sheet("choices")
        settings_sheet = self.workbook.create_sheet("settings")
        portal_sheet = self.workbook.create_sheet(PORTAL_SHEET)
        self.survey.append(safe_row(self.survey, SURVEY_COLUMNS))
        for section in self.document.sections:
            self._section(section)
        self._choices(choices_sheet)
        self._settings(settings_sheet)
        portal_sheet.append(safe_row(portal_sheet, PORTAL_COLUMNS))
        portal_sheet.append(
            safe_row(portal_sheet, [self.document.title.get(c, "") for c in LANGUAGES])
        )
        for sheet in (self.survey, choices_sheet, settings_sheet, portal_sheet):
            _style(sheet)
        output = io.BytesIO()
        self.workbook.save(output)
        return output.getvalue()

    def _add(self, **values) -> None:
        cells = [""] * len(SURVEY_COLUMNS)
        for key, value in values.items():
            cells[_SURVEY_INDEX[key]] = value
        self.survey.append(safe_row(self.survey, cells))

    def _common(self, question: QuestionDoc) -> dict[str, str]:
        relevance = question.relevance
        return {
            **_texts("hint", question.help),
            "required": "yes" if question.required else "",
            "relevant": _condition_text(relevance, self.types[relevance.question])
            if relevance
            else "",
            "standards": _standards_text(question.standards),
            "purpose": question.purpose,
            "gender": "yes" if question.gender_relevant else "",
            "applied_if": " ".join(question.applied_if),
            "part_of": question.part_of,
        }

    def _section(self, section: SectionDoc) -> None:
        self._add(
            type="begin group",
            name=section.code,
            **_texts("label", section.title),
            **_texts("hint", section.intro),
        )
        for question in section.questions:
            if question.lead_in:
                self._lead_in(question)
            if question.type == "table":
                self._table(question)
            else:
                self._question(question)
        self._add(type="end group")

    def _lead_in(self, question: QuestionDoc) -> None:
        """The text shown before a question, as the note row other tools show before it (under
        the question's own condition); the import reads it back into the question."""
        relevance = question.relevance
        self._add(
            type="note",
            name=self._free_name(f"{question.code}_note"),
            **_texts("label", question.lead_in),
            relevant=_condition_text(relevance, self.types[relevance.question])
            if relevance
            else "",
        )

    def _free_name(self, name: str) -> str:
        """`name`, or `name` with a number, so that it is no question's code."""
        taken, candidate, number = set(self.types), name, 1
        while candidate in taken:
            number += 1
            candidate = f"{name}{number}"
        return candidate

    def _table(self, question: QuestionDoc) -> None:
        self._add(
            type="begin group",
            name=question.code,
            appearance="table-list",
            **_texts("label", question.text),
            **self._common(question),
        )
        for row in question.rows:
            self._add(
                type=f"select_one {self.list_of[question.code]}",
                name=f"{question.code}.{row.name}",
                **_texts("label", row.label),
            )
        self._add(type="end group")

    def _question(self, question: QuestionDoc) -> None:
        list_name = self.list_of.get(question.code)
        xls_type = {
            "yes_no": f"select_one {list_name}",
            "yes_no_partly_dk": f"select_one {list_name}",
            "single_choice": f"select_one {list_name}",
            "multiple_choice": f"select_multiple {list_name}",
            "short_text": "text",
            "long_text": "text",
        }.get(question.type, question.type)
        self._add(
            type=xls_type,
            name=question.code,
            **_texts("label", question.text),
            **self._common(question),
            constraint=_constraint_text(question),
            **_texts("constraint_message", question.constraint_message),
            appearance=question.appearance or ("multiline" if question.type == "long_text" else ""),
            **_texts("unit", question.unit),
        )
        if question.other_specify:
            self._add(
                type="text",
                name=f"{question.code}_{OTHER_NAME}",
                **_texts("label", OTHER_DETAIL),
                relevant=f"selected(${{{question.code}}}, '{OTHER_NAME}')",
            )

    def _choices(self, sheet) -> None:
        sheet.append(safe_row(sheet, CHOICES_COLUMNS))
        for list_name, items in self.lists.items():
            for choice in items:
                row = [
                    list_name,
                    choice.name,
                    *(choice.label.get(c, "") for c in LANGUAGES),
                    "yes" if choice.exclusive else "",
                ]
                sheet.append(safe_row(sheet, row))

    def _settings(self, sheet) -> None:
        document = self.document
        sheet.append(safe_row(sheet, SETTINGS_COLUMNS))
        row = [
            document.title.get(document.default_language, ""),
            document.form_id,
            document.version,
            language_label(document.default_language),
            document.category,
            "; ".join(document.clusters),
            "; ".join(document.standards),
        ]
        sheet.append(safe_row(sheet, row))


def _style(sheet) -> None:
    """Readable in a spreadsheet: bold frozen header, wrapped text, sensible widths."""
    header_fill = PatternFill("solid", fgColor="DCE9F4")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
    sheet.freeze_panes = "A2"
    for index, cells in enumerate(sheet.iter_cols(min_row=1, max_row=min(sheet.max_row, 200)), 1):
        longest = max((len(str(c.value)) for c in cells if c.value), default=8)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(10, longest + 2), 60)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
