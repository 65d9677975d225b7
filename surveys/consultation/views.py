"""Consultation on a draft questionnaire, and its approval (resolution 2004/28, paras. 6-7, 16-17).

The Secretariat's page (`version_consultation`) circulates a draft, shows the comments received
by question and records how each was treated, produces the revised draft and records approval.
Invited contact persons comment on `consultation_comment` and find their open consultations on
`consultation_inbox`; they never see another respondent's comments.
"""

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, TypedDict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from portal.access import role_required
from portal.models import Respondent, RespondentType
from portal.multilingual import in_language, language_code, shown, sort_key
from portal.roles import Role
from surveys.access import (
    get_comment_for_administrator,
    get_consultation_for_contact_person,
    get_version_for_authoring,
    get_version_for_secretariat,
)
from surveys.consultation.forms import (
    ApproveForm,
    CloseForm,
    CommentForm,
    ConsultationOpenForm,
    ResolveForm,
)
from surveys.consultation.services import (
    ConsultationRefused,
    consultation_close_and_revise,
    consultation_comment_add,
    consultation_comment_resolve,
    consultation_open,
    version_approve,
)
from surveys.models import (
    Consultation,
    ConsultationComment,
    Question,
    QuestionnaireVersion,
    Resolution,
)
from surveys.questionnaires.changes import version_changes
from surveys.questionnaires.scales import FIXED_SCALES, OTHER_SPECIFY
from surveys.questionnaires.selectors import version_with_content

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    from surveys.questionnaires.selectors import VersionWithContent

# --- Texts in the reader's language -------------------------------------------------------------


def _with_shown_texts(version: "VersionWithContent") -> "VersionWithContent":
    """Give each part of a version's content its texts in the reader's language."""
    fallback = version.original_language
    version.shown_title = shown(version.title, fallback)
    for section in version.section_list:
        section.shown_title = shown(section.title, fallback)
        section.shown_intro = shown(section.intro, fallback) if section.intro else ""
        for question in section.question_list:
            question.shown_text = shown(question.text, fallback)
            question.shown_help = shown(question.help_text, fallback) if question.help_text else ""
            question.shown_unit = shown(question.unit, fallback) if question.unit else ""
            labels = [shown(c.label, fallback) for c in question.option_list]
            if question.type in FIXED_SCALES:
                labels = [shown(label, "en") for label in FIXED_SCALES[question.type].values()]
            if question.other_specify:
                labels.append(shown(OTHER_SPECIFY, "en"))
            question.shown_options = labels
            question.shown_rows = [shown(c.label, fallback) for c in question.row_list]
    return version


def _sorted_respondents(respondents) -> list[Respondent]:
    language = language_code()
    return sorted(respondents, key=lambda r: sort_key(r.list_name(language), language))


# --- The Secretariat's consultation page ---------------------------------------------------------


class _Invited(TypedDict):
    invited: list[Respondent]  # Prefetch to_attr: the respondents invited


def _consultation_of(
    version: QuestionnaireVersion,
) -> "WithAnnotations[Consultation, _Invited] | None":
    return (
        Consultation.objects.filter(version=version)
        .select_related("opened_by")
        .prefetch_related(
            Prefetch("respondents", queryset=Respondent.objects.order_by(), to_attr="invited")
        )
        .first()
    )


def _comments_of(consultation: Consultation) -> list[ConsultationComment]:
    return list(
        consultation.comments.select_related("respondent", "author", "resolved_by").order_by(
            "created_at", "pk"
        )
    )


def _resolution_counts(comments) -> dict[str, int]:
    counts = Counter(c.resolution for c in comments)
    return {
        "total": len(comments),
        "pending": counts[Resolution.PENDING],
        "taken": counts[Resolution.TAKEN_INTO_ACCOUNT],
        "not_taken": counts[Resolution.NOT_TAKEN_INTO_ACCOUNT],
    }


def _with_forms(
    comments: list[ConsultationComment], resolve_forms: dict[int, ResolveForm]
) -> list[tuple[ConsultationComment, ResolveForm]]:
    """Each comment with its resolve form: the bound one of a refused decision, else a new one."""
    return [(c, resolve_forms.get(c.pk) or _resolve_form(c)) for c in comments]


def _resolve_form(comment: ConsultationComment, data=None) -> ResolveForm:
    """The decision form of one comment; its inputs' ids carry the comment's, as a page lists
    many."""
    return ResolveForm(
        data, initial={"note": comment.resolution_note}, auto_id=f"resolve-{comment.pk}-%s"
    )


def _change_log_draft(version: "VersionWithContent", by_question, general) -> str:
    """A change log to start from: the comments taken into account, question by question."""
    language = language_code()
    lines = []
    for section in version.section_list:
        for question in section.question_list:
            for comment in by_question.get(question.pk, ()):
                if comment.resolution == Resolution.TAKEN_INTO_ACCOUNT:
                    lines.append(_change_log_line(question.code, comment, language))
    for comment in general:
        if comment.resolution == Resolution.TAKEN_INTO_ACCOUNT:
            lines.append(_change_log_line(_("Whole questionnaire"), comment, language))
    if not lines:
        return ""
    heading = _("Comments taken into account:")
    return "\n".join([heading, *lines])


