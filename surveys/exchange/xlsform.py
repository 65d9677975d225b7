"""Questionnaires as XLSForm workbooks: `survey`, `choices` and `settings` sheets.

The layout is the XLSForm standard (https://xlsform.org), so files open in Excel or LibreOffice
and come from other tools (KoboToolbox, ODK, SurveyCTO), extended with columns other tools ignore:
`standards`, `purpose`, `gender` and `unit::<Language> (<code>)` on the survey sheet, and the title
in every language, the category, clusters and standards on the settings sheet.

Mapping of the portal's question types:
    yes_no, yes_no_partly_dk   select_one yes_no / select_one yes_no_partly_dk (fixed lists)
    single_choice              select_one <list> [or_other]
    multiple_choice            select_multiple <list> [or_other]
    integer, decimal, date, file   the same names
    short_text, long_text      text / text with appearance multiline
    table                      a group with appearance table-list holding one select_one per row
    section                    begin group ... end group

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
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from surveys.questionnaires.documents import (
    FIXED_SCALE_VALUES,
    LANGUAGE_CODES,
    ChoiceDoc,
    ConditionDoc,
    Problem,
    QuestionDoc,
    QuestionnaireDoc,
    SectionDoc,
    StandardRefDoc,
    document_problems,
)
from surveys.questionnaires.scales import FIXED_SCALES

# openpyxl uses defusedxml when it is installed; refuse to parse untrusted files otherwise.
if not openpyxl.xml.DEFUSEDXML:  # pragma: no cover - defusedxml is a declared dependency
    raise ImportError("defusedxml must be installed to read uploaded workbooks safely")

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_ARCHIVE_ENTRIES = 1000
MAX_ROWS = 5000

# XLSForm language columns name the language in English with its code: label::French (fr).
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "ru": "Russian",
    "zh-hans": "Chinese",
    "ar": "Arabic",
}
_XLSFORM_CODE = {"zh-hans": "zh"}
_PORTAL_CODE = {"zh": "zh-hans", "zh-hans": "zh-hans", "zh_hans": "zh-hans", "zh-cn": "zh-hans"}
_BY_NAME = {name.lower(): code for code, name in LANGUAGE_NAMES.items()} | {
    "français": "fr",
    "francais": "fr",
    "español": "es",
    "espanol": "es",
    "русский": "ru",
    "中文": "zh-hans",
    "العربية": "ar",
}

NAME_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
META_TYPES = {
    "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber",
    "username", "email", "audit", "start-geopoint", "background-audio",
}  # fmt: skip
TRUE_VALUES = {"yes", "true", "1", "true()"}
FALSE_VALUES = {"no", "false", "0", "false()", ""}

SURVEY_HEADERS = ("type", "name")
CHOICES_HEADERS = ("list_name", "name")


def language_column(prefix: str, code: str) -> str:
    return f"{prefix}::{LANGUAGE_NAMES[code]} ({_XLSFORM_CODE.get(code, code)})"


def language_label(code: str) -> str:
    return f"{LANGUAGE_NAMES[code]} ({_XLSFORM_CODE.get(code, code)})"


def parse_language(text: str) -> str | None:
    """The portal's code for an XLSForm language: "French (fr)", "fr", "Français" -> "fr"."""
    text = text.strip()
    match = re.search(r"\(([A-Za-z_\-]+)\)\s*$", text)
    if match:
        code = match.group(1).lower()
        code = _PORTAL_CODE.get(code, code)
        return code if code in LANGUAGE_CODES else None
    lowered = text.lower()
    code = _PORTAL_CODE.get(lowered, lowered)
    if code in LANGUAGE_CODES:
        return code
    return _BY_NAME.get(lowered)


# --- Writing -------------------------------------------------------------------------------------


def _condition_text(condition: ConditionDoc, target_type: str) -> str:
    if condition.operator == "selected":
        return f"selected(${{{condition.question}}}, '{condition.value}')"
    value = condition.value if target_type in ("integer", "decimal") else f"'{condition.value}'"
    return f"${{{condition.question}}} {condition.operator} {value}"


def _constraint_text(question: QuestionDoc) -> str:
    parts = []
    if question.minimum is not None:
        parts.append(f". >= {question.minimum}")
    if question.maximum is not None:
        parts.append(f". <= {question.maximum}")
    return " and ".join(parts)


def _standards_text(refs: list[StandardRefDoc]) -> str:
    return "; ".join(f"{r.standard} ({r.provision})" if r.provision else r.standard for r in refs)


