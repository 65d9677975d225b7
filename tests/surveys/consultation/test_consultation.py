"""Consultation on a draft and its approval (resolution 2004/28, paras. 6-7 and 16-17): the
services. Who may open which page, and what each page shows, have their own modules."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from portal.models import Respondent
from portal.roles import Role
from surveys.consultation.services import (
    ConsultationRefused,
    consultation_close_and_revise,
    consultation_comment_add,
    consultation_comment_resolve,
    consultation_open,
    version_approve,
)
from surveys.models import (
    Consultation,
    ConsultationComment,
    Question,
    QuestionnaireVersion,
    Resolution,
    VersionStatus,
)
from surveys.questionnaires.versions import version_from_document
from tests.factories import user_with_role
from tests.surveys.consultation.helpers import MEETING, version_question
from tests.surveys.samples import sample_document

pytestmark = pytest.mark.django_db


def _approve(version, administrator, **changes):
    return version_approve(
        version=version,
        by=administrator,
        meeting=changes.get("meeting", MEETING),
        date=changes.get("date", datetime.date(2026, 5, 20)),
        decision=changes.get("decision", "E/CN.15/2026/L.3"),
    )


# --- Services ----------------------------------------------------------------------------------


def test_circulating_freezes_the_draft_and_records_whom_it_invites(consultation, draft, kenya):
    draft.refresh_from_db()
    assert draft.status == VersionStatus.CONSULTATION
    assert list(consultation.respondents.all()) == [kenya]
    assert consultation.is_open and consultation.deadline == datetime.date(2026, 3, 31)
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.filter(version=draft).update(required=True)


def test_circulating_emails_each_active_contact_person_once_in_their_language(
    draft, administrator, kenya, senegal, state_a_contact, state_b_contact, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    state_b_contact.preferred_language = "fr"
    state_b_contact.save()
    colleague = user_with_role(Role.CONTACT_PERSON, kenya, username="kenya-2")
    user_with_role(Role.CONTACT_PERSON, kenya, username="kenya-gone", is_active=False)
    user_with_role(Role.CONTACT_PERSON, kenya, username="kenya-no-mail", email="")
    outsider = user_with_role(Role.CONTACT_PERSON, Respondent.objects.get(code="FRA"))
    with django_capture_on_commit_callbacks(execute=True):
        consultation_open(
            version=draft,
            respondents=[kenya, senegal],
            by=administrator,
            note={"en": "Comments by March, please."},
            base_url="https://portal.example.org/",
        )
    by_address = {message.to[0]: message for message in mailoutbox}
    assert sorted(by_address) == sorted(
        [state_a_contact.email, colleague.email, state_b_contact.email]
    )
    assert outsider.email not in by_address
    english, french = by_address[state_a_contact.email], by_address[state_b_contact.email]
    assert "Sample questionnaire" in english.subject
    assert "Questionnaire type" in french.subject  # the title in the reader's language
    link = f"https://portal.example.org/questionnaires/versions/{draft.pk}/comments/"
    assert link in english.body and link in french.body
    assert "Comments by March, please." in english.body
    assert "Kenya" in english.body and "Sénégal" in french.body


@pytest.mark.parametrize("status", [VersionStatus.APPROVED, VersionStatus.CONSULTATION])
def test_it_refuses_to_circulate_a_version_that_is_not_a_draft(draft, administrator, kenya, status):
    if status == VersionStatus.APPROVED:
        _approve(draft, administrator)
    else:
        consultation_open(version=draft, respondents=[kenya], by=administrator)
    with pytest.raises(ConsultationRefused):
        consultation_open(version=draft, respondents=[kenya], by=administrator)
    assert Consultation.objects.count() == (1 if status == VersionStatus.CONSULTATION else 0)


def test_only_an_administrator_circulates(draft, reviewer, kenya):
    with pytest.raises(PermissionDenied):
        consultation_open(version=draft, respondents=[kenya], by=reviewer)
    draft.refresh_from_db()
    assert draft.status == VersionStatus.DRAFT


def test_an_invited_contact_person_comments_on_a_question_or_on_the_whole(
    consultation, draft, state_a_contact, kenya
):
    on_question = consultation_comment_add(
        consultation=consultation,
        author=state_a_contact,
        question=version_question(draft, "A.1"),
        text="  Say whether pre-trial detainees count.  ",
    )
    general = consultation_comment_add(
        consultation=consultation, author=state_a_contact, text="Too long."
    )
    assert (
        on_question.respondent == kenya
        and on_question.text == "Say whether pre-trial detainees count."
    )
    assert general.question is None and general.resolution == Resolution.PENDING


@pytest.mark.parametrize("actor", ["state_b_contact", "reviewer", "administrator", "delegate"])
def test_it_refuses_a_comment_from_anyone_not_invited(consultation, request, actor):
    with pytest.raises(PermissionDenied):
        consultation_comment_add(
            consultation=consultation, author=request.getfixturevalue(actor), text="Hello"
        )
    assert not ConsultationComment.objects.exists()


def test_it_refuses_a_comment_on_a_question_of_another_version(
    consultation, state_a_contact, administrator
):
    other = version_from_document(document=sample_document(form_id="other"), by=administrator)
    with pytest.raises(ConsultationRefused):
        consultation_comment_add(
            consultation=consultation,
            author=state_a_contact,
            question=version_question(other, "A.1"),
            text="Wrong draft",
        )


def test_it_refuses_a_comment_once_the_consultation_is_closed(
    consultation, state_a_contact, administrator
):
    consultation_close_and_revise(consultation=consultation, by=administrator, change_log="None.")
    with pytest.raises(ConsultationRefused):
        consultation_comment_add(consultation=consultation, author=state_a_contact, text="Late")


def test_a_comment_not_taken_into_account_needs_a_note(
    consultation, state_a_contact, administrator
):
    comment = consultation_comment_add(
        consultation=consultation, author=state_a_contact, text="Add a question on bail."
    )
    with pytest.raises(ConsultationRefused):
        consultation_comment_resolve(
            comment=comment,
            by=administrator,
            resolution=Resolution.NOT_TAKEN_INTO_ACCOUNT,
            note=" ",
        )
    resolved = consultation_comment_resolve(
        comment=comment,
        by=administrator,
        resolution=Resolution.NOT_TAKEN_INTO_ACCOUNT,
        note="Bail is for the next questionnaire.",
    )
    assert resolved.resolved_by == administrator and resolved.resolved_at is not None
    taken = consultation_comment_resolve(
        comment=comment, by=administrator, resolution=Resolution.TAKEN_INTO_ACCOUNT
    )
    assert taken.resolution == Resolution.TAKEN_INTO_ACCOUNT and taken.resolution_note == {}


def test_a_reviewer_cannot_resolve_a_comment(consultation, state_a_contact, reviewer):
    comment = consultation_comment_add(
        consultation=consultation, author=state_a_contact, text="Add a question."
    )
    with pytest.raises(PermissionDenied):
        consultation_comment_resolve(
            comment=comment, by=reviewer, resolution=Resolution.TAKEN_INTO_ACCOUNT
        )


def test_closing_makes_the_revised_draft_with_its_change_log_even_with_comments_pending(
    consultation, draft, state_a_contact, administrator
):
    consultation_comment_add(consultation=consultation, author=state_a_contact, text="Pending")
    revised = consultation_close_and_revise(
        consultation=consultation, by=administrator, change_log="A.1 now counts detainees."
    )
    consultation.refresh_from_db()
    assert consultation.closed_at is not None
    assert revised.status == VersionStatus.REVISED_DRAFT
    assert (revised.based_on, revised.number) == (draft, 2)
    assert revised.change_log == "A.1 now counts detainees."
    assert revised.questions.count() == draft.questions.count()
    with pytest.raises(ConsultationRefused):
        consultation_close_and_revise(consultation=consultation, by=administrator, change_log="x")


def test_closing_needs_a_change_log(consultation, administrator):
    with pytest.raises(ConsultationRefused):
        consultation_close_and_revise(consultation=consultation, by=administrator, change_log="  ")
    consultation.refresh_from_db()
    assert consultation.is_open


def test_approval_records_the_meeting_and_retires_the_version_it_replaces(
    draft, administrator, consultation
):
    first = version_from_document(document=sample_document(form_id="twice"), by=administrator)
    _approve(first, administrator)
    second = version_from_document(document=sample_document(form_id="twice"), by=administrator)
    approved = _approve(second, administrator, decision="Decision 2026/201")
    first.refresh_from_db()
    assert first.status == VersionStatus.RETIRED
    assert approved.status == VersionStatus.APPROVED
    assert (approved.approval_meeting, approved.approval_date, approved.approval_decision) == (
        MEETING,
        datetime.date(2026, 5, 20),
        "Decision 2026/201",
    )
    assert approved.approved_by == administrator
    # An approved version cannot change: the database refuses, whatever the code path.
    with pytest.raises(IntegrityError), transaction.atomic():
        QuestionnaireVersion.objects.filter(pk=approved.pk).update(approval_meeting="Another")
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.filter(version=approved).update(required=False)
    with pytest.raises(ConsultationRefused):
        _approve(approved, administrator)


def test_it_refuses_to_approve_while_the_consultation_is_open(consultation, draft, administrator):
    with pytest.raises(ConsultationRefused):
        _approve(draft, administrator)
    consultation_close_and_revise(
        consultation=consultation, by=administrator, change_log="No change."
    )
    draft.refresh_from_db()
    assert _approve(draft, administrator).status == VersionStatus.APPROVED


def test_it_refuses_to_approve_an_older_version_than_the_approved_one(
    reference_data, administrator
):
    first = version_from_document(document=sample_document(), by=administrator)
    second = version_from_document(document=sample_document(), by=administrator)
    _approve(second, administrator)
    with pytest.raises(ConsultationRefused):
        _approve(first, administrator)


def test_it_refuses_an_approval_without_meeting_or_date(draft, administrator):
    with pytest.raises(ConsultationRefused):
        _approve(draft, administrator, meeting=" ")
    with pytest.raises(ConsultationRefused):
        _approve(draft, administrator, date=None)
