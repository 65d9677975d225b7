"""The submit page: what is still missing (with links to the questions), who may submit, the
lead's confirmation with the word on publication, and the submissions made so far."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.models import User
from surveys.access import get_reply_for_user
from surveys.answering.progress import reply_progress
from surveys.models import CycleInvitation, QuestionType
from surveys.questionnaires.selectors import version_with_content
from surveys.review.selectors import comments_for_contact_persons
from surveys.submission.forms import SubmitForm
from surveys.submission.services import SubmitRefused, reply_submit
from surveys.submission.views._common import reply_heading, texts_for


@login_required
def reply_submit_view(request, pk):
    reply = get_reply_for_user(request, pk, answering=request.method == "POST")
    # A resubmission starts from the word on publication given before (shown on the page).
    previous = (
        {} if reply.may_publish is None else {"may_publish": "yes" if reply.may_publish else "no"}
    )
    form = SubmitForm(request.POST if request.method == "POST" else None, initial=previous)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                snapshot = reply_submit(
                    reply=reply,
                    by=request.user,
                    may_publish=form.cleaned_data["may_publish"],
                    base_url=request.build_absolute_uri("/"),
                )
            except SubmitRefused as refused:
                messages.error(request, refused.message)
                status = 409
            else:
                messages.success(
                    request,
                    _(
                        "The reply has been submitted (submission %(number)s). A confirmation "
                        "has been e-mailed to the contact persons %(respondent_of)s."
                    )
                    % {"number": snapshot.number, "respondent_of": reply.respondent.of_name()},
                )
                return redirect("surveys:reply_submit", pk=reply.pk)
            reply.refresh_from_db(fields=["status", "submitted_at", "submitted_by", "may_publish"])
        else:
            status = 422
    return render(
        request,
        "surveys/submission/submit.html",
        _submit_context(request, reply, form),
        status=status,
    )


def _missing_by_section(reply, version) -> list[dict]:
    """The required, relevant questions still unanswered, by section, each with its link."""
    text = texts_for(reply)
    attachments_url = reverse("surveys:reply_attachments", args=[reply.pk])
    sections = []
    for progress in reply_progress(reply=reply, version=version):
        if not progress.open_questions:
            continue
        section_url = reverse("surveys:reply_section", args=[reply.pk, progress.section_id])
        sections.append(
            {
                "code": progress.code,
                "title": text(progress.title),
                "questions": [
                    {
                        "code": q.code,
                        "text": text(q.text),
                        # The section page's anchor for each question is its pk.
                        "url": f"{section_url}#question-{q.pk}",
                        "to_confirm": q in progress.unconfirmed,
                        "upload_url": f"{attachments_url}#attach-{q.code}"
                        if q.type == QuestionType.FILE
                        else "",
                    }
                    for q in progress.open_questions
                ],
            }
        )
    return sections


def _submit_context(request, reply, form) -> dict:
    user = request.user
    missing = []
    if reply.is_answerable:
        missing = _missing_by_section(reply, version_with_content(pk=reply.cycle.version_id))
    lead = User.objects.filter(
        respondent_id=reply.respondent_id, is_lead_contact=True, is_active=True
    ).first()
    invitation = CycleInvitation.objects.filter(
        cycle_id=reply.cycle_id, respondent_id=reply.respondent_id
    ).first()
    snapshots = list(reply.snapshots.select_related("submitted_by").order_by("-number"))
    return {
        **reply_heading(reply),
        "form": form,
        "missing_sections": missing,
        "missing_count": sum(len(s["questions"]) for s in missing),
        "missing_unconfirmed": any(q["to_confirm"] for s in missing for q in s["questions"]),
        "lead": lead,
        "is_lead": user.is_contact_person and user.is_lead_contact,
        "deadline": invitation.deadline if invitation else reply.cycle.deadline,
        "snapshots": snapshots,
        "latest": snapshots[0] if snapshots else None,
        "active_action": "submit",
        "review_comments": comments_for_contact_persons(reply=reply),
    }