def write_workbook(document: QuestionnaireDoc) -> bytes:
    """The XLSForm workbook of `document`, as the bytes of an .xlsx file."""
    languages = list(LANGUAGE_CODES)
    workbook = openpyxl.Workbook()
    survey = workbook.active
    survey.title = "survey"
    choices_sheet = workbook.create_sheet("choices")
    settings_sheet = workbook.create_sheet("settings")

    survey_columns = [
        "type", "name",
        *(language_column("label", c) for c in languages),
        *(language_column("hint", c) for c in languages),
        "required", "relevant", "constraint", "appearance",
        *(language_column("unit", c) for c in languages),
        "standards", "purpose", "gender",
    ]  # fmt: skip
    survey.append(survey_columns)
    column = {name: i for i, name in enumerate(survey_columns)}

    def row(**values):
        cells = [""] * len(survey_columns)
        for key, value in values.items():
            cells[column[key]] = value
        return cells

    def texts(prefix, mapping):
        return {language_column(prefix, c): mapping.get(c, "") for c in languages}

    def add(**values):
        survey.append(row(**values))

    # Choice lists: the fixed scales, then one list per choice question, reusing identical lists.
    lists: dict[str, list[ChoiceDoc]] = {}
    list_of: dict[str, str] = {}
    types = {q.code: q.type for q in document.questions()}
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
            existing = next(
                (name for name, items in lists.items() if items == question.choices), None
            )
            list_of[question.code] = existing or question.code
            lists.setdefault(list_of[question.code], question.choices)

    def common(question):
        return {
            **texts("hint", question.help),
            "required": "yes" if question.required else "",
            "relevant": _condition_text(question.relevance, types[question.relevance.question])
            if question.relevance
            else "",
            "standards": _standards_text(question.standards),
            "purpose": question.purpose,
            "gender": "yes" if question.gender_relevant else "",
        }

    for section in document.sections:
        add(
            type="begin group",
            name=section.code,
            **texts("label", section.title),
            **texts("hint", section.intro),
        )
        for q in section.questions:
            other = " or_other" if q.other_specify else ""
            if q.type == "table":
                add(
                    type="begin group",
                    name=q.code,
                    appearance="table-list",
                    **texts("label", q.text),
                    **common(q),
                )
                for r in q.rows:
                    add(
                        type=f"select_one {list_of[q.code]}",
                        name=f"{q.code}.{r.name}",
                        **texts("label", r.label),
                    )
                add(type="end group")
                continue
            xls_type = {
                "yes_no": f"select_one {list_of.get(q.code)}",
                "yes_no_partly_dk": f"select_one {list_of.get(q.code)}",
                "single_choice": f"select_one {list_of.get(q.code)}{other}",
                "multiple_choice": f"select_multiple {list_of.get(q.code)}{other}",
                "short_text": "text",
                "long_text": "text",
            }.get(q.type, q.type)
            add(
                type=xls_type,
                name=q.code,
                **texts("label", q.text),
                **common(q),
                constraint=_constraint_text(q),
                appearance="multiline" if q.type == "long_text" else "",
                **texts("unit", q.unit),
            )
        add(type="end group")

    choices_columns = ["list_name", "name", *(language_column("label", c) for c in languages)]
    choices_sheet.append(choices_columns)
    for list_name, items in lists.items():
        for choice in items:
            choices_sheet.append(
                [list_name, choice.name, *(choice.label.get(c, "") for c in languages)]
            )

    settings_columns = [
        "form_title", "form_id", "version", "default_language",
        *(language_column("form_title", c) for c in languages),
        "category", "clusters", "standards",
    ]  # fmt: skip
    settings_sheet.append(settings_columns)
    settings_sheet.append(
        [
            document.title.get(document.default_language, ""),
            document.form_id,
            document.version,
            language_label(document.default_language),
            *(document.title.get(c, "") for c in languages),
            document.category,
            "; ".join(document.clusters),
            "; ".join(document.standards),
        ]
    )
    for sheet in (survey, choices_sheet, settings_sheet):
        _style(sheet)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


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


# --- Reading -------------------------------------------------------------------------------------


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
                        str(value).strip() if not isinstance(value, float) else _float_text(value)
                    )
            if cells:
                self.rows.append((number, cells))

    def where(self, number: int, column: str) -> str:
        letter = self.letters.get(column)
        return f"{self.name} sheet, row {number}, column {column}" + (
            f" ({letter})" if letter else ""
        )

    def texts(self, cells: dict, prefix: str, default_language: str) -> dict[str, str]:
        result = {}
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


def _float_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def _check_archive(data: bytes) -> str | None:
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
    problem = _check_archive(data)
    if problem:
        return ReadResult(None, [problem])
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any parse failure is the file's fault
        return ReadResult(None, [f"the workbook cannot be read ({type(error).__name__})"])
    try:
        return _Reader(workbook, form_id, category, skip_unsupported).read()
    finally:
        workbook.close()


