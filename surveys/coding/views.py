"""Coding (DESIGN.md, "Code"): the codebook, and the coding screen where a reviewer tags the answers
of one question for every respondent at once, one click per decision."""

import hashlib
import json
from dataclasses import dataclass
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.access import require_administrator, require_secretariat
from portal.multilingual import LANGUAGE_CODES, TextsIn, language_code
from surveys.access import (
    get_answer_for_secretariat,
    get_cycle_for_secretariat,
    get_theme_for_administrator,
)
from surveys.coding.forms import ThemeForm, UsefulPracticeForm
from surveys.coding.selectors import (
    CODED_REPLY_STATUSES,
    KINDS_FOR_PURPOSE,
    coded_words,
    coding_answer,
    coding_answers,
    coding_questions,
    themes_for,
)
from surveys.coding.services import (
    CODED_PURPOSES,
    CodingRefused,
    answer_theme_decide,
    theme_create,
    theme_update,
    useful_practice_save,
)
from surveys.coding.suggestions import Matcher, Suggestion, detect_language
from surveys.models import (
    Answer,
    AnswerTheme,
    Decision,
    Purpose,
    Question,
    Reply,
    ReplyStatus,
    Theme,
    ThemeKind,
    UsefulPractice,
)

# --- Rows of the coding screen ------------------------------------------------------------------

# Answers per page of the coding screen: about 200 KB of HTML, whatever the number of replies.
CODING_PER_PAGE = 30
# Keyword suggestions are kept a week per answer text and codebook (a changed keyword or text
# gives another key, so nothing stale is ever shown).
SUGGESTIONS_KEPT_SECONDS = 7 * 24 * 3600


def _status_note() -> str:
    return ", ".join(str(ReplyStatus(status).label) for status in CODED_REPLY_STATUSES)


class _Rows:
    """What the rows of one question share, worked out once per page: the themes offered, their
    labels in the reader's language, and the compiled keywords."""

    def __init__(self, themes: list[Theme]):
        self.themes = themes
        self.language = language_code()
        self.label = TextsIn(self.language)
        for theme in themes:
            theme.shown = self.label(theme.label)
        self.labels = {theme.pk: theme.shown for theme in themes}
        self.by_pk = {theme.pk: theme for theme in themes}
        self._matcher: Matcher | None = None
        self._codebook = hashlib.sha256(
            json.dumps([(t.pk, t.keywords) for t in themes], sort_keys=True).encode()
        ).hexdigest()[:16]
        self._found: dict[str, tuple[str, list]] = {}

    def _key(self, text: str) -> str:
        digest = hashlib.sha256(text.encode()).hexdigest()[:24]
        return f"coding-suggestions:{self._codebook}:{digest}"

    def find(self, texts: list[str]) -> None:
        """Work out the language and the suggestions of each of `texts`, or take them from the
        cache (one round trip): stemming every word of every answer is the screen's main cost."""
        keys = {text: self._key(text) for text in texts}
        kept = cache.get_many(list(keys.values()))
        missing = {}
        for text, key in keys.items():
            if key in kept:
                self._found[text] = kept[key]
                continue
            if self._matcher is None:
                self._matcher = Matcher(self.themes)
            found = (
                detect_language(text),
                [
                    (cast(Theme, s.theme).pk, s.matched, s.language)
                    for s in self._matcher.suggest(text)
                ],
            )
            self._found[text] = missing[key] = found
        if missing:
            cache.set_many(missing, timeout=SUGGESTIONS_KEPT_SECONDS)

    def _suggestions(self, text: str, excluded: set[int]) -> tuple[str, list[Suggestion]]:
        if text not in self._found:
            self.find([text])
        language, found = self._found[text]
        return language, [
            Suggestion(theme=self.by_pk[pk], matched=matched, language=matched_language)
            for pk, matched, matched_language in found
            if pk not in excluded and pk in self.by_pk
        ]

    def prepare(self, answer: Answer) -> "CodingRow":
        """What one row shows: the text, its guessed language, the accepted and rejected themes,
        the suggestions with their reasons, the themes left to add, the useful-practice form."""
        text = coded_words(answer)
        for decided in answer.decisions:
            theme = decided.theme
            theme.shown = self.labels.get(theme.pk) or self.label(theme.label)
        accepted = [d for d in answer.decisions if d.decision == Decision.ACCEPTED]
        accepted_ids = {d.theme_id for d in accepted}
        language, suggestions = self._suggestions(text, {d.theme_id for d in answer.decisions})
        row = CodingRow(
            answer=answer,
            text=text,
            text_language=language,
            accepted=sorted(accepted, key=lambda d: (d.theme.kind, d.theme.order, d.theme.code)),
            rejected=[d for d in answer.decisions if d.decision == Decision.REJECTED],
            suggestions=suggestions,
            addable=[theme for theme in self.themes if theme.pk not in accepted_ids],
            decide_url=reverse("surveys:coding_decide", args=[answer.pk]),
            reply_url=reverse("surveys:reply_detail", args=[answer.reply_id]),
            respondent_name=answer.reply.respondent.list_name(self.language),
        )
        if answer.question.purpose == Purpose.USEFUL_PRACTICE:
            practice = answer.practice
            row.practice_url = reverse("surveys:coding_practice", args=[answer.pk])
            row.practice_form = UsefulPracticeForm(
                initial={
                    "featured": practice.featured if practice else False,
                    "summary": practice.summary if practice else {},
                },
                auto_id=f"id_practice_{answer.pk}_%s",
            )
        return row


