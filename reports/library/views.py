"""The library of published reports (delegates and the public), publication by administrators,
and the replies that respondents agreed to publish (annex, para. 24).

Access: `reports.access.get_report_for_reader` is called first by every download. A version
nobody may read (unpublished, or an advance copy for someone who is not a delegate) is a 404: the
address reveals nothing. Published replies are public (`reports.library.published_replies`).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters.models import Category
from portal.multilingual import LANGUAGE_CODES, language_code
from portal.pdf import PDF, pdf_once
from reports.access import get_report_for_administrator, get_report_for_reader
from reports.library import published_replies, standard_questions
from reports.library.downloads import XLSX, report_file_response
from reports.library.publication import (
    PublishRefused,
    audiences_for,
    report_publish,
)
from reports.models import Audience, Report
from reports.presentations.services import presentations_in_library
from surveys.models import Cycle

# --- The library ------------------------------------------------------------------------------


@dataclass
class LibraryDocument:
    """One report (a symbol in one language): its latest version this reader may read first,
    with its category (None when its questionnaires are of several), then the earlier ones."""

    latest: Report
    category: Category | None = None
    earlier: list[Report] = field(default_factory=list)


@dataclass
class LibrarySession:
    name: str
    documents: list[LibraryDocument] = field(default_factory=list)


def _category_of(report: Report) -> Category | None:
    if report.category is not None:
        return report.category
    if report.cluster is not None:
        return report.cluster.category
    categories = {c.version.questionnaire.category for c in report.cycles.all()}
    return categories.pop() if len(categories) == 1 else None


def _library(reports: list[Report], language: str) -> list[LibrarySession]:
    """Reports grouped by Commission session, then by symbol (most recently published first), each
    symbol in the reader's language first, then in the other languages."""
    documents: dict[tuple[str, str], list[Report]] = {}
    latest_of_symbol: dict[str, datetime.datetime] = {}
    for report in reports:
        documents.setdefault((report.symbol, report.language), []).append(report)
        published_at = report.published_at
        assert published_at is not None  # library() asks for published versions only
        so_far = latest_of_symbol.get(report.symbol, published_at)
        latest_of_symbol[report.symbol] = max(so_far, published_at)

    def order(key: tuple[str, str]) -> tuple[float, str, bool, int]:
        symbol, document_language = key
        languages = (document_language != language, LANGUAGE_CODES.index(document_language))
        return (-latest_of_symbol[symbol].timestamp(), symbol, *languages)

    sessions: dict[str, LibrarySession] = {}
    for key in sorted(documents, key=order):
        versions = sorted(documents[key], key=lambda v: v.number, reverse=True)
        latest = versions[0]
        session = sessions.setdefault(
            latest.commission_session, LibrarySession(latest.commission_session)
        )
        session.documents.append(LibraryDocument(latest, _category_of(latest), versions[1:]))
    return list(sessions.values())


def library(request):
    """Published reports by Commission session, with filters by session, category and language."""
    published = Report.objects.filter(
        published_at__isnull=False, audience__in=audiences_for(request.user)
    )
    sessions = sorted(set(published.values_list("commission_session", flat=True)))
    categories = list(Category.objects.all())
    wanted = {
        "session": request.GET.get("session", ""),
        "category": request.GET.get("category", ""),
        "language": request.GET.get("language", ""),
    }
    chosen = published
    if wanted["session"] in sessions:
        chosen = chosen.filter(commission_session=wanted["session"])
    category = next((c for c in categories if c.letter == wanted["category"]), None)
    if category is not None:
        chosen = chosen.filter(
            Q(category=category)
            | Q(cluster__category=category)
            | Q(
                category__isnull=True,
                cluster__isnull=True,
                cycles__version__questionnaire__category=category,
            )
        ).distinct()
    if wanted["language"] in LANGUAGE_CODES:
        chosen = chosen.filter(language=wanted["language"])
    reports = list(
        chosen.select_related("category", "cluster__category").prefetch_related(
            Prefetch(
                "cycles", queryset=Cycle.objects.select_related("version__questionnaire__category")
            )
        )
    )
    return render(
        request,
        "reports/library/index.html",
        {
            "sessions": _library(reports, language_code()),
            "session_choices": sessions,
            "category_choices": categories,
            "language_choices": settings.LANGUAGES,
            "wanted": wanted,
            "filtered": any(wanted.values()),
            "reads_advance_copies": Audience.DELEGATES in audiences_for(request.user),
            # Country presentations belong to no session: a session chosen leaves them out.
            "presentations": []
            if wanted["session"]
            else presentations_in_library(
                user=request.user,
                language=language_code(),
                category=wanted["category"],
                document_language=wanted["language"]
                if wanted["language"] in LANGUAGE_CODES
                else "",
            ),
        },
    )


def library_pdf(request, pk):
    report = get_report_for_reader(request, pk)
    return report_file_response(request, report, report.pdf, "pdf", PDF)


def library_xlsx(request, pk):
    report = get_report_for_reader(request, pk)
    return report_file_response(request, report, report.xlsx, "xlsx", XLSX)


# --- Publication (the form is templates/reports/library/_publication.html on the staff page) ----------


@require_POST
def report_publish_view(request, pk):
    report = get_report_for_administrator(request, pk)
    try:
        report = report_publish(
            report=report, by=request.user, audience=request.POST.get("audience", "")
        )
    except PublishRefused as refused:
        messages.error(request, refused.message)
    else:
        if report.audience == Audience.PUBLIC:
            message = _("%(report)s has been published to everyone.")
        else:
            message = _("%(report)s has been published to the Commission's delegates.")
        messages.success(request, message % {"report": report.symbol})
    return redirect(reverse("reports:report_detail", args=[report.pk]) + "#publication")


# --- Published replies (annex, para. 24) -----------------------------------------------------


def published_reply_index(request):
    return render(
        request,
        "reports/library/published_replies.html",
        {"cycles": published_replies.cycles_with_published_replies(language=language_code())},
    )


def published_reply(request, pk):
    shown = published_replies.published_reply_for_reading(pk=pk, language=language_code())
    return render(request, "reports/library/published_reply.html", {"shown": shown})


def published_reply_pdf(request, pk):
    reply, snapshot = published_replies.published_reply_and_snapshot(pk=pk)
    language = request.GET.get("language") or language_code()
    if language not in LANGUAGE_CODES:
        raise Http404("No such language.")
    html = published_replies.published_reply_html(reply=reply, snapshot=snapshot, language=language)
    response = HttpResponse(_pdf_once(html), content_type=PDF)
    filename = published_replies.published_reply_filename(reply, snapshot, language)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _pdf_once(html: str) -> bytes:
    """The PDF of `html`, made once: anyone may ask for a published reply's PDF, so the web
    process keeps each one it made (by the HTML's digest, so any change makes a new one) instead
    of running WeasyPrint at every request."""
    return pdf_once(html=html, folder="published-replies")


def published_question(request, cycle_pk, code):
    shown = published_replies.published_answers_to_question(
        cycle_pk=cycle_pk, code=code, language=language_code()
    )
    return render(request, "reports/library/published_question.html", {"shown": shown})


# --- From a standard of the catalogue to the questions on it -------------------------------------


def standard_questions_view(request, code):
    """The questions that ask about one standard, and the published answers to them. Public:
    drafts' questions are shown to the Secretariat only (reports.library.standard_questions)."""
    standard = standard_questions.standard_for_reading(code)
    versions = standard_questions.questions_on_standard(
        standard=standard, user=request.user, language=language_code()
    )
    return render(
        request,
        "reports/library/standard_questions.html",
        {"standard": standard, "versions": versions},
    )
