"""Questionnaire authoring in the browser: the list of questionnaires, a version's overview,
the structure editor, translations side by side, per-language completeness and the preview.

The Secretariat reads; administrators write, and only while a version is a draft or a revised
draft. A change to a frozen version changes nothing and says why (the database refuses it too).
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from clusters.models import Standard
from portal.access import role_required
from portal.multilingual import (
    LANGUAGE_CODES,
    RIGHT_TO_LEFT,
    in_language,
    language_code,
    text_and_language,
)
from portal.roles import SECRETARIAT_ROLES, Role
from surveys.access import get_version_for_authoring, get_version_for_reading
from surveys.documents import CHOICE_TYPES, FIXED_SCALE_VALUES, NUMBER_TYPES
from surveys.forms import (
    NewDraftForm,
    QuestionForm,
    QuestionnaireCreateForm,
    SectionForm,
    StandardLinkFormSet,
    TranslationForm,
    VersionDetailsForm,
    condition_label,
)
from surveys.models import (
    Question,
    Questionnaire,
    QuestionnaireVersion,
    Section,
    VersionStatus,
)
from surveys.scales import FIXED_SCALES, OTHER_SPECIFY
from surveys.selectors import version_with_content
from surveys.services import authoring as services
from surveys.services.versions import DocumentRejected, version_new_draft

LANGUAGE_NAMES = dict(settings.LANGUAGES)
TEXT_KINDS = {
    "title": gettext_lazy("Title of the questionnaire"),
    "section_title": gettext_lazy("Section title"),
    "intro": gettext_lazy("Section introduction"),
    "question": gettext_lazy("Question"),
    "help": gettext_lazy("Help text"),
    "unit": gettext_lazy("Unit"),
    "choice": gettext_lazy("Choice"),
    "column": gettext_lazy("Table column"),
    "row": gettext_lazy("Table row"),
}
# Versions that a new draft is started from; a draft is edited as it is.
NEW_DRAFT_FROM = (VersionStatus.CONSULTATION, VersionStatus.APPROVED, VersionStatus.RETIRED)


# --- Access ------------------------------------------------------------------------------------------


def _get_version_for_secretariat(request, pk: int) -> QuestionnaireVersion:
    if not request.user.is_secretariat:
        raise PermissionDenied
    return get_version_for_reading(request, pk)


def _frozen(request, version, *, attempted: bool):
    """The answer to an administrator who opens (or posts to) the editor of a frozen version."""
    return render(
        request,
        "surveys/authoring/frozen.html",
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
    return render(request, "surveys/authoring/index.html", {"questionnaires": list(questionnaires)})


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
    return render(request, "surveys/authoring/create.html", {"form": form})


def version_detail(request, pk):
    version = get_version_for_reading(request, pk)
    context = {
        "version": version,
        "version_tab": "overview",
        "section_count": Section.objects.filter(version=version).count(),
        "question_count": Question.objects.filter(version=version).count(),
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
        context["new_draft_form"] = NewDraftForm()
    return render(request, "surveys/authoring/version_detail.html", context)


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
        "surveys/authoring/form_page.html",
        {
            "version": version,
            "form": form,
            "heading": _("Title and change log"),
            "submit_label": _("Save"),
        },
    )


# --- The structure editor ----------------------------------------------------------------------------


def _next_section_code(version) -> str:
    taken = _codes(version)
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if letter not in taken:
            return letter
    return ""


def _next_question_code(section, taken: set[str]) -> str:
    """The code after the section's last numbered question: A.5 -> A.6."""
    prefix = f"{section.code}."
    numbers = [
        int(code[len(prefix) :])
        for code in taken
        if code.startswith(prefix) and code[len(prefix) :].isdigit()
    ]
    number = max(numbers, default=0) + 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


