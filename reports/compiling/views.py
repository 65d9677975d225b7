"""Compiling reports (staff): the list, the request form, a report's page with its progress, and
the files. Administrators ask for, retry and compile again; reviewers may read."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.access import require_administrator, role_required
from portal.jobs import JobStatus
from portal.roles import Role
from reports.access import get_report_for_secretariat
from reports.compiling.forms import ReportForm
from reports.compiling.languages import report_request_languages, report_retry_languages
from reports.compiling.services import ReportRefused, report_compile_again, report_request
from reports.library.downloads import XLSX, report_file_response
from reports.models import Report
from reports.writing.translations import translations_shown
from reports.writing.wordcount import WORD_LIMIT
from surveys.models import ReplyStatus

STAFF = (Role.REVIEWER, Role.ADMINISTRATOR)


@role_required(*STAFF)
def report_index(request):
    reports = (
        Report.objects.select_related("requested_by")
        .prefetch_related("cycles")
        .order_by("-requested_at", "-pk")
    )
    return render(request, "reports/compiling/index.html", {"reports": reports})


def _compiling_message(report: Report) -> str:
    """What the page says after a request, in agreement with the report's status badge (a
    worker may have compiled it already: at once where tasks run eagerly)."""
    report.refresh_from_db(fields=["status"])
    if report.status == JobStatus.READY:
        return _("The report is compiled and ready.")
    if report.status == JobStatus.FAILED:
        return _("The report could not be compiled: the reason is below.")
    return _("The report is being compiled.")


def _requested(form: ReportForm, *, by) -> list[Report]:
    """The report the valid `form` asks for, one version per language: one language is one job,
    several are compiled together in one (reports.compiling.languages)."""
    data = form.cleaned_data
    asked = {
        name: data[name]
        for name in (
            "cycles", "symbol", "commission_session", "agenda_item_number", "agenda_item_title",
            "title", "session_opens_on", "session_closes_on", "reply_statuses", "category",
            "cluster", "standards",
        )
    }  # fmt: skip
    places = form.session_places()
    if len(places) == 1:
        [(language, place)] = places.items()
        return [report_request(**asked, by=by, language=language, session_place=place)]
    return report_request_languages(**asked, by=by, languages=list(places), session_places=places)


@role_required(*STAFF)
def report_create(request):
    require_administrator(request)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reports = _requested(form, by=request.user)
        except ReportRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _compiling_message(reports[0]))
            return redirect("reports:report_detail", reports[0].pk)
    return render(request, "reports/compiling/create.html", {"form": form})


@role_required(*STAFF)
def report_detail(request, pk):
    report = get_report_for_secretariat(request, pk)
    versions = Report.objects.filter(symbol=report.symbol, language=report.language).order_by(
        "-number"
    )
    languages = _language_versions(report)
    return render(
        request,
        "reports/compiling/detail.html",
        {
            "report": report,
            "cycles": report.cycles.select_related("version__questionnaire"),
            "standards": report.standards.all(),
            "versions": versions,
            "languages": languages if len(languages) > 1 else [],
            "figures": report.figures or {},
            "word_limit": WORD_LIMIT,
            "translations_needed": translations_shown(report.translations_needed or []),
            "statuses": [ReplyStatus(s).label for s in report.reply_statuses if s in ReplyStatus],
        },
    )


def _language_versions(report: Report) -> list[Report]:
    """The report in each language: the latest version of its symbol in each, in the order of
    the portal's languages (the versions asked together, or compiled since)."""
    latest: dict[str, Report] = {}
    for version in Report.objects.filter(symbol=report.symbol).order_by("-number"):
        latest.setdefault(version.language, version)
    latest[report.language] = report
    return [latest[code] for code, _name in settings.LANGUAGES if code in latest]


@role_required(*STAFF)
def report_progress(request, pk):
    """The progress bar alone, polled by htmx while the job runs; when it ends, the whole page
    reloads to show the outcome (files, or the failure and the retry button)."""
    report = get_report_for_secretariat(request, pk)
    response = render(request, "reports/compiling/_progress.html", {"report": report})
    if request.htmx and not report.is_active:
        response["HX-Refresh"] = "true"
    return response


@require_POST
@role_required(*STAFF)
def report_retry(request, pk):
    require_administrator(request)
    report = get_report_for_secretariat(request, pk)
    if report.status == JobStatus.FAILED:
        report_retry_languages(report=report)
        messages.success(request, _("The report is being compiled again."))
    return redirect("reports:report_detail", report.pk)


@require_POST
@role_required(*STAFF)
def report_again(request, pk):
    require_administrator(request)
    report = get_report_for_secretariat(request, pk)
    new = report_compile_again(report=report, by=request.user)
    messages.success(request, _("Version %(number)s is being compiled.") % {"number": new.number})
    return redirect("reports:report_detail", new.pk)


def _download(request, report: Report, file, extension: str, content_type: str):
    if report.status != JobStatus.READY:
        raise Http404("The report has no such file yet.")
    return report_file_response(request, report, file, extension, content_type)


@role_required(*STAFF)
def report_pdf(request, pk):
    report = get_report_for_secretariat(request, pk)
    return _download(request, report, report.pdf, "pdf", "application/pdf")


@role_required(*STAFF)
def report_xlsx(request, pk):
    report = get_report_for_secretariat(request, pk)
    return _download(request, report, report.xlsx, "xlsx", XLSX)
