"""Technical-assistance requests: made from a submitted reply (cluster, standards, language),
idempotent on resubmission, moved through their statuses with notes, matched to experts. The
Secretariat's pages have their own module."""

import pytest
from django.core.exceptions import PermissionDenied

from clusters.models import Availability
from portal.roles import Role
from surveys.assistance.outcomes import assistance_outcome_record
from surveys.assistance.services import (
    AssistanceRefused,
    assistance_match,
    assistance_request_update,
    assistance_requests_from_reply,
    assistance_unmatch,
)
from surveys.models import (
    AnswerTheme,
    AssistanceMatch,
    AssistanceNote,
    AssistanceRequest,
    Decision,
    Priority,
    RequestStatus,
    Theme,
    ThemeKind,
)
from tests.factories import user_with_role
from tests.surveys.assistance.helpers import (
    DELIVERED,
    answer,
    expert,
    requests_by_code,
    return_for_clarification,
    submit,
)

pytestmark = pytest.mark.django_db


# --- From a submitted reply to requests ----------------------------------------------------------


def test_a_submitted_reply_makes_one_request_per_stated_need(assistance_reply, french_lead):
    answer(assistance_reply, "A.9", "yes", french_lead)
    answer(
        assistance_reply, "A.9.1", "  Training of prison staff on the Bangkok Rules.  ", french_lead
    )
    answer(assistance_reply, "B.9", "no", french_lead)
    answer(assistance_reply, "C.1", "Equipment for the police academy.", french_lead)
    submit(assistance_reply, french_lead)

    requests = requests_by_code(assistance_reply)
    assert set(requests) == {"A.9.1", "C.1"}
    prisons = requests["A.9.1"]
    assert prisons.description == "Training of prison staff on the Bangkok Rules."
    assert prisons.respondent.code == "KEN"
    assert prisons.cluster.letter == "a"
    assert {s.code for s in prisons.standards.all()} == {"SMR", "BANGKOK"}
    assert prisons.language == "fr"  # the lead contact person's language
    assert prisons.priority == Priority.MEDIUM
    assert prisons.status == RequestStatus.RECEIVED
    assert prisons.area is None
    assert requests["C.1"].cluster.letter == "b"  # most of its standards
    [note] = prisons.notes.all()
    assert (note.by, note.to_status) == (french_lead, RequestStatus.RECEIVED)
    assert "A.9.1" in note.text


def test_a_yes_without_details_is_a_request_with_no_description(assistance_reply, french_lead):
    answer(assistance_reply, "A.9", "yes", french_lead)
    answer(assistance_reply, "B.9", "yes", french_lead)
    answer(assistance_reply, "B.9.1", "Victim support services.", french_lead)
    submit(assistance_reply, french_lead)
    requests = requests_by_code(assistance_reply)
    assert set(requests) == {"A.9", "B.9.1"}
    assert requests["A.9"].description == ""
    assert requests["A.9"].cluster.letter == "a"
    assert requests["B.9.1"].cluster.letter == "d"


def test_details_of_a_question_that_is_no_longer_shown_are_not_a_request(
    assistance_reply, french_lead
):
    answer(assistance_reply, "A.9", "yes", french_lead)
    answer(assistance_reply, "A.9.1", "Training.", french_lead)
    answer(
        assistance_reply, "A.9", "no", french_lead
    )  # A.9.1 is hidden now, its text kept in the draft
    submit(assistance_reply, french_lead)
    assert not AssistanceRequest.objects.exists()


def test_the_language_is_the_leads_else_that_of_the_first_contact_person(
    assistance_reply, french_lead
):
    colleague = user_with_role(
        Role.CONTACT_PERSON, french_lead.respondent, username="ken-2", preferred_language="ar"
    )
    answer(assistance_reply, "C.1", "Equipment.", colleague)
    french_lead.is_lead_contact = False
    french_lead.save()
    colleague.is_lead_contact = True
    colleague.save()
    [request] = assistance_requests_from_reply(reply=assistance_reply, by=colleague)
    assert request.language == "ar"
    AssistanceRequest.objects.all().delete()
    colleague.is_lead_contact = False
    colleague.save()
    [request] = assistance_requests_from_reply(reply=assistance_reply, by=colleague)
    assert request.language == "fr"  # the first contact person's


