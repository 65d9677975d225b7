"""Consultation on draft questionnaires and their approval (resolution 2004/28, paras. 6-7, 16-17).

The Secretariat forwards a draft to chosen respondents for comments, reviews it on the basis of
the comments received (each one marked taken into account or not, with a note), and submits the
revised draft for approval to a meeting of the Commission, whose decision is recorded.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.models import Respondent, User
from portal.multilingual import in_language, texts_given
from portal.roles import Role
from portal.tasks import email_send
from surveys.models import (
    EDITABLE_STATUSES,
    Consultation,
    ConsultationComment,
    Question,
    QuestionnaireVersion,
    Resolution,
    VersionStatus,
)
from surveys.questionnaires.versions import version_new_draft


class ConsultationRefused(Exception):
    """The step cannot be taken now; the message says why, in words for the user."""


def _require_administrator(user: User) -> None:
    if not (user.is_authenticated and user.is_administrator):
        raise PermissionDenied


def _locked_version(version: QuestionnaireVersion) -> QuestionnaireVersion:
    return QuestionnaireVersion.objects.select_for_update().get(pk=version.pk)


def _locked_consultation(consultation: Consultation) -> Consultation:
    return (
        Consultation.objects.select_for_update().select_related("version").get(pk=consultation.pk)
    )


@transaction.atomic
def consultation_open(
    *,
    version: QuestionnaireVersion,
    respondents: Iterable[Respondent],
    by: User,
    note: dict[str, str] | None = None,
    deadline: datetime.date | None = None,
    base_url: str = "",
) -> Consultation:
    """Circulate a draft for comments to `respondents`, and e-mail their contact persons.

    From here on the version's content is frozen by the database. `base_url` ("https://host")
    makes the link in the e-mails absolute.
    """
    _require_administrator(by)
    version = _locked_version(version)
    if version.status not in EDITABLE_STATUSES:
        raise ConsultationRefused(
            _("Only a draft or a revised draft can be circulated for comments.")
        )
    respondents = list(respondents)
    if not respondents:
        raise ConsultationRefused(_("Choose at least one respondent to invite."))
    version.status = VersionStatus.CONSULTATION
    version.save(update_fields=["status"])
    consultation = Consultation.objects.create(
        version=version,
        note={code: text.strip() for code, text in (note or {}).items() if text.strip()},
        deadline=deadline,
        opened_by=by,
    )
    consultation.respondents.set(respondents)
    _invite_contact_persons(consultation, respondents, base_url)
    return consultation


def _invite_contact_persons(
    consultation: Consultation, respondents: list[Respondent], base_url: str
) -> None:
    version = consultation.version
    link = base_url.rstrip("/") + reverse("surveys:consultation_comment", args=[version.pk])
    people = (
        User.objects.filter(role=Role.CONTACT_PERSON, respondent__in=respondents, is_active=True)
        .exclude(email="")
        .select_related("respondent")
        .order_by("pk")
    )
    for person in people:
        # respondent__in above: every person found has a respondent.
        assert person.respondent is not None
        language = person.preferred_language
        with translation.override(language):
            title = in_language(version.title, language, fallback=version.original_language)
            subject = gettext("Comments invited on a draft questionnaire: %(title)s") % {
                "title": title
            }
            body = render_to_string(
                "surveys/consultation/email_invitation.txt",
                {
                    "person": person,
                    **person.respondent.sentence_forms(language),
                    "title": title,
                    "number": version.number,
                    "consultation": consultation,
                    "link": link,
                },
            )
        email_send.delay_on_commit(subject=subject, body=body, to=[person.email])


@transaction.atomic
def consultation_comment_add(
    *,
    consultation: Consultation,
    author: User,
    question: Question | None = None,
    text: str,
) -> ConsultationComment:
    """A contact person's comment on one question of the draft, or on the whole (no question)."""
    respondent_id = author.respondent_id
    if not (
        author.is_authenticated
        and author.is_contact_person
        and respondent_id is not None
        and consultation.respondents.filter(pk=respondent_id).exists()
    ):
        raise PermissionDenied
    consultation = _locked_consultation(consultation)
    if not consultation.is_open:
        raise ConsultationRefused(_("The consultation is closed: comments are no longer received."))
    if question is not None and question.version_id != consultation.version_id:
        raise ConsultationRefused(_("The question is not part of the circulated draft."))
    text = text.strip()
    if not text:
        raise ConsultationRefused(_("Write a comment first."))
    return ConsultationComment.objects.create(
        consultation=consultation,
        respondent_id=respondent_id,
        author=author,
        question=question,
        text=text,
    )


