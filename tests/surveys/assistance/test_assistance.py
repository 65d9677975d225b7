"""Technical-assistance requests: made from a submitted reply (cluster, standards, language),
idempotent on resubmission, moved through their statuses with notes, matched to experts; and the
Secretariat's pages, which nobody else reaches."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from clusters.models import Availability, Cluster, Expert, Standard
from portal.models import Respondent
from portal.roles import Role
from surveys.answering.services import answer_save
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
    Channel,
    Decision,
    Priority,
    ReplyStatus,
    RequestStatus,
    Theme,
    ThemeKind,
)
from surveys.questionnaires.documents import document_from_dict
from surveys.submission.services import reply_submit
from tests.factories import user_with_role
from tests.surveys.replies import approved_version, open_cycle, reply_for

pytestmark = pytest.mark.django_db


def _yes_no(code, text, standards, **extra):
    return {
        "code": code,
        "type": "yes_no",
        "text": {"en": text},
        "purpose": "assistance_need",
        "standards": standards,
        **extra,
    }


def _details(code, parent, standards):
    return {
        "code": code,
        "type": "long_text",
        "text": {"en": "What kind of technical assistance would be most useful?"},
        "purpose": "assistance_need",
        "relevance": {"question": parent, "operator": "=", "value": "yes"},
        "standards": standards,
    }


ASSISTANCE = {
    "form_id": "assistance-sample",
    "title": {"en": "Assistance sample"},
    "version": "1",
    "default_language": "en",
    "category": "a",
    "clusters": ["a"],
    "standards": ["SMR"],
    "sections": [
        {
            "code": "A",
            "title": {"en": "Prisons"},
            "questions": [
                {"code": "A.1", "type": "long_text", "text": {"en": "Difficulties"}},
                _yes_no("A.9", "Would technical assistance help?", ["SMR", "BANGKOK"]),
                _details("A.9.1", "A.9", ["SMR", "BANGKOK"]),
            ],
        },
        {
            "code": "B",
            "title": {"en": "Victims"},
            "questions": [
                _yes_no("B.9", "Would technical assistance help?", ["VICTIMS-DECL"]),
                _details("B.9.1", "B.9", ["VICTIMS-DECL"]),
            ],
        },
        {
            "code": "C",
            "title": {"en": "Police"},
            "questions": [
                {
                    "code": "C.1",
                    "type": "long_text",
                    "text": {"en": "Any other assistance needed?"},
                    "purpose": "assistance_need",
                    # Two standards of cluster (b), one of cluster (a): the request is of (b).
                    "standards": ["SMR", "CCLEO", "FORCE-FIREARMS"],
                },
            ],
        },
    ],
}


def assistance_document():
    return document_from_dict(ASSISTANCE)


@pytest.fixture
def lead(state_a_contact):
    state_a_contact.is_lead_contact = True
    state_a_contact.preferred_language = "fr"
    state_a_contact.save()
    return state_a_contact


@pytest.fixture
def cycle(administrator, reference_data):
    return open_cycle(administrator, approved_version(administrator, assistance_document()))


@pytest.fixture
def reply(cycle):
    return reply_for(cycle, "KEN")


def answer(reply, code, value, by, *, channel=Channel.WEB, reason=""):
    question = reply.cycle.version.questions.get(code=code)
    current = reply.answers.filter(question=question).first()
    return answer_save(
        reply=reply, question=question, value=value, base_revision=current.revision if current else 0,
        by=by, channel=channel, reason=reason,
    ).answer  # fmt: skip


def submit(reply, lead):
    return reply_submit(reply=reply, by=lead, may_publish=True)


def return_for_clarification(reply):
    # The review helper owns the real service; the status is all the resubmission needs.
    reply.status = ReplyStatus.RETURNED
    reply.save(update_fields=["status"])


def requests_by_code(reply):
    return {
        r.answer.question.code: r
        for r in AssistanceRequest.objects.filter(reply=reply).select_related("answer__question")
    }


def expert(name, clusters, languages, *, region="african", availability=Availability.AVAILABLE):
    person = Expert.objects.create(
        name=name,
        regional_group=region,
        languages=languages,
        expertise="Prison reform",
        availability=availability,
    )
    person.clusters.set(Cluster.objects.filter(letter__in=clusters))
    return person


# --- From a submitted reply to requests ----------------------------------------------------------


def test_a_submitted_reply_makes_one_request_per_stated_need(reply, lead):
    answer(reply, "A.9", "yes", lead)
    answer(reply, "A.9.1", "  Training of prison staff on the Bangkok Rules.  ", lead)
    answer(reply, "B.9", "no", lead)
    answer(reply, "C.1", "Equipment for the police academy.", lead)
    submit(reply, lead)

    requests = requests_by_code(reply)
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
    assert (note.by, note.to_status) == (lead, RequestStatus.RECEIVED)
    assert "A.9.1" in note.text


def test_a_yes_without_details_is_a_request_with_no_description(reply, lead):
    answer(reply, "A.9", "yes", lead)
    answer(reply, "B.9", "yes", lead)
    answer(reply, "B.9.1", "Victim support services.", lead)
    submit(reply, lead)
    requests = requests_by_code(reply)
    assert set(requests) == {"A.9", "B.9.1"}
    assert requests["A.9"].description == ""
    assert requests["A.9"].cluster.letter == "a"
    assert requests["B.9.1"].cluster.letter == "d"


def test_details_of_a_question_that_is_no_longer_shown_are_not_a_request(reply, lead):
    answer(reply, "A.9", "yes", lead)
    answer(reply, "A.9.1", "Training.", lead)
    answer(reply, "A.9", "no", lead)  # A.9.1 is hidden now, its text kept in the draft
    submit(reply, lead)
    assert not AssistanceRequest.objects.exists()


def test_the_language_is_the_leads_else_that_of_the_first_contact_person(reply, lead):
    colleague = user_with_role(
        Role.CONTACT_PERSON, lead.respondent, username="ken-2", preferred_language="ar"
    )
    answer(reply, "C.1", "Equipment.", colleague)
    lead.is_lead_contact = False
    lead.save()
    colleague.is_lead_contact = True
    colleague.save()
    [request] = assistance_requests_from_reply(reply=reply, by=colleague)
    assert request.language == "ar"
    AssistanceRequest.objects.all().delete()
    colleague.is_lead_contact = False
    colleague.save()
    [request] = assistance_requests_from_reply(reply=reply, by=colleague)
    assert request.language == "fr"  # the first contact person's


def test_the_area_is_proposed_from_an_accepted_coding(reply, lead, reviewer):
    training = Theme.objects.create(
        kind=ThemeKind.ASSISTANCE_AREA, code="training-x", label={"en": "Training"}
    )
    text = answer(reply, "C.1", "Training of police officers.", lead)
    AnswerTheme.objects.create(
        answer=text, theme=training, decision=Decision.ACCEPTED, decided_by=reviewer,
        decided_at=text.updated_at,
    )  # fmt: skip
    [request] = assistance_requests_from_reply(reply=reply, by=lead)
    assert request.area == training


def test_running_it_again_changes_nothing(reply, lead):
    answer(reply, "A.9", "yes", lead)
    answer(reply, "C.1", "Equipment.", lead)
    submit(reply, lead)
    before = (AssistanceRequest.objects.count(), AssistanceNote.objects.count())
    assistance_requests_from_reply(reply=reply, by=lead)
    assistance_requests_from_reply(reply=reply, by=lead)
    assert (AssistanceRequest.objects.count(), AssistanceNote.objects.count()) == before == (2, 2)


def test_a_resubmission_updates_a_request_still_received_and_keeps_the_old_text(reply, lead):
    answer(reply, "C.1", "Equipment.", lead)
    submit(reply, lead)
    return_for_clarification(reply)
    answer(reply, "C.1", "Equipment and training.", lead)
    submit(reply, lead)

    [request] = AssistanceRequest.objects.all()
    assert request.description == "Equipment and training."
    texts = [n.text for n in request.notes.all()]
    assert len(texts) == 2 and "Previous description: Equipment." in texts[1]


def test_a_resubmission_never_overwrites_a_request_staff_work_on(reply, lead, reviewer):
    answer(reply, "C.1", "Equipment.", lead)
    submit(reply, lead)
    [request] = AssistanceRequest.objects.all()
    assistance_request_update(request=request, by=reviewer, status=RequestStatus.UNDER_ASSESSMENT)
    return_for_clarification(reply)
    answer(reply, "C.1", "Equipment and training.", lead)
    submit(reply, lead)
    assistance_requests_from_reply(reply=reply, by=lead)  # and again: no second note

    request.refresh_from_db()
    assert request.description == "Equipment."
    assert request.status == RequestStatus.UNDER_ASSESSMENT
    last = request.notes.order_by("at", "pk").last()
    assert last.text.endswith("New text: Equipment and training.")
    assert request.notes.count() == 3


def test_details_given_on_resubmission_complete_the_same_request(reply, lead):
    answer(reply, "A.9", "yes", lead)
    submit(reply, lead)
    return_for_clarification(reply)
    answer(reply, "A.9.1", "Training.", lead)
    submit(reply, lead)
    [request] = AssistanceRequest.objects.select_related("answer__question")
    assert request.answer.question.code == "A.9.1"
    assert request.description == "Training."


def test_a_need_withdrawn_on_resubmission_is_noted_not_closed(reply, lead):
    answer(reply, "C.1", "Equipment.", lead)
    submit(reply, lead)
    return_for_clarification(reply)
    answer(reply, "C.1", "", lead)
    submit(reply, lead)
    assistance_requests_from_reply(reply=reply, by=lead)
    [request] = AssistanceRequest.objects.all()
    assert request.status == RequestStatus.RECEIVED
    assert [n.text for n in request.notes.all()][1:] == [
        "The resubmitted reply no longer states this need."
    ]


# --- Statuses, notes and matches ------------------------------------------------------------------


@pytest.fixture
def request_row(reply, lead):
    answer(reply, "A.9", "yes", lead)
    answer(reply, "A.9.1", "Training of prison staff.", lead)
    submit(reply, lead)
    return AssistanceRequest.objects.get()


def test_a_request_moves_through_its_statuses_with_a_note_for_each_change(request_row, reviewer):
    steps = [
        RequestStatus.UNDER_ASSESSMENT,
        RequestStatus.MATCHED,
        RequestStatus.IN_PROGRESS,
        RequestStatus.COMPLETED,
    ]
    for step in steps:
        assistance_request_update(request=request_row, by=reviewer, status=step, note=f"To {step}")
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


def test_only_the_secretariat_works_on_requests(request_row, lead, delegate, state_b_contact):
    person = expert("Ada Obi", ["a"], ["fr"])
    for outsider in (lead, delegate, state_b_contact):
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


# --- The pages -------------------------------------------------------------------------------------


def test_the_detail_page_suggests_experts_of_the_cluster_and_language_same_region_first(
    client_for, request_row, reviewer
):
    far = expert("Aaron Far", ["a"], ["fr", "en"], region="western_european_others")
    near = expert("Zoe Near", ["a"], ["fr"], region="african")  # Kenya is African
    limited = expert("Bea Busy", ["a"], ["fr"], availability=Availability.LIMITED)
    expert("Wrong Cluster", ["e"], ["fr"])
    expert("Wrong Language", ["a"], ["ru"])
    expert("Away", ["a"], ["fr"], availability=Availability.UNAVAILABLE)

    response = client_for(reviewer).get(reverse("surveys:assistance_detail", args=[request_row.pk]))
    assert response.status_code == 200
    assert [e.name for e in response.context["suggested"]] == [
        near.name,
        limited.name,
        far.name,
    ]
    page = response.content.decode()
    section = reverse(
        "surveys:reply_section", args=[request_row.reply_id, request_row.answer.question.section_id]
    )
    assert f"{section}#question-{request_row.answer.question_id}" in page
    assert "Training of prison staff." in page


def test_a_reviewer_moves_a_request_and_matches_an_expert_by_plain_post(
    client_for, request_row, reviewer
):
    person = expert("Ada Obi", ["a"], ["fr"])
    client = client_for(reviewer)
    url = reverse("surveys:assistance_update", args=[request_row.pk])
    response = client.post(url, {"status": "under_assessment", "priority": "1", "note": "Looking."})
    assert response.status_code == 302
    response = client.post(
        reverse("surveys:assistance_match", args=[request_row.pk]), {"expert": person.pk}
    )
    assert response.status_code == 302
    request_row.refresh_from_db()
    assert (request_row.status, request_row.priority) == (RequestStatus.MATCHED, Priority.HIGH)


def test_declining_without_a_note_is_refused_on_the_page(client_for, request_row, reviewer):
    response = client_for(reviewer).post(
        reverse("surveys:assistance_update", args=[request_row.pk]),
        {"status": "declined", "priority": "2", "note": ""},
    )
    assert response.status_code == 422
    assert "why the request is declined" in response.content.decode()
    request_row.refresh_from_db()
    assert request_row.status == RequestStatus.RECEIVED


def test_the_index_filters_and_counts_by_status(
    client_for, request_row, reviewer, cycle, administrator
):
    other = reply_for(cycle, "SEN")
    AssistanceRequest.objects.create(
        respondent=other.respondent, reply=other, description="Data systems", language="fr",
        cluster=Cluster.objects.get(letter="d"), status=RequestStatus.UNDER_ASSESSMENT,
    )  # fmt: skip
    client = client_for(reviewer)
    response = client.get(reverse("surveys:assistance_index"))
    assert response.context["page"].paginator.count == 2
    tabs = {value: count for value, _label, count in response.context["tabs"]}
    assert tabs[""] == 2 and tabs["received"] == 1 and tabs["under_assessment"] == 1
    response = client.get(reverse("surveys:assistance_index"), {"respondent": "SEN"})
    assert [r.respondent.code for r in response.context["page"]] == ["SEN"]
    response = client.get(
        reverse("surveys:assistance_index"), {"cluster": "a", "status": "received"}
    )
    assert [r.pk for r in response.context["page"]] == [request_row.pk]
    response = client.get(
        reverse("surveys:assistance_index"), {"region": "african", "priority": "1"}
    )
    assert list(response.context["page"]) == []


def test_the_unmet_page_groups_requests_nobody_can_meet_by_cluster_and_language(
    client_for, request_row, reviewer, cycle
):
    expert("Ada Obi", ["a"], ["en"])  # cluster (a), but not French
    expert("Away", ["a"], ["fr"], availability=Availability.UNAVAILABLE)
    expert("Dora", ["d"], ["ru"])
    other = reply_for(cycle, "SEN")
    met = AssistanceRequest.objects.create(
        respondent=other.respondent, reply=other, description="Victims", language="ru",
        cluster=Cluster.objects.get(letter="d"),
    )  # fmt: skip
    response = client_for(reviewer).get(reverse("surveys:assistance_unmet"))
    [group] = response.context["groups"]
    assert (group.cluster.letter, group.language) == ("a", "fr")
    assert group.requests == [request_row] and group.experts_in_cluster == 1
    assert met not in group.requests


# --- Who may reach the pages ------------------------------------------------------------------------


def _pages(request_row):
    return [
        ("get", reverse("surveys:assistance_index")),
        ("get", reverse("surveys:assistance_unmet")),
        ("get", reverse("surveys:assistance_detail", args=[request_row.pk])),
        ("post", reverse("surveys:assistance_update", args=[request_row.pk])),
        ("post", reverse("surveys:assistance_match", args=[request_row.pk])),
        ("post", reverse("surveys:assistance_unmatch", args=[request_row.pk])),
    ]


@pytest.mark.parametrize("actor", ["lead", "state_b_contact", "delegate"])
def test_contact_persons_and_delegates_cannot_reach_any_request_page(
    request, client_for, request_row, actor
):
    client = client_for(request.getfixturevalue(actor))
    for method, url in _pages(request_row):
        response = getattr(client, method)(url, {"note": "x", "expert": 1, "priority": 1})
        assert response.status_code in (403, 404), url
    assert request_row.notes.count() == 1


def test_an_anonymous_visitor_is_sent_to_log_in(client_for, request_row):
    client = client_for(None)
    for method, url in _pages(request_row):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


# --- Query counts ------------------------------------------------------------------------------------


def _requests(n, cycle):
    respondents = list(Respondent.objects.filter(type__code="member_state").order_by("code")[:n])
    standards = list(Standard.objects.filter(code__in=["SMR", "TOKYO"]))
    clusters = list(Cluster.objects.all())
    for i, respondent in enumerate(respondents):
        request = AssistanceRequest.objects.create(
            respondent=respondent, description=f"Need {i}", language="en",
            cluster=clusters[i % len(clusters)],
        )  # fmt: skip
        request.standards.set(standards)


@pytest.mark.parametrize("url_name", ["surveys:assistance_index", "surveys:assistance_unmet"])
def test_the_list_pages_make_as_many_queries_for_2_requests_as_for_30(
    client_for, reviewer, cycle, django_assert_num_queries, url_name
):
    expert("Ada Obi", ["a"], ["en"])
    expert("Dora", ["d"], ["ru"])
    client = client_for(reviewer)
    _requests(2, cycle)
    client.get(reverse(url_name))  # warm the session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse(url_name))
    AssistanceRequest.objects.all().delete()
    _requests(30, cycle)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(reverse(url_name))
    assert response.status_code == 200
