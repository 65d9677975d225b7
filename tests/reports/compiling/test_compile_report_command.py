"""manage.py compile_report: the same service, run here and now, writing the PDF and the XLSX."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from portal.jobs import JobStatus
from reports.models import Report
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def test_it_writes_the_pdf_and_the_annex(administrator, report_cycle, tmp_path):
    call_command(
        "compile_report", str(report_cycle.pk), "--symbol", "E/CN.15/2027/13",
        "--statuses", "accepted,submitted", "--agenda-item", "6", "-o", str(tmp_path / "out"),
        stdout=io.StringIO(),
    )  # fmt: skip
    report = Report.objects.get()
    assert report.status == JobStatus.READY and report.attempts == 1
    assert report.reply_statuses == ["accepted", "submitted"]
    pdf = tmp_path / "out" / "E_CN.15_2027_13-en-v1.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    workbook = load_workbook(tmp_path / "out" / "E_CN.15_2027_13-en-v1.xlsx", read_only=True)
    assert "Table 1" in workbook.sheetnames


def test_it_refuses_an_unknown_status_or_no_cycle(administrator, report_cycle):
    with pytest.raises(CommandError, match="Unknown reply status"):
        call_command("compile_report", str(report_cycle.pk), "--statuses", "maybe")
    with pytest.raises(CommandError, match="cycle"):
        call_command("compile_report")