@transaction.atomic
def consultation_comment_resolve(
    *,
    comment: ConsultationComment,
    by: User,
    resolution: str,
    note: dict[str, str] | str = "",
) -> ConsultationComment:
    """Mark a comment taken into account or not; not taking it into account needs a reason.

    A comment can be resolved (or its resolution changed) also after the consultation closed:
    the record of how each comment was treated is what the Secretariat reports on.
    """
    _require_administrator(by)
    if resolution not in (Resolution.TAKEN_INTO_ACCOUNT, Resolution.NOT_TAKEN_INTO_ACCOUNT):
        raise ConsultationRefused(_("Choose taken into account or not taken into account."))
    note = texts_given(note)
    if resolution == Resolution.NOT_TAKEN_INTO_ACCOUNT and not note:
        raise ConsultationRefused(
            _("Say why the comment is not taken into account: the note is required.")
        )
    comment = ConsultationComment.objects.select_for_update().get(pk=comment.pk)
    comment.resolution = resolution
    comment.resolution_note = note
    comment.resolved_by = by
    comment.resolved_at = timezone.now()
    comment.save(update_fields=["resolution", "resolution_note", "resolved_by", "resolved_at"])
    return comment


@transaction.atomic
def consultation_close_and_revise(
    *, consultation: Consultation, by: User, change_log: str
) -> QuestionnaireVersion:
    """Close the consultation and make the revised draft (a copy to edit) with its change log.

    Comments still pending do not stop it: the Secretariat decides when its review is done, the
    page warns how many are pending, and they can still be resolved afterwards.
    """
    _require_administrator(by)
    consultation = _locked_consultation(consultation)
    if not consultation.is_open:
        raise ConsultationRefused(_("This consultation is already closed."))
    change_log = change_log.strip()
    if not change_log:
        raise ConsultationRefused(_("Write the change log of the revised draft."))
    consultation.closed_at = timezone.now()
    consultation.save(update_fields=["closed_at"])
    return version_new_draft(version=consultation.version, by=by, change_log=change_log)


@transaction.atomic
def version_approve(
    *,
    version: QuestionnaireVersion,
    by: User,
    meeting: str,
    date: datetime.date,
    decision: str = "",
) -> QuestionnaireVersion:
    """Record the approval of a version (meeting, date, decision) and retire the one it replaces.

    A version in consultation can be approved only once its consultation is closed.
    """
    _require_administrator(by)
    version = _locked_version(version)
    meeting, decision = meeting.strip(), decision.strip()
    if not meeting or date is None:
        raise ConsultationRefused(_("Give the approving meeting and the date of approval."))
    if version.status == VersionStatus.CONSULTATION:
        consultation = Consultation.objects.filter(version=version).first()
        if consultation is not None and consultation.is_open:
            raise ConsultationRefused(_("Close the consultation before the version is approved."))
    elif version.status not in EDITABLE_STATUSES:
        raise ConsultationRefused(_("This version has already been approved."))
    approved = list(
        QuestionnaireVersion.objects.select_for_update()
        .filter(questionnaire_id=version.questionnaire_id, status=VersionStatus.APPROVED)
        .exclude(pk=version.pk)
    )
    if any(other.number > version.number for other in approved):
        raise ConsultationRefused(_("A later version of this questionnaire is already approved."))
    for other in approved:
        other.status = VersionStatus.RETIRED
        other.save(update_fields=["status"])
    version.status = VersionStatus.APPROVED
    version.approval_meeting = meeting
    version.approval_date = date
    version.approval_decision = decision
    version.approved_by = by
    version.save(
        update_fields=[
            "status",
            "approval_meeting",
            "approval_date",
            "approval_decision",
            "approved_by",
        ]
    )
    return version
