"""The structure editor: sections and questions added, edited, moved and deleted."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from clusters.models import Standard
from portal.multilingual import (
    in_language,
)
from surveys.models import (
    Question,
    Section,
)
from surveys.questionnaires import services
from surveys.questionnaires.condition_choices import condition_label
from surveys.questionnaires.forms import (
    QuestionForm,
    SectionForm,
    StandardLinkFormSet,
)
from surveys.questionnaires.selectors import version_with_content
from surveys.questionnaires.versions import DocumentRejected
from surveys.questionnaires.views._common import (
    _authoring,
    _codes,
    _editor_url,
    _questions,
    _reject,
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
        "surveys/questionnaires/edit.html",
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
        "surveys/questionnaires/form_page.html",
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
        "surveys/questionnaires/form_page.html",
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
        "surveys/questionnaires/confirm_delete.html",
        {
            "version": version,
            "heading": _("Delete section %(code)s?") % {"code": section.code},
            "what": section,
            "detail": ngettext(
                "The section and its %(count)s question will be deleted from this draft.",
                "The section and its %(count)s questions will be deleted from this draft.",
                section.n,
            )
            % {"count": section.n},
            "anchor": f"section-{section.pk}",
        },
    )


def _question_page(request, version, form, formset, heading, submit_label, section):
    return render(
        request,
        "surveys/questionnaires/question_form.html",
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
        "surveys/questionnaires/confirm_delete.html",
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
