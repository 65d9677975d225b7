"""Compiling reports (staff): the list, the request form, a report's page with its progress, and
the files. Administrators ask for, retry and compile again; reviewers may read."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.access import require_administrator, role_required
from portal.jobs import JobStatus, job_retry
from portal.roles import Role
from reports.access import get_report_for_secretariat
from reports.compiling.forms import ReportForm
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


@role_required(*STAFF)
def report_create(request):
    require_administrator(request)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = report_request(
                cycles=data["cycles"],
                by=request.user,
                symbol=data["symbol"],
                commission_session=data["commission_session"],
                agenda_item_number=data["agenda_item_number"],
                agenda_item_title=data["agenda_item_title"],
                title=data["title"],
                session_place=data["session_place"],
                session_opens_on=data["session_opens_on"],
                session_closes_on=data["session_closes_on"],
                language=data["language"],
                reply_statuses=data["reply_statuses"],
                category=data["category"],
                cluster=data["cluster"],
                standards=data["standards"],
            )
        except ReportRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _compiling_message(report))
            return redirect("reports:report_detail", report.pk)
    return render(request, "reports/compiling/create.html", {"form": form})


@role_required(*STAFF)
def report_detail(request, pk):
    report = get_report_for_secretariat(request, pk)
    versions = Report.objects.filter(symbol=report.symbol, language=report.language).order_by(
        "-number"
    )
    return render(
        request,
        "reports/compiling/detail.html",
        {
            "report": report,
            "cycles": report.cycles.select_related("version__questionnaire"),
            "standards": report.standards.all(),
            "versions": versions,
            "figures": report.figures or {},
            "word_limit": WORD_LIMIT,
            "translations_needed": translations_shown(report.translations_needed or []),
            "statuses": [ReplyStatus(s).label for s in report.reply_statuses if s in ReplyStatus],
        },
    )


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
        job_retry(job=report)
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
