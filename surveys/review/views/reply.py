"""One reply under review, question by question, and the correction of one answer."""

from functools import lru_cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.multilingual import (
    chosen_language,
    language_choices,
    language_direction,
    language_query,
)
from surveys.access import get_reply_for_secretariat
from surveys.answering.forms import SectionAnswersForm
from surveys.answering.rendering import QuestionnaireText, person_name
from surveys.answering.selectors import question_of_reply
from surveys.answering.services import CORRECTABLE_STATUSES, AnswerInvalid, AnswerStale, ReplyLocked
from surveys.models import Answer, ReplyStatus
from surveys.questionnaires.selectors import version_content
from surveys.review.forms import ReturnNoteForm
from surveys.review.selectors import reply_review as reply_review_data
from surveys.review.services import REVIEWABLE_STATUSES, answer_correct, user_may_accept
from surveys.review.views._common import review_url, url_for_each
from surveys.review.views.row_cache import RowPage, review_rows

MAX_REASON = 1_000


@lru_cache(maxsize=16)
def _return_note_inputs(page_language: str) -> str:
    """The return note's empty inputs (six text areas): the same on every review page in a
    language, drawn once per process and language rather than on every page."""
    return str(ReturnNoteForm()["note"])


@login_required
@require_http_methods(["GET"])
def reply_review(request, pk):
    reply = get_reply_for_secretariat(request, pk)
    version = version_content(version=reply.cycle.version)
    language = chosen_language(request)
    review = reply_review_data(reply=reply, version=version, language=language)
    reviewable = reply.status in REVIEWABLE_STATUSES
    page = RowPage(
        reply=reply, user=request.user, language=language,
        language_direction=language_direction(language), query=language_query(language),
        reviewable=reviewable, correctable=reply.status in CORRECTABLE_STATUSES,
        correct_url=url_for_each("surveys:answer_correct", reply.pk),
    )  # fmt: skip
    # One token for every form of the page, as the context processor's would be.
    csrf_token = get_token(request)
    review_rows(review, version=version, page=page, csrf_token=csrf_token)
    return render(
        request,
        "surveys/review/reply_review.html",
        {
            "reply": reply,
            "version": version,
            "title": QuestionnaireText(language, version.original_language)(version.title),
            "review": review,
            "language": language,
            "language_direction": page.language_direction,
            "languages": language_choices(language),
            "query": page.query,
            "reviewable": reviewable,
            "return_form": ReturnNoteForm(),
            "return_note_inputs": _return_note_inputs(get_language()) if reviewable else "",
            "correctable": page.correctable,
            "csrf_token": csrf_token,
            # Asked only where the page offers a decision (two queries for a reviewer).
            "may_accept": reviewable and user_may_accept(request.user),
            "active_action": "review",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def answer_correct_view(request, pk, question_pk):
    """Correct an obvious error in one answer, with a reason (a new revision; the original
    stays in the answer's history and in the submitted snapshot)."""
    reply = get_reply_for_secretariat(request, pk)
    question = question_of_reply(reply, question_pk)
    language = chosen_language(request)
    text = QuestionnaireText(language, reply.cycle.version.original_language)
    answer = Answer.objects.filter(reply=reply, question=question).first()
    answers = {question.pk: answer} if answer else {}
    back = review_url(reply, f"question-{question.pk}", language)
    with override(language):
        form = SectionAnswersForm(
            request.POST.copy() if request.method == "POST" else None,
            questions=[question], answers=answers, text=text, language=language,
        )  # fmt: skip
    reason = request.POST.get("reason", "").strip()[:MAX_REASON]
    error = ""
    status = 200
    if request.method == "POST":
        value, other, base = form.submitted(question)
        try:
            saved = answer_correct(
                reply=reply, question=question, value=value, other_text=other,
                base_revision=base if base is not None else -1, by=request.user, reason=reason,
            )  # fmt: skip
        except (AnswerInvalid, ReplyLocked) as refused:
            error, status = str(refused), 422
        except AnswerStale as stale:
            error = _(
                "%(who)s changed this answer meanwhile: see the answer now, then correct it."
            ) % {"who": person_name(stale.answer.updated_by)}
            status = 409
            form.show_value(question, stale.answer)
        else:
            if saved.changed:
                messages.success(
                    request,
                    _("The answer to %(code)s is corrected. The contact persons see the reason.")
                    % {"code": question.code},
                )
            else:
                messages.info(request, _("The answer was already so: nothing was changed."))
            return redirect(back)
    entry = form.entries[question.code]
    entry.shown = True
    return render(
        request,
        "surveys/review/answer_correct.html",
        {
            "reply": reply,
            "question": question,
            "question_text": text(question.text),
            "form": form,
            "reason": reason,
            "error": error,
            "back": back,
            "language": language,
            "language_direction": language_direction(language),
            "correctable": reply.status in CORRECTABLE_STATUSES,
            "accepted": reply.status == ReplyStatus.ACCEPTED,
        },
        status=status,
    )