def _change_log_line(place: str, comment: ConsultationComment, language: str) -> str:
    what = in_language(comment.resolution_note, language) or _excerpt(comment.text)
    return f"- {place} ({comment.respondent.list_name(language)}): {what}"


def _excerpt(text: str, length: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _consultation_page(
    request,
    version: QuestionnaireVersion,
    *,
    open_form=None,
    close_form=None,
    approve_form=None,
    resolve_forms=None,
    status=200,
):
    user = request.user
    is_administrator = user.is_administrator
    consultation = _consultation_of(version)
    revisions = list(version.revisions.order_by("number"))
    context = {
        "version": version,
        "version_tab": "consultation",
        "consultation": consultation,
        "revisions": revisions,
        "is_administrator": is_administrator,
        "changes": version_changes(version=version),
    }
    if consultation is None:
        can_circulate = is_administrator and version.is_editable
        if can_circulate:
            open_form = open_form or _open_form(request)
        context["open_form"] = open_form if can_circulate else None
    else:
        content = _with_shown_texts(version_with_content(pk=version.pk))
        comments = _comments_of(consultation)
        resolve_forms = resolve_forms or {}
        by_question: defaultdict[int, list[ConsultationComment]] = defaultdict(list)
        general: list[ConsultationComment] = []
        commented: Counter[int] = Counter()
        for comment in comments:
            commented[comment.respondent_id] += 1
            if comment.question_id is None:
                general.append(comment)
            else:
                by_question[comment.question_id].append(comment)

        groups = [
            (question, _with_forms(by_question[question.pk], resolve_forms))
            for section in content.section_list
            for question in section.question_list
            if question.pk in by_question
        ]
        invited = [
            (respondent, commented[respondent.pk])
            for respondent in _sorted_respondents(consultation.invited)
        ]
        if is_administrator and consultation.is_open:
            close_form = close_form or CloseForm(
                initial={"change_log": _change_log_draft(content, by_question, general)}
            )
        context.update(
            content=content,
            groups=groups,
            general_comments=_with_forms(general, resolve_forms),
            counts=_resolution_counts(comments),
            invited=invited,
            commented_count=len(commented),
            close_form=close_form if is_administrator and consultation.is_open else None,
        )
    # Approval happens on a version not consulted, or on the revised draft after consultation.
    can_approve = is_administrator and version.is_editable and consultation is None
    context["approve_form"] = (approve_form or ApproveForm()) if can_approve else None
    return render(request, "surveys/consultation/version_consultation.html", context, status=status)


def _open_form(request, data=None) -> ConsultationOpenForm:
    respondents = list(
        Respondent.objects.filter(is_active=True).only("pk", "name", "type_id", "regional_group")
    )
    types = list(RespondentType.objects.all())
    return ConsultationOpenForm(data, respondents=respondents, types=types)


@login_required
def version_consultation(request, pk):
    version = get_version_for_secretariat(request, pk)
    if request.method != "POST":
        return _consultation_page(request, version)
    if not request.user.is_administrator:
        raise PermissionDenied
    form = _open_form(request, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            consultation = consultation_open(
                version=version,
                respondents=data["invited"],
                by=request.user,
                note=data["note"],
                deadline=data["deadline"],
                base_url=request.build_absolute_uri("/"),
            )
        except ConsultationRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                ngettext(
                    "The draft has been circulated for comments to %(count)s respondent.",
                    "The draft has been circulated for comments to %(count)s respondents.",
                    len(data["invited"]),
                )
                % {"count": len(data["invited"])},
            )
            return redirect("surveys:version_consultation", pk=consultation.version_id)
    return _consultation_page(request, version, open_form=form, status=422)


@login_required
@require_POST
def comment_resolve(request, pk):
    comment = get_comment_for_administrator(request, pk)
    form = _resolve_form(comment, request.POST)
    if form.is_valid():
        try:
            comment = consultation_comment_resolve(
                comment=comment,
                by=request.user,
                resolution=form.cleaned_data["resolution"],
                note=form.cleaned_data["note"],
            )
        except ConsultationRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            form = None
    if request.htmx:
        comment = get_comment_for_administrator(request, pk)
        resolve_form = form or _resolve_form(comment)
        counts = _resolution_counts(list(comment.consultation.comments.only("resolution")))
        return render(
            request,
            "surveys/consultation/_resolved_comment.html",
            {
                "comment": comment,
                "resolve_form": resolve_form,
                "counts": counts,
                "is_administrator": True,
                "saved": form is None,
            },
        )  # 200 even with errors: htmx swaps only successful responses
    version_url = reverse("surveys:version_consultation", args=[comment.consultation.version_id])
    if form is None:
        messages.success(
            request,
            _("Comment marked “%(resolution)s”.")
            % {"resolution": comment.get_resolution_display()},
        )
        return redirect(f"{version_url}#comment-{comment.pk}")
    version = get_version_for_secretariat(request, comment.consultation.version_id)
    return _consultation_page(request, version, resolve_forms={comment.pk: form}, status=422)


@login_required
@require_POST
def consultation_close(request, pk):
    version = get_version_for_authoring(request, pk)
    consultation = get_object_or_404(Consultation, version=version)
    form = CloseForm(request.POST)
    if form.is_valid():
        try:
            revised = consultation_close_and_revise(
                consultation=consultation,
                by=request.user,
                change_log=form.cleaned_data["change_log"],
            )
        except ConsultationRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("surveys:version_consultation", pk=version.pk)
        messages.success(
            request,
            _(
                "The consultation is closed. Version %(number)s is the revised draft: revise it, "
                "then record its approval."
            )
            % {"number": revised.number},
        )
        return redirect("surveys:version_consultation", pk=revised.pk)
    version = get_version_for_secretariat(request, pk)
    return _consultation_page(request, version, close_form=form, status=422)


@login_required
@require_POST
def version_approval(request, pk):
    version = get_version_for_authoring(request, pk)
    form = ApproveForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            version_approve(
                version=version,
                by=request.user,
                meeting=data["meeting"],
                date=data["date"],
                decision=data["decision"],
            )
        except ConsultationRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("Version %(number)s is approved. It can no longer change.")
                % {"number": version.number},
            )
        return redirect("surveys:version_consultation", pk=version.pk)
    version = get_version_for_secretariat(request, pk)
    return _consultation_page(request, version, approve_form=form, status=422)


