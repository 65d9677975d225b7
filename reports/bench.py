"""The report benchmark (issue 6, point 7): called by `manage.py bench` on a synthetic full cycle.

Prints the seconds to aggregate, to render the HTML, to make the PDF (and its page count),
WeasyPrint's own time on the same final HTML with the same options, the seconds and peak memory of
the XLSX, the number of database queries of the compilation, the whole job end to end (as a worker
runs it) against WeasyPrint plus the XLSX, and the job of the six language versions (one
aggregation, the PDFs in parallel processes) against the job of one language; the two ratios last.
Benchmarks are not tests: this prints figures and asserts nothing.
"""

import contextlib
import os
import statistics
import time
import tracemalloc
import uuid
from collections.abc import Iterator
from io import TextIOBase
from typing import Any

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from portal.jobs import JobProgress, JobStatus, job_run, job_run_together
from portal.pdf import (
    DEFAULT_BASE_URL,
    PDF_OPTIONS,
    collector_paused,
    html_to_pdf_pages,
    static_files_fetcher,
)
from reports.compiling.languages import report_compile_languages
from reports.compiling.services import (
    CompiledReport,
    report_compile,
    report_render,
    report_request,
)
from reports.figures.computing import report_figures, report_figures_in_turn
from reports.figures.structure import ReportFigures
from reports.models import Report
from reports.writing.statistical_annex import report_xlsx
from surveys.models import Cycle


