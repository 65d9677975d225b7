"""The one way the portal writes a cell of an XLSX workbook (report annex, extract, offline
workbook, XLSForm export): text is stored as text, never as a formula.

Spreadsheet programs take text that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
for a formula (OWASP "CSV/formula injection"); openpyxl itself stores any string that begins with
`=` as a formula. A respondent's answer `=HYPERLINK("http://x","click")` would become a live link
in a file the Secretariat, delegates and the public open. Every text cell is therefore a string
cell (`data_type "s"`), and one that begins like a formula also carries Excel's quote prefix, so
that editing the cell in Excel keeps it text. Numbers, dates and empty cells are left as they are.
"""

from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell_value(value: Any) -> Any:
    """`value` as a cell may hold it: text without the control characters XLSX cannot store."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def keep_text(cell: Any) -> Any:
    """Make a cell whose value is text a text cell, whatever the text begins with."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if cell.value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    return cell


def write_cell(cell: Any, value: Any) -> Any:
    """Put `value` into `cell` of a normal worksheet: text stays text, numbers stay numbers."""
    cell.value = safe_cell_value(value)
    return keep_text(cell)


def new_cell(sheet: Any, value: Any) -> Cell:
    """A cell for `sheet.append` (write-only or normal worksheet) holding `value` safely, to be
    given a font or an alignment."""
    return keep_text(WriteOnlyCell(sheet, value=safe_cell_value(value)))


def text_safe_cell(sheet: Any, value: Any) -> Any:
    """`value` for `sheet.append`, safe: text becomes a text cell, a cell already made is made a
    text cell if it holds text, and other values (numbers, dates, None) are left to openpyxl."""
    if isinstance(value, Cell):
        return keep_text(value)
    if isinstance(value, str):
        return new_cell(sheet, value)
    return value


def safe_row(sheet: Any, values: Any) -> list[Any]:
    """A row for `sheet.append` in which no text can become a formula."""
    return [text_safe_cell(sheet, value) for value in values]