@_authoring
def version_edit(request, version):
    version = version_with_content(pk=version.pk)
    questions = {q.code: q for q in _questions(version)}
    dependents: dict[str, list[str]] = {}
    original = version.original_language
    for question in questions.values():
        condition = question.relevance
        question.condition_text = condition_label(
            condition,
            questions.get(condition and condition["question"]),
            original_language=original,
        )
        if condition:
            dependents.setdefault(condition["question"], []).append(question.code)
    for question in questions.values():
        question.dependents = dependents.get(question.code, [])
        question.is_first = question.is_last = False
    if questions:
        ordered = list(questions.values())
        ordered[0].is_first = ordered[-1].is_last = True
    section_form = SectionForm(
        version=version,
        taken_codes=_codes(version),
        initial={"code": _next_section_code(version)},
        auto_id="new-section-%s",
    )
    return render(
        request,
        "surveys/authoring/edit.html",
        {
            "version": version,
            "version_tab": "edit",
            "section_form": section_form,
            "question_count": len(questions),
        },
    )


@_authoring
def section_add(request, version):
    content = version_with_content(pk=version.pk)
    form = SectionForm(request.POST or None, version=version, taken_codes=_codes(content))
    if request.method == "POST" and form.is_valid():
        try:
            section = services.section_add(version=version, **form.values(), by=request.user)
        except DocumentRejected as error:
            for problem in error.problems:
                form.add_error(None, str(problem))
        else:
            messages.success(request, _("Section %(code)s was added.") % {"code": section.code})
            return redirect(_editor_url(version, f"section-{section.pk}"))
    return render(
        request,
        "surveys/authoring/form_page.html",
        {
            "version": version,
            "form": form,
            "heading": _("Add a section"),
            "submit_label": _("Add the section"),
        },
    )


