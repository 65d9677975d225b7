"""A reply's overview: where it stands, section by section."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from portal.multilingual import language_code
from surveys.access import get_reply_for_user
from surveys.answering.rendering import QuestionnaireText
from surveys.answering.views._common import progress_context, reply_deadline, version_outline
from surveys.questionnaires.selectors import version_content
from surveys.review.selectors import comments_for_contact_persons


@login_required
@require_GET
def reply_detail(request, pk):
    reply = get_reply_for_user(request, pk)
    version = version_content(version=reply.cycle.version)
    text = QuestionnaireText(language_code(), version.original_language)
    progress = progress_context(reply=reply, version=version, text=text, query="")
    return render(
        request,
        "surveys/answering/reply_detail.html",
        {
            "reply": reply,
            "version": version,
            "title": text(version.title),
            "deadline": reply_deadline(reply),
            "progress": progress,
            "can_answer": reply.is_answerable and request.user.is_contact_person,
            "review_comments": comments_for_contact_persons(reply=reply),
        },
    )


@login_required
@require_GET
def reply_answer(request, pk):
    """Continue answering: the first section with a required question unanswered or an answer
    carried over to confirm, else the first."""
    reply = get_reply_for_user(request, pk)
    outline = version_outline(reply.cycle.version)
    if not outline.section_list:
        raise Http404
    text = QuestionnaireText(language_code(), reply.cycle.version.original_language)
    sections = progress_context(reply=reply, version=outline, text=text, query="")["sections"]
    target = next((s for s in sections if s["missing"] or s["unconfirmed"]), sections[0])
    return redirect(reverse("surveys:reply_section", args=[reply.pk, target["pk"]]))
