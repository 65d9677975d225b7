"""`make bench`: figures for a synthetic full cycle (bench.synthetic) on the configured database.

It refuses a database whose name does not contain "bench" (pass --force to run anyway): the data
is built there and deleted afterwards (--keep leaves it for inspection), but a benchmark has no
business on a database people use. `make bench` uses DATABASE_URL when set, else var/bench.sqlite3.

Printed: seconds to build the data; for the staff's XLSX extract, measured in a fresh process (so
that its memory is its own): seconds, tracemalloc peak, process max RSS, rows, columns, file size,
and the number of database queries for the full cycle and for a 20-respondent cycle (it must not
grow with respondents); then the report's figures (reports.bench.report_bench) when that module
exists.
"""

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
import uuid

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

MB = 1024 * 1024


def _max_rss_bytes() -> int:
    # Linux reports kilobytes, macOS bytes.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024


def _dedicated(name: str) -> bool:
    return "bench" in os.path.basename(str(name)).lower()


class Command(BaseCommand):
    help = (
        "Build a synthetic full cycle (193 Member States and 60 other respondents answering the "
        "category (a) questionnaire) and print how long the XLSX extract (and the report, if "
        "reports/bench.py exists) take, their memory and their database queries."
    )

    def add_arguments(self, parser):
        parser.add_argument("--member-states", type=int, default=None, help="default: all 193")
        parser.add_argument("--others", type=int, default=60, help="other respondents (60)")
        parser.add_argument("--subset", type=int, default=20, help="respondents of the small cycle")
        parser.add_argument("--seed", type=int, default=2027)
        parser.add_argument("--keep", action="store_true", help="leave the synthetic data")
        parser.add_argument(
            "--force", action="store_true", help="run on a database whose name lacks 'bench'"
        )
        parser.add_argument("--measure-extract", type=int, help=argparse.SUPPRESS)

    def handle(self, *args, **options):
        if options["measure_extract"]:
            self.stdout.write(json.dumps(_measure_extract(options["measure_extract"])))
            return
        name = settings.DATABASES["default"]["NAME"]
        if not (_dedicated(name) or options["force"]):
            raise CommandError(
                f"Refusing to build benchmark data in the database {name!r}: its name does not "
                "contain 'bench'. Point DATABASE_URL at a dedicated database "
                "(e.g. postgres://.../portal_bench) or pass --force."
            )
        from django.core.management import call_command

        from bench.synthetic import synthetic_cycle_build, synthetic_data_delete
        from portal.models import Respondent
        from surveys.models import Answer

        if not Respondent.objects.filter(type__code="member_state").exists():
            call_command("load_reference_data", verbosity=0)
        removed = synthetic_data_delete()  # what an interrupted run left behind
        if removed:
            cycles = "cycle" if removed == 1 else "cycles"
            self.stdout.write(f"Removed {removed} synthetic {cycles} left by an earlier run.")

        out = self.stdout
        out.write(f"Database: {connection.vendor} ({name})")
        started = time.perf_counter()
        cycle = synthetic_cycle_build(
            member_states=options["member_states"],
            respondents_other=options["others"],
            seed=options["seed"],
        )
        built = time.perf_counter() - started
        replies = cycle.replies.count()
        answers = Answer.objects.filter(reply__cycle=cycle).count()
        out.write(self.style.SUCCESS("Synthetic cycle"))
        out.write(f"  {replies} accepted replies, {answers} answers: built in {built:.1f} s")
        try:
            full = self._extract_figures(cycle, "full cycle")
            subset_size = options["subset"]
            small = synthetic_cycle_build(
                member_states=max(subset_size - subset_size // 4, 1),
                respondents_other=subset_size // 4,
                seed=options["seed"] + 1,
            )
            subset = self._extract_figures(small, f"{subset_size}-respondent cycle", brief=True)
            same = full["build_queries"] == subset["build_queries"]
            out.write(
                f"  queries of the build: {full['build_queries']} for {full['rows']} respondents, "
                f"{subset['build_queries']} for {subset['rows']}: "
                + ("the same" if same else self.style.ERROR("they differ"))
            )
            self._report(cycle, small)
        finally:
            if options["keep"]:
                out.write(f"Kept the synthetic cycle {cycle.pk} ({cycle}).")
            else:
                synthetic_data_delete()
                out.write("Synthetic data deleted.")

    def _extract_figures(self, cycle, what: str, *, brief: bool = False) -> dict:
        """Build the extract in a fresh process; print and return its figures."""
        command = [sys.executable, str(settings.BASE_DIR / "manage.py"), "bench",
                   "--measure-extract", str(cycle.pk)]  # fmt: skip
        result = subprocess.run(  # noqa: S603 - our own command
            command, capture_output=True, text=True, env=os.environ.copy(), check=False
        )
        if result.returncode:
            raise CommandError(f"The extract failed:\n{result.stderr}")
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        out = self.stdout
        if brief:
            return figures
        out.write(self.style.SUCCESS(f"XLSX extract ({what}, in a fresh process)"))
        out.write(
            f"  {figures['seconds']:.2f} s through job_run "
            f"({figures['queries']} queries, {figures['progress_writes']} of them progress writes)"
        )
        out.write(
            f"  peak memory: tracemalloc {figures['tracemalloc_peak'] / MB:.1f} MB "
            f"(a second build, {figures['traced_seconds']:.2f} s under tracemalloc); "
            f"process max RSS {figures['max_rss'] / MB:.1f} MB "
            f"({figures['rss_before'] / MB:.1f} MB before the build)"
        )
        out.write(
            f"  {figures['rows']} rows x {figures['columns']} columns, "
            f"{figures['coded']} coded answers, {figures['requests']} requests, "
            f"file {figures['size'] / 1024:.0f} KiB"
        )
        out.write(
            "  openpyxl writes XML with "
            + ("lxml" if figures["lxml"] else "et_xmlfile (pure Python; lxml is about 4x faster)")
        )
        verdict = figures["seconds"] < 10 and figures["max_rss"] < 500 * MB
        out.write(
            "  bar (under 10 s and 500 MB): "
            + (self.style.SUCCESS("met") if verdict else self.style.ERROR("NOT met"))
        )
        return figures

    def _report(self, cycle, small) -> None:
        from reports.bench import report_bench, report_queries

        self.stdout.write(self.style.SUCCESS("Report"))
        full = report_bench(cycle=cycle, out=self.stdout)
        queries = report_queries(cycle=small)
        same = full["queries"] == queries
        self.stdout.write(
            f"  queries of the compilation: {full['queries']} for {full['replied']} respondents, "
            f"{queries} for {small.replies.count()}: "
            + ("the same" if same else self.style.ERROR("they differ"))
        )


def _measure_extract(cycle_pk: int) -> dict:
    """Run in a fresh process: one build through job_run (timed, queries counted), then one more
    under tracemalloc for the peak of Python allocations."""
    from bench.synthetic import synthetic_administrator
    from portal.jobs import job_run
    from surveys.extracts.services import reply_extract_build
    from surveys.models import Cycle, ReplyExtract

    cycle = Cycle.objects.get(pk=cycle_pk)
    by = synthetic_administrator()
    facts = {}

    def work(job, progress):
        facts["built"] = reply_extract_build(extract=job, progress=progress)

    extract = ReplyExtract.objects.create(cycle=cycle, requested_by=by)
    gc.collect()
    rss_before = _max_rss_bytes()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        ran = job_run(model=ReplyExtract, pk=extract.pk, task_id=f"bench-{uuid.uuid4()}", work=work)
    seconds = time.perf_counter() - started
    max_rss = _max_rss_bytes()
    extract.refresh_from_db()
    if not ran:
        raise CommandError(f"The extract failed: {extract.error}")
    size = extract.file.size
    progress_writes = sum(
        1 for q in queries.captured_queries if q["sql"].startswith("UPDATE") and "heartbeat_at" in q["sql"]
    )  # fmt: skip

    # The query count of the build itself (no job bookkeeping, no progress writes).
    second = ReplyExtract.objects.create(cycle=cycle, requested_by=by)
    with CaptureQueriesContext(connection) as build_queries:
        reply_extract_build(extract=second, progress=lambda percent, stage: None)

    third = ReplyExtract.objects.create(cycle=cycle, requested_by=by)
    tracemalloc.start()
    traced = time.perf_counter()
    reply_extract_build(extract=third, progress=lambda percent, stage: None)
    traced_seconds = time.perf_counter() - traced
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    for row in (extract, second, third):
        row.refresh_from_db()
        row.file.delete(save=False)
        row.delete()
    built = facts["built"]
    import openpyxl

    return {
        "lxml": openpyxl.LXML,
        "seconds": seconds,
        "queries": len(queries),
        "progress_writes": progress_writes,
        "build_queries": len(build_queries),
        "traced_seconds": traced_seconds,
        "tracemalloc_peak": peak,
        "rss_before": rss_before,
        "max_rss": max_rss,
        "rows": built.rows,
        "columns": built.columns,
        "coded": built.coded_answers,
        "requests": built.requests,
        "size": size,
    }
