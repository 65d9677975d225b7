"""Autosave: one answer at a time, posted by htmx as the person types (hx-* attributes of the
question's block, templates/surveys/answering/_question.html; static/js/autosave.js).

200: saved (a fragment "Saved at HH:MM", the new revision for the hidden base field and the
progress, swapped out of band); 409: someone else saved this answer since the person loaded it
(their value, who and when, "keep mine" or "take theirs"); 422 (400 without a base revision): the
value does not fit the question (the message); 423: the reply is submitted. Each of these answers
also names its outcome in an HX-Trigger header ("autosave:saved", "autosave:conflict",
"autosave:invalid", "autosave:locked"), which the script listens for; anything else (a network
failure, a 5xx, a log-in page) is no answer and is retried. GET gives the question's block as
saved, which is what "take theirs" puts back in the page.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.http import require_http_methods
from django_htmx.http import trigger_client_event

from portal.multilingual import chosen_language, language_query
from surveys.access import get_reply_for_user
from surveys.answering.forms import SectionAnswersForm
from surveys.answering.rendering import QuestionnaireText
from surveys.answering.selectors import question_of_reply
from surveys.answering.services import (
    AnswerInvalid,
    AnswerStale,
    ReplyLocked,
    answer_clean,
    answer_save,
)
from surveys.answering.views._common import (
    add_review_notes,
    conflict_for,
    prepare_entries,
    progress_context,
    version_outline,
)
from surveys.models import Answer, Channel


def _fragment(template: str, context: dict, status: int = 200) -> HttpResponse:
    # Fragments for a script: no layout, so no context processors and their queries.
    return HttpResponse(render_to_string(template, context), status=status)


def _outcome(
    template: str, context: dict, status: int, event: str, detail: dict | None = None
) -> HttpResponse:
    """An answer to a save, its outcome named for the script in an HX-Trigger header."""
    response = _fragment(template, context, status)
    detail = {"code": context["entry"].code} | (detail or {})
    return trigger_client_event(response, f"autosave:{event}", detail)


@require_http_methods(["GET", "POST"])
def answer_autosave(request, pk, question_pk):
    # No redirect to the log-in page for a visitor: a script posts here, and a log-in page
    # answered with 200 must never pass for a save.
    reply = get_reply_for_user(request, pk, answering=request.method == "POST")
    question = question_of_reply(reply, question_pk)
    language = chosen_language(request)
    text = QuestionnaireText(language, reply.cycle.version.original_language)
    with override(language):
        if request.method == "GET":
            return _block(request, reply, question, text, language)
        return _save(request, reply, question, text, language)


def _form(request, reply, question, text, language, answers, read_only=False):
    form = SectionAnswersForm(
        request.POST if request.method == "POST" else None,
        questions=[question], answers=answers, text=text, language=language, read_only=read_only,
    )  # fmt: skip
    prepare_entries(form, reply=reply, answers=answers, user=request.user, language=language)
    return form


def _block(request, reply, question, text, language):
    """The question's block with the saved answer ("take theirs")."""
    answers = {
        a.question_id: a
        for a in Answer.objects.filter(reply=reply, question=question).select_related("updated_by")
    }
    read_only = not (reply.is_answerable and request.user.is_contact_person)
    form = _form(request, reply, question, text, language, answers, read_only)
    add_review_notes(form, reply=reply, text=text)
    return _fragment("surveys/answering/_block_response.html", {"form": form})


def _save(request, reply, question, text, language):
    form = _form(request, reply, question, text, language, answers={})
    entry = form.entries[question.code]
    value, other, base = form.submitted(question)
    context = {
        "reply": reply,
        "entry": entry,
        "error_id": f"{form[entry.name].auto_id}_error",
        "language": language,
    }
    if base is None:
        context["message"] = _(
            "%(code)s: the page did not say which saved answer it started from."
        ) % {"code": question.code}
        return _invalid(context, status=400)
    try:
        answer = answer_save(
            reply=reply, question=question, value=value, other_text=other, base_revision=base,
            by=request.user, channel=Channel.AUTOSAVE,
        ).answer  # fmt: skip
    except AnswerInvalid as error:
        context["message"] = str(error)
        return _invalid(context, status=422)
    except ReplyLocked as error:
        context["message"] = str(error)
        return _outcome("surveys/answering/_autosave_locked.html", context, 423, "locked")
    except AnswerStale as stale:
        answer = stale.answer
        if (answer.value, answer.other_text) != answer_clean(
            question=question, value=value, other_text=other
        ):
            entry.conflict = conflict_for(question, answer, text)
            return _outcome("surveys/answering/_conflict.html", context, 409, "conflict")
        # Both people gave the same answer: nothing to choose between.
    outline = version_outline(reply.cycle.version)
    progress = progress_context(
        reply=reply, version=outline, text=text, query=language_query(language),
        current_id=question.section_id,
    )  # fmt: skip
    entry.base = answer.revision
    context |= {
        "saved_at": time_format(timezone.localtime(), "H:i"),
        "progress": progress,
        "section_progress": next(s for s in progress["sections"] if s["current"]),
    }
    detail = {"revision": answer.revision, "time": context["saved_at"]}
    return _outcome("surveys/answering/_autosave_saved.html", context, 200, "saved", detail)


def _invalid(context: dict, status: int) -> HttpResponse:
    # The id of the message goes in the field's aria-describedby.
    detail = {"errorId": context["error_id"]}
    return _outcome("surveys/answering/_autosave_invalid.html", context, status, "invalid", detail)
