"""Reading an XLSForm workbook into a questionnaire document (the layout is in
surveys.exchange.xlsform).

Reading is defensive: the file's size, the archive's entry count and uncompressed size are checked
before openpyxl opens it, and openpyxl parses XML through defusedxml. Every problem is reported with
its sheet, row and column; nothing is saved unless there is none.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import openpyxl
import openpyxl.xml
from openpyxl.utils import get_column_letter

from surveys.exchange.xlsform import NAME_PATTERN, parse_language
from surveys.questionnaires.documents import (
    FIXED_SCALE_VALUES,
    ChoiceDoc,
    ConditionDoc,
    Problem,
    QuestionDoc,
    QuestionnaireDoc,
    SectionDoc,
    StandardRefDoc,
    document_problems,
)

# openpyxl uses defusedxml when it is installed; refuse to parse untrusted files otherwise.
if not openpyxl.xml.DEFUSEDXML:  # pragma: no cover - defusedxml is a declared dependency
    raise ImportError("defusedxml must be installed to read uploaded workbooks safely")

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_ARCHIVE_ENTRIES = 1000
MAX_ROWS = 5000

META_TYPES = {
    "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber",
    "username", "email", "audit", "start-geopoint", "background-audio",
}  # fmt: skip
TRUE_VALUES = {"yes", "true", "1", "true()"}
FALSE_VALUES = {"no", "false", "0", "false()", ""}

SURVEY_HEADERS = ("type", "name")
CHOICES_HEADERS = ("list_name", "name")


@dataclass
class ReadResult:
    document: QuestionnaireDoc | None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # where each question and section code stands in the file, e.g. "survey sheet, row 12"
    locations: dict[str, str] = field(default_factory=dict)

    def located(self, found: Problem) -> str:
        where = self.locations.get(found.where)
        return f"{where} ({found.where}): {found.message}" if where else str(found)

    @property
    def ok(self) -> bool:
        return self.document is not None and not self.errors


class _Sheet:
    """A sheet's rows as dicts keyed by lower-cased header, with their spreadsheet row numbers."""

    def __init__(self, name, worksheet, errors, required):
        self.name = name
        self.rows: list[tuple[int, dict[str, str]]] = []
        self.headers: list[str] = []
        self.letters: dict[str, str] = {}
        iterator = worksheet.iter_rows(values_only=True)
        header = next(iterator, None)
        if header is None:
            errors.append(
                f"{name} sheet: it is empty; it needs a header row ({', '.join(required)})"
            )
            return
        for index, value in enumerate(header, start=1):
            key = str(value).strip().lower() if value is not None else ""
            # "label::French (fr)" and "label:: French (fr)" are the same column
            key = re.sub(r"\s*::\s*", "::", key)
            self.headers.append(key)
            if key:
                self.letters.setdefault(key, get_column_letter(index))
        for column in required:
            if column not in self.letters:
                errors.append(f"{name} sheet: the column {column!r} is missing")
        for number, values in enumerate(iterator, start=2):
            if number > MAX_ROWS + 1:
                errors.append(f"{name} sheet: more than {MAX_ROWS} rows")
                break
            cells = {}
            for key, value in zip(self.headers, values, strict=False):
                if key and value is not None and str(value).strip() != "":
                    cells[key] = (
                        str(value).strip() if not isinstance(value, float) else float_text(value)
                    )
            if cells:
                self.rows.append((number, cells))

    def where(self, number: int, column: str) -> str:
        letter = self.letters.get(column)
        return f"{self.name} sheet, row {number}, column {column}" + (
            f" ({letter})" if letter else ""
        )

    def texts(self, cells: dict, prefix: str, default_language: str) -> dict[str, str]:
        result: dict[str, str] = {}
        for key, value in cells.items():
            if key == prefix:
                result.setdefault(default_language, value)
            elif key.startswith(prefix + "::"):
                code = parse_language(key.split("::", 1)[1])
                if code:
                    result[code] = value
        return result

    def unknown_languages(self, prefix: str) -> list[str]:
        return [
            key for key in self.headers
            if key.startswith(prefix + "::") and parse_language(key.split("::", 1)[1]) is None
        ]  # fmt: skip


def float_text(value: float) -> str:
    """A number read from a cell as the text typed: 3.0 -> "3", 2.5 -> "2.5"."""
    return str(int(value)) if value.is_integer() else str(value)