# --- Contact persons -------------------------------------------------------------------------


@role_required(Role.CONTACT_PERSON)
def consultation_inbox(request):
    respondent_id = request.user.respondent_id
    consultations = list(
        Consultation.objects.filter(respondents=respondent_id)
        .select_related("version__questionnaire")
        .annotate(
            own_comment_count=Count(
                "comments", filter=Q(comments__respondent_id=respondent_id), distinct=True
            )
        )
        .order_by(F("deadline").asc(nulls_last=True), "-opened_at")
    )
    for consultation in consultations:
        version = consultation.version
        version.shown_title = shown(version.title, version.original_language)
    return render(
        request,
        "surveys/consultation/inbox.html",
        {
            "open_consultations": [c for c in consultations if c.is_open],
            "closed_consultations": [c for c in consultations if not c.is_open],
        },
    )


def _comment_page(request, version, consultation, *, forms=None, status=200):
    content = _with_shown_texts(version_with_content(pk=version.pk))
    comments = consultation.comments.filter(respondent_id=request.user.respondent_id)
    by_question = defaultdict(list)
    for comment in comments.select_related("author").order_by("created_at", "pk"):
        by_question[comment.question_id].append(comment)
    forms = forms or {}
    for section in content.section_list:
        for question in section.question_list:
            question.anchor = f"q-{question.pk}"
            question.own_comments = by_question[question.pk]
            question.comment_form = forms.get(question.pk) or CommentForm(
                auto_id=f"id_q{question.pk}_%s"
            )
    general_form = forms.get(None) or CommentForm(auto_id="id_general_%s")
    return render(
        request,
        "surveys/consultation/comment.html",
        {
            "version": version,
            "content": content,
            "consultation": consultation,
            "general_comments": by_question[None],
            "general_form": general_form,
            "respondent": request.user.respondent,
        },
        status=status,
    )


@login_required
def consultation_comment(request, pk):
    if request.user.is_secretariat:
        return redirect("surveys:version_consultation", pk=pk)
    version, consultation = get_consultation_for_contact_person(request, pk)
    if request.method != "POST":
        return _comment_page(request, version, consultation)
    question = None
    raw_question = request.POST.get("question", "")
    if raw_question:
        question = Question.objects.filter(
            version=version, pk=raw_question if raw_question.isdigit() else 0
        ).first()
        if question is None:
            raise PermissionDenied
    key = question.pk if question else None
    prefix = f"id_q{question.pk}_%s" if question else "id_general_%s"
    form = CommentForm(request.POST, auto_id=prefix)
    refused = ""
    if form.is_valid():
        try:
            consultation_comment_add(
                consultation=consultation,
                author=request.user,
                question=question,
                text=form.cleaned_data["text"],
            )
        except ConsultationRefused as refusal:
            refused = str(refusal)
        else:
            form = None
    anchor = f"q-{question.pk}" if question else "general"
    if request.htmx:
        comments = (
            consultation.comments.filter(
                respondent_id=request.user.respondent_id, question=question
            )
            .select_related("author")
            .order_by("created_at", "pk")
        )
        return render(
            request,
            "surveys/consultation/_own_comments.html",
            {
                "anchor": anchor,
                "question": question,
                "comments": comments,
                "form": form or CommentForm(auto_id=prefix),
                "consultation": consultation,
                "saved": form is None,
                "refused": refused,
            },
        )  # 200 even with errors: htmx swaps only successful responses
    page_url = reverse("surveys:consultation_comment", args=[version.pk])
    if refused:
        messages.error(request, refused)
        return redirect(page_url)
    if form is None:
        messages.success(request, _("Your comment has been saved."))
        return redirect(f"{page_url}#{anchor}")
    return _comment_page(request, version, consultation, forms={key: form}, status=422)
