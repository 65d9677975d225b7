"""A report compiled from a small cycle: what the PDF says and what the XLSX holds."""

import io
import itertools
import re
import subprocess

import pytest
from django.utils import translation
from openpyxl import load_workbook

from portal.jobs import JobStatus
from portal.models import Respondent
from portal.multilingual import sort_key
from reports.compiling.services import report_render, report_request
from reports.writing.formatting import count_text
from tests.reports.compiling_fixtures import REPLIED, SILENT, report_cycle_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def compiled(cycle, by, capture, language="en", **options):
    with capture(execute=True):
        report = report_request(
            cycles=[cycle], by=by, symbol="E/CN.15/2027/13", language=language, **options
        )
    report.refresh_from_db()
    assert report.status == JobStatus.READY, report.error
    return report


def pdf_text(report, *, layout=True) -> str:
    with report.pdf.open("rb") as pdf:
        data = pdf.read()
    result = subprocess.run(  # noqa: S603
        ["pdftotext", *(["-layout"] if layout else []), "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    )
    return result.stdout.decode()


def test_the_pdf_reads_as_a_report_of_the_secretary_general(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    report = compiled(report_cycle, administrator, django_capture_on_commit_callbacks)
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


def test_the_counts_by_regional_group_are_the_database_counts(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    report = compiled(report_cycle, administrator, django_capture_on_commit_callbacks)
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


def test_the_annex_lists_the_respondents_alphabetically(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    report = compiled(report_cycle, administrator, django_capture_on_commit_callbacks)
    annex = pdf_text(report, layout=False)  # the annex is in columns: read column by column
    annex = annex[annex.rindex("Respondents that replied") :]
    names = sorted(
        (r.list_name("en") for r in Respondent.objects.filter(code__in=REPLIED)),
        key=lambda name: sort_key(name, "en"),
    )
    found = re.findall("|".join(re.escape(n) for n in names), annex)
    assert found == names
    assert "Prison Watch" in annex and annex.index("Prison Watch") > annex.index(names[-1])


def test_the_statistical_annex_has_the_report_numbers(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    report = compiled(report_cycle, administrator, django_capture_on_commit_callbacks)
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


def test_difficulties_are_counted_from_the_coding(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    from surveys.models import AnswerTheme, Purpose

    report = compiled(report_cycle, administrator, django_capture_on_commit_callbacks)
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


def test_an_arabic_report_is_right_to_left(administrator, report_cycle):
    report = report_request(
        cycles=[report_cycle], by=administrator, symbol="E/CN.15/2027/13", language="ar",
        enqueue=False,
    )  # fmt: skip
    html = report_render(report=report).html
    assert '<html lang="ar" dir="rtl">' in html
    assert "الأمم المتحدة" in html  # "United Nations", translated
    # A practice quoted as written keeps its own language's direction.
    assert 'dir="ltr"' in html


def test_the_figures_labels_are_in_the_reports_language_whatever_the_requesters(report_cycle):
    from django.utils import translation

    from portal.models import RegionalGroup
    from reports.figures.computing import figures_compile

    with translation.override("en"):
        figures = figures_compile(cycle_ids=[report_cycle.pk], statuses=["accepted"], language="ar")
    with translation.override("ar"):
        arabic = str(RegionalGroup.AFRICAN.label)
    assert arabic != "African States"
    assert [r["label"] for r in figures.regions if r["key"] == RegionalGroup.AFRICAN] == [arabic]


def test_requests_are_those_of_the_replies_the_report_counts(report_cycle):
    from reports.figures.computing import figures_compile
    from surveys.models import AssistanceRequest, Reply, ReplyStatus

    def requests_counted():
        return figures_compile(
            cycle_ids=[report_cycle.pk], statuses=["accepted"], language="en"
        ).requests.total

    before = requests_counted()
    returned = Reply.objects.filter(cycle=report_cycle, status=ReplyStatus.ACCEPTED).first()
    AssistanceRequest.objects.create(
        respondent=returned.respondent, reply=returned, description="Training of judges"
    )
    with_it = requests_counted()
    assert with_it == before + 1
    # Returned for clarification: no longer counted, nor are its requests.
    Reply.objects.filter(pk=returned.pk).update(status=ReplyStatus.RETURNED)
    assert requests_counted() == with_it - AssistanceRequest.objects.filter(reply=returned).count()
