"""Reading a workbook's sheets the way pyxform (KoboToolbox's and ODK's converter) reads them.

The upload has passed surveys.exchange.workbook_guards before anything here parses it. Then pyxform's
own functions read it: its header and row readers (a run of empty rows ends a sheet, so formatting
carried down to row 65536 costs nothing; empty columns are skipped), its cell-to-text rules, and its
column aliases (`list name`, `label:French` with one colon, `bind:relevant`, `relevance`,
`caption`, `id_string`, `title` ...). Each header becomes the portal's key for it ("label::french
(fr)", "relevant", "constraint_message::french", "form_id"), remembered with its column letter so
every message can name sheet, row and column. `.xls` files are read with xlrd, as pyxform does.
"""

import io
import itertools
import re
from collections.abc import Callable

import openpyxl
import xlrd
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter
from pyxform import aliases
from pyxform.errors import PyXFormError
from pyxform.parsing.sheet_headers import process_header
from pyxform.question import MultipleChoiceQuestion, Option
from pyxform.survey import Survey
from pyxform.xls2json_backends import (
    get_excel_column_headers,
    get_excel_rows,
    is_empty,
    xls_value_to_unicode,
    xlsx_value_to_str,
)
from xlrd.xldate import XLDateAmbiguous

from surveys.exchange.workbook_guards import MAX_ROWS, is_xls
from surveys.exchange.xlsform import parse_language

# pyxform's names of the columns it knows, and its aliases, per sheet.
_COLUMNS = {
    "survey": (set(MultipleChoiceQuestion.get_slot_names()), aliases.survey_header),
    "choices": (set(Option.get_slot_names()), aliases.list_header),
    "settings": (set(Survey.get_slot_names()), aliases.settings_header),
}
# The portal's key for what pyxform calls a column (after its aliases).
_PORTAL_KEY = {
    "list name": "list_name",
    "title": "form_title",
    "id_string": "form_id",
    "jr:constraintmsg": "constraint_message",
    "jr:requiredmsg": "required_message",
    "jr:noapperrorstring": "no_app_error_string",
    "jr:count": "repeat_count",
    "calculate": "calculation",
}
# pyxform groups these under a "bind", "control" or "media" heading: the portal keeps the last word.
_GROUPS = {"bind", "control", "media", "instance"}


def portal_key(tokens: tuple[str, ...]) -> str:
    """The portal's key for a header pyxform split into `tokens`: ("bind", "relevant") ->
    "relevant", ("label", "French (fr)") -> "label::french (fr)", ("bind", "jr:constraintMsg",
    "French") -> "constraint_message::french"."""
    words = [t.strip().lower() for t in tokens if t.strip()]
    if len(words) > 1 and words[0] in _GROUPS:
        words = words[1:]
    if not words:
        return ""
    words[0] = _PORTAL_KEY.get(words[0], words[0])
    return "::".join(words)


def sheet_place(
    sheet: str, row: int | None = None, column: str | None = None, letter: str | None = None
) -> str:
    """Where something is, in the reader's language: "survey sheet, row 12, column relevant (F)"."""
    named = {"sheet": sheet, "row": row, "column": column}
    if column is None:
        place = _("%(sheet)s sheet, row %(row)s") if row else _("%(sheet)s sheet")
    elif row:
        place = _("%(sheet)s sheet, row %(row)s, column %(column)s")
    else:
        place = _("%(sheet)s sheet, column %(column)s")
    place = place % named
    return f"{place} ({letter})" if letter else place


