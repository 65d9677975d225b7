"""The staff's XLSX extracts of a cycle: ask for one, follow its progress, retry a failed one,
download a ready one. Built by a Celery job (surveys.extracts.services), never in the request."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.jobs import JobStatus, job_retry
from portal.security.models import EventKind
from portal.security.services import security_event_record
from surveys.access import get_cycle_for_secretariat, get_extract_for_secretariat
from surveys.extracts.services import reply_extract_request
from surveys.models import Cycle, ReplyExtract

PAST_EXTRACTS_SHOWN = 20


def _extracts(cycle: Cycle) -> list[ReplyExtract]:
    return list(
        ReplyExtract.objects.filter(cycle=cycle)
        .select_related("requested_by")
        .order_by("-requested_at", "-pk")[:PAST_EXTRACTS_SHOWN]
    )


@login_required
def extract_index(request, pk):
    cycle = get_cycle_for_secretariat(request, pk)
    extracts = _extracts(cycle)
    context = {
        "cycle": cycle,
        "extracts": extracts,
        "any_active": any(extract.is_active for extract in extracts),
    }
    if request.htmx:
        return render(request, "surveys/extracts/_list.html", context)
    return render(request, "surveys/extracts/index.html", context)


@login_required
@require_POST
def extract_request(request, pk):
    cycle = get_cycle_for_secretariat(request, pk)
    extract = reply_extract_request(cycle=cycle, by=request.user)
    if extract.requested_by_id == request.user.pk and extract.status == JobStatus.QUEUED:
        messages.success(request, _("The extract is being prepared; this page shows how far."))
    else:
        messages.info(request, _("An extract of this cycle is already being prepared."))
    return redirect("surveys:extract_index", pk=cycle.pk)


@login_required
@require_POST
def extract_retry(request, pk):
    extract = get_extract_for_secretariat(request, pk)
    if extract.status == JobStatus.FAILED:
        job_retry(job=extract)
        messages.success(request, _("The extract is queued again."))
    return redirect("surveys:extract_index", pk=extract.cycle_id)


@login_required
def extract_download(request, pk):
    extract = get_extract_for_secretariat(request, pk)
    if extract.status != JobStatus.READY or not extract.file:
        raise Http404
    try:
        handle = extract.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    security_event_record(
        kind=EventKind.EXTRACT_DOWNLOADED,
        request=request,
        user=request.user,
        detail={"extract": extract.pk, "cycle": extract.cycle_id},
    )
    return FileResponse(
        handle,
        as_attachment=True,
        filename=extract.file.name.rsplit("/", 1)[-1].split("-", 1)[-1],
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
