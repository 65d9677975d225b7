"""A report writes each figure alike in its text, its tables and its charts, in its language; and
numbers its paragraphs as United Nations documents do in that language."""

import datetime
import io
import re

import pytest
from django.utils import translation
from django.utils.html import strip_tags

from portal.localformats import number_text, percent_text
from reports.compiling.services import report_render, report_request
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def requested(cycle, by, language):
    return report_request(
        cycles=[cycle], by=by, symbol="E/CN.15/2027/13", language=language, enqueue=False
    )


def rendered(cycle, by, language):
    return report_render(report=requested(cycle, by, language))


def paragraphs(html: str) -> list[str]:
    return [strip_tags(p) for p in re.findall(r'<p class="para".*?</p>', html, flags=re.S)]


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_a_rate_prints_the_same_in_the_chart_the_table_and_the_text(
    administrator, report_cycle, language
):
    compiled = rendered(report_cycle, administrator, language)
    # Without the isolates an Arabic report puts around left-to-right runs.
    html, figures = compiled.html.translate(ISOLATES), compiled.figures
    # Two of the three States of a regional group replied: 66.7 per cent.
    group = next(g for g in figures.by_region if g.invited and g.rate % 1)
    shown = number_text(group.rate, language)
    assert shown == {"en": "66.7", "fr": "66,7", "ar": "66.7"}[language]
    assert f'<td class="num">{shown}</td>' in html  # the table of replies by regional group
    # No figure repeats the table of replies by regional group.
    assert f"({percent_text(group.rate, language)})" not in html
    # The States' response rate, in the table's total row and in the conclusions.
    total = number_text(round(100 * figures.states_replied / figures.states_invited, 1), language)
    assert total == {"en": "71.4", "fr": "71,4", "ar": "71.4"}[language]
    assert f'<td class="num">{total}</td>' in html
    assert any(total in text for text in paragraphs(html))
    # Python's own "18.5" never slips in where the language writes "18,5".
    if language == "fr":
        assert "66.7" not in html and "71.4" not in html


def test_the_statistical_annex_keeps_the_figures_as_numbers(administrator, report_cycle):
    from openpyxl import load_workbook

    from reports.writing.statistical_annex import report_xlsx

    report = requested(report_cycle, administrator, "fr")
    compiled = report_render(report=report)
    with translation.override("fr"):
        data = report_xlsx(report=report, figures=compiled.figures, document=compiled.document)
    workbook = load_workbook(io.BytesIO(data))
    values = [
        cell.value
        for sheet in workbook.worksheets[1:]
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, float)
    ]
    assert 66.7 in values and 71.4 in values  # the rates are numbers, not "66,7"


def test_arabic_paragraphs_are_numbered_n_dash(administrator, report_cycle):
    html = rendered(report_cycle, administrator, "ar").html
    numbers = re.findall(r'<span class="para__number">([^<]*)</span>', html)
    assert numbers[:3] == ["1 -", "2 -", "3 -"]
    english = rendered(report_cycle, administrator, "en").html
    assert re.findall(r'<span class="para__number">([^<]*)</span>', english)[:2] == ["1.", "2."]


def test_a_report_is_dated_as_united_nations_documents_are(
    administrator, report_cycle, time_machine
):
    time_machine.move_to(datetime.datetime(2027, 2, 5, 9, tzinfo=datetime.UTC), tick=False)
    assert rendered(report_cycle, administrator, "ar").document.date == "5 شباط/فبراير 2027"
    assert rendered(report_cycle, administrator, "es").document.date == "5 de febrero de 2027"
