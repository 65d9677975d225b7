"""A submission as a PDF download, printed from its frozen snapshot."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from portal.multilingual import LANGUAGE_CODES, language_code
from portal.pdf import PDF, html_to_pdf
from surveys.access import get_reply_for_user
from surveys.models import ReplySnapshot
from surveys.submission.printing import snapshot_pdf_filename, submitted_reply_html


@login_required
def snapshot_pdf(request, pk, number):
    reply = get_reply_for_user(request, pk)
    snapshot = get_object_or_404(
        ReplySnapshot.objects.select_related("submitted_by"), reply=reply, number=number
    )
    language = request.GET.get("language") or language_code()
    if language not in LANGUAGE_CODES:
        raise Http404("No such language.")
    html = submitted_reply_html(reply=reply, snapshot=snapshot, language=language)
    response = HttpResponse(html_to_pdf(html=html), content_type=PDF)
    filename = snapshot_pdf_filename(reply, snapshot, language)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
