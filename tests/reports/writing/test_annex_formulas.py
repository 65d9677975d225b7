"""The statistical annex keeps a respondent's text as text: an answer that looks like a formula,
quoted as a useful practice, is never a live formula in the workbook delegates download."""

import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from reports.compiling.services import report_render, report_request
from reports.writing.statistical_annex import report_xlsx
from surveys.models import Answer, UsefulPractice
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x","click")'


def test_a_practice_that_looks_like_a_formula_is_written_as_text(administrator, report_cycle):
    practice = UsefulPractice.objects.filter(featured=True).first()
    assert practice is not None
    Answer.objects.filter(pk=practice.answer_id).update(value=FORMULA)
    UsefulPractice.objects.filter(pk=practice.pk).update(summary={})  # quoted as written
    report = report_request(
        cycles=[report_cycle], by=administrator, symbol="E/CN.15/2027/13", language="en",
        enqueue=False,
    )  # fmt: skip
    compiled = report_render(report=report)
    with translation.override("en"):
        data = report_xlsx(report=report, figures=compiled.figures, document=compiled.document)

    sheet = load_workbook(io.BytesIO(data))["Useful practices"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == FORMULA]
    assert cells, "the practice is in the annex"
    assert all(cell.data_type == "s" for cell in cells)
    # The figures of the other sheets are still numbers.
    numbers = [
        cell.value
        for other in load_workbook(io.BytesIO(data)).worksheets[1:]
        for row in other.iter_rows()
        for cell in row
        if isinstance(cell.value, int | float)
    ]
    assert numbers