@dataclass
class CodingRow:
    """One answer as its row on the coding screen shows it. `pk`, `reply` and `practice` are the
    answer's, so the row template reads it as it would the answer."""

    answer: Answer
    text: str
    text_language: str
    accepted: list[AnswerTheme]
    rejected: list[AnswerTheme]
    suggestions: list[Suggestion]
    addable: list[Theme]
    decide_url: str
    reply_url: str
    respondent_name: str
    practice_url: str = ""
    practice_form: UsefulPracticeForm | None = None

    @property
    def pk(self) -> int:
        return self.answer.pk

    @property
    def reply(self) -> Reply:
        return self.answer.reply

    @property
    def practice(self) -> UsefulPractice | None:
        return self.answer.practice


def _back(request, cycle_pk: int, question_code: str) -> str:
    """Where a plain POST returns: the page the form was on (kept filters), else the question."""
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("surveys:coding_question", args=[cycle_pk, question_code])


def _row_response(request, answer: Answer, *, note: str = "", error: str = ""):
    """After a decision: the answer's row for htmx (with the question's counts updated out of
    band), or back to the page for a plain POST."""
    cycle_pk = answer.reply.cycle_id
    if not request.htmx:
        if error:
            messages.error(request, error)
        elif note:
            messages.success(request, note)
        return redirect(f"{_back(request, cycle_pk, answer.question.code)}#answer-{answer.pk}")
    answer = coding_answer(answer.pk)
    question = answer.question
    counts = next(q for q in coding_questions(answer.reply.cycle) if q.pk == question.pk)
    return render(
        request,
        "surveys/coding/_answer_row.html",
        {
            "answer": _Rows(themes_for(question)).prepare(answer),
            "question": question,
            "counts": counts,
            "oob": True,
            "note": note,
            "error": error,
            "next_url": request.POST.get("next", ""),
        },
    )  # 200 even with an error: htmx swaps only successful responses


# --- Coding pages -------------------------------------------------------------------------------


@login_required
def coding_index(request, pk):
    cycle = get_cycle_for_secretariat(request, pk)
    questions = coding_questions(cycle)
    return render(
        request,
        "surveys/coding/index.html",
        {
            "cycle": cycle,
            "questions": questions,
            "statuses": _status_note(),
            "total": sum(q.answer_count for q in questions),
            "coded": sum(q.coded_count for q in questions),
            "uncoded": sum(q.uncoded_count for q in questions),
        },
    )


