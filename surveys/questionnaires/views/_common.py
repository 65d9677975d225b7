"""What the authoring views share: access, the frozen-version refusal, small helpers."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.multilingual import (
    LANGUAGE_CODES,
)
from surveys.access import get_version_for_authoring
from surveys.models import (
    Question,
    VersionStatus,
)
from surveys.questionnaires import services
from surveys.questionnaires.forms import (
    NewDraftForm,
)
from surveys.questionnaires.versions import DocumentRejected

LANGUAGE_NAMES = dict(settings.LANGUAGES)
TEXT_KINDS = {
    "title": gettext_lazy("Title of the questionnaire"),
    "section_title": gettext_lazy("Section title"),
    "intro": gettext_lazy("Section introduction"),
    "lead_in": gettext_lazy("Text before the question"),
    "question": gettext_lazy("Question"),
    "help": gettext_lazy("Help text"),
    "unit": gettext_lazy("Unit"),
    "choice": gettext_lazy("Choice"),
    "column": gettext_lazy("Table column"),
    "row": gettext_lazy("Table row"),
}
# Versions that a new draft is started from; a draft is edited as it is.
NEW_DRAFT_FROM = (VersionStatus.CONSULTATION, VersionStatus.APPROVED, VersionStatus.RETIRED)


def _frozen(request, version, *, attempted: bool):
    """The answer to an administrator who opens (or posts to) the editor of a frozen version."""
    return render(
        request,
        "surveys/questionnaires/frozen.html",
        {
            "version": version,
            "version_tab": "edit",
            "attempted": attempted,
            "new_draft_form": NewDraftForm(),
        },
        status=409 if attempted else 200,
    )


def _authoring(view):
    """For the editor's pages: administrators only, on an editable version. A change that meets
    a version frozen meanwhile (the service, or the database, refuses it) changes nothing."""

    @login_required
    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        version = get_version_for_authoring(request, pk)
        if not version.is_editable:
            return _frozen(request, version, attempted=request.method == "POST")
        try:
            return view(request, version, *args, **kwargs)
        except services.VersionFrozen:
            version.refresh_from_db()
            return _frozen(request, version, attempted=True)
        except IntegrityError:
            version.refresh_from_db()
            if not version.is_editable:
                return _frozen(request, version, attempted=True)
            messages.error(
                request,
                _(
                    "The change could not be saved: someone else changed the version at the same time. Nothing was saved; please try again."
                ),
            )
            return redirect("surveys:version_edit", pk=version.pk)

    return wrapper


def _editor_url(version, anchor: str = "") -> str:
    url = reverse("surveys:version_edit", args=[version.pk])
    return f"{url}#{anchor}" if anchor else url


def _reject(request, error: DocumentRejected) -> None:
    for problem in error.problems:
        messages.error(request, str(problem))


def _codes(version) -> set[str]:
    """Every section and question code of a version (read with its content)."""
    codes = set()
    for section in version.section_list:
        codes.add(section.code)
        codes.update(q.code for q in section.question_list)
    return codes


def _questions(version) -> list[Question]:
    return [q for section in version.section_list for q in section.question_list]


def _chosen_language(request, default: str) -> str:
    language = request.GET.get("language") or default
    if language not in LANGUAGE_CODES:
        raise Http404
    return language
