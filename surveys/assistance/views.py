"""Technical-assistance requests (the Secretariat's pages): the list with filters, one request with
its answer, notes and matching experts of the roster, and the requests nobody can meet."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters.models import Expert
from clusters.selectors import language_name
from portal.access import get_respondent_for_user, require_secretariat
from portal.development import GROUPS
from portal.multilingual import TextsIn, language_code
from surveys.access import get_request_for_secretariat
from surveys.answering.rendering import AnswerWords, answer_text
from surveys.assistance.forms import (
    AssistanceFilterForm,
    AssistanceMatchForm,
    AssistanceOutcomeForm,
    AssistanceUpdateForm,
)
from surveys.assistance.outcomes import OUTCOME_FIELDS, assistance_outcome_record, outcome_current
from surveys.assistance.selectors import (
    assistance_group_counts,
    assistance_requests,
    assistance_requests_of_respondent,
    assistance_status_counts,
    assistance_unmet,
    experts_suggested,
)
from surveys.assistance.services import (
    AssistanceRefused,
    assistance_match,
    assistance_request_update,
    assistance_unmatch,
)
from surveys.models import AssistanceRequest, RequestStatus, Theme, ThemeKind

PER_PAGE = 50


# --- The list ------------------------------------------------------------------------------------


@login_required
def assistance_index(request):
    """All requests, the highest priority first, with filters, the number in each status and the
    number from each development group or situation (whatever group is chosen)."""
    require_secretariat(request)
    form = AssistanceFilterForm(request.GET or None)
    filters = dict(form.cleaned_data) if form.is_valid() else {}
    wanted = filters.pop("status", "") or ""
    requests = assistance_requests(**filters)
    counts = assistance_status_counts(requests)
    shown = requests.filter(status=wanted) if wanted else requests
    ungrouped = assistance_requests(**{**filters, "group": ""})
    by_group = assistance_group_counts(ungrouped.filter(status=wanted) if wanted else ungrouped)
    group_query = request.GET.copy()
    for name in ("page", "group"):
        group_query.pop(name, None)
    page = Paginator(shown, PER_PAGE).get_page(request.GET.get("page"))
    for item in page.object_list:
        item.language_name = language_name(item.language)
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("status", None)
    tabs = [("", _("All"), sum(counts.values()))] + [
        (value, label, counts[value]) for value, label in RequestStatus.choices
    ]
    return render(
        request,
        "surveys/assistance/index.html",
        {
            "form": form,
            "page": page,
            "tabs": tabs,
            "wanted": wanted,
            "filter_query": query.urlencode(),
            "filtered": any(v not in (None, "") for v in filters.values()),
            "by_group": [(key, label, by_group[key]) for key, label in GROUPS.items()],
            "wanted_group": filters.get("group", ""),
            "group_query": group_query.urlencode(),
        },
    )


# --- One request ---------------------------------------------------------------------------------


def _areas(request_row: AssistanceRequest) -> list[Theme]:
    areas = Theme.objects.filter(kind=ThemeKind.ASSISTANCE_AREA).order_by("order", "code")
    return [t for t in areas if t.is_active or t.pk == request_row.area_id]


def _outcome_form(item: AssistanceRequest, outcome, data=None) -> AssistanceOutcomeForm | None:
    """The form that completes a request in progress with its outcome, or revises the outcome
    of a completed one (filled in with the current outcome); None for other requests."""
    if item.status not in (RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED):
        return None
    initial = {}
    if outcome is not None:
        initial = {name: getattr(outcome, name) for name in OUTCOME_FIELDS}
    return AssistanceOutcomeForm(data, initial=initial, revising=outcome is not None)


def _detail_page(
    request, item: AssistanceRequest, *, update_form=None, outcome_form=None, status=200
):
    answer = item.answer
    question = answer.question if answer else None
    reply_link = ""
    if item.reply_id and question is not None:
        section = reverse("surveys:reply_section", args=[item.reply_id, question.section_id])
        reply_link = f"{section}#question-{question.pk}"
    elif item.reply_id:
        reply_link = reverse("surveys:reply_detail", args=[item.reply_id])
    reply = item.reply
    original_language = reply.cycle.version.original_language if reply is not None else "en"
    words = AnswerWords(language_code(), original_language)
    outcome = outcome_current(item)
    return render(
        request,
        "surveys/assistance/detail.html",
        {
            "item": item,
            "language_name": language_name(item.language),
            "question": question,
            "question_text": TextsIn(language_code(), original_language)(question.text)
            if question
            else "",
            "answer_value": answer_text(answer.question, answer.value, answer.other_text, words)
            if answer
            else "",
            "reply_link": reply_link,
            "notes": list(item.notes.all()),
            "matches": list(item.matches.all()),
            "suggested": experts_suggested(item) if item.is_open else [],
            "update_form": update_form or AssistanceUpdateForm(request=item, areas=_areas(item)),
            "is_open": item.is_open,
            "outcome": outcome,
            "outcome_form": outcome_form or _outcome_form(item, outcome),
        },
        status=status,
    )


@login_required
def assistance_detail(request, pk):
    item = get_request_for_secretariat(request, pk)
    return _detail_page(request, item)


@login_required
@require_POST
def assistance_update(request, pk):
    item = get_request_for_secretariat(request, pk)
    form = AssistanceUpdateForm(request.POST, request=item, areas=_areas(item))
    if form.is_valid():
        data = form.cleaned_data
        try:
            assistance_request_update(
                request=item,
                by=request.user,
                status=data["status"] or None,
                priority=data["priority"],
                area=data["area"],
                note=data["note"],
            )
        except AssistanceRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The request is updated."))
            return redirect("surveys:assistance_detail", pk=item.pk)
    return _detail_page(request, item, update_form=form, status=422)


@login_required
@require_POST
def assistance_outcome(request, pk):
    """Complete a request in progress with its outcome, or revise a completed one's."""
    item = get_request_for_secretariat(request, pk)
    form = _outcome_form(item, outcome_current(item), request.POST)
    if form is None:
        raise Http404
    if form.is_valid():
        try:
            assistance_outcome_record(
                request=item,
                facts=form.facts(),
                by=request.user,
                reason=form.cleaned_data.get("reason", ""),
            )
        except AssistanceRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The outcome is recorded."))
            return redirect("surveys:assistance_detail", pk=item.pk)
    return _detail_page(request, item, outcome_form=form, status=422)