@login_required
def coding_question(request, pk, code):
    cycle = get_cycle_for_secretariat(request, pk)
    question = get_object_or_404(
        Question.objects.select_related("section"),
        version_id=cycle.version_id,
        code=code,
        purpose__in=CODED_PURPOSES,
    )
    themes = themes_for(question)
    uncoded_only = request.GET.get("uncoded") == "1"
    wanted_theme = None
    theme_code = request.GET.get("theme", "")
    if theme_code:
        wanted_theme = next((t for t in themes if t.code == theme_code), None)
        if wanted_theme is None:
            # An inactive theme can still be filtered on: answers coded with it keep it.
            wanted_theme = Theme.objects.filter(code=theme_code).first()
    rows = _Rows(themes)
    found = coding_answers(cycle, question, uncoded_only=uncoded_only, theme=wanted_theme)
    page = Paginator(found, CODING_PER_PAGE).get_page(request.GET.get("page"))
    rows.find([coded_words(answer) for answer in page.object_list])
    answers = [rows.prepare(answer) for answer in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    counts = next((q for q in coding_questions(cycle) if q.pk == question.pk), None)
    if counts is None:
        raise Http404
    return render(
        request,
        "surveys/coding/question.html",
        {
            "cycle": cycle,
            "question": question,
            "answers": answers,
            "page": page,
            "page_query": query.urlencode(),
            "themes": themes,
            "filter_themes": themes,
            "wanted_theme": wanted_theme,
            "uncoded_only": uncoded_only,
            "counts": counts,
            "statuses": _status_note(),
            "is_practice": question.purpose == Purpose.USEFUL_PRACTICE,
            "next_url": request.get_full_path(),
            "kinds": [ThemeKind(kind).label for kind in KINDS_FOR_PURPOSE[question.purpose]],
        },
    )


@login_required
@require_POST
def coding_decide(request, pk):
    """One decision on one answer: accept or reject a suggested theme, add a theme, remove one."""
    answer = get_answer_for_secretariat(request, pk)
    decision = request.POST.get("decision", "")
    theme_pk = request.POST.get("theme", "")
    theme = Theme.objects.filter(pk=theme_pk).first() if theme_pk.isdigit() else None
    if theme is None or decision not in Decision.values:
        return _row_response(request, answer, error=_("Choose a theme."))
    if theme.kind not in KINDS_FOR_PURPOSE[answer.question.purpose]:
        return _row_response(request, answer, error=_("This theme does not apply to the question."))
    try:
        answer_theme_decide(
            answer=answer,
            theme=theme,
            decision=decision,
            by=request.user,
            suggested=request.POST.get("suggested") == "1",
        )
    except CodingRefused as refusal:
        return _row_response(request, answer, error=str(refusal))
    respondent = answer.reply.respondent.running_text_name()
    if decision == Decision.ACCEPTED:
        note = _("%(theme)s: accepted for %(respondent)s.")
    else:
        note = _("%(theme)s: not kept for %(respondent)s.")
    return _row_response(request, answer, note=note % {"theme": theme, "respondent": respondent})


@login_required
@require_POST
def coding_practice(request, pk):
    """Feature a useful practice in the report (or not), with its short summary."""
    answer = get_answer_for_secretariat(request, pk)
    form = UsefulPracticeForm(request.POST)
    if not form.is_valid():
        errors = " ".join(str(e) for field_errors in form.errors.values() for e in field_errors)
        return _row_response(request, answer, error=errors)
    try:
        useful_practice_save(answer=answer, by=request.user, **form.cleaned_data)
    except CodingRefused as refusal:
        return _row_response(request, answer, error=str(refusal))
    return _row_response(request, answer, note=_("The useful practice is saved."))


# --- Codebook -----------------------------------------------------------------------------------


@login_required
def codebook_index(request):
    require_secretariat(request)
    themes = list(
        Theme.objects.annotate(
            use_count=Count("answer_themes", filter=Q(answer_themes__decision=Decision.ACCEPTED))
        ).order_by("kind", "order", "code")
    )
    languages = list(LANGUAGE_CODES)
    groups = []
    for kind, label in ThemeKind.choices:
        rows = [theme for theme in themes if theme.kind == kind]
        for theme in rows:
            theme.keyword_count = sum(len(theme.keywords.get(code, ())) for code in languages)
            theme.keyword_languages = [code for code in languages if theme.keywords.get(code)]
        groups.append((kind, label, rows))
    return render(
        request,
        "surveys/coding/codebook.html",
        {"groups": groups, "can_edit": request.user.is_administrator},
    )


@login_required
def theme_create_view(request):
    require_administrator(request)
    form = ThemeForm(request.POST or None, initial={"kind": request.GET.get("kind", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            theme = theme_create(
                kind=data["kind"],
                code=data["code"],
                label=data["label"],
                description=data["description"],
                keywords=form.keywords,
                order=data["order"],
                by=request.user,
            )
        except CodingRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The theme %(theme)s is added.") % {"theme": theme})
            return redirect(f"{reverse('surveys:codebook_index')}#theme-{theme.pk}")
    return render(
        request,
        "surveys/coding/theme_form.html",
        {"form": form, "theme": None},
        status=422 if request.method == "POST" else 200,
    )


@login_required
def theme_edit(request, pk):
    theme = get_theme_for_administrator(request, pk)
    form = ThemeForm(request.POST or None, theme=theme)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            theme_update(
                theme=theme,
                label=data["label"],
                description=data["description"],
                keywords=form.keywords,
                order=data["order"],
                is_active=data["is_active"],
                by=request.user,
            )
        except CodingRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The theme %(theme)s is saved.") % {"theme": theme})
            return redirect(f"{reverse('surveys:codebook_index')}#theme-{theme.pk}")
    in_use = theme.answer_themes.filter(decision=Decision.ACCEPTED).count()
    return render(
        request,
        "surveys/coding/theme_form.html",
        {"form": form, "theme": theme, "in_use": in_use},
        status=422 if request.method == "POST" else 200,
    )
