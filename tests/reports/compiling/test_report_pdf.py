"""What the PDF and the statistical annex of a report compiled from a small cycle say: one
English report, compiled once for the module (tests/module_data.py), which every test reads."""

import io
import itertools
import re

import pytest
from django.test import TestCase
from django.utils import translation
from openpyxl import load_workbook

from portal.models import Respondent
from portal.multilingual import sort_key
from portal.roles import Role
from reports.writing.formatting import count_text
from tests.factories import user_with_role
from tests.module_data import kept_for_the_module
from tests.reports.compiling.test_report_compile import compiled, pdf_text
from tests.reports.compiling_fixtures import REPLIED, SILENT, report_cycle_build

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def english_report(django_db_setup, django_db_blocker, tmp_path_factory):
    """The cycle of tests/reports/compiling_fixtures.py and its report in English, compiled by the
    worker's task (run at the commit) as when an administrator asks for it."""

    def build():
        administrator = user_with_role(Role.ADMINISTRATOR, username="administrator")
        cycle = report_cycle_build(administrator)
        return cycle, compiled(cycle, administrator, TestCase.captureOnCommitCallbacks)

    yield from kept_for_the_module(django_db_blocker, tmp_path_factory, build)


def test_the_pdf_reads_as_a_report_of_the_secretary_general(english_report):
    _cycle, report = english_report
    text = pdf_text(report)
    assert "E/CN.15/2027/13" in text
    assert "United Nations" in text and "Distr.: General" in text and "Original: English" in text
    assert "Report of the Secretary-General" in text
    assert "Summary" in text and "Contents" in text
    # The contents give paragraph ranges and pages.
    assert re.search(r"I\.\s+Introduction\s+1–\d+\s+\d+", text)
    assert re.search(r"II\.\s+Replies received\s+\d+–\d+\s+\d+", text)
    # Paragraphs are numbered consecutively, from 1.
    numbers = [int(n) for n in re.findall(r"^\s*(\d+)\.\s{2,}\S", text, flags=re.MULTILINE)]
    assert numbers[:5] == [1, 2, 3, 4, 5]
    assert report.page_count and report.page_count >= 5
    # The mandate is cited, in footnotes.
    assert "resolution 2003/30, para. 7" in text
    assert "resolution 2004/28, para. 9" in text


def test_the_counts_by_regional_group_are_the_database_counts(english_report):
    _cycle, report = english_report
    text = pdf_text(report)
    states = Respondent.objects.filter(code__in=REPLIED + SILENT)
    for group, label in [
        ("african", "African States"),
        ("asia_pacific", "Asia-Pacific States"),
        ("eastern_european", "Eastern European States"),
        ("latin_american_caribbean", "Latin American and Caribbean States"),
        ("western_european_others", "Western European and other States"),
    ]:
        invited = states.filter(regional_group=group).count()
        replied = states.filter(regional_group=group, code__in=REPLIED).count()
        rate = f"{100 * replied / invited:.1f}"
        assert re.search(rf"{re.escape(label)}\s+{invited}\s+{replied}\s+{rate}", text), label
    assert re.search(rf"Total\s+{len(REPLIED + SILENT)}\s+{len(REPLIED)}\s", text)
    # "All 10 States that replied reported…" where all did.
    assert re.search(r"(?:All|Of the) 10 States that replied", text)


def test_the_annex_lists_the_respondents_alphabetically(english_report):
    _cycle, report = english_report
    annex = pdf_text(report, layout=False)  # the annex is in columns: read column by column
    annex = annex[annex.rindex("Respondents that replied") :]
    names = sorted(
        (r.list_name("en") for r in Respondent.objects.filter(code__in=REPLIED)),
        key=lambda name: sort_key(name, "en"),
    )
    found = re.findall("|".join(re.escape(n) for n in names), annex)
    assert found == names
    assert "Prison Watch" in annex and annex.index("Prison Watch") > annex.index(names[-1])


def test_the_statistical_annex_has_the_report_numbers(english_report):
    _cycle, report = english_report
    with report.xlsx.open("rb") as file:
        workbook = load_workbook(io.BytesIO(file.read()), read_only=True)
    assert workbook.sheetnames[0] == "Contents" and "Respondents" in workbook.sheetnames
    rows = list(workbook["Table 1"].iter_rows(values_only=True))
    assert rows[0][0].startswith("Table 1. Replies received from States, by regional group")
    body = {row[0]: row[1:4] for row in rows[3:] if row and row[0]}
    for group in report.figures["by_region"]:
        if group["invited"]:
            assert body[group["label"]] == (group["invited"], group["replied"], group["rate"])
    assert body["Total"][:2] == (report.figures["states_invited"], report.figures["states_replied"])
    # The respondents, down to the blank row above the sheet's source.
    rows = workbook["Respondents"].iter_rows(min_row=2, values_only=True)
    respondents = [r[0] for r in itertools.takewhile(any, rows)]
    assert respondents == [r["name"] for r in report.figures["respondents"]]
    # Every table of the report is a sheet.
    tables = [name for name in workbook.sheetnames if name.startswith("Table ")]
    text = pdf_text(report)
    assert len(tables) == len(re.findall(r"^\s*Table \d+\s*$", text, flags=re.MULTILINE))


def test_difficulties_are_counted_from_the_coding(english_report):
    from surveys.models import AnswerTheme, Purpose

    report_cycle, report = english_report
    coded = AnswerTheme.objects.filter(
        answer__reply__cycle=report_cycle,
        answer__reply__respondent__type__code="member_state",
        answer__question__purpose=Purpose.DIFFICULTY,
    )
    for theme in report.figures["difficulties"]:
        states = (
            coded.filter(theme__code=theme["code"]).values("answer__reply__respondent").distinct()
        )
        assert theme["states"] == states.count()
    top = report.figures["difficulties"][0]
    with translation.override("en"):  # counts under ten in words: "(nine States)"
        states = count_text(top["states"])
    assert f"{top['label'].lower()} ({states} States)" in " ".join(pdf_text(report).split())
