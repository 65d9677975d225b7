"""The Secretariat's pages of technical-assistance requests: the index and a request's page, which
nobody else reaches, in a fixed number of queries."""

import pytest
from django.urls import reverse

from clusters.models import Availability, Cluster, Standard
from portal.models import Respondent
from surveys.models import (
    AssistanceRequest,
    Priority,
    RequestStatus,
)
from tests.surveys.assistance.helpers import (
    expert,
)
from tests.surveys.replies import reply_for

pytestmark = pytest.mark.django_db


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
    client_for, request_row, reviewer, assistance_cycle, administrator
):
    other = reply_for(assistance_cycle, "SEN")
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
    client_for, request_row, reviewer, assistance_cycle
):
    expert("Ada Obi", ["a"], ["en"])  # cluster (a), but not French
    expert("Away", ["a"], ["fr"], availability=Availability.UNAVAILABLE)
    expert("Dora", ["d"], ["ru"])
    other = reply_for(assistance_cycle, "SEN")
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


@pytest.mark.parametrize("actor", ["french_lead", "state_b_contact", "delegate"])
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
    client_for, reviewer, assistance_cycle, django_assert_num_queries, url_name
):
    expert("Ada Obi", ["a"], ["en"])
    expert("Dora", ["d"], ["ru"])
    client = client_for(reviewer)
    _requests(2, assistance_cycle)
    client.get(reverse(url_name))  # warm the session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse(url_name))
    AssistanceRequest.objects.all().delete()
    _requests(30, assistance_cycle)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(reverse(url_name))
    assert response.status_code == 200
