"""Report jobs: asking for a report, and compiling it (DESIGN.md, "What the reports contain";
lifecycle queued → compiling → ready | failed → published).

A report is compiled by a Celery worker on the "documents" queue, never in a web request:
`report_request` records the row and enqueues its task after the transaction commits; the task
calls `report_compile` through `portal.jobs.job_run`, which runs it once.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

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
from reports.figures.comparison import report_figures_compared
from reports.figures.structure import ReportFigures
from reports.models import Report, default_statuses
from reports.writing.document import report_document
from reports.writing.masthead import report_masthead
from reports.writing.parts import ReportDocument
from reports.writing.statistical_annex import report_xlsx
from reports.writing.translations import translations_needed
from reports.writing.wordcount import word_count
from surveys.models import Cycle, ReplyStatus

# The form's rule, checked again for the command and other callers.
SYMBOL = re.compile(r"^[A-Z0-9][A-Za-z0-9./()-]*$")
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
    session_place: str,
    session_opens_on: datetime.date | None,
    session_closes_on: datetime.date | None,
    agenda_item_number: int | None,
    agenda_item_title: str,
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
        "session_place": session_place.strip(),
        "session_dates": [str(d) if d else None for d in (session_opens_on, session_closes_on)],
        "agenda_item": [agenda_item_number, agenda_item_title.strip()],
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
    agenda_item_number: int | None = None,
    commission_session: str = "",
    agenda_item_title: str = "",
    title: str = "",
    session_place: str = "",
    session_opens_on: datetime.date | None = None,
    session_closes_on: datetime.date | None = None,
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
    Only administrators ask for reports (PermissionDenied otherwise); a masthead that cannot be
    printed (`report_masthead_problems`) is refused with ReportRefused.
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
    masthead = _request_masthead(
        cycles=cycles,
        language=language,
        symbol=symbol,
        title=title,
        commission_session=commission_session,
        session_place=session_place,
        session_opens_on=session_opens_on,
        session_closes_on=session_closes_on,
        agenda_item_number=agenda_item_number,
        agenda_item_title=agenda_item_title,
    )
    key = report_parameters_key(
        cycles=[c.pk for c in cycles],
        category=category.pk if category else None,
        cluster=cluster.pk if cluster else None,
        standards=[s.pk for s in standards],
        language=language,
        reply_statuses=statuses,
        **masthead,
    )
    fields = {**masthead, "category": category, "cluster": cluster, "language": language}
    return _report_created(
        by=by, cycles=cycles, standards=standards, statuses=statuses, key=key, again=again,
        enqueue=enqueue, fields=fields,
    )  # fmt: skip


def _report_created(
    *,
    by: User,
    cycles: list[Cycle],
    standards: list[Standard],
    statuses: list[str],
    key: str,
    again: bool,
    enqueue: bool,
    fields: dict[str, Any],
) -> Report:
    """A new version of the report asked with `fields`, or the one already pending."""
    with transaction.atomic():
        # Two requests for the same cycles wait for each other here, so neither misses the
        # other's row (nor takes the same version number).
        list(Cycle.objects.select_for_update().filter(pk__in=[c.pk for c in cycles]))
        existing = None if again else _report_pending(key=key)
        if existing is not None:
            return existing
        latest = Report.objects.filter(
            symbol=fields["symbol"], language=fields["language"]
        ).aggregate(number=Max("number"))["number"]
        report = Report.objects.create(
            requested_by=by,
            reply_statuses=statuses,
            number=(latest or 0) + 1,
            parameters_key=key,
            **fields,
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


def _request_masthead(
    *,
    cycles: list[Cycle],
    language: str,
    symbol: str,
    title: str,
    commission_session: str,
    session_place: str,
    session_opens_on: datetime.date | None,
    session_closes_on: datetime.date | None,
    agenda_item_number: int | None,
    agenda_item_title: str,
) -> dict[str, Any]:
    """The title and masthead fields of the report, the defaults filled in and the texts
    stripped; ReportRefused if the masthead cannot be printed so."""
    commission_session = commission_session or in_language(cycles[0].commission_session, language)
    title, agenda_item_title = _request_defaults(
        title=title, agenda_item_title=agenda_item_title, language=language
    )
    masthead: dict[str, Any] = {
        "symbol": symbol.strip(),
        "title": title.strip(),
        "commission_session": commission_session.strip(),
        "session_place": session_place.strip(),
        "session_opens_on": session_opens_on,
        "session_closes_on": session_closes_on,
        "agenda_item_number": agenda_item_number,
        "agenda_item_title": agenda_item_title.strip(),
    }
    problems = report_masthead_problems(
        **{name: value for name, value in masthead.items() if name != "title"}
    )
    if problems:
        raise ReportRefused(" ".join(problems.values()))
    return masthead


def _request_defaults(*, title: str, agenda_item_title: str, language: str) -> tuple[str, str]:
    """The title and agenda item title asked for, or the default ones."""
    with translation.override(language):
        # The defaults are written in the report's language, not the requester's.
        title = title or _(DEFAULT_TITLE)
        agenda_item_title = agenda_item_title or _(
            "Use and application of United Nations standards and norms in crime prevention and "
            "criminal justice"
        )
    return title, agenda_item_title


def report_masthead_problems(
    *,
    symbol: str,
    commission_session: str,
    session_place: str,
    session_opens_on: datetime.date | None,
    session_closes_on: datetime.date | None,
    agenda_item_number: int | None,
    agenda_item_title: str,
) -> dict[str, str]:
    """What keeps the masthead from printing as a United Nations document prints it, by field
    name (empty when nothing does): the request form shows each message under its field."""
    problems = {}
    if not SYMBOL.match(symbol.strip()):
        problems["symbol"] = _("Document symbol: a symbol such as E/CN.15/2027/13.")
    # Empty texts take their defaults (the cycle's session, the usual item title); a bare number
    # would print as "6" where the masthead needs words.
    if commission_session.strip() and not _has_words(commission_session):
        problems["commission_session"] = _(
            "Commission session: the session in words (e.g. Thirty-sixth session), not its number."
        )
    # The form and the command require the number; a report asked without one (a test, a
    # benchmark) prints no item line.
    if agenda_item_number is not None and not 1 <= agenda_item_number <= 99:
        problems["agenda_item_number"] = _(
            "Agenda item: the number of the item on the provisional agenda, from 1 to 99."
        )
    if agenda_item_title.strip() and not _has_words(agenda_item_title):
        problems["agenda_item_title"] = _(
            "Agenda item title: the title of the item in words; its number has a field of its own."
        )
    # The place and dates print together ("Vienna, 18–22 May 2027"), or not at all.
    opens, closes = session_opens_on, session_closes_on
    if session_place.strip() or opens or closes:
        if not session_place.strip():
            problems["session_place"] = _(
                "Session place: the city where the session meets (e.g. Vienna), printed with "
                "its dates."
            )
        if opens is None or closes is None:
            problems["session_opens_on"] = _(
                "Session dates: give the first and the last day of the session."
            )
        elif closes < opens:
            problems["session_closes_on"] = _(
                "Session dates: the last day of the session comes before its first day."
            )
    return problems


def _has_words(text: str) -> bool:
    return any(character.isalpha() for character in text)


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
        agenda_item_number=report.agenda_item_number,
        agenda_item_title=report.agenda_item_title,
        title=report.title,
        session_place=report.session_place,
        session_opens_on=report.session_opens_on,
        session_closes_on=report.session_closes_on,
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
    figures = figures or report_figures_compared(report=report)
    today = timezone.localdate()
    with translation.override(report.language):
        document = report_document(report=report, figures=figures, today=today)
        html = render_to_string(
            "reports/writing/report.html",
            {
                "report": report,
                "doc": document,
                "masthead": report_masthead(report=report, today=today),
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
    figures = report_figures_compared(report=report)
    progress(25, _("Writing the report"))
    compiled = report_render(report=report, figures=figures)
    progress(40, _("Making the PDF"))
    pdf, pages = html_to_pdf_pages(html=compiled.html)
    progress(80, _("Making the statistical annex"))
    with translation.override(report.language):
        xlsx = report_xlsx(report=report, figures=figures, document=compiled.document)
    progress(95, _("Saving the files"))
    return report_files_saved(report=report, compiled=compiled, pdf=pdf, pages=pages, xlsx=xlsx)


def report_files_saved(
    *, report: Report, compiled: CompiledReport, pdf: bytes, pages: int, xlsx: bytes
) -> Report:
    """Save the compiled report's PDF, statistical annex and figures on its row."""
    base = f"{report.symbol.replace('/', '-')}-{report.language}-v{report.number}"
    report.pdf.save(f"{base}.pdf", ContentFile(pdf), save=False)
    report.xlsx.save(f"{base}-annex.xlsx", ContentFile(xlsx), save=False)
    report.page_count = pages
    # The length of the text, which the report's page shows against the 8,500-word limit.
    report.figures = {**compiled.figures.as_json(), "word_count": word_count(compiled.html)}
    report.translations_needed = translations_needed(report=report, figures=compiled.figures)
    report.save(update_fields=["pdf", "xlsx", "page_count", "figures", "translations_needed"])
    return report