def _expert_from(request) -> Expert:
    form = AssistanceMatchForm(request.POST)
    if not form.is_valid():
        raise Http404
    return get_object_or_404(Expert, pk=form.cleaned_data["expert"])


@login_required
@require_POST
def assistance_match_view(request, pk):
    item = get_request_for_secretariat(request, pk)
    expert = _expert_from(request)
    try:
        assistance_match(
            request=item, expert=expert, by=request.user, note=request.POST.get("note", "")
        )
    except AssistanceRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("%(expert)s is matched to the request.") % {"expert": expert})
    return redirect("surveys:assistance_detail", pk=item.pk)


@login_required
@require_POST
def assistance_unmatch_view(request, pk):
    item = get_request_for_secretariat(request, pk)
    expert = _expert_from(request)
    try:
        assistance_unmatch(request=item, expert=expert, by=request.user)
    except AssistanceRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request, _("%(expert)s is no longer matched to the request.") % {"expert": expert}
        )
    return redirect("surveys:assistance_detail", pk=item.pk)


# --- What the roster cannot meet ----------------------------------------------------------------


@login_required
def assistance_unmet_view(request):
    """Open requests no expert on the roster can meet, by cluster and language."""
    require_secretariat(request)
    groups = assistance_unmet()
    return render(
        request,
        "surveys/assistance/unmet.html",
        {"groups": groups, "total": sum(len(g.requests) for g in groups)},
    )


# --- A respondent's requests ---------------------------------------------------------------------


@login_required
def respondent_assistance(request, code):
    """The requests of one respondent with their status and outcome: for its contact persons
    (their own respondent only) and the Secretariat."""
    respondent = get_respondent_for_user(request, code)
    requests = assistance_requests_of_respondent(respondent)
    for item in requests:
        item.outcome = outcome_current(item)
    return render(
        request,
        "surveys/assistance/respondent.html",
        {"respondent": respondent, "requests": requests},
    )