def test_the_area_is_proposed_from_an_accepted_coding(assistance_reply, french_lead, reviewer):
    training = Theme.objects.create(
        kind=ThemeKind.ASSISTANCE_AREA, code="training-x", label={"en": "Training"}
    )
    text = answer(assistance_reply, "C.1", "Training of police officers.", french_lead)
    AnswerTheme.objects.create(
        answer=text, theme=training, decision=Decision.ACCEPTED, decided_by=reviewer,
        decided_at=text.updated_at,
    )  # fmt: skip
    [request] = assistance_requests_from_reply(reply=assistance_reply, by=french_lead)
    assert request.area == training


def test_running_it_again_changes_nothing(assistance_reply, french_lead):
    answer(assistance_reply, "A.9", "yes", french_lead)
    answer(assistance_reply, "C.1", "Equipment.", french_lead)
    submit(assistance_reply, french_lead)
    before = (AssistanceRequest.objects.count(), AssistanceNote.objects.count())
    assistance_requests_from_reply(reply=assistance_reply, by=french_lead)
    assistance_requests_from_reply(reply=assistance_reply, by=french_lead)
    assert (AssistanceRequest.objects.count(), AssistanceNote.objects.count()) == before == (2, 2)


def test_a_resubmission_updates_a_request_still_received_and_keeps_the_old_text(
    assistance_reply, french_lead
):
    answer(assistance_reply, "C.1", "Equipment.", french_lead)
    submit(assistance_reply, french_lead)
    return_for_clarification(assistance_reply)
    answer(assistance_reply, "C.1", "Equipment and training.", french_lead)
    submit(assistance_reply, french_lead)

    [request] = AssistanceRequest.objects.all()
    assert request.description == "Equipment and training."
    texts = [n.text for n in request.notes.all()]
    assert len(texts) == 2 and "Previous description: Equipment." in texts[1]


def test_a_resubmission_never_overwrites_a_request_staff_work_on(
    assistance_reply, french_lead, reviewer
):
    answer(assistance_reply, "C.1", "Equipment.", french_lead)
    submit(assistance_reply, french_lead)
    [request] = AssistanceRequest.objects.all()
    assistance_request_update(request=request, by=reviewer, status=RequestStatus.UNDER_ASSESSMENT)
    return_for_clarification(assistance_reply)
    answer(assistance_reply, "C.1", "Equipment and training.", french_lead)
    submit(assistance_reply, french_lead)
    assistance_requests_from_reply(
        reply=assistance_reply, by=french_lead
    )  # and again: no second note

    request.refresh_from_db()
    assert request.description == "Equipment."
    assert request.status == RequestStatus.UNDER_ASSESSMENT
    last = request.notes.order_by("at", "pk").last()
    assert last.text.endswith("New text: Equipment and training.")
    assert request.notes.count() == 3


def test_details_given_on_resubmission_complete_the_same_request(assistance_reply, french_lead):
    answer(assistance_reply, "A.9", "yes", french_lead)
    submit(assistance_reply, french_lead)
    return_for_clarification(assistance_reply)
    answer(assistance_reply, "A.9.1", "Training.", french_lead)
    submit(assistance_reply, french_lead)
    [request] = AssistanceRequest.objects.select_related("answer__question")
    assert request.answer.question.code == "A.9.1"
    assert request.description == "Training."


def test_a_need_withdrawn_on_resubmission_is_noted_not_closed(assistance_reply, french_lead):
    answer(assistance_reply, "C.1", "Equipment.", french_lead)
    submit(assistance_reply, french_lead)
    return_for_clarification(assistance_reply)
    answer(assistance_reply, "C.1", "", french_lead)
    submit(assistance_reply, french_lead)
    assistance_requests_from_reply(reply=assistance_reply, by=french_lead)
    [request] = AssistanceRequest.objects.all()
    assert request.status == RequestStatus.RECEIVED
    assert [n.text for n in request.notes.all()][1:] == [
        "The resubmitted reply no longer states this need."
    ]


# --- Statuses, notes and matches ------------------------------------------------------------------


