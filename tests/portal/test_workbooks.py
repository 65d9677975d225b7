"""portal.workbooks: text that a spreadsheet would take for a formula is written as text; numbers,
dates and empty cells keep their type, in normal and write-only workbooks alike."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from portal.workbooks import FORMULA_STARTS, new_cell, safe_row, write_cell

FORMULA = '=HYPERLINK("http://x","click")'
DANGEROUS = [FORMULA, "+1+2", "-1+2", "@SUM(A1)", "\t=1+2", "\r=1+2"]


def reopened(workbook: Workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return load_workbook(io.BytesIO(buffer.getvalue())).worksheets[0]


@pytest.mark.parametrize("write_only", [False, True])
def test_text_that_looks_like_a_formula_stays_text_and_numbers_stay_numbers(write_only):
    workbook = Workbook(write_only=write_only)
    sheet = workbook.create_sheet("s") if write_only else workbook.active
    row = [*DANGEROUS, 12, Decimal("-3.5"), datetime.date(2027, 1, 31), None, "${a} + ${b}"]
    sheet.append(safe_row(sheet, row))
    sheet.append(safe_row(sheet, [new_cell(sheet, FORMULA), new_cell(sheet, 7)]))

    sheet = reopened(workbook)
    first = list(sheet.iter_rows(min_row=1, max_row=1))[0]
    for cell, value in zip(first, DANGEROUS, strict=False):
        assert (cell.value, cell.data_type) == (value, "s"), value
        assert cell.quotePrefix, value  # and Excel keeps it text when the cell is edited
    assert [c.value for c in first[6:9]] == [12, -3.5, datetime.datetime(2027, 1, 31)]
    assert first[6].data_type == "n" and first[9].value is None
    assert (first[10].value, first[10].quotePrefix) == ("${a} + ${b}", False)
    second = list(sheet.iter_rows(min_row=2, max_row=2))[0]
    assert (second[0].value, second[0].data_type) == (FORMULA, "s")
    assert (second[1].value, second[1].data_type) == (7, "n")


def test_write_cell_keeps_a_formula_as_text_and_drops_characters_xlsx_cannot_hold():
    workbook = Workbook()
    sheet = workbook.active
    write_cell(sheet["A1"], FORMULA)
    write_cell(sheet["A2"], "bell\x07 rings")
    write_cell(sheet["A3"], 42)

    sheet = reopened(workbook)
    assert (sheet["A1"].value, sheet["A1"].data_type) == (FORMULA, "s")
    assert sheet["A2"].value == "bell rings"
    assert (sheet["A3"].value, sheet["A3"].data_type) == (42, "n")


def test_every_start_a_spreadsheet_reads_as_a_formula_is_covered():
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}