class _Reader:
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
        language = document.default_language
        stack: list[tuple[str, int]] = []  # open groups: ("section" | "table" | "flat", row)
        section: SectionDoc | None = None
        table: QuestionDoc | None = None
        implicit = 0

        def current_section(number):
            nonlocal section, implicit
            if section is None:
                implicit += 1
                section = SectionDoc(code=f"S{implicit}", title=dict(document.title))
                document.sections.append(section)
                self.locations.setdefault(section.code, survey.where(number, "type"))
            return section

        for number, cells in survey.rows:
            raw_type = cells.get("type", "")
            kind = re.sub(r"\s+", " ", raw_type.replace("_", " ").strip().lower())
            name = cells.get("name", "")
            where = survey.where(number, "type")
            if not raw_type:
                if name:
                    self.errors.append(f"{where}: the row {name!r} has no type")
                continue
            if kind == "begin group":
                appearance = cells.get("appearance", "").lower()
                if "table-list" in appearance:
                    table = self._question(survey, number, cells, "table", lists, language)
                    if table:
                        current_section(number).questions.append(table)
                    stack.append(("table", number))
                elif section is None or not stack:
                    if not self._valid_name(survey, number, name):
                        name = name or f"S{number}"
                    section = SectionDoc(
                        code=name,
                        title=survey.texts(cells, "label", language) or {language: name},
                        intro=survey.texts(cells, "hint", language),
                    )
                    document.sections.append(section)
                    self.locations[name] = survey.where(number, "name")
                    stack.append(("section", number))
                else:
                    # A group inside a section: its questions stay in the section.
                    self.warnings.append(
                        f"{survey.where(number, 'type')}: the nested group {name!r} was merged "
                        "into its section"
                    )
                    stack.append(("flat", number))
                continue
            if kind == "end group":
                if not stack:
                    self.errors.append(f"{where}: 'end group' without a 'begin group'")
                    continue
                closing, _opened = stack.pop()
                if closing == "table":
                    if table is not None and not table.rows:
                        self.errors.append(f"{where}: the table {table.code!r} has no rows")
                    table = None
                elif closing == "section":
                    section = None
                continue
            if kind in ("begin repeat", "end repeat"):
                self._unsupported(where, "repeat groups")
                continue
            if kind in META_TYPES:
                self.warnings.append(
                    f"{where}: {raw_type!r} is collected automatically by other tools; skipped"
                )
                continue
            if stack and stack[-1][0] == "table":
                self._table_row(survey, number, cells, table, lists, language)
                continue
            question = self._question(survey, number, cells, kind, lists, language)
            if question:
                current_section(number).questions.append(question)
        for _kind, opened in stack:
            self.errors.append(
                f"{survey.where(opened, 'type')}: this group is never closed with 'end group'"
            )

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
        where = survey.where(number, "type")
        if not self._valid_name(survey, number, name):
            return None
        if name in self.locations:
            self.errors.append(f"{survey.where(number, 'name')}: the name {name!r} is used twice")
            return None
        self.locations[name] = f"survey sheet, row {number}"
        question_type, choices, other = None, [], False
        raw_words = cells.get("type", "").split()
        base = raw_words[0].lower() if raw_words else ""
        if base in ("select_one", "select1", "select_multiple"):
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
                question_type = "multiple_choice"
            elif list_name in FIXED_SCALE_VALUES and values == FIXED_SCALE_VALUES[list_name]:
                question_type, choices = list_name, []
            else:
                question_type = "single_choice"
        elif kind == "table":
            question_type = "table"
        elif base in ("integer", "int", "decimal", "date", "file"):
            question_type = {"int": "integer"}.get(base, base)
        elif base in ("text", "string"):
            appearance = cells.get("appearance", "").lower()
            question_type = "long_text" if "multiline" in appearance else "short_text"
        else:
            self._unsupported(where, f"questions of type {cells.get('type')!r}")
            return None

        required_text = cells.get("required", "").lower()
        if required_text not in TRUE_VALUES | FALSE_VALUES:
            self.errors.append(
                f"{survey.where(number, 'required')}: use yes or no, not {cells['required']!r}"
            )
        relevance = None
        if cells.get("relevant"):
            relevance = parse_condition(cells["relevant"])
            if relevance is None:
                self.errors.append(
                    f"{survey.where(number, 'relevant')}: {cells['relevant']!r} is not a condition the "
                    "portal supports (${question} = 'value', != 'value', or selected(${question}, 'value'))"
                )
        minimum = maximum = None
        if cells.get("constraint"):
            bounds = parse_constraint(cells["constraint"])
            if bounds is None or question_type not in ("integer", "decimal"):
                self.errors.append(
                    f"{survey.where(number, 'constraint')}: {cells['constraint']!r} is not a bound the "
                    "portal supports (. >= min and . <= max, on integer or decimal questions)"
                )
            else:
                minimum, maximum = bounds
                for bound in (minimum, maximum):
                    try:
                        bound is None or Decimal(bound)
                    except InvalidOperation:
                        self.errors.append(
                            f"{survey.where(number, 'constraint')}: {bound!r} is not a number"
                        )
        purpose = cells.get("purpose", "application").lower()
        gender = cells.get("gender", "").lower()
        if gender not in TRUE_VALUES | FALSE_VALUES:
            self.errors.append(
                f"{survey.where(number, 'gender')}: use yes or no, not {cells['gender']!r}"
            )
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
        return QuestionDoc(
            code=name,
            type=question_type,
            text=survey.texts(cells, "label", language),
            help=survey.texts(cells, "hint", language),
            required=required_text in TRUE_VALUES,
            relevance=relevance,
            minimum=minimum,
            maximum=maximum,
            unit=survey.texts(cells, "unit", language),
            choices=choices,
            other_specify=other,
            standards=standards,
            purpose=purpose,
            gender_relevant=gender in TRUE_VALUES,
        )
