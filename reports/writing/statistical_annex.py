"""The statistical annex of a report (openpyxl, write-only: rows stream to the file, so memory stays
flat whatever the report's size): one sheet per table of the report, with the same title and
numbers, and the list of respondents."""

from io import BytesIO
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from portal.multilingual import language_direction
from portal.workbooks import new_cell, safe_row
from reports.figures.structure import ReportFigures
from reports.models import Report
from reports.writing.parts import ReportDocument, Table

# What each sheet was built from, printed at its foot in the report's language.
SOURCES = {
    "replies": gettext_lazy("Source: replies received by the Secretariat"),
    "invitations": gettext_lazy(
        "Source: respondents invited to the cycle and replies received by the Secretariat"
    ),
    "coding": gettext_lazy(
        "Source: replies received by the Secretariat, their texts coded by theme by the Secretariat"
    ),
    "requests": gettext_lazy(
        "Source: requests for technical assistance recorded by the Secretariat"
    ),
    "roster": gettext_lazy(
        "Source: roster of national and regional experts kept by the Secretariat"
    ),
    "comparison": gettext_lazy(
        "Source: replies received by the Secretariat in this cycle and in the previous cycle of "
        "the questionnaire"
    ),
    "practices": gettext_lazy(
        "Source: useful practices reported in the replies, selected by the Secretariat"
    ),
}
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def report_xlsx(*, report: Report, figures: ReportFigures, document: ReportDocument) -> bytes:
    """The XLSX bytes of the statistical annex of `report` (call inside the report's language)."""
    workbook = Workbook(write_only=True)
    contents = workbook.create_sheet(_("Contents")[:31])
    _contents(workbook, contents, report, document)
    for table in document.tables:
        _table_sheet(workbook, table, report)
    _practices_sheet(workbook, figures, report)
    _respondents_sheet(workbook, figures, report)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_name(table: Table) -> str:
    return (_("Table %(number)s") % {"number": table.number})[:31]


def _append(sheet: Any, row: list[Any]) -> None:
    """A row in which text stays text, never a formula (portal.workbooks)."""
    sheet.append(safe_row(sheet, row))


def _cell(sheet: Any, value: Any, *, bold: bool = False, wrap: bool = False) -> Any:
    cell = new_cell(sheet, value)
    if bold:
        cell.font = BOLD
    if wrap:
        cell.alignment = WRAP
    return cell


def _contents(workbook: Workbook, sheet: Any, report: Report, document: ReportDocument) -> None:
    sheet.sheet_view.rightToLeft = document.rtl
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 90
    _append(sheet, [_cell(sheet, report.symbol, bold=True)])
    _append(sheet, [_cell(sheet, report.title, bold=True)])
    _append(sheet, [_("Statistical annex"), document.date])
    _append(sheet, [])
    _append(sheet, [_cell(sheet, _("Sheet"), bold=True), _cell(sheet, _("Table"), bold=True)])
    for table in document.tables:
        _append(sheet, [sheet_name(table), table.title])
    _append(sheet, [_("Useful practices")[:31], _("Useful practices selected for the report")])
    _append(sheet, [_("Respondents")[:31], _("Respondents that replied")])


def _table_sheet(workbook: Workbook, table: Table, report: Report) -> None:
    sheet = workbook.create_sheet(sheet_name(table))
    sheet.sheet_view.rightToLeft = language_direction(report.language) == "rtl"
    sheet.column_dimensions["A"].width = 60
    for letter in "BCDEFGHIJ":
        sheet.column_dimensions[letter].width = 16
    _append(sheet, [_cell(sheet, f"{sheet_name(table)}. {table.title}", bold=True)])
    _append(sheet, [])
    _append(sheet, [_cell(sheet, head, bold=True, wrap=True) for head in table.head])
    for row in table.rows:
        _append(sheet, [_cell(sheet, row[0], wrap=True), *row[1:]])
    if table.total:
        _append(sheet, [_cell(sheet, value, bold=True) for value in table.total])
    _source(sheet, report, table.source)


def _source(sheet: Any, report: Report, source: str) -> None:
    _append(sheet, [])
    _append(sheet, [f"{report.symbol} · {SOURCES[source]}"])


def _respondents_sheet(workbook: Workbook, figures: ReportFigures, report: Report) -> None:
    sheet = workbook.create_sheet(_("Respondents")[:31])
    sheet.sheet_view.rightToLeft = language_direction(figures.language) == "rtl"
    for letter, width in zip("ABCD", (50, 12, 34, 34), strict=True):
        sheet.column_dimensions[letter].width = width
    labels = {r["key"]: r["label"] for r in figures.regions}
    _append(
        sheet,
        [
            _cell(sheet, value, bold=True)
            for value in (_("Respondent"), _("Code"), _("Type"), _("Regional group"))
        ],
    )
    for entry in figures.respondents:
        _append(
            sheet, [entry.name, entry.code, entry.type_label, labels.get(entry.regional_group, "")]
        )
    _source(sheet, report, "replies")


def _practices_sheet(workbook: Workbook, figures: ReportFigures, report: Report) -> None:
    sheet = workbook.create_sheet(_("Useful practices")[:31])
    sheet.sheet_view.rightToLeft = language_direction(figures.language) == "rtl"
    for letter, width in zip("ABCD", (30, 12, 40, 100), strict=True):
        sheet.column_dimensions[letter].width = width
    _append(
        sheet,
        [
            _cell(sheet, value, bold=True)
            for value in (_("Respondent"), _("Question"), _("Topic"), _("Practice"))
        ],
    )
    for cluster in figures.clusters:
        for topic in cluster.topics:
            for practice in topic.practices:
                _append(
                    sheet,
                    [
                        practice.respondent,
                        practice.question,
                        topic.title,
                        _cell(sheet, practice.text, wrap=True),
                    ],
                )
    _source(sheet, report, "practices")