@_authoring
def section_edit(request, version, section_pk):
    content = version_with_content(pk=version.pk)
    section = next((s for s in content.section_list if s.pk == section_pk), None)
    if section is None:
        raise Http404
    form = SectionForm(
        request.POST or None,
        version=content,
        section=section,
        taken_codes=_codes(content) - {section.code},
        multilingual=True,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.section_update(section=section, **form.values(), by=request.user)
        except DocumentRejected as error:
            for problem in error.problems:
                form.add_error(None, str(problem))
        else:
            messages.success(request, _("Section %(code)s was saved.") % {"code": section.code})
            return redirect(_editor_url(version, f"section-{section.pk}"))
    return render(
        request,
        "surveys/authoring/form_page.html",
        {
            "version": content,
            "form": form,
            "heading": _("Edit section %(code)s") % {"code": section.code},
            "submit_label": _("Save the section"),
        },
    )


def _direction(request) -> int:
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        raise PermissionDenied
    return services.UP if direction == "up" else services.DOWN


@require_POST
@_authoring
def section_move(request, version, section_pk):
    section = get_object_or_404(Section, pk=section_pk, version=version)
    try:
        services.section_move(section=section, direction=_direction(request), by=request.user)
    except DocumentRejected as error:
        _reject(request, error)
    return redirect(_editor_url(version, f"section-{section.pk}"))


@_authoring
def section_delete(request, version, section_pk):
    section = get_object_or_404(
        Section.objects.annotate(n=Count("questions")), pk=section_pk, version=version
    )
    if request.method == "POST":
        try:
            services.section_delete(section=section, by=request.user)
        except DocumentRejected as error:
            _reject(request, error)
            return redirect(_editor_url(version, f"section-{section.pk}"))
        messages.success(request, _("Section %(code)s was deleted.") % {"code": section.code})
        return redirect(_editor_url(version))
    return render(
        request,
        "surveys/authoring/confirm_delete.html",
        {
            "version": version,
            "heading": _("Delete section %(code)s?") % {"code": section.code},
            "what": section,
            "detail": _(
                "The section and its %(count)s question(s) will be deleted from this draft."
            )
            % {"count": section.n},
            "anchor": f"section-{section.pk}",
        },
    )


def _question_page(request, version, form, formset, heading, submit_label, section):
    return render(
        request,
        "surveys/authoring/question_form.html",
        {
            "version": version,
            "form": form,
            "formset": formset,
            "heading": heading,
            "submit_label": submit_label,
            "section": section,
        },
    )


def _standard_choices() -> list[tuple[str, str]]:
    return [
        (s.code, f"{in_language(s.short_name)} ({s.code})")
        for s in Standard.objects.only("code", "short_name")
    ]


def _save_question(request, version, form, formset, save):
    """Validate `form` and `formset`, then `save(document)`; the errors of a refused change go
    beside the form. Returns the saved question, or None."""
    if not (form.is_valid() and formset.is_valid()):
        return None
    try:
        return save(form.to_document(formset.references()))
    except DocumentRejected as error:
        for problem in error.problems:
            form.add_error(None, str(problem))
    return None


@_authoring
def question_add(request, version, section_pk):
    content = version_with_content(pk=version.pk)
    section = next((s for s in content.section_list if s.pk == section_pk), None)
    if section is None:
        raise Http404
    earlier = []
    for each in content.section_list:
        earlier.extend(each.question_list)
        if each is section:
            break
    taken = _codes(content)
    form = QuestionForm(
        request.POST or None,
        version=content,
        earlier=earlier,
        taken_codes=taken,
        initial={"code": _next_question_code(section, taken)},
    )
    standard_choices = _standard_choices()
    formset = StandardLinkFormSet(
        request.POST or None, prefix="standards", form_kwargs={"standard_choices": standard_choices}
    )
    if request.method == "POST":
        question = _save_question(
            request,
            content,
            form,
            formset,
            lambda document: services.question_add(
                section=section, document=document, by=request.user
            ),
        )
        if question is not None:
            messages.success(request, _("Question %(code)s was added.") % {"code": question.code})
            return redirect(_editor_url(version, f"question-{question.pk}"))
    return _question_page(
        request,
        content,
        form,
        formset,
        _("Add a question to section %(code)s") % {"code": section.code},
        _("Add the question"),
        section,
    )


def _question_in(content, question_pk):
    """The question `question_pk` of a version read with its content, and those before it."""
    earlier = []
    for section in content.section_list:
        for question in section.question_list:
            if question.pk == question_pk:
                return question, section, earlier
            earlier.append(question)
    raise Http404


@_authoring
def question_edit(request, version, question_pk):
    content = version_with_content(pk=version.pk)
    question, section, earlier = _question_in(content, question_pk)
    form = QuestionForm(
        request.POST or None,
        version=content,
        earlier=earlier,
        taken_codes=_codes(content) - {question.code},
        question=question,
        multilingual=True,
    )
    formset = StandardLinkFormSet(
        request.POST or None,
        prefix="standards",
        form_kwargs={"standard_choices": _standard_choices()},
        initial=[
            {"standard": link.standard.code, "provision": link.provision}
            for link in question.standard_list
        ],
    )
    if request.method == "POST":
        saved = _save_question(
            request,
            content,
            form,
            formset,
            lambda document: services.question_update(
                question=question, document=document, by=request.user
            ),
        )
        if saved is not None:
            messages.success(request, _("Question %(code)s was saved.") % {"code": saved.code})
            return redirect(_editor_url(version, f"question-{saved.pk}"))
    return _question_page(
        request,
        content,
        form,
        formset,
        _("Edit question %(code)s") % {"code": question.code},
        _("Save the question"),
        section,
    )


@require_POST
@_authoring
def question_move(request, version, question_pk):
    question = get_object_or_404(Question, pk=question_pk, version=version)
    try:
        services.question_move(question=question, direction=_direction(request), by=request.user)
    except DocumentRejected as error:
        _reject(request, error)
    return redirect(_editor_url(version, f"question-{question.pk}"))


@_authoring
def question_delete(request, version, question_pk):
    question = get_object_or_404(Question, pk=question_pk, version=version)
    if request.method == "POST":
        try:
            services.question_delete(question=question, by=request.user)
        except DocumentRejected as error:
            _reject(request, error)
            return redirect(_editor_url(version, f"question-{question.pk}"))
        messages.success(request, _("Question %(code)s was deleted.") % {"code": question.code})
        return redirect(_editor_url(version))
    dependents = Question.objects.filter(version=version, relevance__question=question.code)
    return render(
        request,
        "surveys/authoring/confirm_delete.html",
        {
            "version": version,
            "heading": _("Delete question %(code)s?") % {"code": question.code},
            "what": question,
            "detail": _(
                "The question, its choices and its links to standards will be deleted from this draft."
            ),
            "dependents": list(dependents),
            "anchor": f"question-{question.pk}",
        },
    )


# --- Translations and completeness -------------------------------------------------------------------


def _language_html(code: str):
    """A language's own name, isolated so that it reads right inside a sentence of any direction."""
    return format_html('<bdi lang="{}">{}</bdi>', code, LANGUAGE_NAMES[code])


def _chosen_language(request, default: str) -> str:
    language = request.GET.get("language") or default
    if language not in LANGUAGE_CODES:
        raise Http404
    return language


@login_required
def version_translations(request, pk):
    version = _get_version_for_secretariat(request, pk)
    original = version.original_language
    targets = [code for code in LANGUAGE_CODES if code != original]
    default = language_code() if language_code() in targets else targets[0]
    language = _chosen_language(request, default)
    if language == original:
        return redirect(
            f"{reverse('surveys:version_translations', args=[pk])}?language={targets[0]}"
        )
    editable = request.user.is_administrator and version.is_editable
    if request.method == "POST":
        if not request.user.is_administrator:
            raise PermissionDenied
        if not version.is_editable:
            return _frozen(request, version, attempted=True)
    content = version_with_content(pk=version.pk)
    items = services.version_texts(version=content)
    form = TranslationForm(request.POST or None, items=items, language=language, editable=editable)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.version_translations_save(
                version=version, language=language, texts=form.cleaned_data, by=request.user
            )
        except (services.VersionFrozen, IntegrityError):
            version.refresh_from_db()
            return _frozen(request, version, attempted=True)
        messages.success(
            request,
            _("%(count)s text(s) saved in %(language)s.")
            % {"count": count, "language": LANGUAGE_NAMES[language]},
        )
        return redirect(f"{reverse('surveys:version_translations', args=[pk])}?language={language}")
    rows = [
        {
            "item": item,
            "field": form[item.key],
            "kind": TEXT_KINDS[item.kind],
            "source": item.in_language(original),
            "label": _("%(what)s in %(language)s")
            % {
                "what": f"{TEXT_KINDS[item.kind]} {item.where}".strip(),
                "language": LANGUAGE_NAMES[language],
            },
        }
        for item in items
    ]
    missing = sum(1 for item in items if not item.in_language(language))
    return render(
        request,
        "surveys/authoring/translations.html",
        {
            "version": content,
            "version_tab": "translations",
            "language": language,
            "language_name": LANGUAGE_NAMES[language],
            "language_html": _language_html(language),
            "language_direction": "rtl" if language in RIGHT_TO_LEFT else "ltr",
            "original_direction": "rtl" if original in RIGHT_TO_LEFT else "ltr",
            "original_name": LANGUAGE_NAMES[original],
            "languages": [(code, LANGUAGE_NAMES[code]) for code in targets],
            "form": form,
            "rows": rows,
            "missing": missing,
            "editable": editable,
        },
    )


@login_required
def version_completeness(request, pk):
    version = _get_version_for_secretariat(request, pk)
    content = version_with_content(pk=version.pk)
    items = services.version_texts(version=content)
    translations_url = reverse("surveys:version_translations", args=[pk])
    languages = []
    opened = False
    for code in LANGUAGE_CODES:
        missing = [item for item in items if not item.in_language(code)]
        present = len(items) - len(missing)
        percent = 100 if not items else int(present * 100 / len(items))
        is_open = bool(missing) and not opened and code != content.original_language
        opened = opened or is_open
        languages.append(
            {
                "code": code,
                "name": LANGUAGE_NAMES[code],
                "name_html": _language_html(code),
                "open": is_open,
                "original": code == content.original_language,
                "present": present,
                "total": len(items),
                "percent": percent,
                "missing": [
                    {
                        "kind": TEXT_KINDS[item.kind],
                        "where": item.where,
                        "source": in_language(item.texts, content.original_language),
                        "url": f"{translations_url}?language={code}#id_{item.key}",
                    }
                    for item in missing
                ],
            }
        )
    return render(
        request,
        "surveys/authoring/completeness.html",
        {
            "version": content,
            "version_tab": "completeness",
            "languages": languages,
            "original_name": LANGUAGE_NAMES[content.original_language],
        },
    )


# --- Preview -----------------------------------------------------------------------------------------


class _Texts:
    """Texts in the preview's language, else the version's original language; a fallback text
    is marked with its own language so that it reads (and is read aloud) right."""

    def __init__(self, language: str, fallback: str):
        self.language, self.fallback = language, fallback

    def __call__(self, texts):
        text, code = text_and_language(texts, self.language, fallback=self.fallback)
        if not text or code == self.language:
            return text
        direction = "rtl" if code in RIGHT_TO_LEFT else "ltr"
        return format_html('<span lang="{}" dir="{}">{}</span>', code, direction, text)


def _number_text(value) -> str:
    return "" if value is None else f"{value.normalize():f}"


def _preview_question(question, text) -> dict:
    options = []
    if question.type in FIXED_SCALE_VALUES:
        options = [
            {"value": name, "label": text(FIXED_SCALES[question.type][name])}
            for name in FIXED_SCALE_VALUES[question.type]
        ]
    elif question.type in CHOICE_TYPES or question.type == "table":
        options = [{"value": c.name, "label": text(c.label)} for c in question.option_list]
    condition = question.relevance or {}
    return {
        "code": question.code,
        "type": question.type,
        "text": text(question.text),
        "help": text(question.help_text),
        "required": question.required,
        "options": options,
        "rows": [{"value": r.name, "label": text(r.label)} for r in question.row_list],
        "other_specify": question.other_specify,
        "other_label": text(OTHER_SPECIFY),
        "unit": text(question.unit),
        "minimum": _number_text(question.minimum),
        "maximum": _number_text(question.maximum),
        "step": "1" if question.type == "integer" else "any",
        "is_number": question.type in NUMBER_TYPES,
        "condition": condition,
    }


def version_preview(request, pk):
    version = get_version_for_reading(request, pk)
    content = version_with_content(pk=version.pk)
    active = language_code()
    language = _chosen_language(
        request, active if active in LANGUAGE_CODES else content.original_language
    )
    text = _Texts(language, content.original_language)
    sections = [
        {
            "code": section.code,
            "pk": section.pk,
            "title": text(section.title),
            "intro": text(section.intro),
            "questions": [_preview_question(q, text) for q in section.question_list],
        }
        for section in content.section_list
    ]
    user = request.user
    return render(
        request,
        "surveys/authoring/preview.html",
        {
            "version": content,
            "version_tab": "preview",
            "title": text(content.title),
            "sections": sections,
            "language": language,
            "language_direction": "rtl" if language in RIGHT_TO_LEFT else "ltr",
            "languages": [(code, LANGUAGE_NAMES[code]) for code in LANGUAGE_CODES],
            "is_secretariat": user.is_authenticated and user.is_secretariat,
        },
    )
