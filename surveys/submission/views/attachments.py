"""The files of a reply: one list and upload form per file question, and supporting documents.
Files are private: they are served only through `attachment_download`, to those who may see the
reply, and always as a download."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.uploads import upload_limit
from surveys.access import get_attachment_for_user, get_reply_for_user
from surveys.answering.services import ReplyLocked
from surveys.models import Question, QuestionType
from surveys.submission.attachments import (
    AttachmentRefused,
    attachment_add,
    attachment_remove,
    max_bytes,
)
from surveys.submission.forms import AttachmentForm
from surveys.submission.views._common import reply_heading, texts_for

SUPPORTING = "supporting"


def _file_questions(reply) -> list[Question]:
    return list(
        Question.objects.filter(version_id=reply.cycle.version_id, type=QuestionType.FILE)
        .select_related("section")
        .order_by("section__order", "order")
    )


@login_required
@upload_limit(max_bytes)
def reply_attachments(request, pk):
    reply = get_reply_for_user(request, pk, answering=request.method == "POST")
    questions = _file_questions(reply)
    forms = {str(q.pk): AttachmentForm(question=q) for q in questions}
    forms[SUPPORTING] = AttachmentForm()
    status = 200
    if request.method == "POST":
        target = request.POST.get("target", "")
        if target not in forms:
            return HttpResponseBadRequest(_("Unknown file question."))
        question = next((q for q in questions if str(q.pk) == target), None)
        form = AttachmentForm(request.POST, request.FILES, question=question)
        forms[target] = form
        if form.is_valid():
            try:
                attachment = attachment_add(
                    reply=reply,
                    by=request.user,
                    upload=form.cleaned_data["file"],
                    question=question,
                    description=form.cleaned_data.get("description", ""),
                )
            except AttachmentRefused as refused:
                form.add_error("file", refused.message)
            except ReplyLocked as locked:
                messages.error(request, str(locked))
                return redirect("surveys:reply_attachments", pk=reply.pk)
            else:
                messages.success(
                    request,
                    _("“%(name)s” has been added to the reply.")
                    % {"name": attachment.original_name},
                )
                anchor = f"attach-{question.code}" if question else SUPPORTING
                return redirect(
                    reverse("surveys:reply_attachments", args=[reply.pk]) + f"#{anchor}"
                )
        status = 422
    return render(
        request,
        "surveys/submission/attachments.html",
        _attachments_context(request, reply, questions, forms),
        status=status,
    )


def _attachments_context(request, reply, questions, forms) -> dict:
    files = defaultdict(list)
    for attachment in reply.attachments.filter(removed_at__isnull=True).select_related(
        "uploaded_by"
    ):
        files[attachment.question_id].append(attachment)
    text = texts_for(reply)
    # The section pages link here with ?question=<pk>: that question's upload gets the focus.
    asked = request.GET.get("question", "")
    if asked in forms and asked != SUPPORTING:
        forms[asked].fields["file"].widget.attrs["autofocus"] = True
    file_questions = [
        {
            "question": q,
            "text": text(q.text),
            "help": text(q.help_text),
            "section_title": text(q.section.title),
            "files": files[q.pk],
            "form": forms[str(q.pk)],
            "asked": asked == str(q.pk),
        }
        for q in questions
    ]
    user = request.user
    return {
        **reply_heading(reply),
        "file_questions": file_questions,
        "supporting_files": files[None],
        "supporting_form": forms[SUPPORTING],
        "can_change": user.is_contact_person and reply.is_answerable,
        "max_size": max_bytes(),
        "active_action": "attachments",
    }


@login_required
def attachment_download(request, token):
    attachment = get_attachment_for_user(request, token)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    # Never shown inline nor guessed at by the browser, never kept by a shared cache.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


@login_required
@require_POST
def attachment_remove_view(request, token):
    attachment = get_attachment_for_user(request, token, answering=True)
    try:
        attachment_remove(attachment=attachment, by=request.user)
    except ReplyLocked as locked:
        messages.error(request, str(locked))
    else:
        messages.success(
            request, _("“%(name)s” has been removed.") % {"name": attachment.original_name}
        )
    return redirect("surveys:reply_attachments", pk=attachment.reply_id)
