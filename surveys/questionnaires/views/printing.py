"""The blank questionnaire as a PDF download, in any of the six languages."""

from django.http import Http404, HttpResponse

from portal.multilingual import LANGUAGE_CODES, language_code
from portal.pdf import PDF, html_to_pdf, pdf_once
from surveys.access import get_version_for_reading
from surveys.models import VersionStatus
from surveys.questionnaires.printing import blank_questionnaire_html, version_pdf_filename
from surveys.questionnaires.selectors import version_with_content


def version_pdf(request, pk):
    version = get_version_for_reading(request, pk)
    language = request.GET.get("language") or language_code()
    if language not in LANGUAGE_CODES:
        raise Http404("No such language.")
    html = blank_questionnaire_html(version=version_with_content(pk=version.pk), language=language)
    if version.status in (VersionStatus.APPROVED, VersionStatus.RETIRED):
        # Anyone may fetch an approved questionnaire: made once per version and language.
        pdf = pdf_once(html=html, folder=f"blank-questionnaires/{version.pk}-{language}")
    else:
        pdf = html_to_pdf(html=html)
    response = HttpResponse(pdf, content_type=PDF)
    filename = version_pdf_filename(version, language)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