def report_bench(*, cycle: Cycle, out: TextIOBase, language: str = "en", rounds: int = 3) -> dict:
    """Measure the compilation of a report on `cycle`; write the figures to `out` and return them.

    WeasyPrint alone (same HTML, same options), the XLSX and the whole job are measured `rounds`
    times, alternately, and their medians compared: other work on the machine moves them alike."""
    report = _bench_report(cycle, language)
    figures_out: dict[str, Any] = {}
    try:
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            figures = report_figures(report=report)
            figures_out["aggregate_s"] = time.perf_counter() - started
        figures_out["queries"] = len(queries)
        figures_out["replied"] = figures.replied

        started = time.perf_counter()
        compiled = report_render(report=report, figures=figures)
        figures_out["html_s"] = time.perf_counter() - started
        figures_out["html_kb"] = len(compiled.html.encode()) / 1024

        started = time.perf_counter()
        pdf, pages = html_to_pdf_pages(html=compiled.html)
        figures_out["pdf_s"] = time.perf_counter() - started
        figures_out["pages"] = pages
        figures_out["pdf_kb"] = len(pdf) / 1024

        tracemalloc.start()
        with translation.override(report.language):
            xlsx = report_xlsx(report=report, figures=figures, document=compiled.document)
        figures_out["xlsx_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        figures_out["xlsx_kb"] = len(xlsx) / 1024

        figures_out.update(_rounds(cycle, report, figures, compiled, rounds))
        figures_out.update(_languages_bench(cycle, rounds))
    finally:
        _report_delete(report)

    _bench_print(figures_out, out)
    return figures_out


def _rounds(
    cycle: Cycle, report: Report, figures: ReportFigures, compiled: CompiledReport, rounds: int
) -> dict:
    """The medians of WeasyPrint alone, the XLSX and the whole job (as a worker runs it: figures,
    HTML, PDF, XLSX, files saved), measured in turn `rounds` times."""
    from weasyprint import HTML

    times: dict[str, list[float]] = {}
    status = ""
    for _round in range(rounds):
        # With the garbage collector stopped, as the portal makes its PDFs (portal.pdf).
        with _timed(times, "weasyprint_s"), collector_paused():
            HTML(
                string=compiled.html,
                base_url=DEFAULT_BASE_URL,
                url_fetcher=static_files_fetcher(),
            ).write_pdf(**PDF_OPTIONS)

        with _timed(times, "xlsx_s"), translation.override(report.language):
            report_xlsx(report=report, figures=figures, document=compiled.document)

        job = _bench_report(cycle, report.language)
        try:
            with _timed(times, "end_to_end_s"):
                job_run(model=Report, pk=job.pk, task_id=f"bench-{uuid.uuid4()}", work=_compile)
            job.refresh_from_db()
            status = job.status
        finally:
            _report_delete(job)
    medians = {key: statistics.median(values) for key, values in times.items()}
    floor = medians["weasyprint_s"] + medians["xlsx_s"]
    return {
        **medians,
        "rounds": rounds,
        "status": status,
        "floor_ratio": medians["end_to_end_s"] / floor,
        "floor_ratio_cpu": medians["end_to_end_s_cpu"]
        / (medians["weasyprint_s_cpu"] + medians["xlsx_s_cpu"]),
    }


def _languages_bench(cycle: Cycle, rounds: int) -> dict:
    """A report in the six languages: their figures from six aggregations against one; then, in
    turn `rounds` times, the job of one language (as `report_compile_task` runs it) and the job of
    the six (as `report_compile_languages_task` runs it: one aggregation, the PDFs in parallel
    processes), compared by their medians."""
    reports = [_bench_report(cycle, language) for language, _name in settings.LANGUAGES]
    languages = [report.language for report in reports]
    try:
        started = time.perf_counter()
        for report in reports:
            report_figures(report=report)
        apart = time.perf_counter() - started
        started = time.perf_counter()
        dict(report_figures_in_turn(report=reports[0], languages=languages))
        shared = time.perf_counter() - started
    finally:
        for report in reports:
            _report_delete(report)
    times: dict[str, list[float]] = {}
    statuses: set[str] = set()
    for _round in range(rounds):
        one = _bench_report(cycle, languages[0])
        reports = [_bench_report(cycle, language) for language in languages]
        try:
            with _timed(times, "one_language_s"):
                job_run(model=Report, pk=one.pk, task_id=f"bench-{uuid.uuid4()}", work=_compile)
            with _timed(times, "languages_s"):
                job_run_together(
                    model=Report,
                    pks=[report.pk for report in reports],
                    task_id=f"bench-{uuid.uuid4()}",
                    work=_compile_languages,
                )
            statuses.update(
                Report.objects.filter(pk__in=[r.pk for r in reports]).values_list(
                    "status", flat=True
                )
            )
        finally:
            for report in [one, *reports]:
                report.refresh_from_db()
                _report_delete(report)
    medians = {key: statistics.median(values) for key, values in times.items()}
    return {
        **medians,
        "languages": len(languages),
        "languages_status": ", ".join(sorted(statuses)),
        "pdf_processes": min(settings.PDF_PROCESSES, len(languages)),
        "aggregate_apart_s": apart,
        "aggregate_shared_s": shared,
        "languages_ratio": medians["languages_s"] / medians["one_language_s"],
        "languages_ratio_cpu": medians["languages_s_cpu"] / medians["one_language_s_cpu"],
    }


@contextlib.contextmanager
def _timed(times: dict[str, list[float]], key: str) -> Iterator[None]:
    """Append the block's wall seconds to `times[key]`, and its CPU seconds (this process's and
    those of the processes it started and waited for) to `times[key + "_cpu"]`."""
    cpu, started = _cpu_seconds(), time.perf_counter()
    yield
    times.setdefault(key, []).append(time.perf_counter() - started)
    times.setdefault(f"{key}_cpu", []).append(_cpu_seconds() - cpu)


def _cpu_seconds() -> float:
    used = os.times()
    return used.user + used.system + used.children_user + used.children_system


def _bench_report(cycle: Cycle, language: str) -> Report:
    return report_request(
        cycles=[cycle],
        by=cycle.created_by,
        symbol=f"BENCH/{uuid.uuid4().hex[:8]}",
        language=language,
        again=True,
        enqueue=False,
    )


def _compile(report: Report, progress: JobProgress) -> None:
    report_compile(report=report, progress=progress)


def _compile_languages(reports: list[Report], progress: JobProgress) -> None:
    report_compile_languages(reports=reports, progress=progress)


def _bench_print(figures_out: dict, out: TextIOBase) -> None:
    """The figures of `report_bench`, one line each."""
    rounds = f"median of {figures_out['rounds']}"
    lines = [
        f"  respondents replied          {figures_out.get('replied', '?')}",
        f"  aggregate                    {figures_out['aggregate_s']:.2f} s, "
        f"{figures_out['queries']} queries",
        f"  render HTML                  {figures_out['html_s']:.2f} s "
        f"({figures_out['html_kb']:.0f} KB)",
        f"  PDF (html_to_pdf_pages)      {figures_out['pdf_s']:.2f} s, "
        f"{figures_out['pages']} pages ({figures_out['pdf_kb']:.0f} KB)",
        f"  WeasyPrint alone, same HTML  {figures_out['weasyprint_s']:.2f} s ({rounds}, tagged "
        "PDF/UA as the portal makes it)",
        f"  XLSX                         {figures_out['xlsx_s']:.2f} s ({rounds}), "
        f"peak {figures_out['xlsx_peak_mb']:.1f} MB ({figures_out['xlsx_kb']:.0f} KB)",
        f"  end to end (job_run)         {figures_out['end_to_end_s']:.2f} s ({rounds}), "
        f"{figures_out['status']}",
        f"  {figures_out['languages']} languages, figures       "
        f"{figures_out['aggregate_apart_s']:.2f} s apart, "
        f"{figures_out['aggregate_shared_s']:.2f} s from one reading",
        f"  one language, one job        {figures_out['one_language_s']:.2f} s ({rounds})",
        f"  {figures_out['languages']} languages in one job     "
        f"{figures_out['languages_s']:.2f} s ({rounds}, PDFs in "
        f"{figures_out['pdf_processes']} processes), {figures_out['languages_status']}",
        f"  CPUs {os.cpu_count()}, load average at the end "
        f"{os.getloadavg()[0]:.1f} (other work on the machine slows the parallel PDFs most)",
        f"  CPU seconds (medians; this process and its PDF processes): WeasyPrint "
        f"{figures_out['weasyprint_s_cpu']:.2f}, XLSX {figures_out['xlsx_s_cpu']:.2f}, end to end "
        f"{figures_out['end_to_end_s_cpu']:.2f}; one language "
        f"{figures_out['one_language_s_cpu']:.2f}, {figures_out['languages']} languages "
        f"{figures_out['languages_s_cpu']:.2f}",
        "  ratios:",
        f"    end to end / (WeasyPrint + XLSX)     {figures_out['floor_ratio']:.2f} x "
        f"(aim: at most 1.10 x) {_verdict(figures_out['floor_ratio'] <= 1.10)}",
        f"    {figures_out['languages']} languages / one language        "
        f"{figures_out['languages_ratio']:.2f} x (aim: under 3 x) "
        f"{_verdict(figures_out['languages_ratio'] < 3)}",
        f"    in CPU seconds, load aside: end to end {figures_out['floor_ratio_cpu']:.2f} x "
        f"WeasyPrint + XLSX; {figures_out['languages']} languages "
        f"{figures_out['languages_ratio_cpu']:.2f} x one language (on "
        f"{figures_out['pdf_processes']} free CPUs at best "
        f"{figures_out['languages_ratio_cpu'] / figures_out['pdf_processes']:.2f} x)",
    ]
    out.write("\n".join(lines) + "\n")
    if figures_out.get("status") != JobStatus.READY:
        out.write("  the report job did not finish READY\n")


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def report_queries(*, cycle: Cycle) -> int:
    """How many database queries the compilation of a report on `cycle` makes."""
    report = _bench_report(cycle, "en")
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
