"""Country presentations: the Secretariat's pages (the list, the request form, a presentation's
page with its progress, its PDF, publication) and the library's download.

Access: reviewers and administrators ask for presentations and read them; administrators publish
them. The library's download serves a published presentation to those its audience admits
(`presentations_readable_by`), and is a 404 to anyone else: the address reveals nothing.
"""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.access import require_administrator, require_secretariat, role_required
from portal.jobs import JobStatus, job_retry
from portal.pdf import PDF
from portal.roles import Role
from reports.library.downloads import document_file_response
from reports.presentations.forms import PresentationForm
from reports.presentations.models import Presentation
from reports.presentations.services import (
    PresentationRefused,
    presentation_publish,
    presentation_request,
    presentations_readable_by,
)

STAFF = (Role.REVIEWER, Role.ADMINISTRATOR)


def _get_presentation_for_secretariat(request, pk: int) -> Presentation:
    """Any presentation, for the Secretariat's pages; anyone else is refused before the lookup."""
    require_secretariat(request)
    return get_object_or_404(
        Presentation.objects.select_related(
            "respondent", "cluster", "requested_by", "published_by"
        ),
        pk=pk,
    )


@role_required(*STAFF)
def presentation_index(request):
    presentations = Presentation.objects.select_related(
        "respondent", "cluster", "requested_by"
    ).order_by("-requested_at", "-pk")
    return render(request, "reports/presentations/index.html", {"presentations": presentations})


@role_required(*STAFF)
def presentation_create(request):
    require_secretariat(request)
    form = PresentationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = presentation_request(
                respondent=data["respondent"],
                cluster=data["cluster"],
                languages=data["languages"],
                by=request.user,
            )
        except PresentationRefused as refused:
            form.add_error("languages", refused.message)
        else:
            messages.success(request, _("The presentation is being compiled."))
            if len(made) == 1:
                return redirect("reports:presentation_detail", made[0].pk)
            return redirect("reports:presentation_index")
    return render(request, "reports/presentations/create.html", {"form": form})


@role_required(*STAFF)
def presentation_detail(request, pk):
    presentation = _get_presentation_for_secretariat(request, pk)
    replies = presentation.replies.select_related("cycle").order_by("cycle__opens_on")
    return render(
        request,
        "reports/presentations/detail.html",
        {
            "presentation": presentation,
            "replies": replies,
            "consent_missing": [r for r in replies if r.may_publish is not True],
        },
    )


@role_required(*STAFF)
def presentation_progress(request, pk):
    """The progress alone, polled by htmx while the job runs; the page reloads when it ends."""
    presentation = _get_presentation_for_secretariat(request, pk)
    response = render(
        request, "reports/presentations/_progress.html", {"presentation": presentation}
    )
    if request.htmx and not presentation.is_active:
        response["HX-Refresh"] = "true"
    return response


@require_POST
@role_required(*STAFF)
def presentation_retry(request, pk):
    require_administrator(request)
    presentation = _get_presentation_for_secretariat(request, pk)
    if presentation.status == JobStatus.FAILED:
        job_retry(job=presentation)
        messages.success(request, _("The presentation is being compiled again."))
    return redirect("reports:presentation_detail", presentation.pk)


@require_POST
@role_required(*STAFF)
def presentation_again(request, pk):
    """A new version of the presentation, from the replies as they are now."""
    presentation = _get_presentation_for_secretariat(request, pk)
    [new] = presentation_request(
        respondent=presentation.respondent,
        cluster=presentation.cluster,
        languages=[presentation.language],
        by=request.user,
        again=True,
    )
    messages.success(request, _("Version %(number)s is being compiled.") % {"number": new.number})
    return redirect("reports:presentation_detail", new.pk)


@role_required(*STAFF)
def presentation_pdf(request, pk):
    presentation = _get_presentation_for_secretariat(request, pk)
    if presentation.status != JobStatus.READY:
        raise Http404("The presentation has no PDF yet.")
    return _pdf_response(presentation)


@require_POST
@role_required(*STAFF)
def presentation_publish_view(request, pk):
    require_administrator(request)
    presentation = _get_presentation_for_secretariat(request, pk)
    try:
        presentation_publish(
            presentation=presentation, by=request.user, audience=request.POST.get("audience", "")
        )
    except PresentationRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("The presentation has been published."))
    return redirect(reverse("reports:presentation_detail", args=[pk]) + "#publication")


def library_presentation_pdf(request, pk):
    presentation = get_object_or_404(
        presentations_readable_by(request.user).select_related("respondent", "cluster"), pk=pk
    )
    return _pdf_response(presentation)


def _pdf_response(presentation: Presentation) -> FileResponse:
    filename = (
        f"presentation-{presentation.respondent.code}-{presentation.cluster.letter}-"
        f"{presentation.language}-v{presentation.number}.pdf"
    )
    return document_file_response(
        file=presentation.pdf,
        filename=filename,
        content_type=PDF,
        public=presentation.is_published and presentation.audience == "public",
    )
