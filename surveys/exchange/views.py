"""XLSForm import (administrators) and export (whoever may read the version)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from portal.access import role_required
from portal.roles import Role
from portal.uploads import upload_limit
from surveys.access import get_version_for_reading
from surveys.exchange.forms import QuestionnaireImportForm
from surveys.exchange.services import questionnaire_import, version_export, version_export_filename
from surveys.exchange.workbook_guards import MAX_FILE_BYTES

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@role_required(Role.ADMINISTRATOR)
@upload_limit(lambda: MAX_FILE_BYTES)
def questionnaire_import_view(request):
    outcome = None
    form = QuestionnaireImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = questionnaire_import(
            data=data["file"].read(),
            by=request.user,
            form_id=data["form_id"] or None,
            category=data["category"].letter if data["category"] else None,
            skip_unsupported=data["skip_unsupported"],
        )
        if outcome.version is not None:
            version = outcome.version
            messages.success(
                request,
                _("Imported %(code)s version %(number)s as a draft.")
                % {"code": version.questionnaire.code, "number": version.number},
            )
            for warning in outcome.warnings:
                messages.warning(request, warning)
            return redirect("surveys:version_detail", pk=version.pk)
    return render(
        request,
        "surveys/exchange/import.html",
        {"form": form, "outcome": outcome},
        status=422 if outcome and outcome.errors else 200,
    )


def version_export_view(request, pk):
    version = get_version_for_reading(request, pk)
    response = HttpResponse(version_export(version=version), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{version_export_filename(version)}"'
    return response
