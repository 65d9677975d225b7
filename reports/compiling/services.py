"""Report jobs: asking for a report, and compiling it (DESIGN.md, "What the reports contain";
lifecycle queued → compiling → ready | failed → published).

A report is compiled by a Celery worker on the "documents" queue, never in a web request:
`report_request` records the row and enqueues its task after the transaction commits; the task
calls `report_compile` through `portal.jobs.job_run`, which runs it once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from clusters.models import Category, Cluster, Standard
from portal.bidi import isolated_html
from portal.jobs import JobStatus, job_enqueue
from portal.models import User
from portal.multilingual import in_language, language_direction
from portal.pdf import html_to_pdf_pages
from reports.figures.computing import report_figures
from reports.figures.structure import ReportFigures
from reports.models import Report, default_statuses
from reports.writing.document import report_document
from reports.writing.parts import ReportDocument
from reports.writing.statistical_annex import report_xlsx
from reports.writing.translations import translations_needed
from reports.writing.wordcount import word_count
from surveys.models import Cycle, ReplyStatus

DEFAULT_TITLE = "Use and application of United Nations standards and norms in crime prevention and criminal justice"  # noqa: E501


class ReportRefused(Exception):
    """The report cannot be asked for so; the message says why."""


def report_parameters_key(
    *,
    cycles: Iterable[int],
    category: int | None,
    cluster: int | None,
    standards: Iterable[int],
    title: str,
    commission_session: str,
    session_dates: str,
    agenda_item: str,
    symbol: str,
    language: str,
    reply_statuses: Iterable[str],
) -> str:
    """Everything a report was asked with, hashed: the same request gives the same key."""
    parameters = {
        "cycles": sorted(cycles),
        "category": category,
        "cluster": cluster,
        "standards": sorted(standards),
        "title": title.strip(),
        "commission_session": commission_session.strip(),
        "session_dates": session_dates.strip(),
        "agenda_item": agenda_item.strip(),
        "symbol": symbol.strip(),
        "language": language,
        "reply_statuses": sorted(set(reply_statuses)),
    }
    encoded = json.dumps(parameters, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


def report_request(
    *,
    cycles: Iterable[Cycle],
    by: User,
    symbol: str,
    commission_session: str = "",
    agenda_item: str = "",
    title: str = "",
    session_dates: str = "",
    language: str = "en",
    reply_statuses: Iterable[str] | None = None,
    category: Category | None = None,
    cluster: Cluster | None = None,
    standards: Iterable[Standard] = (),
    again: bool = False,
    enqueue: bool = True,
) -> Report:
    """Ask for a report on `cycles`; returns the job.

    Asking again with the same parameters while a report is queued, compiling, or ready and not
    yet published returns that report instead of compiling twice. `again` ("compile again")
    always makes a new version. `enqueue=False` leaves the running to the caller (the command).
    Only administrators ask for reports (PermissionDenied otherwise).
    """
    if not (by.is_authenticated and by.is_administrator):
        raise PermissionDenied
    cycles = list(cycles)
    standards = list(standards)
    statuses = _request_checked(
        cycles=cycles,
        category=category,
        cluster=cluster,
        standards=standards,
        reply_statuses=reply_statuses,
    )
    commission_session = commission_session or in_language(cycles[0].commission_session, language)
    title, agenda_item = _request_defaults(title=title, agenda_item=agenda_item, language=language)
    key = report_parameters_key(
        cycles=[c.pk for c in cycles],
        category=category.pk if category else None,
        cluster=cluster.pk if cluster else None,
        standards=[s.pk for s in standards],
        title=title,
        commission_session=commission_session,
        session_dates=session_dates,
        agenda_item=agenda_item,
        symbol=symbol,
        language=language,
        reply_statuses=statuses,
    )
    with transaction.atomic():
        # Two requests for the same cycles wait for each other here, so neither misses the
        # other's row (nor takes the same version number).
        list(Cycle.objects.select_for_update().filter(pk__in=[c.pk for c in cycles]))
        existing = None if again else _report_pending(key=key)
        if existing is not None:
            return existing
        latest = Report.objects.filter(symbol=symbol.strip(), language=language).aggregate(
            number=Max("number")
        )["number"]
        report = Report.objects.create(
            requested_by=by,
            category=category,
            cluster=cluster,
            title=title.strip(),
            commission_session=commission_session.strip(),
            session_dates=session_dates.strip(),
            agenda_item=agenda_item.strip(),
            symbol=symbol.strip(),
            language=language,
            reply_statuses=statuses,
            number=(latest or 0) + 1,
            parameters_key=key,
        )
        report.cycles.set(cycles)
        report.standards.set(standards)
        if enqueue:
            job_enqueue(job=report)
    return report


def _request_checked(
    *,
    cycles: list[Cycle],
    category: Category | None,
    cluster: Cluster | None,
    standards: list[Standard],
    reply_statuses: Iterable[str] | None,
) -> list[str]:
    """The reply statuses to count, sorted; ReportRefused if the request makes no sense."""
    if not cycles:
        raise ReportRefused(_("Choose at least one cycle."))
    if sum(bool(x) for x in (category, cluster, standards)) > 1:
        raise ReportRefused(_("Choose one scope: a category, a cluster or standards."))
    statuses = sorted(set(reply_statuses or default_statuses()))
    if not set(statuses) <= set(ReplyStatus.values):
        raise ReportRefused(_("Unknown reply status."))
    return statuses


def _request_defaults(*, title: str, agenda_item: str, language: str) -> tuple[str, str]:
    """The title and agenda item asked for, or the default ones."""
    with translation.override(language):
        # The defaults are written in the report's language, not the requester's.
        title = title or _(DEFAULT_TITLE)
        agenda_item = agenda_item or _(
            "Use and application of United Nations standards and norms in crime prevention and "
            "criminal justice"
        )
    return title, agenda_item


def _report_pending(*, key: str) -> Report | None:
    """The latest report asked with the same parameters that is queued, compiling, or ready and
    not yet published."""
    return (
        Report.objects.filter(parameters_key=key)
        .filter(
            Q(status__in=(JobStatus.QUEUED, JobStatus.RUNNING))
            | Q(status=JobStatus.READY, published_at__isnull=True)
        )
        .order_by("-number")
        .first()
    )


def report_compile_again(*, report: Report, by: User) -> Report:
    """A new version of `report`, asked with the same parameters."""
    return report_request(
        cycles=report.cycles.all(),
        by=by,
        symbol=report.symbol,
        commission_session=report.commission_session,
        agenda_item=report.agenda_item,
        title=report.title,
        session_dates=report.session_dates,
        language=report.language,
        reply_statuses=report.reply_statuses,
        category=report.category,
        cluster=report.cluster,
        standards=report.standards.all(),
        again=True,
    )


@dataclass
class CompiledReport:
    figures: ReportFigures
    document: ReportDocument
    html: str


def report_render(*, report: Report, figures: ReportFigures | None = None) -> CompiledReport:
    """The report's figures, text and printable HTML, in its language."""
    figures = figures or report_figures(report=report)
    with translation.override(report.language):
        document = report_document(report=report, figures=figures, today=timezone.localdate())
        html = render_to_string(
            "reports/writing/report.html",
            {
                "report": report,
                "doc": document,
                "language": report.language,
                "direction": language_direction(report.language),
            },
        )
    return CompiledReport(
        figures, document, isolated_html(html, language_direction(report.language))
    )