def check_archive(data: bytes) -> str | None:
    """What makes `data` unsafe or no workbook at all, checked before any parser sees it; or None."""
    if len(data) > MAX_FILE_BYTES:
        return f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ARCHIVE_ENTRIES:
                return f"the workbook holds more than {MAX_ARCHIVE_ENTRIES} parts"
            if sum(entry.file_size for entry in entries) > MAX_UNCOMPRESSED_BYTES:
                return "the workbook unpacks to more than 100 MB"
            if "xl/workbook.xml" not in archive.namelist():
                return "the file is not an Excel workbook (.xlsx)"
            # Workbooks never declare a DTD; one that does may carry entity expansion (an "XML
            # bomb"). Refuse it before any parser sees it, whichever parser openpyxl uses.
            for entry in entries:
                with archive.open(entry) as part:
                    if b"<!DOCTYPE" in part.read(4096).upper():
                        return "the workbook cannot be read: it holds a document type declaration"
    except zipfile.BadZipFile:
        return "the file is not an Excel workbook (.xlsx)"
    return None


_CONDITION = re.compile(
    r"""^\s*(?:
        \$\{(?P<q1>[^}]+)\}\s*(?P<op>=|!=)\s*(?:'(?P<v1>[^']*)'|"(?P<v2>[^"]*)"|(?P<v3>-?\d+(?:\.\d+)?))
      | selected\(\s*\$\{(?P<q2>[^}]+)\}\s*,\s*(?:'(?P<v4>[^']*)'|"(?P<v5>[^"]*)")\s*\)
    )\s*$""",
    re.VERBOSE,
)
_BOUND = re.compile(r"^\.\s*(?P<op>>=|<=)\s*(?P<value>-?\d+(?:\.\d+)?)$")
_STANDARD = re.compile(r"^(?P<code>[A-Za-z0-9\-_]+)\s*(?:\((?P<provision>.*)\))?$")


def parse_condition(text: str) -> ConditionDoc | None:
    match = _CONDITION.match(text)
    if not match:
        return None
    if match.group("q2"):
        value = match.group("v4") if match.group("v4") is not None else match.group("v5")
        return ConditionDoc(match.group("q2").strip(), "selected", value)
    value = next(match.group(g) for g in ("v1", "v2", "v3") if match.group(g) is not None)
    return ConditionDoc(match.group("q1").strip(), match.group("op"), value)


def parse_constraint(text: str) -> tuple[str | None, str | None] | None:
    minimum = maximum = None
    for part in re.split(r"\s+and\s+", text.strip()):
        match = _BOUND.match(part.strip())
        if not match:
            return None
        if match.group("op") == ">=":
            minimum = match.group("value")
        else:
            maximum = match.group("value")
    return minimum, maximum


def read_workbook(
    data: bytes, *, form_id: str | None = None, category: str | None = None,
    skip_unsupported: bool = False,
) -> ReadResult:  # fmt: skip
    """Read an XLSForm workbook into a document, or list everything wrong with it."""
    problem = check_archive(data)
    if problem:
        return ReadResult(None, [problem])
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any parse failure is the file's fault
        return ReadResult(None, [f"the workbook cannot be read ({type(error).__name__})"])
    try:
        return _XLSFormReader(workbook, form_id, category, skip_unsupported).read()
    finally:
        workbook.close()


@dataclass
class _SurveyPass:
    """One pass over the survey sheet: where its rows go, in which section and table."""

    sheet: _Sheet
    lists: dict[str, list[ChoiceDoc]]
    document: QuestionnaireDoc
    stack: list[tuple[str, int]] = field(default_factory=list)  # open groups: (kind, row)
    section: SectionDoc | None = None
    table: QuestionDoc | None = None
    implicit: int = 0  # sections made for questions outside any group

    @property
    def language(self) -> str:
        return self.document.default_language

    @property
    def in_table(self) -> bool:
        return bool(self.stack) and self.stack[-1][0] == "table"


