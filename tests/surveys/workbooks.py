import io

import openpyxl


def workbook_bytes(sheets: dict[str, list[list]]) -> bytes:
    """An .xlsx file with the given sheets, each a list of rows (the first row is the header)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def edited(data: bytes, edit) -> bytes:
    """The workbook `data` after `edit(workbook)` changed it."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    edit(workbook)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def find_row(sheet, column: str, value: str) -> int:
    header = [cell.value for cell in sheet[1]]
    index = header.index(column)
    for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        if row[index] == value:
            return number
    raise LookupError(value)


def set_cell(sheet, row: int, column: str, value) -> None:
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=row, column=header.index(column) + 1, value=value)