def test_a_request_moves_through_its_statuses_with_a_note_for_each_change(request_row, reviewer):
    steps = [
        RequestStatus.UNDER_ASSESSMENT,
        RequestStatus.MATCHED,
        RequestStatus.IN_PROGRESS,
    ]
    for step in steps:
        assistance_request_update(request=request_row, by=reviewer, status=step, note=f"To {step}")
    assistance_outcome_record(request=request_row, facts=DELIVERED, by=reviewer)
    request_row.refresh_from_db()
    assert request_row.status == RequestStatus.COMPLETED
    notes = list(request_row.notes.all())[1:]
    assert [(n.from_status, n.to_status) for n in notes] == [
        ("received", "under_assessment"),
        ("under_assessment", "matched"),
        ("matched", "in_progress"),
        ("in_progress", "completed"),
    ]
    assert all(n.by == reviewer for n in notes)
    with pytest.raises(AssistanceRefused):
        assistance_request_update(request=request_row, by=reviewer, status=RequestStatus.DECLINED)


def test_it_refuses_to_skip_a_status(request_row, reviewer):
    with pytest.raises(AssistanceRefused, match="cannot become in progress"):
        assistance_request_update(
            request=request_row, by=reviewer, status=RequestStatus.IN_PROGRESS
        )
    request_row.refresh_from_db()
    assert request_row.status == RequestStatus.RECEIVED and request_row.notes.count() == 1


def test_declining_needs_a_note(request_row, reviewer):
    with pytest.raises(AssistanceRefused, match="why"):
        assistance_request_update(request=request_row, by=reviewer, status=RequestStatus.DECLINED)
    assistance_request_update(
        request=request_row, by=reviewer, status=RequestStatus.DECLINED, note="Met by UNDP."
    )
    request_row.refresh_from_db()
    assert request_row.status == RequestStatus.DECLINED


def test_priority_and_area_changes_are_noted(request_row, reviewer):
    training = Theme.objects.create(
        kind=ThemeKind.ASSISTANCE_AREA, code="training-y", label={"en": "Training"}
    )
    assistance_request_update(
        request=request_row, by=reviewer, priority=Priority.HIGH, area=training, note="Urgent."
    )
    request_row.refresh_from_db()
    assert (request_row.priority, request_row.area) == (Priority.HIGH, training)
    note = request_row.notes.order_by("pk").last()
    assert note.text.splitlines() == [
        "Priority: Medium → High.",
        "Area: — → Training.",
        "Urgent.",
    ]
    assert note.from_status == note.to_status == ""
    with pytest.raises(AssistanceRefused, match="Nothing to change"):
        assistance_request_update(request=request_row, by=reviewer, priority=Priority.HIGH)


def test_only_the_secretariat_works_on_requests(
    request_row, french_lead, delegate, state_b_contact
):
    person = expert("Ada Obi", ["a"], ["fr"])
    for outsider in (french_lead, delegate, state_b_contact):
        with pytest.raises(PermissionDenied):
            assistance_request_update(request=request_row, by=outsider, note="x")
        with pytest.raises(PermissionDenied):
            assistance_match(request=request_row, expert=person, by=outsider)


def test_matching_an_expert_makes_the_request_matched_and_unmatching_undoes_it(
    request_row, reviewer
):
    person = expert("Ada Obi", ["a"], ["fr"])
    assistance_match(request=request_row, expert=person, by=reviewer, note="Speaks French.")
    request_row.refresh_from_db()
    assert request_row.status == RequestStatus.MATCHED
    assert list(request_row.experts.all()) == [person]
    note = request_row.notes.order_by("pk").last()
    assert (note.from_status, note.to_status) == ("received", "matched")
    assert note.text == "Matched with Ada Obi.\nSpeaks French."
    with pytest.raises(AssistanceRefused, match="already matched"):
        assistance_match(request=request_row, expert=person, by=reviewer)

    assistance_unmatch(request=request_row, expert=person, by=reviewer)
    request_row.refresh_from_db()
    assert request_row.status == RequestStatus.UNDER_ASSESSMENT
    assert not AssistanceMatch.objects.exists()


def test_an_expert_off_the_roster_or_unavailable_cannot_be_matched(request_row, reviewer):
    away = expert("Away", ["a"], ["fr"], availability=Availability.UNAVAILABLE)
    gone = expert("Gone", ["a"], ["fr"])
    gone.is_active = False
    gone.save()
    for person in (away, gone):
        with pytest.raises(AssistanceRefused):
            assistance_match(request=request_row, expert=person, by=reviewer)