def report_compile(*, report: Report, progress: Callable[[int, str], None]) -> Report:
    """Compile `report`: figures → HTML → PDF → XLSX, saving the files and figures on the row."""
    progress(5, _("Compiling the figures"))
    figures = report_figures(report=report)
    progress(25, _("Writing the report"))
    compiled = report_render(report=report, figures=figures)
    progress(40, _("Making the PDF"))
    pdf, pages = html_to_pdf_pages(html=compiled.html)
    progress(80, _("Making the statistical annex"))
    with translation.override(report.language):
        xlsx = report_xlsx(report=report, figures=figures, document=compiled.document)
    progress(95, _("Saving the files"))
    base = f"{report.symbol.replace('/', '-')}-{report.language}-v{report.number}"
    report.pdf.save(f"{base}.pdf", ContentFile(pdf), save=False)
    report.xlsx.save(f"{base}-annex.xlsx", ContentFile(xlsx), save=False)
    report.page_count = pages
    # The length of the text, which the report's page shows against the 8,500-word limit.
    report.figures = {**figures.as_json(), "word_count": word_count(compiled.html)}
    report.translations_needed = translations_needed(report=report, figures=figures)
    report.save(update_fields=["pdf", "xlsx", "page_count", "figures", "translations_needed"])
    return report