class Sheet:
    """A sheet's rows as dicts keyed by the portal's column keys, with their spreadsheet row
    numbers; the column letter of every key, for messages."""

    def __init__(self, name: str, headers: list[str | None], rows: list[dict[str, str]]):
        self.name = name
        self.headers: list[str] = []
        self.letters: dict[str, str] = {}
        columns, header_aliases = _COLUMNS.get(name, (set(), {}))
        double = any(h and "::" in h for h in headers)
        key_of: dict[str, str] = {}
        for index, header in enumerate(headers, start=1):
            if header is None:
                continue
            _new, tokens = process_header(header, double, header_aliases, columns)
            key = portal_key(tokens)
            if not key:
                continue
            # "label::French (fr)" and "label:: French (fr)" are the same column
            key = re.sub(r"\s*::\s*", "::", key)
            key_of[header] = key
            self.headers.append(key)
            self.letters.setdefault(key, get_column_letter(index))
        self.rows: list[tuple[int, dict[str, str]]] = []
        for number, row in enumerate(rows, start=2):
            cells = {key_of[h]: v for h, v in row.items() if h in key_of and v != ""}
            if cells:
                self.rows.append((number, cells))
        self.empty = not self.headers

    def where(self, number: int | None, column: str) -> str:
        return sheet_place(self.name, number, column, self.letters.get(column))

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

    def used_columns(self) -> dict[str, int]:
        """Each column with a value in some row, and how many rows have one."""
        counts: dict[str, int] = {}
        for _number, cells in self.rows:
            for key in cells:
                counts[key] = counts.get(key, 0) + 1
        return counts


class Workbook:
    """The sheets of an .xlsx or .xls workbook, by lower-cased name, read with pyxform's readers."""

    def __init__(self, data: bytes, errors: list[str]):
        self.errors = errors
        self.names: list[str] = []
        self._raw: dict[str, tuple[list[str | None], list[dict[str, str]]]] = {}
        if is_xls(data):
            self._read_xls(data)
        else:
            self._read_xlsx(data)

    def sheet(self, name: str) -> Sheet | None:
        raw = self._raw.get(name)
        return None if raw is None else Sheet(name, *raw)

    def _add(self, name: str, first_row, row_iter, cell: Callable) -> None:
        key = name.strip().lower()
        self.names.append(key)
        try:
            headers = get_excel_column_headers(
                first_row=(None if is_empty(v) else str(v) for v in first_row)
            )
            rows = get_excel_rows(
                headers=headers,
                rows=itertools.islice(row_iter(len(headers)), MAX_ROWS + 1),
                cell_func=cell,
            )
        except PyXFormError as error:  # "Duplicate column header: label"
            self.errors.append(f"{sheet_place(key, 1)}: {error}")
            return
        except XLDateAmbiguous:
            self.errors.append(
                f"{sheet_place(key)}: " + _("a date cell cannot be read (an ambiguous .xls date)")
            )
            return
        if len(rows) > MAX_ROWS:
            self.errors.append(
                f"{sheet_place(key)}: " + _("more than %(rows)s rows") % {"rows": MAX_ROWS}
            )
            return
        self._raw.setdefault(key, (headers, rows))

    def _read_xlsx(self, data: bytes) -> None:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            for worksheet in workbook.worksheets:
                first = next(worksheet.iter_rows(max_row=1, values_only=True), ())

                def rows(width, worksheet=worksheet):
                    return worksheet.iter_rows(min_row=2, max_col=max(width, 1))

                self._add(worksheet.title, first, rows, _xlsx_cell)
        finally:
            workbook.close()

    def _read_xls(self, data: bytes) -> None:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
        try:
            for worksheet in book.sheets():
                first = worksheet.row_values(0) if worksheet.nrows else []

                def rows(width, worksheet=worksheet):
                    width = min(width, worksheet.ncols)
                    return (
                        tuple(worksheet.cell(r, c) for c in range(width))
                        for r in range(1, worksheet.nrows)
                    )

                def cell(value, _row, _key, datemode=book.datemode):
                    text = value.value.strip() if isinstance(value.value, str) else value.value
                    if is_empty(text):
                        return None
                    if isinstance(text, str):
                        return text  # no-break spaces kept (see _xlsx_cell)
                    return xls_value_to_unicode(text, value.ctype, datemode)

                self._add(worksheet.name, first, rows, cell)
        finally:
            book.release_resources()


def _xlsx_cell(cell, _row: int, _key: str) -> str | None:
    """pyxform's text of an .xlsx cell (its xlsx_to_dict reads cells so), except that a text keeps
    its no-break spaces, which pyxform turns into spaces: French puts one before "?" and ":", and
    the portal's round trip stays exact."""
    value = cell.value
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return None if is_empty(value) else xlsx_value_to_str(value)
