"""Submitting a reply: the completeness check, the lead's confirmation, the frozen snapshot and the
confirmation e-mail to every contact person of the respondent."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.localformats import datetime_text
from portal.models import User
from portal.multilingual import in_language
from portal.roles import Role
from portal.tasks import email_send
from surveys.answering.progress import reply_progress
from surveys.assistance.services import assistance_requests_from_reply
from surveys.models import (
    Answer,
    Attachment,
    Question,
    Reply,
    ReplyEvent,
    ReplySnapshot,
    ReplyStatus,
)
from surveys.questionnaires.selectors import version_with_content

# The snapshot keeps answers by question code; supporting documents (no question) go under a key
# that no question code can take (codes match surveys.exchange.xlsform.NAME_PATTERN).
SUPPORTING_DOCUMENTS = "#supporting-documents"


class SubmitRefused(Exception):
    """The reply cannot be submitted now; the message says why."""

    def __init__(self, message: str, missing: list[Question] | None = None):
        self.message = message
        self.missing = missing or []
        super().__init__(message)


def reply_missing_answers(*, reply: Reply) -> list[Question]:
    """The required questions, relevant given the answers so far, still unanswered, and the
    answers carried over from an earlier reply not confirmed yet, in order."""
    version = version_with_content(pk=reply.cycle.version_id)
    return [
        q
        for section in reply_progress(reply=reply, version=version)
        for q in section.open_questions
    ]


def _file_entry(attachment: Attachment) -> dict:
    return {
        "name": attachment.original_name,
        "token": attachment.token,
        "size": attachment.size,
        "sha256": attachment.sha256,
    }


def reply_snapshot_answers(*, reply: Reply) -> dict[str, dict[str, Any]]:
    """What the reply says now, as a snapshot keeps it: {code: {"value", "other", "files"}} for
    every question answered or given a file, and the supporting documents."""
    answers: dict[str, dict[str, Any]] = {
        a.question.code: {"value": a.value, "other": a.other_text, "files": []}
        for a in Answer.objects.filter(reply=reply).select_related("question").order_by("pk")
        if a.value not in (None, "", [], {})
    }
    supporting = []
    attachments = Attachment.objects.filter(reply=reply, removed_at__isnull=True).select_related(
        "question"
    )
    for attachment in attachments.order_by("uploaded_at", "pk"):
        if attachment.question is None:
            supporting.append(_file_entry(attachment))
            continue
        entry = answers.setdefault(
            attachment.question.code, {"value": None, "other": "", "files": []}
        )
        entry["files"].append(_file_entry(attachment))
    if supporting:
        answers[SUPPORTING_DOCUMENTS] = {"value": None, "other": "", "files": supporting}
    return answers


def reply_submit(*, reply: Reply, by: User, may_publish: bool, base_url: str = "") -> ReplySnapshot:
    """Submit `reply` for its respondent: only its lead contact person may, once every required,
    relevant question is answered. The reply becomes read-only (submitted, or resubmitted after a
    return for clarification), a numbered snapshot freezes what it says, and every contact person
    of the respondent is e-mailed in their language. `base_url` makes the e-mail's links absolute.

    Raises PermissionDenied (not a contact person of the respondent) or SubmitRefused (not the
    lead, already submitted, `may_publish` not stated, or answers missing: `.missing`).
    """
    if not (
        by.is_authenticated and by.is_contact_person and by.respondent_id == reply.respondent_id
    ):
        raise PermissionDenied
    if not by.is_lead_contact:
        raise SubmitRefused(_("Only the lead contact person can submit the reply."))
    if may_publish not in (True, False):
        raise SubmitRefused(_("Say whether the reply may be published on the portal."))
    with transaction.atomic():
        # Two submits at once: the second waits here, then finds the reply submitted.
        reply = (
            Reply.objects.select_for_update()
            .select_related("cycle__version", "respondent")
            .get(pk=reply.pk)
        )
        if not reply.is_answerable:
            raise SubmitRefused(_("This reply has already been submitted."))
        missing = reply_missing_answers(reply=reply)
        if missing:
            carried = reply.answers.filter(question__in=missing, to_confirm=True).exists()
            message = (
                _(
                    "Some questions are still open (required and unanswered, or carried over "
                    "from an earlier reply and not confirmed): %(codes)s."
                )
                if carried
                else _("Some required questions are still unanswered: %(codes)s.")
            )
            raise SubmitRefused(
                message % {"codes": ", ".join(q.code for q in missing)}, missing=missing
            )
        now = timezone.now()
        number = (reply.snapshots.aggregate(last=Max("number"))["last"] or 0) + 1
        snapshot = ReplySnapshot.objects.create(
            reply=reply,
            number=number,
            answers=reply_snapshot_answers(reply=reply),
            may_publish=may_publish,
            submitted_by=by,
            submitted_at=now,
        )
        was_returned = reply.status == ReplyStatus.RETURNED
        from_status = reply.status
        reply.status = ReplyStatus.RESUBMITTED if was_returned else ReplyStatus.SUBMITTED
        reply.submitted_at, reply.submitted_by, reply.may_publish = now, by, may_publish
        reply.save(update_fields=["status", "submitted_at", "submitted_by", "may_publish"])
        ReplyEvent.objects.create(
            reply=reply,
            from_status=from_status,
            to_status=reply.status,
            by=by,
            at=now,
            snapshot=snapshot,
        )
        _confirm_by_email(reply, snapshot, base_url)
        assistance_requests_from_reply(reply=reply, by=by)
    return snapshot


def _confirm_by_email(reply: Reply, snapshot: ReplySnapshot, base_url: str) -> None:
    version = reply.cycle.version
    base = base_url.rstrip("/")
    people = (
        User.objects.filter(role=Role.CONTACT_PERSON, respondent=reply.respondent, is_active=True)
        .exclude(email="")
        .order_by("pk")
    )
    submitter = snapshot.submitted_by.get_full_name() or snapshot.submitted_by.username
    for person in people:
        language = person.preferred_language
        with translation.override(language):
            title = in_language(version.title, language, fallback=version.original_language)
            subject = _("Reply submitted: %(respondent)s, %(cycle)s") % {
                "respondent": reply.respondent.list_name(language),
                "cycle": in_language(reply.cycle.title, language),
            }
            pdf = reverse("surveys:snapshot_pdf", args=[reply.pk, snapshot.number])
            body = render_to_string(
                "surveys/submission/email_submitted.txt",
                {
                    "person": person,
                    **reply.respondent.sentence_forms(language),
                    "title": title,
                    "reply": reply,
                    "snapshot": snapshot,
                    "submitter": submitter,
                    "submitted_at": datetime_text(snapshot.submitted_at, language),
                    "pdf_link": f"{base}{pdf}?language={language}",
                    "reply_link": base + reverse("surveys:reply_submit", args=[reply.pk]),
                },
            )
        email_send.delay_on_commit(subject=subject, body=body, to=[person.email])
