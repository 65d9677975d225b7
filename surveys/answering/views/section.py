"""One section of a reply, answered in the browser.

With JavaScript every change is saved as it is made (see autosave.py); without it, the Save
button posts the whole section here. Either way each answer is checked against the revision the
person loaded: an answer someone else saved since is never overwritten, it is shown beside the
field with a choice between "keep mine" and "take theirs".
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override
from django.views.decorators.http import require_http_methods

from portal.multilingual import (
    chosen_language,
    language_choices,
    language_direction,
    language_query,
)
from surveys.access import get_reply_for_user
from surveys.answering.block_cache import section_blocks
from surveys.answering.forms import SectionAnswersForm
from surveys.answering.prefill import answers_confirm
from surveys.answering.rendering import QuestionnaireText
from surveys.answering.services import (
    AnswerInvalid,
    AnswerStale,
    ReplyLocked,
    answer_clean,
    answer_save,
)
from surveys.answering.views._common import (
    add_review_notes,
    answers_with_savers,
    conflict_for,
    context_answers,
    prepare_entries,
    progress_context,
    reply_deadline,
    shown_codes,
)
from surveys.models import AnswerChange, Channel
from surveys.questionnaires.selectors import version_content


@login_required
@require_http_methods(["GET", "POST"])
def reply_section(request, pk, section_pk):
    reply = get_reply_for_user(request, pk, answering=request.method == "POST")
    version = version_content(version=reply.cycle.version)
    sections = version.section_list
    index = next((i for i, s in enumerate(sections) if s.pk == section_pk), None)
    if index is None:
        raise Http404
    section = sections[index]
    language = chosen_language(request)
    query = language_query(language)
    here = reverse("surveys:reply_section", args=[reply.pk, section.pk]) + query
    can_answer = reply.is_answerable and request.user.is_contact_person
    answers = answers_with_savers(reply)
    text = QuestionnaireText(language, version.original_language)
    with override(language):
        form = SectionAnswersForm(
            request.POST.copy() if request.method == "POST" else None,
            questions=section.question_list, answers=answers, text=text, language=language,
            read_only=not can_answer,
        )  # fmt: skip
    problems = {}
    if request.method == "POST":
        if not can_answer:
            messages.error(
                request, _("This reply has been submitted; its answers can no longer be changed.")
            )
            return redirect(here)
        problems, changed = _save_section(request, reply, form, section, answers, text)
        if not problems:
            return _saved(request, reply, sections, index, changed=changed, query=query)
        answers = answers_with_savers(reply)
    shown = shown_codes(version, answers)
    prepare_entries(
        form, reply=reply, answers=answers, user=request.user, language=language, shown=shown
    )
    add_review_notes(form, reply=reply, text=text)
    for entry in form.entries.values():
        entry.shown = entry.shown or entry.code in problems
    progress = progress_context(
        reply=reply, version=version, text=text, query=query, current_id=section.pk,
        answers=answers,
    )  # fmt: skip
    neighbours = [
        {"title": text(s.title), "code": s.code,
         "url": reverse("surveys:reply_section", args=[reply.pk, s.pk]) + query}
        if s else None
        for s in (sections[index - 1] if index else None,
                  sections[index + 1] if index + 1 < len(sections) else None)
    ]  # fmt: skip
    return render(
        request,
        "surveys/answering/section.html",
        {
            "reply": reply,
            "version": version,
            "section": section,
            "section_title": text(section.title),
            "section_intro": text(section.intro),
            "section_number": index + 1,
            "section_count": len(sections),
            "section_progress": next(s for s in progress["sections"] if s["current"]),
            "title": text(version.title),
            "deadline": reply_deadline(reply),
            "form": form,
            "question_blocks": section_blocks(form, version=reply.cycle.version),
            "problems": [
                {"entry": form.entries[code], "message": message}
                for code, message in problems.items()
            ],
            "context_answers": context_answers(section, version, answers, shown),
            "progress": progress,
            "previous": neighbours[0],
            "next": neighbours[1],
            "language": language,
            "language_direction": language_direction(language),
            "languages": language_choices(language),
            "section_url": reverse("surveys:reply_section", args=[reply.pk, section.pk]),
            "can_answer": can_answer,
        },
    )


def _saved(request, reply, sections, index, *, changed: bool, query: str):
    """Say whether anything was saved, then go to the next section or back to this one (or
    confirm the answers carried over that a Confirm button names, and come back to them)."""
    if request.POST.get("confirm"):
        section = sections[index]
        here = reverse("surveys:reply_section", args=[reply.pk, section.pk]) + query
        return _confirm(request, reply, section, here)
    now = time_format(timezone.localtime(), "H:i")
    if changed:
        messages.success(request, _("Your answers were saved at %(time)s.") % {"time": now})
    else:
        messages.info(request, _("There was nothing new to save."))
    following = index + 1 if request.POST.get("go") == "next" else index
    if following >= len(sections):
        following = index
    return redirect(
        reverse("surveys:reply_section", args=[reply.pk, sections[following].pk]) + query
    )


def _confirm(request, reply, section, here: str):
    """Confirm the answers carried over from an earlier reply: one question's ("confirm" = its
    pk) or the whole section's ("section"), once the section's own changes are saved."""
    asked = request.POST["confirm"]
    ids = [q.pk for q in section.question_list]
    if asked != "section":
        ids = [pk for pk in ids if str(pk) == asked]
    try:
        confirmed = answers_confirm(reply=reply, question_ids=ids, by=request.user)
    except ReplyLocked as refusal:
        messages.error(request, str(refusal))
        return redirect(here)
    if confirmed:
        messages.success(
            request,
            ngettext(
                "%(count)d answer from your earlier reply confirmed.",
                "%(count)d answers from your earlier reply confirmed.",
                confirmed,
            )
            % {"count": confirmed},
        )
    anchor = f"#question-{ids[0]}" if len(ids) == 1 else ""
    return redirect(here + anchor)


def _value_at(answer, revision: int):
    """(value, other text) of `answer` as it was at `revision`, from its history."""
    if revision == 0:
        return None, ""
    if answer is None:
        return None
    return (
        AnswerChange.objects.filter(answer=answer, revision=revision)
        .values_list("new_value", "new_other_text")
        .first()
    )


def _save_section(request, reply, form, section, answers, text) -> tuple[dict[str, str], bool]:
    """Save each changed answer of the section; return the problems by question code (refused
    values, answers someone else saved since) and whether anything was saved."""
    form.is_valid()  # the fields accept anything: answer_clean judges the values
    problems: dict[str, str] = {}
    changed = False
    for question in section.question_list:
        if question.type == "file":
            continue
        entry = form.entries[question.code]
        current = answers.get(question.pk)
        resolve = form.data.get(f"resolve-{question.code}", "")
        if resolve == "theirs":
            form.show_value(question, current)
            continue
        value, other, base = form.submitted(question)
        if resolve.startswith("mine:") and resolve[5:].isdigit():
            base = int(resolve[5:])
        base = 0 if base is None else base
        entry.base = base
        try:
            cleaned = answer_clean(question=question, value=value, other_text=other)
        except AnswerInvalid as error:
            form.add_error(entry.name, str(error))
            problems[question.code] = str(error)
            continue
        revision = current.revision if current else 0
        if cleaned == ((current.value, current.other_text) if current else (None, "")):
            entry.base = revision
            continue
        if base != revision and _value_at(current, base) == cleaned:
            # The person did not touch this answer; someone else changed it: show theirs.
            form.show_value(question, current)
            continue
        try:
            saved = answer_save(
                reply=reply,
                question=question, value=value, other_text=other, base_revision=base,
                by=request.user, channel=Channel.WEB,
            )  # fmt: skip
        except AnswerStale as stale:
            answer = answers.get(question.pk) or stale.answer
            answer.refresh_from_db()
            entry.conflict = conflict_for(question, answer, text)
            problems[question.code] = _("%(code)s: %(who)s saved another answer meanwhile.") % {
                "code": question.code, "who": entry.conflict.who,
            }  # fmt: skip
            continue
        except AnswerInvalid as error:
            form.add_error(entry.name, str(error))
            problems[question.code] = str(error)
            continue
        entry.base = saved.answer.revision
        changed = changed or saved.changed
    return problems, changed
