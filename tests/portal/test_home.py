"""The home page: the Secretariat's work in hand."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.models import Respondent
from surveys.models import AssistanceRequest, CycleInvitation, ReplyStatus, RequestStatus
from tests.surveys.replies import open_cycle, reply_for

pytestmark = pytest.mark.django_db


def _received(cycle, statuses: dict[str, str]):
    for code, status in statuses.items():
        CycleInvitation.objects.get_or_create(
            cycle=cycle, respondent=Respondent.objects.get(code=code)
        )
        reply = reply_for(cycle, code)
        reply.status = status
        reply.save(update_fields=["status"])


def _home(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("home"))
    assert response.status_code == 200
    return response, len(queries)


def test_staff_see_the_replies_awaiting_review_and_the_requests_to_assess(
    client_for, reviewer, administrator
):
    cycle = open_cycle(administrator)
    _received(
        cycle,
        {"KEN": ReplyStatus.SUBMITTED, "SEN": ReplyStatus.RESUBMITTED, "GHA": ReplyStatus.RETURNED},
    )
    kenya = Respondent.objects.get(code="KEN")
    for status in (RequestStatus.RECEIVED, RequestStatus.RECEIVED, RequestStatus.MATCHED):
        AssistanceRequest.objects.create(respondent=kenya, description="Training", status=status)
    response, _queries = _home(client_for(reviewer))
    [row] = response.context["work_cycles"]
    assert (row.title, row.awaiting_review, row.returned, row.accepted) == (cycle.title, 2, 1, 0)
    assert response.context["work_requests"] == {"received": 2, "under_assessment": 0}
    page = response.content.decode()
    assert f"{reverse('surveys:cycle_overview', args=[cycle.pk])}?status=awaiting_review" in page
    assert "2 technical-assistance requests received, not yet assessed" in page


def test_the_work_in_hand_costs_the_same_queries_for_one_cycle_or_three(
    client_for, reviewer, administrator
):
    first = open_cycle(administrator)
    _received(first, {"KEN": ReplyStatus.SUBMITTED})
    _response, one = _home(client_for(reviewer))
    for _ in range(2):
        _received(open_cycle(administrator), {"KEN": ReplyStatus.ACCEPTED, "SEN": "submitted"})
    response, three = _home(client_for(reviewer))
    assert len(response.context["work_cycles"]) == 3
    assert one == three


@pytest.mark.parametrize("actor", ["state_a_contact", "delegate", None])
def test_only_the_secretariat_sees_the_work_in_hand(actor, request, client_for, administrator):
    _received(open_cycle(administrator), {"KEN": ReplyStatus.SUBMITTED})
    response = client_for(request.getfixturevalue(actor) if actor else None).get(reverse("home"))
    assert response.status_code == 200
    assert b'data-testid="work-in-hand"' not in response.content
    assert "work_cycles" not in response.context
