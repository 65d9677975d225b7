"""The report benchmark (issue 6, point 7): called by `manage.py bench` on a synthetic full cycle.

Prints the seconds to aggregate, to render the HTML, to make the PDF (and its page count),
WeasyPrint's own time on the same final HTML, the seconds and peak memory of the XLSX, the number
of database queries of the compilation, and the whole job end to end (as a worker runs it).
Benchmarks are not tests: this prints figures and asserts nothing.
"""

import time
import tracemalloc
import uuid
from io import TextIOBase
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from portal.jobs import JobProgress, JobStatus, job_run
from portal.pdf import DEFAULT_BASE_URL, html_to_pdf_pages, static_files_fetcher
from reports.compiling.services import report_compile, report_render, report_request
from reports.figures.computing import report_figures
from reports.models import Report
from reports.writing.statistical_annex import report_xlsx
from surveys.models import Cycle


def report_bench(*, cycle: Cycle, out: TextIOBase, language: str = "en") -> dict:
    """Measure the compilation of a report on `cycle`; write the figures to `out` and return them."""
    from weasyprint import HTML

    report = report_request(
        cycles=[cycle],
        by=cycle.created_by,
        symbol=f"BENCH/{uuid.uuid4().hex[:8]}",
        language=language,
        again=True,
        enqueue=False,
    )
    figures_out: dict[str, Any] = {}
    try:
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            figures = report_figures(report=report)
            figures_out["aggregate_s"] = time.perf_counter() - started
        figures_out["queries"] = len(queries)

        started = time.perf_counter()
        compiled = report_render(report=report, figures=figures)
        figures_out["html_s"] = time.perf_counter() - started
        figures_out["html_kb"] = len(compiled.html.encode()) / 1024

        started = time.perf_counter()
        pdf, pages = html_to_pdf_pages(html=compiled.html)
        figures_out["pdf_s"] = time.perf_counter() - started
        figures_out["pages"] = pages
        figures_out["pdf_kb"] = len(pdf) / 1024

        started = time.perf_counter()
        HTML(
            string=compiled.html,
            base_url=DEFAULT_BASE_URL,
            url_fetcher=static_files_fetcher(),
        ).write_pdf()
        figures_out["weasyprint_s"] = time.perf_counter() - started

        tracemalloc.start()
        started = time.perf_counter()
        with translation.override(report.language):
            xlsx = report_xlsx(report=report, figures=figures, document=compiled.document)
        figures_out["xlsx_s"] = time.perf_counter() - started
        figures_out["xlsx_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        figures_out["xlsx_kb"] = len(xlsx) / 1024

        # The whole job, as a worker runs it: figures, HTML, PDF, XLSX, files saved.
        started = time.perf_counter()
        job_run(
            model=Report,
            pk=report.pk,
            task_id=f"bench-{uuid.uuid4()}",
            work=_compile,
        )
        figures_out["end_to_end_s"] = time.perf_counter() - started
        report.refresh_from_db()
        figures_out["status"] = report.status
        figures_out["replied"] = figures.replied
    finally:
        _report_delete(report)

    _bench_print(figures_out, out)
    return figures_out


def _compile(report: Report, progress: JobProgress) -> None:
    report_compile(report=report, progress=progress)


def _bench_print(figures_out: dict, out: TextIOBase) -> None:
    """The figures of `report_bench`, one line each."""
    lines = [
        f"  respondents replied          {figures_out.get('replied', '?')}",
        f"  aggregate (pandas)           {figures_out['aggregate_s']:.2f} s, "
        f"{figures_out['queries']} queries",
        f"  render HTML                  {figures_out['html_s']:.2f} s "
        f"({figures_out['html_kb']:.0f} KB)",
        f"  PDF (html_to_pdf_pages)      {figures_out['pdf_s']:.2f} s, "
        f"{figures_out['pages']} pages ({figures_out['pdf_kb']:.0f} KB)",
        f"  WeasyPrint alone, same HTML  {figures_out['weasyprint_s']:.2f} s",
        f"  XLSX                         {figures_out['xlsx_s']:.2f} s, "
        f"peak {figures_out['xlsx_peak_mb']:.1f} MB ({figures_out['xlsx_kb']:.0f} KB)",
        f"  end to end (job_run)         {figures_out['end_to_end_s']:.2f} s, "
        f"{figures_out['status']}",
    ]
    out.write("\n".join(lines) + "\n")
    if figures_out.get("status") != JobStatus.READY:
        out.write("  the report job did not finish READY\n")


def report_queries(*, cycle: Cycle) -> int:
    """How many database queries the compilation of a report on `cycle` makes."""
    report = report_request(
        cycles=[cycle], by=cycle.created_by, symbol=f"BENCH/{uuid.uuid4().hex[:8]}",
        again=True, enqueue=False,
    )  # fmt: skip
    try:
        with CaptureQueriesContext(connection) as queries:
            report_figures(report=report)
        return len(queries)
    finally:
        _report_delete(report)


def _report_delete(report: Report) -> None:
    """The benchmark leaves no report behind (nor its files)."""
    for field in (report.pdf, report.xlsx):
        if field:
            field.delete(save=False)
    Report.objects.filter(pk=report.pk, published_at__isnull=True).delete()