class _XLSFormReader:
    def __init__(self, workbook, form_id, category, skip_unsupported):
        self.workbook = workbook
        self.form_id = form_id
        self.category = category
        self.skip_unsupported = skip_unsupported
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.locations: dict[str, str] = {}  # question or section code -> its survey row

    def sheet(self, name, required):
        names = {n.strip().lower(): n for n in self.workbook.sheetnames}
        if name not in names:
            return None
        return _Sheet(name, self.workbook[names[name]], self.errors, required)

    def read(self) -> ReadResult:
        survey = self.sheet("survey", SURVEY_HEADERS)
        if survey is None:
            self.errors.append("the workbook has no 'survey' sheet")
        choices = self.sheet("choices", CHOICES_HEADERS)
        settings = self.sheet("settings", ())
        if survey is None or self.errors:
            return ReadResult(None, self.errors)

        document = self._settings(settings, survey)
        for sheet in filter(None, (survey, choices)):
            for column in sheet.unknown_languages("label") + sheet.unknown_languages("hint"):
                self.errors.append(f"{sheet.name} sheet, column {column}: unknown language")
        lists = self._choice_lists(choices, document.default_language)
        self._survey(survey, lists, document)
        if not self.errors:
            for found in document_problems(document):
                self.errors.append(self._located(found))
        if self.errors:
            return ReadResult(None, self.errors, self.warnings, self.locations)
        return ReadResult(document, [], self.warnings, self.locations)

    def _located(self, found: Problem) -> str:
        return ReadResult(None, locations=self.locations).located(found)

    def _settings(self, settings, survey) -> QuestionnaireDoc:
        cells, number = {}, None
        if settings is not None and settings.rows:
            number, cells = settings.rows[0]
        default_language = "en"
        if cells.get("default_language"):
            default_language = parse_language(cells["default_language"]) or ""
            if not default_language:
                self.errors.append(
                    f"{settings.where(number, 'default_language')}: unknown language "
                    f"{cells['default_language']!r}"
                )
        elif "label" not in survey.headers and any(k.startswith("label::") for k in survey.headers):
            # No default language: the first language of the label columns is the original.
            first = next(k for k in survey.headers if k.startswith("label::"))
            default_language = parse_language(first.split("::", 1)[1]) or "en"
        title = settings.texts(cells, "form_title", default_language) if settings else {}
        form_id = cells.get("form_id") or self.form_id
        if not form_id:
            self.errors.append(
                "settings sheet: form_id is missing (or give the questionnaire's code)"
            )
        elif not re.fullmatch(r"[A-Za-z0-9_\-]+", form_id):
            self.errors.append(
                f"{settings.where(number, 'form_id')}: {form_id!r} may use only letters, digits, - and _"
            )
        category = (cells.get("category") or self.category or "").lower()
        if not category:
            self.errors.append("settings sheet: category is missing (a, b, c or d; or choose one)")
        split = [p.strip() for p in re.split(r"[;,]", cells.get("clusters", "")) if p.strip()]
        standards = [p.strip() for p in re.split(r"[;,]", cells.get("standards", "")) if p.strip()]
        if not title.get(default_language):
            title[default_language] = form_id or ""
        return QuestionnaireDoc(
            form_id=form_id or "",
            title=title,
            version=cells.get("version", "1"),
            default_language=default_language,
            category=category,
            clusters=[c.lower() for c in split],
            standards=standards,
        )

    def _choice_lists(self, choices, language) -> dict[str, list[ChoiceDoc]]:
        lists: dict[str, list[ChoiceDoc]] = {}
        if choices is None:
            return lists
        for number, cells in choices.rows:
            list_name, name = cells.get("list_name"), cells.get("name")
            if not list_name:
                self.errors.append(
                    f"{choices.where(number, 'list_name')}: the list name is missing"
                )
                continue
            if not name:
                self.errors.append(f"{choices.where(number, 'name')}: the choice's name is missing")
                continue
            items = lists.setdefault(list_name, [])
            if any(item.name == name for item in items):
                self.errors.append(
                    f"{choices.where(number, 'name')}: {name!r} appears twice in the list {list_name!r}"
                )
                continue
            label = choices.texts(cells, "label", language)
            if not label:
                self.errors.append(
                    f"{choices.where(number, 'label')}: the choice {name!r} has no label"
                )
            items.append(ChoiceDoc(name, label))
        return lists

    def _survey(self, survey, lists, document) -> None:
        walk = _SurveyPass(survey, lists, document)
        for number, cells in survey.rows:
            self._survey_row(walk, number, cells)
        for _kind, opened in walk.stack:
            self.errors.append(
                f"{survey.where(opened, 'type')}: this group is never closed with 'end group'"
            )

    def _survey_row(self, walk: _SurveyPass, number: int, cells: dict[str, str]) -> None:
        raw_type = cells.get("type", "")
        kind = re.sub(r"\s+", " ", raw_type.replace("_", " ").strip().lower())
        name = cells.get("name", "")
        where = walk.sheet.where(number, "type")
        if not raw_type:
            if name:
                self.errors.append(f"{where}: the row {name!r} has no type")
        elif kind == "begin group":
            self._begin_group(walk, number, cells)
        elif kind == "end group":
            self._end_group(walk, where)
        elif kind in ("begin repeat", "end repeat"):
            self._unsupported(where, "repeat groups")
        elif kind in META_TYPES:
            self.warnings.append(
                f"{where}: {raw_type!r} is collected automatically by other tools; skipped"
            )
        elif walk.in_table:
            self._table_row(walk.sheet, number, cells, walk.table, walk.lists, walk.language)
        else:
            question = self._question(walk.sheet, number, cells, kind, walk.lists, walk.language)
            if question:
                self._current_section(walk, number).questions.append(question)

    def _current_section(self, walk: _SurveyPass, number: int) -> SectionDoc:
        if walk.section is None:
            walk.implicit += 1
            walk.section = SectionDoc(code=f"S{walk.implicit}", title=dict(walk.document.title))
            walk.document.sections.append(walk.section)
            self.locations.setdefault(walk.section.code, walk.sheet.where(number, "type"))
        return walk.section

    def _begin_group(self, walk: _SurveyPass, number: int, cells: dict[str, str]) -> None:
        survey, name = walk.sheet, cells.get("name", "")
        if "table-list" in cells.get("appearance", "").lower():
            walk.table = self._question(survey, number, cells, "table", walk.lists, walk.language)
            if walk.table:
                self._current_section(walk, number).questions.append(walk.table)
            walk.stack.append(("table", number))
        elif walk.section is None or not walk.stack:
            if not self._valid_name(survey, number, name):
                name = name or f"S{number}"
            walk.section = SectionDoc(
                code=name,
                title=survey.texts(cells, "label", walk.language) or {walk.language: name},
                intro=survey.texts(cells, "hint", walk.language),
            )
            walk.document.sections.append(walk.section)
            self.locations[name] = survey.where(number, "name")
            walk.stack.append(("section", number))
        else:
            # A group inside a section: its questions stay in the section.
            self.warnings.append(
                f"{survey.where(number, 'type')}: the nested group {name!r} was merged "
                "into its section"
            )
            walk.stack.append(("flat", number))

    def _end_group(self, walk: _SurveyPass, where: str) -> None:
        if not walk.stack:
            self.errors.append(f"{where}: 'end group' without a 'begin group'")
            return
        closing, _opened = walk.stack.pop()
        if closing == "table":
            if walk.table is not None and not walk.table.rows:
                self.errors.append(f"{where}: the table {walk.table.code!r} has no rows")
            walk.table = None
        elif closing == "section":
            walk.section = None

    def _unsupported(self, where, what):
        message = f"{where}: {what} are not supported by the portal"
        if self.skip_unsupported:
            self.warnings.append(message + "; the row was left out")
        else:
            self.errors.append(message)

    def _valid_name(self, survey, number, name) -> bool:
        if not name:
            self.errors.append(f"{survey.where(number, 'name')}: the name is missing")
            return False
        if not NAME_PATTERN.match(name):
            self.errors.append(
                f"{survey.where(number, 'name')}: {name!r} is not a valid name "
                "(a letter or _ first, then letters, digits, _, - or .)"
            )
            return False
        return True

    def _table_row(self, survey, number, cells, table, lists, language):
        kind = cells.get("type", "").split()
        if table is None:
            return
        if len(kind) < 2 or kind[0] not in ("select_one", "select1") or kind[1] not in lists:
            self.errors.append(
                f"{survey.where(number, 'type')}: a row of the table {table.code!r} must be "
                "select_one of a list on the choices sheet"
            )
            return
        columns = lists[kind[1]]
        if table.choices and table.choices != columns:
            self.errors.append(
                f"{survey.where(number, 'type')}: every row of the table {table.code!r} must use the same list"
            )
            return
        table.choices = list(columns)
        name = cells.get("name", "")
        prefix = table.code + "."
        row_name = name[len(prefix) :] if name.startswith(prefix) else name
        if not row_name:
            self.errors.append(f"{survey.where(number, 'name')}: the table row has no name")
            return
        table.rows.append(ChoiceDoc(row_name, survey.texts(cells, "label", language)))

    def _question(self, survey, number, cells, kind, lists, language) -> QuestionDoc | None:
        name = cells.get("name", "")
        if not self._valid_name(survey, number, name):
            return None
        if name in self.locations:
            self.errors.append(f"{survey.where(number, 'name')}: the name {name!r} is used twice")
            return None
        self.locations[name] = f"survey sheet, row {number}"
        typed = self._question_type(survey.where(number, "type"), cells, kind, lists)
        if typed is None:
            return None
        question_type, choices, other = typed
        required = self._yes_no(survey, number, cells, "required")
        relevance = self._relevance(survey, number, cells)
        minimum, maximum = self._bounds(survey, number, cells, question_type)
        purpose = cells.get("purpose", "application").lower()
        gender = self._yes_no(survey, number, cells, "gender")
        standards = self._standards(survey, number, cells)
        return QuestionDoc(
            code=name,
            type=question_type,
            text=survey.texts(cells, "label", language),
            help=survey.texts(cells, "hint", language),
            required=required,
            relevance=relevance,
            minimum=minimum,
            maximum=maximum,
            unit=survey.texts(cells, "unit", language),
            choices=choices,
            other_specify=other,
            standards=standards,
            purpose=purpose,
            gender_relevant=gender,
        )

    def _question_type(self, where, cells, kind, lists) -> tuple[str, list[ChoiceDoc], bool] | None:
        """(the portal's question type, its choices, "or other") of a survey row, or None."""
        raw_words = cells.get("type", "").split()
        base = raw_words[0].lower() if raw_words else ""
        if base in ("select_one", "select1", "select_multiple"):
            return self._select_type(where, base, raw_words, lists)
        if kind == "table":
            return "table", [], False
        if base in ("integer", "int", "decimal", "date", "file"):
            return {"int": "integer"}.get(base, base), [], False
        if base in ("text", "string"):
            appearance = cells.get("appearance", "").lower()
            return ("long_text" if "multiline" in appearance else "short_text"), [], False
        self._unsupported(where, f"questions of type {cells.get('type')!r}")
        return None

    def _select_type(
        self, where, base, raw_words, lists
    ) -> tuple[str, list[ChoiceDoc], bool] | None:
        if len(raw_words) < 2:
            self.errors.append(f"{where}: {base} needs the name of a choice list")
            return None
        list_name = raw_words[1]
        other = len(raw_words) > 2 and raw_words[2].lower() == "or_other"
        if list_name not in lists:
            self.errors.append(
                f"{where}: the choice list {list_name!r} is not on the choices sheet"
            )
            return None
        choices = list(lists[list_name])
        values = tuple(c.name for c in choices)
        if base == "select_multiple":
            return "multiple_choice", choices, other
        if list_name in FIXED_SCALE_VALUES and values == FIXED_SCALE_VALUES[list_name]:
            return list_name, [], other
        return "single_choice", choices, other

    def _yes_no(self, survey, number, cells, column) -> bool:
        text = cells.get(column, "").lower()
        if text not in TRUE_VALUES | FALSE_VALUES:
            self.errors.append(
                f"{survey.where(number, column)}: use yes or no, not {cells[column]!r}"
            )
        return text in TRUE_VALUES

    def _relevance(self, survey, number, cells) -> ConditionDoc | None:
        if not cells.get("relevant"):
            return None
        relevance = parse_condition(cells["relevant"])
        if relevance is None:
            self.errors.append(
                f"{survey.where(number, 'relevant')}: {cells['relevant']!r} is not a condition the "
                "portal supports (${question} = 'value', != 'value', or selected(${question}, 'value'))"
            )
        return relevance

    def _bounds(self, survey, number, cells, question_type) -> tuple[str | None, str | None]:
        if not cells.get("constraint"):
            return None, None
        bounds = parse_constraint(cells["constraint"])
        if bounds is None or question_type not in ("integer", "decimal"):
            self.errors.append(
                f"{survey.where(number, 'constraint')}: {cells['constraint']!r} is not a bound the "
                "portal supports (. >= min and . <= max, on integer or decimal questions)"
            )
            return None, None
        for bound in bounds:
            try:
                bound is None or Decimal(bound)
            except InvalidOperation:
                self.errors.append(
                    f"{survey.where(number, 'constraint')}: {bound!r} is not a number"
                )
        return bounds

    def _standards(self, survey, number, cells) -> list[StandardRefDoc]:
        standards = []
        for part in filter(None, (p.strip() for p in cells.get("standards", "").split(";"))):
            match = _STANDARD.match(part)
            if not match:
                self.errors.append(
                    f"{survey.where(number, 'standards')}: {part!r} is not CODE or CODE (provision)"
                )
                continue
            standards.append(
                StandardRefDoc(match.group("code"), (match.group("provision") or "").strip())
            )
        return standards
