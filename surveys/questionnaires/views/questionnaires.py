"""The list of questionnaires, a new questionnaire, a version's overview and new drafts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from portal.access import role_required
from portal.roles import SECRETARIAT_ROLES, Role
from surveys.access import get_version_for_authoring, get_version_for_reading
from surveys.models import (
    Question,
    Questionnaire,
    QuestionnaireVersion,
    Section,
)
from surveys.questionnaires import services
from surveys.questionnaires.changes import version_changes, version_meaning_changed_set
from surveys.questionnaires.forms import (
    NewDraftForm,
    QuestionnaireCreateForm,
    VersionDetailsForm,
)
from surveys.questionnaires.versions import DocumentRejected, version_new_draft
from surveys.questionnaires.views._common import (
    NEW_DRAFT_FROM,
    _authoring,
    _frozen,
    _reject,
)

# --- Questionnaires and versions ---------------------------------------------------------------------


@role_required(*SECRETARIAT_ROLES)
def questionnaire_index(request):
    questionnaires = Questionnaire.objects.select_related("category").prefetch_related(
        Prefetch(
            "versions",
            queryset=QuestionnaireVersion.objects.order_by("-number"),
            to_attr="version_list",
        )
    )
    return render(
        request, "surveys/questionnaires/index.html", {"questionnaires": list(questionnaires)}
    )


@role_required(Role.ADMINISTRATOR)
def questionnaire_create(request):
    form = QuestionnaireCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        version = services.questionnaire_create(
            code=data["code"],
            title=data["title"],
            category=data["category"],
            original_language=data["original_language"],
            by=request.user,
        )
        messages.success(
            request,
            _("The questionnaire %(code)s was created with a first draft. Add its first section.")
            % {"code": version.questionnaire.code},
        )
        return redirect("surveys:version_edit", pk=version.pk)
    return render(request, "surveys/questionnaires/create.html", {"form": form})


def version_detail(request, pk):
    version = get_version_for_reading(request, pk)
    context = {
        "version": version,
        "version_tab": "overview",
        "section_count": Section.objects.filter(version=version).count(),
        "question_count": Question.objects.filter(version=version).count(),
        "changes": version_changes(version=version),
    }
    user = request.user
    if user.is_authenticated and user.is_secretariat:
        context["other_versions"] = (
            QuestionnaireVersion.objects.filter(questionnaire_id=version.questionnaire_id)
            .exclude(pk=version.pk)
            .order_by("-number")
        )
    if user.is_authenticated and user.is_administrator:
        context["can_start_draft"] = version.status in NEW_DRAFT_FROM
        context["can_mark_meaning"] = version.is_editable
        context["new_draft_form"] = NewDraftForm()
    return render(request, "surveys/questionnaires/version_detail.html", context)


@login_required
@require_POST
def version_new_draft_view(request, pk):
    version = get_version_for_authoring(request, pk)
    form = NewDraftForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied
    try:
        draft = version_new_draft(
            version=version, by=request.user, change_log=form.cleaned_data["change_log"]
        )
    except DocumentRejected as error:
        _reject(request, error)
        return redirect("surveys:version_detail", pk=version.pk)
    messages.success(
        request,
        _("Version %(number)s was started from version %(source)s. It is a draft you can edit.")
        % {"number": draft.number, "source": version.number},
    )
    return redirect("surveys:version_edit", pk=draft.pk)


@_authoring
def version_update(request, version):
    form = VersionDetailsForm(
        request.POST or None,
        version=version,
        initial={"title": version.title, "change_log": version.change_log},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.version_update(
                version=version,
                title=form.cleaned_data["title"],
                change_log=form.cleaned_data["change_log"],
                by=request.user,
            )
        except DocumentRejected as error:
            for problem in error.problems:
                form.add_error("title", problem.message)
        else:
            messages.success(request, _("The title and change log were saved."))
            return redirect("surveys:version_edit", pk=version.pk)
    return render(
        request,
        "surveys/questionnaires/form_page.html",
        {
            "version": version,
            "form": form,
            "heading": _("Title and change log"),
            "submit_label": _("Save"),
        },
    )


@login_required
@require_POST
def version_meaning_changed(request, pk):
    """The author marks the questions whose words stayed but whose meaning changed (and unmarks
    the others): their earlier answers are not carried into the next cycle."""
    version = get_version_for_authoring(request, pk)
    try:
        count = version_meaning_changed_set(
            version=version, codes=request.POST.getlist("code"), by=request.user
        )
    except services.VersionFrozen:
        return _frozen(request, version, attempted=True)
    messages.success(
        request,
        ngettext(
            "%(count)d question is marked as changed in meaning.",
            "%(count)d questions are marked as changed in meaning.",
            count,
        )
        % {"count": count}
        if count
        else _("No question is marked as changed in meaning."),
    )
    return redirect(reverse("surveys:version_detail", args=[version.pk]) + "#changes")
